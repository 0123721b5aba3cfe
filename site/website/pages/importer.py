"""Import content/ into the database and export it back, file by file.

The rule for a page that exists on both sides: the import updates it only while its
current revision is still the imported one. When an editor changed the page and the
file changed too, the database wins and the file is reported, so no edit is lost.
"""

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from website.pages import content_files
from website.pages.combination_store import export_combinations, import_combinations
from website.pages.content_files import ContentError, PageData
from website.pages.models import Page, Revision
from website.pages.revisions import create_page, page_data, save_revision

IMPORT_AUTHOR = "import"


@dataclass
class ContentReport:
    """What an import or export did, file by file."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Say whether every file could be used."""
        return not self.errors


def page_files(content_dir: Path) -> list[Path]:
    """Return the content files under content/, leaving out _templates/ and other data."""
    return sorted(
        path
        for language in content_files.LANGUAGES
        for path in (content_dir / language).rglob("*.md")
    )


def read_file(path: Path, content_dir: Path) -> tuple[PageData, list[str]]:
    """Parse one file and check that it sits where its language and slug say."""
    page, warnings = content_files.parse(path.read_text(encoding="utf-8"))
    relative = path.relative_to(content_dir)
    if relative not in content_files.file_paths(page.language, page.slug):
        expected = content_files.file_paths(page.language, page.slug)[0]
        raise ContentError(f"language and slug say this file belongs at {expected}", 1)
    return page, warnings


def import_content(db: Session, content_dir: Path) -> ContentReport:
    """Import every page file and combinations.yaml; a broken file is reported, the rest imports."""
    report = ContentReport()
    seen: dict[tuple[str, str], str] = {}
    for path in page_files(content_dir):
        name = str(path.relative_to(content_dir))
        try:
            data, warnings = read_file(path, content_dir)
        except ContentError as error:
            report.errors.append(f"{name}:{error.line}: {error.message}")
            continue
        except (OSError, UnicodeDecodeError) as error:
            report.errors.append(f"{name}:1: cannot read the file ({error})")
            continue
        report.warnings += [f"{name}: {w}" for w in warnings]
        key = (data.language, data.slug)
        if key in seen:
            report.errors.append(f"{name}:1: the slug '{data.slug}' is also used by {seen[key]}")
            continue
        seen[key] = name
        _import_page(db, data, name, report)
    db.commit()
    import_combinations(db, content_dir, report)
    return report


def _import_page(db: Session, data: PageData, name: str, report: ContentReport) -> None:
    page = db.scalar(select(Page).where(Page.language == data.language, Page.slug == data.slug))
    if page is None:
        create_page(db, data, IMPORT_AUTHOR, origin="import")
        report.created.append(name)
        return
    current = db.get(Revision, page.current_revision_id)
    if content_files.dump(page_data(current)) == content_files.dump(data):
        report.unchanged.append(name)
    elif current.origin == "import":
        save_revision(db, page, data, IMPORT_AUTHOR, "import", expected_version=page.version)
        report.updated.append(name)
    else:
        report.conflicts.append(
            f"{name}: changed in the file and by an editor; the editor's version is kept"
        )


def export_content(db: Session, content_dir: Path) -> ContentReport:
    """Write every page's current revision and the combinations to content/, canonically."""
    report = ContentReport()
    pages = db.scalars(select(Page).order_by(Page.language, Page.slug)).all()
    folders = {(p.language, p.slug.rsplit("/", 1)[0]) for p in pages if "/" in p.slug}
    for page in pages:
        revision = db.get(Revision, page.current_revision_id)
        data = page_data(revision)
        if page.published_revision_id != revision.id:
            data.status = "draft"
        plain, index = content_files.file_paths(page.language, page.slug)
        relative = index if (page.language, page.slug) in folders else plain
        path = content_dir / relative
        text = content_files.dump(data)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            report.unchanged.append(str(relative))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        report.updated.append(str(relative))
    export_combinations(db, content_dir, report)
    return report
