"""The "is something wrong on this page?" form: cookie-less, limited, nothing about the visitor."""

import logging
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from website import create_app, db
from website.limits import _reading_outside_the_editor, limiter
from website.pages.models import PageFeedback

ABOUT = {"nl": "/nl/over-deze-site", "en": "/en/about"}
THANKS = {
    "nl": "Je melding is bij de redactie",
    "en": "Your note has reached the editors",
}


@pytest.fixture
def site(imported):
    """The shipped content, with the limiter's counters empty."""
    limiter.reset()
    return imported


def notes(app) -> list[PageFeedback]:
    with app.app_context():
        return list(db.session().scalars(sa.select(PageFeedback).order_by(PageFeedback.id)))


def test_the_form_is_on_content_pages_in_both_languages_without_a_cookie(site):
    client = site.test_client()
    for lang, heading in (("nl", "Klopt er iets niet op deze pagina?"), ("en", "Is something")):
        page = client.get(ABOUT[lang])
        assert heading in page.text
        assert f'<form method="post" action="{ABOUT[lang]}#feedback">' in page.text
        assert 'name="kind" value="outdated"' in page.text and 'maxlength="1000"' in page.text
        assert "Set-Cookie" not in page.headers
    assert "Schrijf geen namen, telefoonnummers" in client.get("/nl/3-mmc").text
    for path in ("/nl/", "/en/", "/nl/zoeken?q=3-mmc", "/nl/combinaties"):
        assert 'id="feedback"' not in client.get(path).text, path


def test_a_note_stores_the_page_kind_text_and_day_and_nothing_else(site):
    with site.app_context():
        columns = {c["name"] for c in sa.inspect(db.engine()).get_columns("page_feedback")}
    assert columns == {
        "id",
        "translation_key",
        "language",
        "kind",
        "message",
        "sent_on",
        "resolved_at",
        "resolved_by",
    }
    client = site.test_client()
    sent = client.post(
        ABOUT["en"],
        data={"kind": "outdated", "message": "  The review date is old.  "},
        headers={"User-Agent": "Testbrowser/1.0"},
        environ_base={"REMOTE_ADDR": "198.51.100.23"},
    )
    assert sent.status_code == 303
    assert sent.headers["Location"] == "/en/about?reported=1#feedback"
    assert "Set-Cookie" not in sent.headers
    [note] = notes(site)
    assert (note.translation_key, note.language, note.kind, note.message) == (
        "about",
        "en",
        "outdated",
        "The review date is old.",
    )
    assert note.sent_on == datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    assert type(note.sent_on).__name__ == "date"
    assert (note.resolved_at, note.resolved_by) == (None, None)
    with site.app_context():
        row = db.session().execute(sa.text("SELECT * FROM page_feedback")).mappings().one()
    stored = " ".join(str(value) for value in row.values())
    assert "198.51.100" not in stored and "Testbrowser" not in stored
    assert client.get_cookie("session") is None


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_thank_you_shows_in_the_visitors_language_and_only_after_sending(site, lang):
    client = site.test_client()
    sent = client.post(ABOUT[lang], data={"kind": "unclear"})
    flag = {"nl": "gemeld", "en": "reported"}[lang]
    assert sent.headers["Location"] == f"{ABOUT[lang]}?{flag}=1#feedback"
    thanks = client.get(sent.headers["Location"])
    assert THANKS[lang] in thanks.text
    assert "Set-Cookie" not in thanks.headers
    assert thanks.headers["Cache-Control"] == "no-store"
    assert THANKS[lang] not in client.get(ABOUT[lang]).text
    assert notes(site)[0].message == ""  # the text is optional


def test_a_thank_you_never_shows_on_the_plain_url_with_the_page_cache_on(site):
    settings = dict(site.config, PAGE_CACHE_SECONDS=5)
    cached = create_app(settings)
    client = cached.test_client()
    assert THANKS["nl"] in client.get(ABOUT["nl"] + "?gemeld=1").text
    plain = client.get(ABOUT["nl"])
    assert THANKS["nl"] not in plain.text and plain.headers["Cache-Control"].startswith("public")
    assert THANKS["nl"] not in client.get(ABOUT["nl"]).text  # now from memory
    assert THANKS["nl"] in client.get(ABOUT["nl"] + "?gemeld=1").text
    cached.extensions["db_engine"].dispose()


