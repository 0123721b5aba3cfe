"""Alerts, "Add a substance", writing hints, and the extension points for other rooms."""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

import website.pages
from tests.editor.conftest import csrf_token
from website import db
from website.editor import add_dashboard_section, add_menu_item, extending
from website.editor.writing_hints import readability, syllables, writing_hints
from website.pages.models import Alert, Page


def _alert_form(client, **changes):
    page = client.get("/beheer/alerts/new")
    now = datetime.now().replace(second=0, microsecond=0)
    data = {
        "csrf_token": csrf_token(page.text),
        "severity": "danger",
        "text_nl": "Poeder verkocht als 3-MMC bevat een andere cathinon.",
        "text_en": "Powder sold as 3-MMC contains another cathinone.",
        "starts_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        "link": "/nl/3-mmc",
    }
    return data | changes


def test_alert_is_validated_shown_and_ended(editor_client, site):
    bad_end = _alert_form(editor_client, ends_at="2020-01-01T00:00")
    assert (
        "Het einde moet na het begin liggen."
        in editor_client.post("/beheer/alerts/new", data=bad_end).text
    )
    for link in ("javascript:alert(1)", "http://example.org/", "//evil.example/"):
        response = editor_client.post(
            "/beheer/alerts/new", data=_alert_form(editor_client, link=link)
        )
        assert "https://" in response.text and response.status_code == 200
    with site.app_context():
        assert db.session().scalar(sa.select(sa.func.count(Alert.id))) == 0
    assert (
        editor_client.post("/beheer/alerts/new", data=_alert_form(editor_client)).status_code == 303
    )
    visitor = site.test_client()
    assert "bevat een andere cathinon" in visitor.get("/nl/").text
    assert "contains another cathinone" in visitor.get("/en/3-mmc").text
    listing = editor_client.get("/beheer/alerts")
    with site.app_context():
        alert_id = db.session().scalar(sa.select(Alert.id))
    response = editor_client.post(
        f"/beheer/alerts/{alert_id}/end", data={"csrf_token": csrf_token(listing.text)}
    )
    assert response.status_code == 303
    assert "bevat een andere cathinon" not in visitor.get("/nl/").text


def test_alert_gone_after_its_end_date(editor_client, site):
    editor_client.post("/beheer/alerts/new", data=_alert_form(editor_client))
    with site.app_context():
        alert = db.session().scalar(sa.select(Alert))
        alert.ends_at = datetime.now(UTC) - timedelta(minutes=1)
        db.session().commit()
    assert "bevat een andere cathinon" not in site.test_client().get("/nl/").text


def test_add_a_substance_makes_draft_pages_in_both_languages(editor_client, site):
    page = editor_client.get("/beheer/substances/new")
    data = {
        "csrf_token": csrf_token(page.text),
        "name": "4-MMC",
        "aliases": "mephedrone, meow",
        "substance_class": "cathinone",
    }
    response = editor_client.post("/beheer/substances/new", data=data)
    assert response.status_code == 303
    with site.app_context():
        pages = db.session().scalars(sa.select(Page).where(Page.substance == "4-mmc")).all()
        assert len(pages) == 14 and all(p.published_revision_id is None for p in pages)
        assert {p.language for p in pages} == {"nl", "en"}
        slugs = {p.slug for p in pages}
    assert {"4-mmc", "4-mmc/risicos", "4-mmc/risks"} <= slugs
    listing = editor_client.get("/beheer/pages?substance=4-mmc").text
    assert "Risico&#39;s van 4-MMC" in listing
    with site.app_context():
        added = {s.key: s for s in website.pages.list_substances()}["4-mmc"]
        assert added.status == "draft" and added.aliases == ["mephedrone", "meow"]
        # A draft substance is not in the checker until its first page is published.
        assert "4-mmc" not in dict(website.pages.substances("nl"))
    again = editor_client.post("/beheer/substances/new", data=data)
    assert "er zijn al" in again.text or "already pages" in again.text
    assert site.test_client().get("/nl/4-mmc").status_code == 404


def test_add_a_substance_refuses_reserved_and_odd_names(editor_client, site):
    page = editor_client.get("/beheer/substances/new")
    token = csrf_token(page.text)
    for name in ("beheer", "<script>", "a: b"):
        data = {"csrf_token": token, "name": name, "aliases": "", "substance_class": "x"}
        response = editor_client.post("/beheer/substances/new", data=data)
        assert response.status_code == 200 and "konden niet worden gemaakt" in response.text
    with site.app_context():
        assert db.session().scalar(sa.select(sa.func.count(Page.id))) == 7


def test_writing_hints():
    long = " ".join(["woord"] * 22) + "."
    hints = writing_hints(
        f"Korte zin. {long} Een arbeidsongeschiktheidsverzekering is lang.",
        "Zie [dit](/nl/bestaat-niet) en [dat](/nl/3-mmc) en [zoek](/nl/zoeken) "
        "en [hulp](/nl/hulp/x).",
        "nl",
        has_sources=False,
        has_review_date=False,
        published={"/nl/3-mmc"},
        routes={"/nl/zoeken"},
        route_prefixes={"/nl/hulp"},
    )
    assert hints.long_sentences == [long]
    assert hints.long_words == ["arbeidsongeschiktheidsverzekering"]
    assert hints.broken_links == ["/nl/bestaat-niet"]
    assert hints.missing_source and hints.missing_review_date


def test_readability_scores_follow_the_formulas():
    assert (
        syllables("banaan", "nl") == 2
        and syllables("gezondheid", "nl") == 3
        and syllables("make", "en") == 1
    )
    easy_nl = readability("Ik ben Jan. Jij bent Piet. Wij gaan weg.", "nl")
    hard_nl = readability(
        "De gemeentelijke gezondheidsdienst organiseert voorlichtingsbijeenkomsten.", "nl"
    )
    assert easy_nl > 80 > hard_nl
    # Flesch reading ease: 206.835 - 1.015 * (4 words / 1 sentence) - 84.6 * (4 / 4) = 118.175
    assert readability("The cat sat down.", "en") == round(206.835 - 1.015 * 4 - 84.6, 1)


def test_other_rooms_add_menu_items_and_dashboard_sections(editor_client, site, monkeypatch):
    monkeypatch.setattr(extending, "_sections", list(extending._sections))
    monkeypatch.setattr(extending, "_menu", list(extending._menu))

    def loader():
        return [("Drie vindplaatsen om te controleren", "/beheer/kaart")]

    extending.add_dashboard_section("Sociale kaart", loader, "field_worker")
    extending.add_menu_item("Alleen voor beheerders", "editor.audit_log", "admin")
    dashboard = editor_client.get("/beheer/").text
    assert "Sociale kaart" in dashboard and "Drie vindplaatsen om te controleren" in dashboard
    assert ">Alleen voor beheerders<" not in dashboard  # an editor is not an admin
    assert add_menu_item is extending.add_menu_item
    assert add_dashboard_section is extending.add_dashboard_section
