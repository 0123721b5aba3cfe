"""The checker over HTTP, in both languages: answers, tables, unknown names, hostile input."""

import html
import re

import pytest

from tests.pages.combination_helpers import install_combinations


@pytest.fixture
def checker(app, client):
    report = install_combinations(app)
    assert report.ok, report.errors
    return client


def get(client, path: str, **params) -> str:
    response = client.get(path, query_string=params)
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
    return response.get_data(as_text=True)


def text_of(page: str) -> str:
    """Return the visible text of a page, tags removed and spaces collapsed."""
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", page).split())).replace(" :", ":")


def title_and_h1(page: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    return html.unescape(title), html.unescape(h1)


@pytest.mark.parametrize("path", ["/nl/combinaties", "/en/combinations"])
def test_empty_form_explains_the_scale(checker, path):
    page = get(checker, path)
    assert '<input id="a" name="a" type="text" list="substance-names"' in page
    assert '<input id="b" name="b"' in page and '<datalist id="substance-names">' in page
    assert '<form class="combination-form" action="' + path + '" method="get">' in page
    assert page.count('class="level level-') == 7
    assert "<script>" not in page


def test_dutch_answer_with_disagreeing_sources(checker):
    page = get(checker, "/nl/combinaties", a="poes", b="drank")
    assert title_and_h1(page)[1] == "3-MMC en Alcohol samen"
    assert title_and_h1(page)[0].startswith("3-MMC en Alcohol samen")
    words = text_of(page)
    assert "Risiconiveau: ! Onveilig" in words
    assert "Alcohol en 3-MMC belasten samen hart en lever." in words
    assert "Drink weinig of niet." in words
    assert "De bronnen zijn het niet eens." in words
    assert "PsychonautWiki, 3-MMC: ! Onveilig" in words
    assert "TripSit, drug combinations chart: ⚠ Voorzichtig" in words
    assert '<a href="https://combo.tripsit.me/" rel="noreferrer">' in page


def test_english_answer_in_english(checker):
    page = get(checker, "/en/combinations", a="alcohol", b="G")
    assert title_and_h1(page)[1] == "Alcohol and GHB together"
    words = text_of(page)
    assert "Risk level: ✕ Dangerous" in words
    assert "Alcohol and GHB both slow your breathing." in words
    assert "Do not combine these." in words
    assert "do not agree" not in words
    assert 'hreflang="nl" href="/nl/combinaties?a=alcohol&amp;b=ghb"' in page


def test_pair_in_either_order_gives_the_same_answer(checker):
    one = text_of(get(checker, "/en/combinations", a="3mmc", b="xtc"))
    other = text_of(get(checker, "/en/combinations", a="XTC", b="3 MMC"))
    assert "Risk level: ! Unsafe" in one and "Risk level: ! Unsafe" in other


def test_pair_nobody_wrote_about_is_unknown_not_safe(checker):
    words = text_of(get(checker, "/en/combinations", a="coke", b="GHB"))
    assert "Risk level: ? Unknown: not rated yet" in words
    assert "We have no information about this combination yet." in words


def test_pair_without_ratings_shows_its_text_as_unknown(checker):
    words = text_of(get(checker, "/nl/combinaties", a="3-mmc", b="ghb"))
    assert "Risiconiveau: ? Onbekend" in words
    assert "Over deze combinatie is nog te weinig bekend." in words
    assert "Nog geen enkele bron heeft deze combinatie beoordeeld." in words


@pytest.mark.parametrize(
    ("path", "caption"), [("/nl/combinaties", "<caption>"), ("/en/combinations", "<caption>")]
)
def test_one_substance_gives_a_table_of_every_pair(checker, path, caption):
    page = get(checker, path, a="poes")
    table = page[page.index("<table") : page.index("</table>")]
    assert caption in table and '<th scope="col">' in table
    rows = re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th>', table)
    assert len(rows) == 5  # every other published substance, not the draft 2-MMC
    names = [name for _, name in rows]
    assert names[0] == "Alcohol"  # the riskiest first
    assert html.unescape(rows[0][0]).endswith("a=3-MMC&b=Alcohol")
    assert "Cocaïne" in names or "Cocaine" in names
    assert "2-MMC" not in table


def test_table_links_lead_to_the_answer(checker):
    page = get(checker, "/en/combinations", a="3-mmc")
    href = html.unescape(re.search(r'<th scope="row"><a href="([^"]+)">GHB</a>', page).group(1))
    response = checker.get(href)
    assert title_and_h1(response.get_data(as_text=True))[1] == "3-MMC and GHB together"


def test_only_second_field_filled_is_treated_as_the_first(checker):
    assert title_and_h1(get(checker, "/en/combinations", b="weed"))[1] == (
        "Combinations with Cannabis (weed, hash)"
    )


@pytest.mark.parametrize(
    ("path", "says", "did_you_mean"),
    [
        ("/nl/combinaties", "We kennen de stof “poez” niet.", "Bedoelde je:"),
        ("/en/combinations", "We do not know the substance “poez”.", "Did you mean:"),
    ],
)
def test_misspelled_name_gets_suggestions_as_links(checker, path, says, did_you_mean):
    page = get(checker, path, a="poez", b="alcohl")
    words = text_of(page)
    assert says in words and did_you_mean in words
    links = [html.unescape(h) for h in re.findall(r'<li><a href="([^"]+)">3-MMC</a>\?</li>', page)]
    assert links == [f"{path}?a=3-MMC&b=Alcohol"]
    assert re.search(r'<a href="[^"]*a=3-MMC&amp;b=Alcohol">Alcohol</a>\?', page)


def test_unknown_name_without_any_likeness_lists_what_the_checker_knows(checker):
    words = text_of(get(checker, "/en/combinations", a="paracetamol"))
    assert "We do not know the substance “paracetamol”." in words
    assert "Did you mean" not in words
    assert "Substances in the checker:" in words and "GHB" in words


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/nl/combinaties", "Je vulde 3-MMC twee keer in."),
        ("/en/combinations", "You entered 3-MMC twice."),
    ],
)
def test_same_substance_twice_gets_a_friendly_answer(checker, path, says):
    page = get(checker, path, a="poes", b="3MMC")
    assert says in text_of(page)
    assert "Risk level" not in page and "Risiconiveau" not in page


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "x" * 100_000,
        "\x00\x1b[31m\u202e poes",
        "'; DROP TABLE substance; --",
    ],
)
def test_hostile_input_is_escaped_and_answered(checker, hostile):
    page = get(checker, "/en/combinations", a=hostile, b="alcohol")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert len(page) < 40_000
    assert get(checker, "/en/combinations", a="poes", b="alcohol")  # the data is still there


def test_checker_is_in_the_main_navigation(checker):
    for path, link in [("/nl/", "/nl/combinaties"), ("/en/", "/en/combinations")]:
        page = checker.get(path).get_data(as_text=True)
        nav = page[page.index('<nav class="main-nav"') : page.index("</nav>")]
        assert f'<a href="{link}">' in nav


def test_checker_works_on_an_empty_database(client):
    words = text_of(get(client, "/en/combinations", a="poes", b="alcohol"))
    assert "We do not know the substance “poes”." in words
