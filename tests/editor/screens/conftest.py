"""Fixtures for the flyer and combination screens: content with the rooms' data, a field worker.

The editor fixture content is small (fast imports); these screens also need the shipped
flyer texts and combinations.yaml.
"""

import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_CONTENT
from tests.editor.conftest import log_in, make_account

FIXTURES = Path(__file__).parents[1] / "fixtures" / "content"


def content_with_rooms(tmp_path: Path) -> Path:
    """Copy the editor fixture content, the flyer texts and combinations.yaml; return the dir."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES, target)
    shutil.copytree(SHIPPED_CONTENT / "flyers", target / "flyers")
    shutil.copy(SHIPPED_CONTENT / "combinations.yaml", target / "combinations.yaml")
    return target


@pytest.fixture
def content_dir(tmp_path):
    """The editor fixture content plus the shipped flyer texts and combinations."""
    return content_with_rooms(tmp_path)


@pytest.fixture
def field_worker(site):
    """A test client logged in as a field worker (Dutch)."""
    make_account(site, "veldwerker", role="field_worker")
    client = site.test_client()
    assert log_in(client, "veldwerker").status_code == 303
    return client
