"""The help pages: nearest first, national apart, approximate places, filters, open now."""

import re
from datetime import datetime

import pytest

from sociale_kaart import LocationData, PhoneData, create_service
from sociale_kaart.finding import Filters, find_help
from sociale_kaart.hours import AMSTERDAM
from sociale_kaart.locating import Origin
from tests.sociale_kaart.kaart_factories import service_data
from website import db

GROENLO = Origin("Groenlo", 52.04167, 6.61667)


def add_services(app) -> None:
    """Four listings: two placed exactly, one at its town only, one national."""
    listings = [
        service_data(
            name="Tactus Zwolle",
            slug="tactus-zwolle",
            categories=["addiction-care"],
            target_groups=["young-people"],
            free=True,
            anonymous=False,
            referral_required=True,
            opening_hours="Mo-Fr 09:00-17:00; PH off",
            locations=[LocationData(city="Zwolle", latitude=52.5049, longitude=6.0907)],
            phones=[PhoneData("038-1234567", "voice"), PhoneData("06-12345678", "whatsapp")],
        ),
        service_data(
            name="Testservice Lichtenvoorde",
            slug="testservice-lichtenvoorde",
            categories=["drug-testing"],
            free=True,
            anonymous=True,
            referral_required=False,
            opening_hours="Sa 20:00-02:00",
            locations=[LocationData(city="Lichtenvoorde", latitude=51.9866, longitude=6.5666)],
        ),
        service_data(
            name="Jongerenwerk Aalten",
            slug="jongerenwerk-aalten",
            categories=["youth-work"],
            target_groups=["young-people"],
            opening_hours="",
            locations=[LocationData(city="Aalten", region="Achterhoek")],
        ),
        service_data(
            name="Infolijn",
            slug="infolijn",
            categories=["info-lines", "parents"],
            service_area="Nederland",
            opening_hours="24/7",
            locations=[],
            phones=[PhoneData("0900-1995", "voice")],
        ),
    ]
    with app.app_context():
        for data in listings:
            create_service(db.session(), data)


@pytest.fixture
def listed(kaart):
    add_services(kaart)
    return kaart


def slugs(results) -> list[str]:
    return [r.service.slug for r in results]


def test_nearest_first_with_distances_and_national_apart(listed):
    with listed.test_request_context("/nl/hulp"):
        found = find_help(db.session(), Filters(), GROENLO)
    assert slugs(found.local) == [
        "testservice-lichtenvoorde",
        "jongerenwerk-aalten",
        "tactus-zwolle",
    ]
    assert [round(r.distance_km) for r in found.local] == [7, 13, 63]
    assert slugs(found.national) == ["infolijn"]
    aalten = found.local[1]
    assert aalten.approximate and aalten.town == "Aalten"
    assert not found.local[0].approximate


@pytest.mark.parametrize(
    ("at", "open_slugs"),
    [
        (datetime(2025, 3, 4, 10, 0), ["tactus-zwolle", "infolijn"]),  # a Tuesday morning
        (datetime(2025, 3, 8, 23, 30), ["testservice-lichtenvoorde", "infolijn"]),  # Saturday
        (datetime(2025, 3, 9, 1, 30), ["testservice-lichtenvoorde", "infolijn"]),  # after midnight
        (datetime(2025, 4, 21, 10, 0), ["infolijn"]),  # Easter Monday, a public holiday
    ],
)
def test_open_now_at_fixed_times(listed, at, open_slugs):
    with listed.test_request_context("/nl/hulp"):
        found = find_help(
            db.session(), Filters(open_now=True), GROENLO, at.replace(tzinfo=AMSTERDAM)
        )
        everything = find_help(db.session(), Filters(), GROENLO, at.replace(tzinfo=AMSTERDAM))
    assert sorted(slugs(found.local + found.national)) == sorted(open_slugs)
    tactus = next(r for r in everything.local if r.service.slug == "tactus-zwolle")
    assert tactus.next_change is not None and tactus.next_change.tzinfo == AMSTERDAM


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/nl/hulp?categorie=drugs-testen", ["testservice-lichtenvoorde"]),
        ("/en/help?category=drug-testing", ["testservice-lichtenvoorde"]),
        ("/nl/hulp?categorie=ouders", ["infolijn"]),
        ("/en/help?category=parents", ["infolijn"]),
        ("/nl/hulp?doelgroep=jongeren", ["jongerenwerk-aalten", "tactus-zwolle"]),
        ("/en/help?target-group=young-people&free=yes", ["tactus-zwolle"]),
        ("/nl/hulp?anoniem=ja", ["testservice-lichtenvoorde"]),
        ("/en/help?no-referral=yes", ["testservice-lichtenvoorde"]),
        ("/nl/hulp?gratis=ja&q=Zwolle", ["tactus-zwolle", "testservice-lichtenvoorde"]),
    ],
)
def test_filters_in_both_languages(listed, path, expected):
    page = listed.test_client().get(path)
    assert page.status_code == 200
    assert re.findall(r'id="dienst-([a-z0-9-]+)"', page.text) == expected


