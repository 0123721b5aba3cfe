"""A new substance: its standard pages in both languages, made from content/_templates/."""

import re
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from website.pages import content_files
from website.pages.content_files import ContentError
from website.pages.models import Page
from website.pages.revisions import create_page

PLACEHOLDER = re.compile(r"\{\{\s*(name|key|aliases|class)\s*\}\}")
NAME_RE = re.compile(r"^[\w][\w .+()'-]{0,59}$", re.UNICODE)


def substance_key(name: str) -> str:
    """Return the URL key of a substance name: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def template_files(templates_dir: Path) -> list[Path]:
    """Return the page templates for new substances, per language."""
    return sorted(
        path
        for language in content_files.LANGUAGES
        for path in (Path(templates_dir) / language).glob("*.md")
    )


def fill_template(text: str, values: dict[str, str]) -> str:
    """Replace {{ name }}, {{ key }}, {{ aliases }} and {{ class }} in a template."""
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def create_substance_pages(
    db: Session,
    templates_dir: Path,
    name: str,
    aliases: list[str],
    substance_class: str,
    author: str,
) -> list[Page]:
    """Create a draft page per template for a new substance; all or nothing (ContentError)."""
    name = name.strip()
    if not NAME_RE.match(name) or not substance_key(name):
        raise ContentError("use letters, digits, spaces and - in the name")
    key = substance_key(name)
    if key in content_files.RESERVED_FIRST_SEGMENTS:
        raise ContentError(f"'{key}' is a word the site reserves for itself")
    if db.scalar(select(Page.id).where(Page.substance == key).limit(1)):
        raise ContentError(f"there are already pages for '{key}'")
    files = template_files(templates_dir)
    if not files:
        raise ContentError(f"no page templates found in {templates_dir}")
    values = {
        "name": name,
        "key": key,
        "aliases": ", ".join(a.strip() for a in aliases if a.strip()) or "-",
        "class": substance_class.strip(),
    }
    pages_data = []
    for path in files:
        data, _warnings = content_files.parse(fill_template(path.read_text("utf-8"), values))
        data.status = "draft"
        pages_data.append(data)
    taken = {(d.language, d.slug) for d in pages_data}
    existing = db.execute(select(Page.language, Page.slug)).all()
    if taken & {tuple(row) for row in existing}:
        raise ContentError("a page with one of these addresses already exists")
    return [create_page(db, data, author, origin="editor") for data in pages_data]
