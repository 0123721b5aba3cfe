"""Editing functions for the editor screens: validation, versions, checks, reports."""

from datetime import date

import pytest
import sqlalchemy as sa

import sociale_kaart
from sociale_kaart import (
    ListingInvalid,
    OrganizationData,
    Report,
    Service,
    VersionConflict,
    active_services,
    add_report,
    create_organization,
    create_service,
    listings_due_for_check,
    mark_checked,
    open_reports,
    resolve_report,
    retire_organization,
    retire_service,
    service_by_slug,
    to_data,
    update_service,
)
from tests.sociale_kaart.kaart_factories import service_data


def test_a_new_listing_is_unverified_with_schedule_rows_and_terms(session):
    service = create_service(session, service_data(target_groups=["jongeren"]))
    assert service.verified is False
    assert service.assured_date is None
    assert service.version == 1
    assert [(s.byday, str(s.opens_at)) for s in service.schedules] == [
        ("MO,TU,WE,TH,FR", "09:00:00")
    ]
    assert service.term_keys("category") == ["addiction-care"]
    assert service.term_keys("target_group") == ["young-people"]  # slug read as its key


def test_invalid_listing_reports_every_field_and_saves_nothing(session):
    data = service_data(
        opening_hours="ma-vr 9-17 op afspraak",
        categories=["kapper"],
        source_url="",
        slug="Geen Slug!",
    )
    with pytest.raises(ListingInvalid) as caught:
        create_service(session, data)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"opening_hours", "categories", "source_url", "slug"}
    assert session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0


def test_a_stale_edit_is_a_conflict_not_an_overwrite(session):
    service = create_service(session, service_data())
    first = to_data(service)
    first.description = "Eerste redacteur"
    update_service(session, service.id, first, expected_version=1)
    second = to_data(service)
    second.description = "Tweede redacteur, met een oude versie"
    with pytest.raises(VersionConflict):
        update_service(session, service.id, second, expected_version=1)
    session.expire_all()
    stored = session.get(Service, service.id)
    assert (stored.description, stored.version) == ("Eerste redacteur", 2)


def test_an_edit_does_not_undo_a_check_made_meanwhile(session):
    service = create_service(session, service_data())
    form = to_data(service)  # opened before the check
    mark_checked(session, service.id, "veldwerker", on=date(2025, 5, 1))
    form.name = "Nieuwe naam"
    update_service(session, service.id, form, expected_version=1)
    assert (service.verified, service.assurer, service.name) == (True, "veldwerker", "Nieuwe naam")


def test_retired_listings_leave_the_map_but_stay_stored(session):
    service = create_service(session, service_data())
    retire_service(session, service.id, expected_version=1)
    assert active_services(session) == []
    assert service_by_slug(session, "testdienst") is None
    assert service_by_slug(session, "testdienst", include_retired=True).status == "retired"


def test_retiring_an_organisation_retires_its_services(session):
    service = create_service(session, service_data())
    org = service.organization
    retire_organization(session, org.id, expected_version=org.version)
    assert (org.status, service.status) == ("retired", "retired")


def test_organisation_names_are_unique_whatever_the_case(session):
    create_organization(session, OrganizationData(name="Tactus"))
    with pytest.raises(ListingInvalid):
        create_organization(session, OrganizationData(name="tactus"))


def test_listings_are_due_six_months_after_their_check(session):
    never = create_service(session, service_data(name="Nooit", slug="nooit"))
    checked = create_service(session, service_data(name="Gecontroleerd", slug="gecontroleerd"))
    mark_checked(session, checked.id, "veldwerker", on=date(2025, 1, 10))
    assert checked.verified is True
    due_before = listings_due_for_check(session, today=date(2025, 7, 9))
    assert due_before == [never]
    assert listings_due_for_check(session, today=date(2025, 7, 10)) == [never, checked]


def test_due_date_from_the_end_of_a_long_month(session):
    service = create_service(session, service_data())
    mark_checked(session, service.id, "redacteur", on=date(2025, 2, 28))
    assert listings_due_for_check(session, today=date(2025, 8, 27)) == []
    assert listings_due_for_check(session, today=date(2025, 8, 31)) == [service]


def test_reports_keep_nothing_about_the_visitor(session):
    service = create_service(session, service_data())
    report = add_report(session, service.id, "  Het telefoonnummer klopt niet.  ")
    assert open_reports(session) == [report]
    assert report.message == "Het telefoonnummer klopt niet."
    columns = set(Report.__table__.columns.keys())
    assert columns == {"id", "service_id", "message", "created_at", "resolved_at", "resolved_by"}
    resolve_report(session, report.id, "redacteur")
    assert open_reports(session) == []
    assert report.resolved_by == "redacteur"
    with pytest.raises(ListingInvalid):
        add_report(session, service.id, "   ")


def test_filters_for_the_public_side(session):
    create_service(session, service_data(name="A", slug="a", free=True, target_groups=["chemsex"]))
    create_service(session, service_data(name="B", slug="b", categories=["sexual-health"]))
    assert [s.slug for s in active_services(session, category="addiction-care")] == ["a"]
    assert [s.slug for s in active_services(session, target_group="chemsex")] == ["a"]
    assert [s.slug for s in active_services(session, free=True)] == ["a"]
    assert [s.slug for s in active_services(session)] == ["a", "b"]


def test_dashboard_loaders_work_without_a_session_argument(session):
    create_service(session, service_data())
    assert len(sociale_kaart.listings_due_for_check()) == 1
    assert sociale_kaart.open_reports() == []
