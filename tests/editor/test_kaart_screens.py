"""The sociale kaart screens: roles, CSRF, the list, checks, reports, retiring."""

import sqlalchemy as sa

from sociale_kaart import Report, Service, add_report
from tests.editor.kaart_helpers import add_listing, client_as, token
from website import db
from website.editor.models import AuditEntry


def _service(app, service_id):
    with app.app_context():
        service = db.session().get(Service, service_id)
        db.session().expunge(service)
        return service


def _audit_actions(app):
    with app.app_context():
        return [e.action for e in db.session().scalars(sa.select(AuditEntry))]


def test_list_marks_unverified_and_due_listings_and_filters(site):
    add_listing(site, name="Tactus Zwolle", slug="tactus-zwolle")
    add_listing(
        site,
        name="Drugs Infolijn",
        slug="drugs-infolijn",
        categories=["info-lines"],
        locations=[],
        service_area="Nederland",
    )
    client = client_as(site, "field_worker")
    page = client.get("/beheer/kaart")
    assert page.status_code == 200
    assert "Tactus Zwolle" in page.text and "Drugs Infolijn" in page.text
    assert page.text.count("niet geverifieerd") == 2
    assert page.text.count("controle nodig") == 2
    assert "Tactus" in client.get("/beheer/kaart?q=zwolle").text
    assert "Drugs Infolijn" not in client.get("/beheer/kaart?q=zwolle").text
    by_category = client.get("/beheer/kaart?category=info-lines").text
    assert "Drugs Infolijn" in by_category and "Tactus Zwolle" not in by_category
    assert "Tactus" not in client.get("/beheer/kaart?status=retired").text
    assert "Tactus" not in client.get("/beheer/kaart?verified=yes").text


def test_field_worker_marks_checked_but_cannot_edit_retire_or_import(site):
    service_id = add_listing(site)
    client = client_as(site, "field_worker")
    screen = client.get(f"/beheer/kaart/services/{service_id}")
    assert screen.status_code == 200
    assert "Als gecontroleerd markeren" in screen.text
    assert "Bewerken" not in screen.text
    csrf = token(client)
    for path in (
        f"/beheer/kaart/services/{service_id}/edit",
        "/beheer/kaart/services/new",
        "/beheer/kaart/import",
        "/beheer/kaart/organisations",
    ):
        assert client.get(path).status_code == 403, path
    retire = client.post(
        f"/beheer/kaart/services/{service_id}/status",
        data={"csrf_token": csrf, "version": "1", "status": "retired"},
    )
    assert retire.status_code == 403
    assert _service(site, service_id).status == "active"
    checked = client.post(
        f"/beheer/kaart/services/{service_id}/checked",
        data={"csrf_token": csrf, "next": "/beheer/kaart?due=y"},
    )
    assert checked.status_code == 303
    assert checked.headers["Location"] == "/beheer/kaart?due=y"
    service = _service(site, service_id)
    assert service.verified is True and service.assurer == "field_worker"
    assert service.assured_date is not None
    assert "mark listing checked" in _audit_actions(site)


def test_every_post_needs_the_csrf_token(site):
    service_id = add_listing(site)
    with site.test_request_context("/"):
        report = add_report(db.session(), service_id, "Het nummer klopt niet.")
        report_id = report.id
    client = client_as(site, "editor")
    posts = [
        (f"/beheer/kaart/services/{service_id}/checked", {}),
        (f"/beheer/kaart/services/{service_id}/status", {"version": "1", "status": "retired"}),
        (f"/beheer/kaart/services/{service_id}/edit", {"name": "Anders", "version": "1"}),
        ("/beheer/kaart/services/new", {"name": "Nieuw"}),
        (f"/beheer/kaart/reports/{report_id}/resolve", {}),
        ("/beheer/kaart/organisations/new", {"name": "Nieuwe organisatie"}),
        ("/beheer/kaart/import", {"pasted": "naam;organisatie;bron\n"}),
        ("/beheer/kaart/import/confirm", {"digest": "x"}),
    ]
    for path, data in posts:
        for bad in ({}, {"csrf_token": "forged"}):
            response = client.post(path, data={**data, **bad})
            assert response.status_code == 400, path
    service = _service(site, service_id)
    assert (service.status, service.name, service.verified) == ("active", "Testdienst", False)
    with site.app_context():
        assert db.session().scalar(sa.select(sa.func.count()).select_from(Service)) == 1
        assert db.session().get(Report, report_id).resolved_at is None


def test_retire_and_put_back_with_a_version_check(site):
    service_id = add_listing(site)
    client = client_as(site, "editor")
    csrf = token(client)
    stale = client.post(
        f"/beheer/kaart/services/{service_id}/status",
        data={"csrf_token": csrf, "version": "7", "status": "retired"},
        follow_redirects=True,
    )
    assert "in de tussentijd veranderd" in stale.text
    assert _service(site, service_id).status == "active"
    client.post(
        f"/beheer/kaart/services/{service_id}/status",
        data={"csrf_token": csrf, "version": "1", "status": "retired"},
    )
    assert _service(site, service_id).status == "retired"
    assert "Testdienst" in client.get("/beheer/kaart?status=retired").text
    assert "Testdienst" not in client.get("/beheer/kaart").text
    client.post(
        f"/beheer/kaart/services/{service_id}/status",
        data={"csrf_token": csrf, "version": "2", "status": "active"},
    )
    assert _service(site, service_id).status == "active"
    assert _audit_actions(site)[-2:] == ["retire listing", "reinstate listing"]


def test_dashboard_links_to_due_listings_and_reports_which_resolve(site):
    service_id = add_listing(site)
    with site.test_request_context("/"):
        report_id = add_report(db.session(), service_id, "Het adres is verhuisd.").id
    client = client_as(site, "editor")
    dashboard = client.get("/beheer/").text
    link = f'href="/beheer/kaart/services/{service_id}"'
    assert dashboard.count(link) == 2  # due for a check, and the report
    assert "Het adres is verhuisd." in dashboard
    screen = client.get(f"/beheer/kaart/services/{service_id}").text
    assert "Het adres is verhuisd." in screen
    client.post(f"/beheer/kaart/reports/{report_id}/resolve", data={"csrf_token": token(client)})
    with site.app_context():
        assert db.session().get(Report, report_id).resolved_by == "editor"
    assert "Het adres is verhuisd." not in client.get("/beheer/").text
    worker = client_as(site, "field_worker")
    assert link in worker.get("/beheer/").text  # due list is for field workers too
    resolve = worker.post(
        f"/beheer/kaart/reports/{report_id}/resolve", data={"csrf_token": token(worker)}
    )
    assert resolve.status_code == 403


def test_menu_shows_kaart_items_per_role(site):
    worker = client_as(site, "field_worker").get("/beheer/").text
    assert 'href="/beheer/kaart"' in worker
    assert 'href="/beheer/kaart/import"' not in worker
    editor = client_as(site, "editor").get("/beheer/").text
    assert 'href="/beheer/kaart/import"' in editor
    assert 'href="/beheer/kaart/organisations"' in editor
