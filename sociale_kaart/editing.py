"""What the editor screens call: create, update, retire, check, and the review lists.

Each function validates, checks the version it was given, and commits; it either saves all
of an edit or raises (ListingInvalid, VersionConflict, LookupError) and saves nothing.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from sociale_kaart.listings import OrganizationData, Problem, ServiceData
from sociale_kaart.models import ACTIVE, RETIRED, Organization, Report, Service, new_id
from sociale_kaart.store import (
    ListingInvalid,
    VersionConflict,
    check_service,
    claim_version,
    find_organization,
    organization_for,
    write_service,
)
from website import db as website_db
from website.db import utcnow
from website.i18n import local_today

CHECK_EVERY_MONTHS = 6
REPORT_MAX_LENGTH = 2000

__all__ = [
    "ListingInvalid",
    "VersionConflict",
    "add_report",
    "create_organization",
    "create_service",
    "listings_due_for_check",
    "mark_checked",
    "open_reports",
    "resolve_report",
    "retire_organization",
    "retire_service",
    "update_organization",
    "update_service",
]


def _get(db: Session, model, row_id):
    row = db.get(model, row_id)
    if row is None:
        raise LookupError(f"{model.__name__} {row_id} does not exist")
    return row


def _check_organization(db: Session, data: OrganizationData, own_id: str | None) -> None:
    data.name = data.name.strip()
    if not data.name:
        raise ListingInvalid([Problem("name", _l("An organisation needs a name."))])
    other = find_organization(db, OrganizationData(name=data.name))
    if other is not None and other.id != own_id:
        raise ListingInvalid([Problem("name", _l("An organisation with this name exists."))])


def create_organization(db: Session, data: OrganizationData) -> Organization:
    """Add an organisation; raise ListingInvalid if its name is empty or taken."""
    _check_organization(db, data, own_id=None)
    data.id = None
    org = organization_for(db, data, overwrite=True)
    db.commit()
    return org


def update_organization(
    db: Session, organization_id: str, data: OrganizationData, expected_version: int
) -> Organization:
    """Change an organisation if it is still at expected_version (else VersionConflict)."""
    org = _get(db, Organization, organization_id)
    _check_organization(db, data, own_id=org.id)
    claim_version(db, Organization, org.id, expected_version)
    db.refresh(org)
    org.name, org.description = data.name, data.description or ""
    org.website, org.email = data.website or None, data.email or None
    db.commit()
    return org


def retire_organization(db: Session, organization_id: str, expected_version: int) -> Organization:
    """Retire an organisation and every service it offers (nothing is deleted)."""
    org = _get(db, Organization, organization_id)
    claim_version(db, Organization, org.id, expected_version)
    db.refresh(org)
    org.status = RETIRED
    for service in org.services:
        if service.status != RETIRED:
            service.status = RETIRED
            service.version += 1
    db.commit()
    return org


def create_service(db: Session, data: ServiceData) -> Service:
    """Add a listing (unverified, not yet checked); raise ListingInvalid with every problem."""
    data.id = None
    problems = check_service(db, data)
    if problems:
        raise ListingInvalid(problems)
    service = Service(id=new_id(), version=1, verified=False)
    db.add(service)
    write_service(db, service, data, with_checks=False)
    db.commit()
    return service


def update_service(
    db: Session, service_id: str, data: ServiceData, expected_version: int
) -> Service:
    """Save an edited listing if it is still at expected_version (else VersionConflict)."""
    service = _get(db, Service, service_id)
    data.id = service.id
    problems = check_service(db, data)
    if problems:
        raise ListingInvalid(problems)
    claim_version(db, Service, service.id, expected_version)
    db.refresh(service)
    write_service(db, service, data, with_checks=False)
    db.commit()
    return service


def retire_service(db: Session, service_id: str, expected_version: int) -> Service:
    """Take a listing off the map without deleting it (status "retired")."""
    service = _get(db, Service, service_id)
    claim_version(db, Service, service.id, expected_version)
    db.refresh(service)
    service.status = RETIRED
    db.commit()
    return service


def mark_checked(db: Session, service_id: str, account: str, on: date | None = None) -> Service:
    """Record that an account checked the listing today: it is verified and not due.

    This does not bump the version: a check changes no fact an editor may be editing.
    """
    service = _get(db, Service, service_id)
    service.assured_date = on or local_today()
    service.assurer = account
    service.verified = True
    db.commit()
    return service


def listings_due_for_check(db: Session | None = None, today: date | None = None) -> list[Service]:
    """Return active listings never checked or last checked 6 months ago or more, oldest first.

    Without a session it uses the current request's (as a dashboard loader is called).
    """
    db = db or website_db.session()
    today = today or local_today()
    months_ago = today.month - CHECK_EVERY_MONTHS
    year = today.year + (months_ago - 1) // 12
    month = (months_ago - 1) % 12 + 1
    limit = _clamped_date(year, month, today.day)
    query = (
        select(Service)
        .where(Service.status == ACTIVE)
        .where(or_(Service.assured_date.is_(None), Service.assured_date <= limit))
        .options(selectinload(Service.organization))
        .order_by(Service.assured_date.is_not(None), Service.assured_date, Service.name)
    )
    return list(db.scalars(query))


def _clamped_date(year: int, month: int, day: int) -> date:
    # 31 August minus six months is the last day of February.
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def add_report(db: Session, service_id: str, message: str) -> Report:
    """Store a visitor's "is this wrong?" message; nothing about the visitor is stored."""
    _get(db, Service, service_id)
    message = message.strip()
    if not message:
        raise ListingInvalid([Problem("message", _l("Write what is wrong."))])
    if len(message) > REPORT_MAX_LENGTH:
        raise ListingInvalid(
            [Problem("message", _l("Please keep it under %(n)s characters.", n=REPORT_MAX_LENGTH))]
        )
    report = Report(service_id=service_id, message=message)
    db.add(report)
    db.commit()
    return report


def open_reports(db: Session | None = None) -> list[Report]:
    """Return the reports no editor has resolved yet, oldest first, with their service."""
    db = db or website_db.session()
    query = (
        select(Report)
        .where(Report.resolved_at.is_(None))
        .options(selectinload(Report.service).selectinload(Service.organization))
        .order_by(Report.created_at, Report.id)
    )
    return list(db.scalars(query))


def resolve_report(db: Session, report_id: int, account: str) -> Report:
    """Mark a report as dealt with by an account."""
    report = _get(db, Report, report_id)
    if report.resolved_at is None:
        report.resolved_at, report.resolved_by = utcnow(), account
        db.commit()
    return report
