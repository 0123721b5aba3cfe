"""Fixtures: an app on a fresh database per test, a client, a CLI runner, content helpers.

The database is SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL is set
(`make test` runs the suite both ways).
"""

import os
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from website import chromium, create_app, db
from website.db import Base
from website.models import load_all

REPO_ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CONTENT = REPO_ROOT / "content"


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """Create the schema once per run; each test starts from empty tables."""
    url = _database_url(tmp_path_factory)
    load_all()
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
        Base.metadata.create_all(connection)
    engine.dispose()
    return url


def empty_all_tables(url: str) -> None:
    """Delete every row, children first, so a test starts from an empty database."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(t.name for t in Base.metadata.sorted_tables)
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                connection.execute(table.delete())
    engine.dispose()


@pytest.fixture
def content_dir(tmp_path):
    """A writable copy of the shipped content/ folder."""
    target = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, target)
    return target


@pytest.fixture
def app(database_url, tmp_path, content_dir):
    """The app on an empty database, with a copy of the shipped content not yet imported."""
    empty_all_tables(database_url)
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret",
            "CONTENT_DIR": content_dir,
            "QUICK_EXIT_URL": "https://quick-exit.example/",
            "PUBLIC_BASE_URL": "http://127.0.0.1:5000",
            "PAGE_CACHE_SECONDS": 0,  # each test sees its own changes at once
        }
    )
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A runner for the app's `flask` commands."""
    return app.test_cli_runner()


@pytest.fixture
def imported(app):
    """The app with the shipped content imported."""
    from website.pages.importer import import_content

    with app.app_context():
        report = import_content(db.session(), app.config["CONTENT_DIR"])
    assert report.ok, report.errors
    return app


@pytest.fixture(scope="session")
def browser():
    """Start Debian's Chromium once for the run; skip without it, except under CI (fail).

    One fixture for every room: Playwright's sync API allows one running instance per
    process, so two rooms each starting their own would break each other.
    """
    if not chromium.EXECUTABLE.exists():
        reason = (
            f"Debian's Chromium is missing at {chromium.EXECUTABLE}: `make browser` installs it "
            "(as root), or `apt-get install chromium`"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright)
        yield browser
        browser.close()
