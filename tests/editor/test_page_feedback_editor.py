"""Editors see visitors' notes about pages, newest first, and mark them dealt with."""

from datetime import date

import sqlalchemy as sa

from tests.editor.kaart_helpers import client_as, token
from website import db
from website.editor.models import AuditEntry
from website.pages.models import PageFeedback


def add_note(app, key="about", language="nl", kind="wrong", message="", sent_on=None) -> int:
    with app.app_context():
        note = PageFeedback(
            translation_key=key,
            language=language,
            kind=kind,
            message=message,
            sent_on=sent_on or date(2026, 11, 20),
        )
        db.session().add(note)
        db.session().commit()
        return note.id


def note(app, note_id) -> PageFeedback:
    with app.app_context():
        return db.session().get(PageFeedback, note_id)


def test_editors_see_open_notes_newest_first_with_the_page(site):
    add_note(site, message="Het jaartal klopt niet.", sent_on=date(2026, 11, 1))
    add_note(site, "3-mmc/what-is", "en", "outdated", "Old numbers.", date(2026, 11, 24))
    add_note(site, "removed-page", "nl", "other", "Weg?", date(2026, 11, 10))
    client = client_as(site, "editor")
    screen = client.get("/beheer/page-feedback")
    assert screen.status_code == 200 and screen.headers["Cache-Control"] == "no-store"
    text = screen.text
    assert text.index("Old numbers.") < text.index("Weg?") < text.index("Het jaartal klopt niet.")
    assert ">Over deze site</a>" in text and 'href="/nl/over-deze-site"' in text
    assert "What is 3-MMC?" in text and "Het is verouderd" in text and "Een feit klopt niet" in text
    assert "removed-page" in text  # a page that is gone still shows its key
    english = client_as(site, "admin", language="en").get("/beheer/page-feedback").text
    assert "Notes about pages" in english and "It is outdated" in english


def test_the_dashboard_counts_the_open_notes(site):
    client = client_as(site, "editor")
    section = "Klopt er iets niet op deze pagina?"
    empty = client.get("/beheer/").text
    assert section in empty and 'href="/beheer/page-feedback">' not in empty.split(section)[1]
    add_note(site)
    add_note(site, kind="unclear")
    dashboard = client.get("/beheer/").text.split(section)[1]
    assert '<a href="/beheer/page-feedback">2 open meldingen over pagina' in dashboard


def test_resolving_needs_csrf_and_is_audited(site):
    note_id = add_note(site, message="Verouderd.")
    client = client_as(site, "editor")
    for bad in ({}, {"csrf_token": "forged"}):
        assert client.post(f"/beheer/page-feedback/{note_id}/resolve", data=bad).status_code == 400
    assert note(site, note_id).resolved_at is None
    done = client.post(
        f"/beheer/page-feedback/{note_id}/resolve", data={"csrf_token": token(client)}
    )
    assert done.status_code == 303 and done.headers["Location"] == "/beheer/page-feedback"
    resolved = note(site, note_id)
    assert resolved.resolved_by == "editor" and resolved.resolved_at is not None
    page = client.get("/beheer/page-feedback").text
    assert "De melding is afgehandeld." in page and "Verouderd." not in page
    with site.app_context():
        [entry] = db.session().scalars(
            sa.select(AuditEntry).where(AuditEntry.action == "resolve page feedback")
        )
    assert entry.account_name == "editor" and "Over deze site" in entry.target
    missing = client.post("/beheer/page-feedback/999/resolve", data={"csrf_token": token(client)})
    assert missing.status_code == 404


def test_field_workers_and_visitors_cannot_see_or_resolve_notes(site):
    note_id = add_note(site)
    worker = client_as(site, "field_worker")
    assert worker.get("/beheer/page-feedback").status_code == 403
    refused = worker.post(
        f"/beheer/page-feedback/{note_id}/resolve", data={"csrf_token": token(worker)}
    )
    assert refused.status_code == 403
    assert 'href="/beheer/page-feedback"' not in worker.get("/beheer/").text
    visitor = site.test_client().get("/beheer/page-feedback")
    assert visitor.status_code == 302 and "/beheer/login" in visitor.headers["Location"]
    assert note(site, note_id).resolved_at is None
