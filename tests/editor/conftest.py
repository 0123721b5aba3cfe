"""Fixtures for the editor area: fixture content, accounts, logged-in clients, a live server.

The browser fixtures are this room's own (Debian's Chromium through Playwright), so these
tests do not depend on the shared browser harness.
"""

import re
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from website import db
from website.editor.models import Account
from website.editor.passwords import hash_password
from website.limits import limiter

FIXTURES = Path(__file__).parent / "fixtures"
PASSWORD = "een lange zin als wachtwoord"
CSRF_RE = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')


@pytest.fixture
def content_dir(tmp_path):
    """A small, fixed content set, so these tests do not depend on the shipped content."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", target)
    return target


@pytest.fixture
def app(app):
    """The app with the fixture page templates and generous login limits."""
    app.config["CONTENT_TEMPLATES_DIR"] = FIXTURES / "templates"
    limiter.reset()
    return app


@pytest.fixture
def site(imported):
    """The app with the fixture content imported."""
    return imported


def make_account(app, name="redacteur", role="editor", language="nl", password=PASSWORD):
    """Create an account and return its id."""
    with app.app_context():
        account = Account(
            name=name, role=role, language=language, password_hash=hash_password(password)
        )
        db.session().add(account)
        db.session().commit()
        return account.id


def csrf_token(html: str) -> str:
    """Return the first CSRF token in a page."""
    match = CSRF_RE.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def log_in(client, name="redacteur", password=PASSWORD):
    """Log a test client in and return the response to the login POST."""
    page = client.get("/beheer/login")
    return client.post(
        "/beheer/login",
        data={"name": name, "password": password, "csrf_token": csrf_token(page.text)},
    )


@pytest.fixture
def editor_client(site):
    """A test client logged in as an editor."""
    make_account(site)
    client = site.test_client()
    assert log_in(client).status_code == 303
    return client


@pytest.fixture
def live_server(site):
    """The app on a real threaded HTTP server on loopback; yields its base URL."""
    server = make_server("127.0.0.1", 0, site, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def page(browser):
    """A fresh browser page (its own cookies)."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def browser_log_in(page, base_url, name="redacteur", password=PASSWORD):
    """Log in through the login form in the browser."""
    page.goto(f"{base_url}/beheer/login")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("#submit")
    page.wait_for_url(f"{base_url}/beheer/")


def save_as_other_editor(page, base_url, url, field, text, button, name="tweede"):
    """In a second browser context, log in as another editor, change a field and save."""
    other = page.context.browser.new_context().new_page()
    browser_log_in(other, base_url, name)
    other.goto(url)
    other.fill(field, text)
    other.click(button)
    other.wait_for_selector(".notice")
    other.context.close()
