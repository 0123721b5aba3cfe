"""Browser fixtures: Debian's Chromium through Playwright, the real app on a loopback port.

The live server is the app built like tests/conftest.py builds it (same test settings, same
database: SQLite in a temporary folder, or TEST_DATABASE_URL), emptied and filled with the
shipped content and one alert of each severity once per test module, and served by Werkzeug
on 127.0.0.1 with port 0 in a thread. A second tiny loopback server is the quick-exit
destination. One Chromium runs for the whole session; each test gets a fresh context (no
cookies, no storage, no cache).
"""

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer

import pytest
from werkzeug.serving import make_server

from tests.browser.pages import LOOPBACK, new_context
from tests.conftest import SHIPPED_CONTENT, empty_all_tables
from tests.factories import make_alert
from website import create_app, db


class QuickExitPage(BaseHTTPRequestHandler):
    """A neutral page on loopback, standing in for the site the quick exit goes to."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        body = b"<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"
        status = 200 if self.path in ("/", "/start") else 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args) -> None:
        """Stay quiet: the test output is for failures."""


@contextmanager
def serving(server: HTTPServer) -> Iterator[int]:
    """Run a server in a thread while the block runs; give its port."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def quick_exit_url() -> Iterator[str]:
    """Serve the quick-exit destination on loopback; yield its URL."""
    with serving(ThreadingHTTPServer((LOOPBACK, 0), QuickExitPage)) as port:
        yield f"http://{LOOPBACK}:{port}/"


@pytest.fixture(scope="module")
def live_server(database_url, tmp_path_factory, quick_exit_url) -> Iterator[str]:
    """Serve the app with the shipped content on a fresh database; yield its base URL."""
    empty_all_tables(database_url)
    content_dir = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(SHIPPED_CONTENT, content_dir)
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret",
            "CONTENT_DIR": content_dir,
            "QUICK_EXIT_URL": quick_exit_url,
            "PUBLIC_BASE_URL": "http://127.0.0.1:5000",
            "PAGE_CACHE_SECONDS": 0,  # each test sees its own changes at once
        }
    )
    from website.pages.importer import import_content

    with app.app_context():
        report = import_content(db.session(), content_dir)
        # An alert of each kind, so every page is checked with its banners showing.
        for severity in ("danger", "warning", "info"):
            db.session().add(make_alert(severity=severity, link="/nl/3-mmc/wat-is-het"))
        db.session().commit()
    assert report.ok, report.errors
    with serving(make_server(LOOPBACK, 0, app, threaded=True)) as port:
        yield f"http://{LOOPBACK}:{port}"
    app.extensions["db_engine"].dispose()


@dataclass
class Visit:
    """What one page load did: every request and response, console errors, page errors."""

    requests: list[str] = field(default_factory=list)
    responses: list = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


@pytest.fixture
def context(browser):
    """Give a fresh 320px-wide browser context that refuses anything off loopback."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """Give a page whose requests, console errors and page errors are recorded."""
    page = context.new_page()
    visit = Visit()
    page.on("request", lambda request: visit.requests.append(request.url))
    page.on("response", lambda response: visit.responses.append(response))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and visit.console_errors.append(f"{message.text} ({message.location.get('url')})")
        ),
    )
    page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
    page.visit = visit
    yield page
    page.close()
