"""Fixtures for the sociale kaart: a session inside an app context."""

import pytest

from website import db


@pytest.fixture
def session(app):
    """A database session inside an app context (Babel and the request session work)."""
    with app.test_request_context("/nl/"):
        yield db.session()
