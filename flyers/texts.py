"""Flyer texts: one Markdown file per layout and language under content/flyers/.

Editors change what a flyer says there, without touching code (docs/content-format.md).
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

LAYOUT_TEXTS = ("a6", "card", "a5", "a4")


class FlyerTextError(ValueError):
    """A flyer text file is missing or its front matter is not usable."""


@dataclass
class FlyerText:
    """What one layout says in one language."""

    title: str
    front: list[str]
    qr_caption: str
    back_title: str = ""
    back: list[str] = field(default_factory=list)
    emergency: str = ""
    source: str = ""


def text_path(content_dir: Path, lang: str, layout: str) -> Path:
    """Return the file that holds a layout's text in a language."""
    return Path(content_dir) / "flyers" / lang / f"{layout}.md"


def load_text(content_dir: Path, lang: str, layout: str) -> FlyerText:
    """Read and check the text for a layout and language; raise FlyerTextError if unusable."""
    path = text_path(content_dir, lang, layout)
    name = f"content/flyers/{lang}/{layout}.md"
    if not path.is_file():
        raise FlyerTextError(f"{name} is missing")
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n") or "\n---" not in text[4:]:
        raise FlyerTextError(f"{name}: the front matter between --- lines is missing")
    try:
        meta = yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}
    except yaml.YAMLError as error:
        raise FlyerTextError(f"{name}: the front matter is not valid YAML ({error})") from None
    if not isinstance(meta, dict):
        raise FlyerTextError(f"{name}: the front matter must be keys and values")
    for key in ("title", "qr_caption"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise FlyerTextError(f"{name}: `{key}` is required and must be text")
    for key in ("front", "back"):
        value = meta.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise FlyerTextError(f"{name}: `{key}` must be a list of lines")
    unknown = set(meta) - {"title", "front", "qr_caption", "back_title", "back", "emergency"}
    if unknown:
        raise FlyerTextError(f"{name}: unknown keys {', '.join(sorted(unknown))}")
    return FlyerText(
        title=meta["title"].strip(),
        front=[line.strip() for line in meta.get("front", [])],
        qr_caption=meta["qr_caption"].strip(),
        back_title=str(meta.get("back_title") or "").strip(),
        back=[line.strip() for line in meta.get("back", [])],
        emergency=str(meta.get("emergency") or "").strip(),
        source=name,
    )
