"""Writing listings to the database: one place that turns ServiceData into rows, and back."""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sociale_kaart import taxonomy
from sociale_kaart.hours import schedule_rows
from sociale_kaart.listings import (
    LocationData,
    OrganizationData,
    PhoneData,
    Problem,
    ServiceData,
    clean_service,
)
from sociale_kaart.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTerm,
    new_id,
)
from website.db import VersionConflict, claim_version  # noqa: F401  (re-exported)


class ListingInvalid(ValueError):
    """A listing that cannot be saved; `problems` says which field and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


def to_data(service: Service) -> ServiceData:
    """Return a stored service as ServiceData (what forms and exports show)."""
    org = service.organization
    return ServiceData(
        id=service.id,
        slug=service.slug,
        name=service.name,
        organization=OrganizationData(
            id=org.id,
            name=org.name,
            description=org.description,
            website=org.website,
            email=org.email,
        ),
        source_url=service.source_url,
        description=service.description,
        description_en=service.description_en,
        eligibility_description=service.eligibility_description,
        eligibility_description_en=service.eligibility_description_en,
        url=service.url,
        email=service.email,
        chat_url=service.chat_url,
        status=service.status,
        free=service.free,
        anonymous=service.anonymous,
        referral_required=service.referral_required,
        walk_in=service.walk_in,
        languages=list(service.languages),
        service_area=service.service_area,
        opening_hours=service.opening_hours,
        categories=service.term_keys(taxonomy.CATEGORY),
        target_groups=service.term_keys(taxonomy.TARGET_GROUP),
        locations=[_location_data(loc) for loc in service.locations],
        phones=[PhoneData(p.number, p.channel, p.description) for p in service.phones],
        assured_date=service.assured_date,
        assurer=service.assurer,
        verified=service.verified,
    )


def _location_data(location: Location) -> LocationData:
    return LocationData(
        id=location.id,
        name=location.name,
        address_1=location.address_1,
        postal_code=location.postal_code,
        city=location.city,
        region=location.region,
        country=location.country,
        latitude=location.latitude,
        longitude=location.longitude,
    )


def check_service(db: Session, data: ServiceData) -> list[Problem]:
    """Clean a listing and return its problems, including a slug another service has."""
    problems = clean_service(data)
    if data.slug:
        owner = db.scalar(select(Service.id).where(Service.slug == data.slug))
        if owner is not None and owner != data.id:
            problems.append(Problem("slug", _l("Another service already uses this URL word.")))
    return problems


def find_organization(db: Session, data: OrganizationData) -> Organization | None:
    """Return the organisation with this id, else with this name (any case), or None."""
    if data.id:
        found = db.get(Organization, data.id)
        if found is not None:
            return found
    return db.scalar(
        select(Organization).where(func.lower(Organization.name) == data.name.strip().lower())
    )


def organization_for(db: Session, data: OrganizationData, overwrite: bool) -> Organization:
    """Return the named organisation, created if new; `overwrite` copies data's fields onto it."""
    org = find_organization(db, data)
    if org is None:
        org = Organization(id=data.id or new_id(), name=data.name, status="active", version=1)
        db.add(org)
        overwrite = True
    if overwrite:
        org.name, org.description = data.name, data.description or ""
        org.website, org.email = data.website or None, data.email or None
    return org


def write_service(db: Session, service: Service, data: ServiceData, with_checks: bool) -> None:
    """Copy clean ServiceData onto a service and its rows; `with_checks` also copies the check.

    Editors' saves leave the check fields (assured_date, assurer, verified) alone: those change
    only through `mark_checked`, so a form opened before a check cannot undo it.
    """
    with db.no_autoflush:  # the service is half-written until the end of this block
        unlinked = _write_service(db, service, data, with_checks)
    db.flush()
    for location_id in unlinked:
        _delete_if_orphan(db, location_id)
    db.flush()


def _write_service(db: Session, service: Service, data: ServiceData, with_checks: bool) -> list:
    service.organization = organization_for(db, data.organization, overwrite=with_checks)
    for name in (
        "slug name description description_en eligibility_description "
        "eligibility_description_en url email chat_url source_url status free anonymous "
        "referral_required walk_in service_area opening_hours"
    ).split():
        setattr(service, name, getattr(data, name))
    service.languages = list(data.languages)
    if with_checks:
        service.assured_date, service.assurer = data.assured_date, data.assurer
        service.verified = data.verified
    service.phones = [
        Phone(number=p.number, channel=p.channel, description=p.description, position=i)
        for i, p in enumerate(data.phones)
    ]
    service.schedules = [
        Schedule(byday=r.byday, opens_at=r.opens_at, closes_at=r.closes_at, position=i)
        for i, r in enumerate(schedule_rows(data.opening_hours))
    ]
    service.terms = [
        ServiceTerm(taxonomy=kind, term=key)
        for kind, keys in (
            (taxonomy.CATEGORY, data.categories),
            (taxonomy.TARGET_GROUP, data.target_groups),
        )
        for key in keys
    ]
    return _write_locations(db, service, data.locations)


def _write_locations(db: Session, service: Service, locations: list[LocationData]) -> list[str]:
    """Link the service to these locations; return the ids of locations it no longer has."""
    old = {link.location_id: link for link in service.service_at_locations}
    links = []
    for position, data in enumerate(locations):
        location = db.get(Location, data.id) if data.id else None
        if location is None:
            location = Location(id=data.id or new_id())
            db.add(location)
        for name in "name address_1 postal_code city region country latitude longitude".split():
            setattr(location, name, getattr(data, name))
        location.name = location.name or ""
        location.organization = service.organization
        link = old.pop(location.id, None) or ServiceAtLocation(id=new_id(), location=location)
        link.position = position
        links.append(link)
    service.service_at_locations = links
    return list(old)


def _delete_if_orphan(db: Session, location_id: str) -> None:
    used = db.scalar(
        select(func.count())
        .select_from(ServiceAtLocation)
        .where(ServiceAtLocation.location_id == location_id)
    )
    if not used:
        location = db.get(Location, location_id)
        if location is not None:
            db.delete(location)
