"""Login limits, CSRF, and cookies only inside /beheer."""

import logging
import re
from urllib.parse import urljoin

import sqlalchemy as sa

from tests.editor.conftest import csrf_token, log_in, make_account
from website import db
from website.limits import HideLimitKey
from website.pages.models import Alert, Revision


def _attempt(client, name, password="fout wachtwoord hier"):
    page = client.get("/beheer/login")
    return client.post(
        "/beheer/login",
        data={"name": name, "password": password, "csrf_token": csrf_token(page.text)},
        environ_overrides={"REMOTE_ADDR": client.address},
    )


def _client(site, address):
    client = site.test_client()
    client.address = address
    return client


def test_per_account_limit_is_the_same_for_known_and_unknown_names(site, caplog):
    make_account(site)
    results = {}
    with caplog.at_level(logging.INFO, logger="flask-limiter"):
        for name in ("redacteur", "niemand"):
            # A new client address for every attempt: only the per-account limit can bite.
            codes = [
                _attempt(_client(site, f"10.0.{len(name)}.{i}"), name).status_code for i in range(6)
            ]
            results[name] = codes
    assert results["redacteur"] == results["niemand"] == [200] * 5 + [429]
    blocked = _attempt(
        _client(site, "10.9.9.9"), "redacteur", password="een lange zin als wachtwoord"
    )
    assert blocked.status_code == 429, (
        "the right password does not help while the account is paused"
    )
    assert "Te veel pogingen om in te loggen" in blocked.text
    messages = [r.getMessage() for r in caplog.records if r.name == "flask-limiter"]
    assert messages, "Flask-Limiter logs a hit limit"
    assert not any(re.search(r"10\.\d+\.\d+\.\d+|account:", m) for m in messages)


def test_per_client_limit(site, caplog):
    site.config["EDITOR_LOGIN_LIMIT_CLIENT"] = "3 per 15 minutes"
    client = _client(site, "192.0.2.7")
    with caplog.at_level(logging.INFO, logger="flask-limiter"):
        codes = [_attempt(client, f"naam{i}").status_code for i in range(4)]
    assert codes == [200, 200, 200, 429]
    other = _client(site, "192.0.2.8")
    assert _attempt(other, "naam9").status_code == 200
    text = " ".join(r.getMessage() for r in caplog.records)
    assert "192.0.2.7" not in text and "exceeded" in text


def test_log_filter_drops_the_key():
    record = logging.LogRecord(
        "flask-limiter",
        logging.INFO,
        __file__,
        1,
        "ratelimit %s (%s) exceeded at endpoint: %s",
        ("5 per 15 minute", "203.0.113.9", "x"),
        None,
    )
    HideLimitKey().filter(record)
    assert "203.0.113.9" not in record.getMessage() and "5 per 15 minute" in record.getMessage()


def test_public_pages_are_not_limited(site):
    site.config["EDITOR_LOGIN_LIMIT_CLIENT"] = "1 per 15 minutes"
    client = site.test_client()
    for _ in range(30):
        response = client.get("/nl/3-mmc")
        assert response.status_code == 200
        assert not any(h.lower().startswith("x-ratelimit") for h in response.headers.keys())


def _revision_count(site):
    with site.app_context():
        return db.session().scalar(sa.select(sa.func.count(Revision.id)))


def test_post_without_or_with_a_wrong_token_changes_nothing(editor_client, site):
    page = editor_client.get("/beheer/pages/1")
    form = {
        "version": "1",
        "title": "Gekaapt",
        "summary": "x",
        "slug": "3-mmc",
        "translation_key": "3-mmc/overview",
        "substance": "3-mmc",
        "topic": "overview",
        "reviewed_on": "2026-11-01",
        "review_every": "6",
        "sources": "Bron",
        "body": "Gekaapte tekst",
        "publish": "1",
    }
    before = _revision_count(site)
    for token in (None, "verkeerd", csrf_token(page.text)[:-3] + "abc"):
        data = dict(form) if token is None else form | {"csrf_token": token}
        response = editor_client.post("/beheer/pages/1", data=data)
        assert response.status_code == 400
        assert "Gekaapte tekst" in response.text  # the typed text is given back to copy
    for path in ("/beheer/alerts/new", "/beheer/logout", "/beheer/substances/new"):
        assert editor_client.post(path, data={"csrf_token": "verkeerd"}).status_code == 400
    assert _revision_count(site) == before
    with site.app_context():
        assert db.session().scalar(sa.select(sa.func.count(Alert.id))) == 0
    assert editor_client.get("/beheer/").status_code == 200  # still logged in


def test_a_token_from_another_session_is_refused(site):
    make_account(site)
    attacker, victim = site.test_client(), site.test_client()
    log_in(attacker)
    log_in(victim)
    stolen = csrf_token(attacker.get("/beheer/alerts/new").text)
    response = victim.post("/beheer/logout", data={"csrf_token": stolen})
    assert response.status_code == 400


def _public_urls(client):
    """Crawl the public site from both home pages, plus the sitemap, robots and errors."""
    seen, todo = (
        set(),
        [
            "/",
            "/nl/",
            "/en/",
            "/sitemap.xml",
            "/robots.txt",
            "/nl/zoeken?q=3-mmc",
            "/en/search?q=poes",
            "/nl/bestaat-niet",
        ],
    )
    responses = {}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        responses[path] = response
        if response.mimetype == "text/html":
            for href in re.findall(r'href="(/[^"]*)"', response.text):
                if not href.startswith(("/beheer", "/static")):
                    todo.append(urljoin(path, href))
    return responses


def test_no_cookie_is_ever_set_outside_beheer(editor_client, site):
    # Even a logged-in editor's browser gets no cookie from, and sends none to, public pages.
    responses = _public_urls(editor_client)
    assert len(responses) >= 10
    for path, response in responses.items():
        assert "Set-Cookie" not in response.headers, path
    anonymous = _public_urls(site.test_client())
    assert all("Set-Cookie" not in r.headers for r in anonymous.values())
    cookie = editor_client.get_cookie("beheer_session", path="/beheer")
    assert cookie is not None and cookie.path == "/beheer"
