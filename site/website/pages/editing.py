"""What the editor area asks of the content room: lists, review dates, restore, unpublish, diffs."""

import calendar
import difflib
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from website.pages import content_files
from website.pages.models import Page, Revision
from website.pages.revisions import VersionConflict, page_data, save_revision

SOON_DAYS = 30


def review_due_on(revision: Revision) -> date:
    """Return the date a revision's facts are due for review (reviewed_on + review_every months)."""
    start = revision.reviewed_on
    month_index = start.month - 1 + revision.review_every
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def review_state(revision: Revision, today: date) -> str:
    """Return "overdue", "soon" (within 30 days) or "ok" for a revision's review date."""
    due = review_due_on(revision)
    if due < today:
        return "overdue"
    return "soon" if due <= today + timedelta(days=SOON_DAYS) else "ok"


@dataclass
class PageRow:
    """A page with its newest revision, as the editor's page list shows it."""

    page: Page
    revision: Revision
    published: bool
    unpublished_changes: bool
    review_due: date
    review: str


def list_pages(
    db: Session,
    *,
    text: str = "",
    substance: str = "",
    topic: str = "",
    language: str = "",
    status: str = "",
    review: str = "",
    today: date | None = None,
) -> list[PageRow]:
    """Return pages matching the filters; review is overdue, soon or needs_check."""
    today = today or date.today()
    query = select(Page, Revision).join(Revision, Revision.id == Page.current_revision_id)
    if substance:
        query = query.where(Page.substance == substance)
    if topic:
        query = query.where(Page.topic == topic)
    if language:
        query = query.where(Page.language == language)
    if status == "published":
        query = query.where(Page.published_revision_id.is_not(None))
    elif status == "draft":
        query = query.where(Page.published_revision_id.is_(None))
    rows = []
    words = text.lower().split()
    for page, revision in db.execute(query.order_by(Page.slug, Page.language)):
        haystack = f"{page.slug} {revision.title} {revision.body_markdown}".lower()
        if words and not all(w in haystack for w in words):
            continue
        state = review_state(revision, today)
        if review in ("overdue", "soon") and state != review:
            continue
        if review == "needs_check" and not revision.needs_check:
            continue
        rows.append(
            PageRow(
                page=page,
                revision=revision,
                published=page.published_revision_id is not None,
                unpublished_changes=page.published_revision_id not in (None, revision.id),
                review_due=review_due_on(revision),
                review=state,
            )
        )
    return rows


def substances(db: Session) -> list[str]:
    """Return the substance keys that have pages."""
    return list(
        db.scalars(
            select(Page.substance)
            .where(Page.substance.is_not(None))
            .distinct()
            .order_by(Page.substance)
        )
    )


def revisions_of(db: Session, page: Page) -> list[Revision]:
    """Return a page's revisions, newest first."""
    return list(
        db.scalars(
            select(Revision).where(Revision.page_id == page.id).order_by(Revision.number.desc())
        )
    )


def restore_revision(
    db: Session, page: Page, revision: Revision, author: str, expected_version: int
) -> Revision:
    """Save an old revision's content again as a new draft revision (the live page stays)."""
    data = page_data(revision)
    data.status = "draft"
    return save_revision(db, page, data, author, "editor", expected_version)


def unpublish(db: Session, page: Page, expected_version: int) -> None:
    """Take a page off the site (its revisions stay); raise VersionConflict if it moved on."""
    claimed = db.execute(
        update(Page)
        .where(Page.id == page.id, Page.version == expected_version)
        .values(version=expected_version + 1, published_revision_id=None)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.rollback()
        raise VersionConflict(page.id)
    page.version, page.published_revision_id = expected_version + 1, None


def revision_text(revision: Revision) -> str:
    """Return a revision as its content file (front matter and Markdown), for diffs."""
    return content_files.dump(page_data(revision))


def revision_diff(old: Revision, new: Revision) -> list[tuple[str, str]]:
    """Return the changed lines of two revisions as (kind, line); kind is add/remove/same/gap."""
    lines = difflib.unified_diff(
        revision_text(old).splitlines(), revision_text(new).splitlines(), n=2, lineterm=""
    )
    result = []
    for line in list(lines)[2:]:
        if line.startswith("@@"):
            result.append(("gap", "…"))
        else:
            kind = {"+": "add", "-": "remove"}.get(line[:1], "same")
            result.append((kind, line[1:]))
    return result


@dataclass
class TranslationStatus:
    """The other-language page of a page, and whether it lags behind."""

    page: Page | None
    revision: Revision | None
    published: bool
    older: bool


def translation_status(db: Session, page: Page, other_language: str) -> TranslationStatus:
    """Return the translation's page and whether its newest revision is older than this page's."""
    other = db.scalar(
        select(Page).where(
            Page.translation_key == page.translation_key, Page.language == other_language
        )
    )
    if other is None:
        return TranslationStatus(None, None, False, False)
    mine = db.get(Revision, page.current_revision_id)
    theirs = db.get(Revision, other.current_revision_id)
    older = bool(mine and theirs and theirs.created_at < mine.created_at)
    return TranslationStatus(other, theirs, other.published_revision_id is not None, older)


def published_paths(db: Session) -> set[str]:
    """Return the URL paths of every published page."""
    rows = db.execute(
        select(Page.language, Page.slug).where(Page.published_revision_id.is_not(None))
    )
    return {f"/{language}/{slug}" for language, slug in rows}
