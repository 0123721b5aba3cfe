"""Content for the flyer and combination screen tests: the editor fixtures plus the rooms' data.

The editor fixture content is small (fast imports); these screens also need the shipped
flyer texts and combinations.yaml.
"""

import shutil
from pathlib import Path

from tests.conftest import SHIPPED_CONTENT

FIXTURES = Path(__file__).parent / "fixtures" / "content"


def content_with_rooms(tmp_path: Path) -> Path:
    """Copy the editor fixture content, the flyer texts and combinations.yaml; return the dir."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES, target)
    shutil.copytree(SHIPPED_CONTENT / "flyers", target / "flyers")
    shutil.copy(SHIPPED_CONTENT / "combinations.yaml", target / "combinations.yaml")
    return target
