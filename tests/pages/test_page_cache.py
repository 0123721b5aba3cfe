"""The in-memory page cache: public pages only, for a few seconds, conditional requests too."""

from sqlalchemy import select

from tests.factories import make_alert
from website import create_app, db, page_cache
from website.page_cache import PageCache
from website.pages.models import Page


def cached_app(app, seconds):
    settings = dict(app.config)
    settings["PAGE_CACHE_SECONDS"] = seconds
    return create_app(settings)


def test_public_page_is_served_from_memory_until_it_expires(imported):
    app = cached_app(imported, 5)
    now = [1000.0]
    app.wsgi_app.cache.clock = lambda: now[0]  # the test's clock: no race with a busy machine
    client = app.test_client()
    first = client.get("/nl/3-mmc").text
    with app.app_context():
        db.session().add(make_alert(text_nl="Nieuw alarm"))
        db.session().commit()
    assert client.get("/nl/3-mmc").text == first  # a burst of visitors costs one render
    assert "Nieuw alarm" in client.get("/nl/3-mmc?x=1").text  # another key renders afresh
    now[0] += 5.1
    assert "Nieuw alarm" in client.get("/nl/3-mmc").text
    app.extensions["db_engine"].dispose()


def test_cached_page_keeps_headers_and_answers_if_none_match(imported):
    app = cached_app(imported, 30)
    client = app.test_client()
    fresh = client.get("/nl/3-mmc/wat-is-het")
    cached = client.get("/nl/3-mmc/wat-is-het")
    assert cached.headers["ETag"] == fresh.headers["ETag"]
    assert cached.headers["Content-Security-Policy"] == fresh.headers["Content-Security-Policy"]
    assert "Set-Cookie" not in cached.headers
    assert "Date" not in cached.headers  # gunicorn adds the one Date header
    etag = fresh.headers["ETag"]
    assert client.get("/nl/3-mmc/wat-is-het", headers={"If-None-Match": etag}).status_code == 304
    app.extensions["db_engine"].dispose()


def test_a_remembered_page_is_answered_before_flask_sets_up_a_request(imported):
    app = cached_app(imported, 30)
    requests_seen = []
    app.before_request(lambda: requests_seen.append(1))
    client = app.test_client()
    first = client.get("/nl/3-mmc/wat-is-het")
    again = client.get("/nl/3-mmc/wat-is-het")
    assert again.text == first.text and len(requests_seen) == 1
    client.get("/nl/3-mmc/wat-is-het", headers={"If-None-Match": first.headers["ETag"]})
    client.head("/nl/3-mmc/wat-is-het")  # only GET is answered from memory
    client.get("/nl/3-mmc/wat-is-het?lang=x")  # another query string is another page
    assert len(requests_seen) == 3
    app.extensions["db_engine"].dispose()


def test_a_large_answer_is_not_kept(imported, monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_BODY_BYTES", 100)
    app = cached_app(imported, 30)
    requests_seen = []
    app.before_request(lambda: requests_seen.append(1))
    client = app.test_client()
    client.get("/nl/3-mmc/wat-is-het")
    client.get("/nl/3-mmc/wat-is-het")
    assert len(requests_seen) == 2
    app.extensions["db_engine"].dispose()


def test_errors_and_editor_pages_are_not_cached(imported):
    app = cached_app(imported, 30)
    client = app.test_client()
    assert client.get("/nl/nog-niet").status_code == 404
    with app.app_context():
        page = db.session().scalar(select(Page).where(Page.slug == "3-mmc/wat-is-het"))
        page.slug = "nog-niet"
        db.session().commit()
    assert client.get("/nl/nog-niet").status_code == 200
    login = client.get("/beheer/login")
    assert "no-store" in login.headers["Cache-Control"]
    app.extensions["db_engine"].dispose()


def test_least_recently_used_entry_goes_when_full():
    cache = PageCache(seconds=60, max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.get("a")
    cache.put("c", 3)
    assert cache.get("a") == 1 and cache.get("b") is None and cache.get("c") == 3
