"""Read-side questions other rooms and the layout ask of the content room."""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from website.db import utcnow
from website.pages.models import Alert, Page, Revision


def published(db: Session, language: str, slug: str) -> tuple[Page, Revision] | None:
    """Return a published page and the revision visitors see, or None."""
    row = db.execute(
        select(Page, Revision)
        .join(Revision, Revision.id == Page.published_revision_id)
        .where(Page.language == language, Page.slug == slug)
    ).first()
    return (row[0], row[1]) if row else None


def translation_of(db: Session, page: Page, language: str) -> Page | None:
    """Return the published page in another language with the same translation key."""
    return db.scalar(
        select(Page).where(
            Page.translation_key == page.translation_key,
            Page.language == language,
            Page.published_revision_id.is_not(None),
        )
    )


def published_pages(db: Session, language: str | None = None) -> list[tuple[Page, Revision]]:
    """Return every published page (of one language, or all) with its visible revision."""
    query = select(Page, Revision).join(Revision, Revision.id == Page.published_revision_id)
    if language:
        query = query.where(Page.language == language)
    return [(p, r) for p, r in db.execute(query.order_by(Page.language, Page.slug))]


@dataclass(frozen=True)
class PageEntry:
    """A published page as menus and lists show it: where it is and what it is called."""

    id: int
    path: str
    substance: str | None
    topic: str | None
    title: str


def page_entries(db: Session, language: str, substance: str | None = None) -> list[PageEntry]:
    """Return the published pages of one language (or of one substance) for menus and lists.

    Reads only the few columns a link needs, not the stored HTML and search text, which
    made every page view read every page of its language in full.
    """
    query = (
        select(Page.id, Page.slug, Page.substance, Page.topic, Revision.title)
        .join(Revision, Revision.id == Page.published_revision_id)
        .where(Page.language == language)
        .order_by(Page.slug)
    )
    if substance:
        query = query.where(Page.substance == substance)
    return [
        PageEntry(row.id, f"/{language}/{row.slug}", row.substance, row.topic, row.title)
        for row in db.execute(query)
    ]


def active_alerts(db: Session, now: datetime | None = None) -> list[Alert]:
    """Return the alerts that run now, most severe first."""
    now = now or utcnow()
    alerts = db.scalars(
        select(Alert).where(Alert.starts_at <= now, Alert.ends_at > now).order_by(Alert.id)
    ).all()
    order = {"danger": 0, "warning": 1, "info": 2}
    return sorted(alerts, key=lambda a: order.get(a.severity, 3))


@dataclass
class SearchHit:
    """One search result: the page, its title and summary, and how well it matched."""

    path: str
    title: str
    summary: str
    score: int


WORD_RE = re.compile(r"[\w-]+", re.UNICODE)


def search(db: Session, language: str, query: str, limit: int = 20) -> list[SearchHit]:
    """Find published pages in one language that contain the query's words, best first.

    The site has tens of pages, not thousands, so scoring in Python over the published
    texts is fast and behaves the same on SQLite and PostgreSQL.
    """
    words = [w for w in WORD_RE.findall(query.lower()) if len(w) > 1][:10]
    if not words:
        return []
    hits = []
    for page, revision in published_pages(db, language):
        title, summary = revision.title.lower(), revision.summary.lower()
        text = revision.search_text.lower()
        if not all(w in title or w in summary or w in text for w in words):
            continue
        score = sum(5 * (w in title) + 3 * (w in summary) + min(text.count(w), 5) for w in words)
        hits.append(SearchHit(page.path, revision.title, revision.summary, score))
    return sorted(hits, key=lambda h: (-h.score, h.title))[:limit]
