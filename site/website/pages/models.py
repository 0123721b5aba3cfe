"""The content room's tables: pages, their revisions, and site-wide alerts."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from website.db import Base, utcnow


class Page(Base):
    """One page in one language; what it says lives in its revisions."""

    __tablename__ = "page"
    __table_args__ = (sa.UniqueConstraint("language", "slug", name="uq_page_language_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(sa.String(2))
    slug: Mapped[str] = mapped_column(sa.String(200))
    translation_key: Mapped[str] = mapped_column(sa.String(200), index=True)
    substance: Mapped[str | None] = mapped_column(sa.String(60), index=True)
    topic: Mapped[str | None] = mapped_column(sa.String(40))
    # Bumped on every save: an editor's save names the version it started from.
    version: Mapped[int] = mapped_column(default=0)
    current_revision_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("revision.id", use_alter=True, name="fk_page_current_revision")
    )
    published_revision_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("revision.id", use_alter=True, name="fk_page_published_revision")
    )

    current_revision: Mapped["Revision | None"] = relationship(
        foreign_keys=[current_revision_id], post_update=True
    )
    published_revision: Mapped["Revision | None"] = relationship(
        foreign_keys=[published_revision_id], post_update=True
    )

    @property
    def path(self) -> str:
        """Return the public URL path of this page."""
        return f"/{self.language}/{self.slug}"


class Revision(Base):
    """One saved state of a page: front matter, Markdown, and the HTML rendered from it."""

    __tablename__ = "revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    page_id: Mapped[int] = mapped_column(sa.ForeignKey("page.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    author: Mapped[str] = mapped_column(sa.String(120))
    # "import" for revisions made from content/ files, "editor" for the editor area.
    origin: Mapped[str] = mapped_column(sa.String(20))
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.Text)
    status: Mapped[str] = mapped_column(sa.String(20))
    reviewed_on: Mapped[date]
    review_every: Mapped[int]
    sources: Mapped[list] = mapped_column(default=list)
    needs_check: Mapped[list] = mapped_column(default=list)
    body_markdown: Mapped[str] = mapped_column(sa.Text)
    body_html: Mapped[str] = mapped_column(sa.Text)
    search_text: Mapped[str] = mapped_column(sa.Text)

    page: Mapped[Page] = relationship(foreign_keys=[page_id])


class Alert(Base):
    """A site-wide warning shown on every public page between its start and end."""

    __tablename__ = "alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    severity: Mapped[str] = mapped_column(sa.String(20))  # info, warning, danger
    text_nl: Mapped[str] = mapped_column(sa.Text)
    text_en: Mapped[str] = mapped_column(sa.Text)
    starts_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    link: Mapped[str | None] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def text(self, lang: str) -> str:
        """Return the alert's text in the given language."""
        return self.text_en if lang == "en" else self.text_nl


class PageFeedback(Base):
    """A visitor's "is something wrong on this page?" note; nothing about the visitor is kept.

    The page is named by its translation key and language, so a note survives a new slug or
    revision; the day is a date on purpose: a finer time could help tell visitors apart.
    """

    __tablename__ = "page_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    translation_key: Mapped[str] = mapped_column(sa.String(200), index=True)
    language: Mapped[str] = mapped_column(sa.String(2))
    kind: Mapped[str] = mapped_column(sa.String(20))
    message: Mapped[str] = mapped_column(sa.Text, default="")
    sent_on: Mapped[date]
    resolved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    resolved_by: Mapped[str | None] = mapped_column(sa.String(120))
