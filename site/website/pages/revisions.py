"""Saving pages: every save is a new revision; publishing points the page at one."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from website.db import VersionConflict, claim_version  # noqa: F401  (re-exported)
from website.pages import markdown_pipeline
from website.pages.combination_store import publish_substance
from website.pages.content_files import PageData
from website.pages.models import Page, Revision

# The page a substance is entered by: its overview, or else its "what is it" page.
ENTRY_TOPICS = ("overview", "what-is")


def page_data(revision: Revision) -> PageData:
    """Return the front matter and body of a revision as PageData."""
    page = revision.page
    return PageData(
        title=revision.title,
        summary=revision.summary,
        language=page.language,
        translation_key=page.translation_key,
        slug=page.slug,
        status=revision.status,
        reviewed_on=revision.reviewed_on,
        review_every=revision.review_every,
        sources=list(revision.sources),
        body=revision.body_markdown,
        substance=page.substance,
        topic=page.topic,
        needs_check=list(revision.needs_check),
    )


def create_page(db: Session, data: PageData, author: str, origin: str) -> Page:
    """Create a page with its first revision, published if its status says so."""
    page = Page(
        language=data.language,
        slug=data.slug,
        translation_key=data.translation_key,
        substance=data.substance,
        topic=data.topic,
        version=0,
    )
    db.add(page)
    db.flush()
    save_revision(db, page, data, author, origin, expected_version=0)
    return page


def save_revision(
    db: Session, page: Page, data: PageData, author: str, origin: str, expected_version: int
) -> Revision:
    """Add a revision if the page is still at expected_version; raise VersionConflict if not.

    The version check is one atomic UPDATE ... WHERE version = N, so of two editors who
    both started from version N exactly one wins, whatever the database.
    """
    claim_version(db, Page, page.id, expected_version)
    html = markdown_pipeline.render(data.body)
    number = (
        db.scalar(
            select(Revision.number)
            .where(Revision.page_id == page.id)
            .order_by(Revision.number.desc())
            .limit(1)
        )
        or 0
    ) + 1
    revision = Revision(
        page_id=page.id,
        number=number,
        author=author,
        origin=origin,
        title=data.title,
        summary=data.summary,
        status=data.status,
        reviewed_on=data.reviewed_on,
        review_every=data.review_every,
        sources=data.sources,
        needs_check=data.needs_check,
        body_markdown=data.body,
        body_html=html,
        search_text=markdown_pipeline.plain_text(html),
    )
    db.add(revision)
    db.flush()
    page.version = expected_version + 1
    page.slug, page.translation_key = data.slug, data.translation_key
    page.substance, page.topic = data.substance, data.topic
    page.current_revision_id = revision.id
    if data.status == "published":
        page.published_revision_id = revision.id
        if page.topic in ENTRY_TOPICS:
            # A new substance enters the checker and the home page with its first page.
            publish_substance(db, page.substance)
    elif page.published_revision_id is not None and origin == "import":
        # A file that says draft takes a page off the site, as the file is the source.
        page.published_revision_id = None
    return revision