@pytest.mark.parametrize(
    ("lang", "data", "words"),
    [
        ("nl", {"message": "Het nummer is anders."}, "Kies wat er niet klopt."),
        ("en", {"kind": "nonsense", "message": "Typed text"}, "Choose what is wrong."),
        ("en", {"kind": "other", "message": "   "}, "Write in a few words what is wrong."),
        ("nl", {"kind": "wrong", "message": "x" * 1001}, "Houd het onder de 1000 tekens."),
        ("en", {"kind": "wrong", "message": "y" * 1001}, "Please keep it under 1000 characters."),
    ],
)
def test_bad_input_is_answered_kindly_and_the_text_is_kept(site, lang, data, words):
    answer = site.test_client().post(ABOUT[lang], data=data)
    assert answer.status_code == 400
    assert words in answer.text
    assert 'role="alert"' in answer.text and "Traceback" not in answer.text
    assert data["message"].strip() in answer.text
    if data.get("kind") == "wrong":
        assert 'value="wrong" checked' in answer.text
    assert "Set-Cookie" not in answer.headers
    assert notes(site) == []


def test_an_unknown_page_is_a_friendly_404(site):
    client = site.test_client()
    for path, words in (("/nl/bestaat-niet", "Deze pagina bestaat niet"), ("/en/nope", "not")):
        answer = client.post(path, data={"kind": "wrong", "message": "hallo"})
        assert answer.status_code == 404 and words in answer.text
    assert notes(site) == []


def test_notes_are_rate_limited_per_client_and_no_address_is_logged(site, caplog):
    site.config.update(REPORT_LIMIT=2, REPORT_WINDOW_SECONDS=600)
    client = site.test_client()
    address = {"REMOTE_ADDR": "203.0.113.77"}
    with caplog.at_level(logging.DEBUG):
        for n in range(2):
            sent = client.post(
                ABOUT["nl"], data={"kind": "wrong", "message": f"melding {n}"}, environ_base=address
            )
            assert sent.status_code == 303
        refused = client.post(
            ABOUT["nl"], data={"kind": "missing", "message": "nog een"}, environ_base=address
        )
        english = client.post(
            ABOUT["en"], data={"kind": "wrong", "message": "one more"}, environ_base=address
        )
    assert refused.status_code == 429
    assert "Probeer het over een paar minuten opnieuw" in refused.text
    assert "nog een" in refused.text and 'value="missing" checked' in refused.text
    assert "Set-Cookie" not in refused.headers
    assert english.status_code == 429 and "Please try again in a few minutes" in english.text
    other = client.post(
        ABOUT["nl"],
        data={"kind": "wrong", "message": "van elders"},
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert other.status_code == 303
    assert [n.message for n in notes(site)] == ["melding 0", "melding 1", "van elders"]
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert any(r.name == "flask-limiter" for r in caplog.records), "a hit limit is logged"
    assert "203.0.113" not in logged and not re.search(r"\d+\.\d+\.\d+\.\d+", logged)


def test_a_bad_note_does_not_count_against_the_limit(site):
    site.config.update(REPORT_LIMIT=1, REPORT_WINDOW_SECONDS=600)
    client = site.test_client()
    assert client.post(ABOUT["en"], data={"message": "no kind"}).status_code == 400
    assert client.post(ABOUT["en"], data={"kind": "wrong"}).status_code == 303
    assert client.post(ABOUT["en"], data={"kind": "wrong"}).status_code == 429


def test_only_reading_outside_the_editor_skips_the_limiter(site):
    cases = {
        ("GET", "/nl/over-deze-site"): True,
        ("HEAD", "/q/abc"): True,
        ("POST", "/nl/over-deze-site"): False,
        ("POST", "/nl/hulp/x/melden"): False,
        ("GET", "/beheer/login"): False,
    }
    for (method, path), exempt in cases.items():
        with site.test_request_context(path, method=method):
            assert _reading_outside_the_editor() is exempt, (method, path)
