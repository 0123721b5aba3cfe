"""Every public route in both languages: status, language, headers, privacy, search, sitemap."""

import pytest

from tests.factories import make_alert
from website import db

PUBLIC_PATHS = [
    "/nl/",
    "/en/",
    "/nl/3-mmc",
    "/en/3-mmc",
    "/nl/3-mmc/wat-is-het",
    "/en/3-mmc/what-is-it",
    "/nl/veilig-surfen",
    "/en/safe-browsing",
    "/nl/zoeken",
    "/en/search",
    "/nl/zoeken?q=3-MMC",
    "/en/search?q=3-MMC",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_page_is_served_in_its_language_without_cookies(imported, client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    lang = path.split("/")[1]
    assert f'<html lang="{lang}">' in html
    assert "Set-Cookie" not in response.headers
    assert 'class="quick-exit" href="https://quick-exit.example/"' in html
    assert "112" in html
    assert "<script>" not in html  # no inline script: the CSP forbids it


@pytest.mark.parametrize("path", PUBLIC_PATHS + ["/nl/bestaat-niet", "/sitemap.xml"])
def test_security_headers_on_every_response(imported, client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    for part in (
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
    ):
        assert part in csp
    assert "unsafe-inline" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "geolocation=(self)" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers
    assert "Date" not in headers  # the server adds its own; two would be one too many


@pytest.mark.parametrize("proxies", [0, 1])
def test_forwarded_headers_count_only_behind_a_trusted_proxy(app, proxies):
    from flask import request

    from website import create_app

    proxied = create_app({**app.config, "TRUSTED_PROXIES": proxies})
    proxied.add_url_rule("/who", "who", lambda: f"{request.remote_addr} {request.scheme}")
    forwarded = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    answer = proxied.test_client().get("/who", headers=forwarded)
    assert answer.text == ("203.0.113.9 https" if proxies else "127.0.0.1 http")
    proxied.extensions["db_engine"].dispose()


def test_hsts_when_public_base_url_is_https(imported, client, app):
    app.config["PUBLIC_BASE_URL"] = "https://poes.example"
    assert "max-age" in client.get("/nl/").headers["Strict-Transport-Security"]


def test_public_pages_may_be_cached_and_answer_conditional_requests(imported, client):
    first = client.get("/nl/3-mmc")
    assert first.headers["Cache-Control"].startswith("public, max-age=")
    etag = first.headers["ETag"]
    again = client.get("/nl/3-mmc", headers={"If-None-Match": etag})
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("nl-NL,nl;q=0.9,en;q=0.5", "/nl/"),
        ("de-DE", "/nl/"),
        ("", "/nl/"),
    ],
)
def test_root_sends_visitor_to_their_language(client, accept, target):
    response = client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 302
    assert response.headers["Location"] == target
    assert "Accept-Language" in response.headers["Vary"]


def test_each_page_links_to_its_translation(imported, client):
    html = client.get("/nl/3-mmc/wat-is-het").get_data(as_text=True)
    assert 'href="/en/3-mmc/what-is-it" hreflang="en" lang="en"' in html
    html = client.get("/en/safe-browsing").get_data(as_text=True)
    assert 'href="/nl/veilig-surfen" hreflang="nl" lang="nl"' in html


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/nl/bestaat-niet", "Pagina niet gevonden"),
        ("/en/does-not-exist", "Page not found"),
        ("/fr/", "Pagina niet gevonden"),
        ("/en/zoeken", "Page not found"),
        ("/nl/search", "Pagina niet gevonden"),
    ],
)
def test_friendly_404_in_the_visitors_language(imported, client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.get_data(as_text=True)
    assert "Set-Cookie" not in response.headers


def test_friendly_500_in_the_visitors_language(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/en/boom-test")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/en/boom-test")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html and "Traceback" not in html


def test_search_finds_pages_in_the_visitors_language(imported, client):
    html = client.get("/nl/zoeken?q=poes").get_data(as_text=True)
    assert (
        "resulta" in html
        and 'href="/nl/3-mmc' in html
        and 'href="/en/' not in html.split("<main")[1]
    )
    html = client.get("/en/search?q=quick+exit").get_data(as_text=True)
    assert 'href="/en/safe-browsing"' in html


def test_search_handles_empty_odd_and_hostile_queries(imported, client):
    for query in ["", "   ", "<script>alert(1)</script>", "%00", "a" * 5000, "zzzzqqq"]:
        response = client.get("/nl/zoeken", query_string={"q": query})
        assert response.status_code == 200
        assert "<script>alert(1)" not in response.get_data(as_text=True)
    assert "Niets gevonden" in client.get("/nl/zoeken?q=zzzzqqq").get_data(as_text=True)


def test_sitemap_lists_published_pages_with_alternates(imported, client):
    xml = client.get("/sitemap.xml").get_data(as_text=True)
    assert "<loc>http://127.0.0.1:5000/nl/3-mmc/wat-is-het</loc>" in xml
    assert 'hreflang="en" href="http://127.0.0.1:5000/en/3-mmc/what-is-it"' in xml


def test_robots_keeps_crawlers_out_of_the_editor_area(client):
    body = client.get("/robots.txt").get_data(as_text=True)
    assert "Disallow: /beheer/" in body and "Sitemap: http://127.0.0.1:5000/sitemap.xml" in body


def test_active_alerts_show_on_every_page_and_expired_ones_do_not(imported, client, app):
    with app.app_context():
        session = db.session()
        session.add(make_alert(text_nl="Actueel alarm", text_en="Current alert"))
        session.add(make_alert(text_nl="Verlopen alarm", starts=-5, ends=-1))
        session.add(make_alert(text_nl="Toekomstig alarm", starts=1, ends=3))
        session.commit()
    for path in ("/nl/", "/nl/3-mmc", "/nl/zoeken", "/nl/bestaat-niet"):
        html = client.get(path).get_data(as_text=True)
        assert "Actueel alarm" in html
        assert "Verlopen alarm" not in html and "Toekomstig alarm" not in html
    assert "Current alert" in client.get("/en/").get_data(as_text=True)


def test_active_alerts_function_for_other_rooms(app):
    from website.pages import active_alerts

    with app.app_context():
        db.session().add(make_alert(severity="warning", link="/nl/3-mmc"))
        db.session().commit()
        assert active_alerts("en") == [
            ("warning", "Warning: powder sold as 3-MMC contains something else.", "/nl/3-mmc")
        ]
