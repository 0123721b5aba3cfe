"""Visitors' notes that something on a content page is wrong, and the editors' view of them."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from website.db import utcnow
from website.i18n import local_today
from website.pages.models import Page, PageFeedback, Revision

FEEDBACK_MAX_LENGTH = 1000
# The kinds a visitor chooses from, in the order the form shows them.
FEEDBACK_KINDS = {
    "wrong": _l("A fact is wrong"),
    "outdated": _l("It is outdated"),
    "unclear": _l("It is unclear"),
    "missing": _l("Something is missing"),
    "other": _l("Something else"),
}


class FeedbackInvalid(ValueError):
    """The note cannot be stored; `message` says why, in words for the visitor."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class OpenFeedback:
    """A note with the title, address and id of the page it is about (None if gone)."""

    note: PageFeedback
    title: str
    path: str | None = None
    page_id: int | None = None


def add_feedback(db: Session, page: Page, kind: str, message: str) -> PageFeedback:
    """Store a visitor's note about a page and commit; raise FeedbackInvalid if it is not valid."""
    message = message.strip()
    if kind not in FEEDBACK_KINDS:
        raise FeedbackInvalid(_l("Choose what is wrong."))
    if kind == "other" and not message:
        raise FeedbackInvalid(_l("Write in a few words what is wrong."))
    if len(message) > FEEDBACK_MAX_LENGTH:
        raise FeedbackInvalid(_l("Please keep it under %(n)s characters.", n=FEEDBACK_MAX_LENGTH))
    note = PageFeedback(
        translation_key=page.translation_key,
        language=page.language,
        kind=kind,
        message=message,
        sent_on=local_today(),
    )
    db.add(note)
    db.commit()
    return note


def open_feedback(db: Session) -> list[OpenFeedback]:
    """Return the notes no editor has resolved yet, newest first, with their page's title."""
    notes = db.scalars(
        select(PageFeedback)
        .where(PageFeedback.resolved_at.is_(None))
        .order_by(PageFeedback.sent_on.desc(), PageFeedback.id.desc())
    ).all()
    return _with_pages(db, notes)


def describe(db: Session, note: PageFeedback) -> OpenFeedback:
    """Return one note with the title and address of its page."""
    return _with_pages(db, [note])[0]


def _with_pages(db: Session, notes) -> list[OpenFeedback]:
    # The title editors know: the page's latest revision (drafts included); a page that
    # is gone shows its translation key.
    rows = db.execute(
        select(Page, Revision.title)
        .join(Revision, Revision.id == Page.current_revision_id)
        .where(Page.translation_key.in_({n.translation_key for n in notes}))
    ).all()
    pages = {(p.translation_key, p.language): (title, p.path, p.id) for p, title in rows}
    return [
        OpenFeedback(n, *pages.get((n.translation_key, n.language), (n.translation_key,)))
        for n in notes
    ]


def count_open_feedback(db: Session) -> int:
    """Return how many notes are still open."""
    query = select(func.count()).select_from(PageFeedback)
    return db.scalar(query.where(PageFeedback.resolved_at.is_(None))) or 0


def resolve_feedback(db: Session, feedback_id: int, account: str) -> PageFeedback:
    """Mark a note as dealt with by an account (not committed); raise LookupError if unknown."""
    note = db.get(PageFeedback, feedback_id)
    if note is None:
        raise LookupError(feedback_id)
    if note.resolved_at is None:
        note.resolved_at, note.resolved_by = utcnow(), account
    return note
