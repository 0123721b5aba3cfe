"""A substance an editor adds enters the checker and the home page with its first page."""

from datetime import date

from sqlalchemy import select

import website.pages
from website import db
from website.pages.combination_data import SubstanceData
from website.pages.content_files import PageData
from website.pages.models import Page
from website.pages.revisions import create_page, save_revision


def entry_page(status: str) -> PageData:
    return PageData(
        title="Wat is 4-FA?",
        summary="Over 4-FA.",
        language="nl",
        translation_key="4-fa/what-is",
        slug="4-fa/wat-is-het",
        status=status,
        reviewed_on=date(2026, 11, 25),
        review_every=6,
        sources=[{"title": "Bron"}],
        body="Tekst.",
        substance="4-fa",
        topic="what-is",
    )


def test_publishing_the_first_page_publishes_a_draft_substance(imported, client):
    with imported.app_context():
        website.pages.add_substance(
            SubstanceData(key="4-fa", names={"nl": "4-FA", "en": "4-FA"}, status="draft")
        )
        create_page(db.session(), entry_page("draft"), "redacteur", "editor")
        db.session().commit()
        assert "4-fa" not in dict(website.pages.substances("nl"))
    assert "4-FA" not in client.get("/nl/combinaties").text
    with imported.app_context():
        session = db.session()
        page = session.scalar(select(Page).where(Page.slug == "4-fa/wat-is-het"))
        save_revision(session, page, entry_page("published"), "redacteur", "editor", page.version)
        session.commit()
        assert "4-fa" in dict(website.pages.substances("nl"))
    assert "4-FA" in client.get("/nl/combinaties").text
    assert 'href="/nl/4-fa/wat-is-het"' in client.get("/nl/").text
