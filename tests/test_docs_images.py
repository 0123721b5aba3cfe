"""The guides' screenshots: each one shown exists, has alt text, and none lies unused."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
IMAGE = re.compile(r"!\[([^\]]*)\]\((img/[^)\s]+)\)")


def _shown() -> list[tuple[str, str]]:
    return [m.groups() for guide in DOCS.glob("*.md") for m in IMAGE.finditer(guide.read_text())]


def test_every_screenshot_shown_exists_and_has_alt_text():
    shown = _shown()
    assert shown, "no screenshots found in docs/*.md"
    for alt, path in shown:
        assert (DOCS / path).is_file(), f"{path} is shown but missing: run make docs-screenshots"
        assert len(alt.split()) >= 2, f"{path} needs alt text that says what it shows"


def test_every_screenshot_is_shown_somewhere():
    shown = {path for _alt, path in _shown()}
    unused = {f"img/{p.name}" for p in (DOCS / "img").glob("*.png")} - shown
    assert not unused, f"screenshots no guide shows: {sorted(unused)}"