def test_the_page_shows_distance_state_and_one_tap_actions(listed):
    page = listed.test_client().get("/en/help?q=groenlo")
    text = page.text
    assert "Nearest to Groenlo (Gelderland)" in text
    assert "7.0 km" in text and "62.7 km" in text
    assert "(approximate: placed at the town)" in text
    assert 'href="tel:0381234567"' in text
    assert 'href="https://wa.me/31612345678"' in text
    assert "https://www.openstreetmap.org/directions?route=%3B52.50490%2C6.09070" in text
    assert re.search(r"(Open now, until|Closed now, opens) ", text)
    assert 'data-lat="51.98660" data-lon="6.56660"' in text
    assert text.index('id="national"') > text.index('id="dienst-tactus-zwolle"')
    dutch = listed.test_client().get("/nl/hulp?q=groenlo").text
    assert "7,0 km" in dutch and "Landelijk" in dutch


@pytest.mark.parametrize(
    ("query", "folded"),
    [
        ("q=Groenlo", True),  # results: the list starts high on a phone
        ("", False),  # no search yet
        ("q=Lichtenvorde", False),  # a problem to solve
        ("q=Groenlo&categorie=ouders&gratis=ja&anoniem=ja", False),  # nothing found
    ],
)
def test_the_filters_fold_away_only_when_there_are_results(listed, query, folded):
    page = listed.test_client().get(f"/nl/hulp?{query}").text
    assert ('<details class="kaart-filter-box">' in page) is folded
    assert ('<details class="kaart-filter-box" open>' in page) is not folded


def test_a_misspelt_place_gets_suggestions(listed):
    page = listed.test_client().get("/en/help?q=Lichtenvorde")
    assert page.status_code == 200
    assert "Did you mean" in page.text
    assert "q=Lichtenvoorde" in page.text


@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", "x" * 3000, "8011 SS", "\x00\x07", "0000"]
)
def test_hostile_queries_get_a_page_with_a_reason(listed, query):
    page = listed.test_client().get("/en/help", query_string={"q": query})
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert 'class="kaart-problem" role="alert"' in page.text


def test_an_unknown_filter_is_named_and_ignored(listed):
    page = listed.test_client().get("/nl/hulp?categorie=bestaat-niet")
    assert "bestaat-niet" in page.text
    assert len(re.findall(r'id="dienst-', page.text)) == 4


def test_language_switch_keeps_the_search_in_the_other_words(listed):
    page = listed.test_client().get("/nl/hulp?categorie=drugs-testen&gratis=ja&q=Groenlo")
    assert 'href="/en/help?category=drug-testing&amp;free=yes&amp;q=Groenlo"' in page.text


def test_every_help_link_in_the_content_resolves(listed):
    from tests.conftest import SHIPPED_CONTENT

    links = set()
    for path in SHIPPED_CONTENT.rglob("*.md"):
        links |= set(re.findall(r"\((/(?:nl/hulp|en/help)[^)\s]*)\)", path.read_text()))
    assert len(links) >= 8
    client = listed.test_client()
    for link in sorted(links):
        page = client.get(link)
        assert page.status_code == 200, link
        assert "We do not know this filter" not in page.text, link


def test_the_nav_links_to_the_help_page(listed):
    page = listed.test_client().get("/en/help")
    assert '<a href="/en/help">Find help</a>' in page.text
    assert '<a href="/nl/hulp">Hulp zoeken</a>' in listed.test_client().get("/nl/hulp").text


def test_csp_names_the_tile_host_only_when_a_map_is_configured(listed):
    client = listed.test_client()
    plain = client.get("/nl/hulp")
    assert "img-src 'self' data:;" in plain.headers["Content-Security-Policy"]
    assert "data-show-map" not in plain.text
    listed.config["MAP_TILE_URL"] = "https://tiles.example.org/{z}/{x}/{y}.png"
    with_map = client.get("/nl/hulp")
    assert (
        "img-src 'self' data: https://tiles.example.org;"
        in with_map.headers["Content-Security-Policy"]
    )
    assert "data-show-map" in with_map.text
    assert "leaflet.js" not in re.sub(r'data-leaflet-js="[^"]*"', "", with_map.text)
    assert "set-cookie" not in {h.lower() for h in with_map.headers.keys()}
