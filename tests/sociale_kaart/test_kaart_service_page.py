"""A service's own page, its structured data, and the cookie-less "is this wrong?" form."""

import json
import logging
import re

import pytest
import sqlalchemy as sa

from sociale_kaart import Report
from tests.sociale_kaart.test_kaart_search import add_services
from website import db
from website.limits import limiter


@pytest.fixture
def listed(kaart):
    add_services(kaart)
    return kaart


def reports(app) -> list[Report]:
    with app.app_context():
        return list(db.session().scalars(sa.select(Report)))


def test_a_service_page_has_all_details_and_structured_data(listed):
    page = listed.test_client().get("/nl/hulp/tactus-zwolle")
    assert page.status_code == 200
    text = page.text
    assert "<h1>Tactus Zwolle</h1>" in text
    assert "Nog niet gecontroleerd door de redactie" in text
    assert "ma t/m vr 09:00–17:00" in text or "09:00–17:00" in text
    assert 'href="tel:0381234567"' in text
    assert 'hreflang="en" href="/en/help/tactus-zwolle"' in text or "/en/help/tactus-zwolle" in text
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    data = json.loads(found[1])
    assert data["@type"] == "Service" and data["name"] == "Tactus Zwolle"
    assert data["url"].endswith("/nl/hulp/tactus-zwolle")
    assert data["provider"]["location"][0]["geo"]["latitude"] == 52.5049
    english = listed.test_client().get("/en/help/tactus-zwolle").text
    assert "A service for the test." in english and "Is this wrong?" in english


def test_unknown_or_retired_services_are_not_found(listed):
    assert listed.test_client().get("/nl/hulp/bestaat-niet").status_code == 404
    assert listed.test_client().post("/en/help/bestaat-niet/report").status_code == 404


def test_a_report_is_stored_without_cookies_and_thanked_in_the_visitors_language(listed):
    client = listed.test_client()
    sent = client.post("/en/help/tactus-zwolle/report", data={"message": "Closed on Fridays."})
    assert sent.status_code == 303
    assert sent.headers["Location"] == "/en/help/tactus-zwolle?reported=1#report"
    assert "Set-Cookie" not in sent.headers
    thanks = client.get(sent.headers["Location"])
    assert "Set-Cookie" not in thanks.headers
    assert "Your note has reached the editors" in thanks.text
    dutch = client.post("/nl/hulp/tactus-zwolle/melden", data={"message": "Nieuw nummer."})
    assert dutch.headers["Location"] == "/nl/hulp/tactus-zwolle?gemeld=1#report"
    assert "Je melding is bij de redactie" in client.get(dutch.headers["Location"]).text
    assert sorted(r.message for r in reports(listed)) == ["Closed on Fridays.", "Nieuw nummer."]
    assert client.get_cookie("session") is None


@pytest.mark.parametrize(
    ("message", "reason"), [("   ", "Write what is wrong"), ("x" * 2001, "under")]
)
def test_an_empty_or_too_long_report_is_answered_and_not_stored(listed, message, reason):
    page = listed.test_client().post("/en/help/tactus-zwolle/report", data={"message": message})
    assert page.status_code == 400
    assert reason in page.text
    assert reports(listed) == []


def test_reports_are_rate_limited_per_client_in_memory(listed, caplog):
    listed.config.update(REPORT_LIMIT=2, REPORT_WINDOW_SECONDS=600)
    limiter.reset()
    client = listed.test_client()
    with caplog.at_level(logging.DEBUG):
        for n in range(2):
            sent = client.post("/nl/hulp/tactus-zwolle/melden", data={"message": f"melding {n}"})
            assert sent.status_code == 303
        refused = client.post("/nl/hulp/tactus-zwolle/melden", data={"message": "nog een"})
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "exceeded" in logged and "127.0.0.1" not in logged  # Flask-Limiter's, without key
    assert refused.status_code == 429
    assert "Probeer het over een paar minuten opnieuw" in refused.text
    assert "nog een" in refused.text  # the text typed is not lost
    other = client.post(
        "/nl/hulp/tactus-zwolle/melden",
        data={"message": "van elders"},
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert other.status_code == 303
    assert len(reports(listed)) == 3
