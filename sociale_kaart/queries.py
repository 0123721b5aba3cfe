"""Reading listings for the public side (part 2: search, pages, API)."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sociale_kaart import taxonomy
from sociale_kaart.models import ACTIVE, Service, ServiceAtLocation, ServiceTerm


def _loaded():
    return select(Service).options(
        selectinload(Service.organization),
        selectinload(Service.phones),
        selectinload(Service.terms),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location),
    )


def active_services(
    db: Session,
    category: str | None = None,
    target_group: str | None = None,
    free: bool | None = None,
    anonymous: bool | None = None,
    no_referral: bool | None = None,
) -> list[Service]:
    """Return active listings with their organisation, locations, phones and terms loaded.

    category and target_group are internal keys (see `taxonomy.term_from_text` for slugs);
    free/anonymous/no_referral = True keeps only listings known to be so.
    """
    query = _loaded().where(Service.status == ACTIVE)
    for kind, key in ((taxonomy.CATEGORY, category), (taxonomy.TARGET_GROUP, target_group)):
        if key:
            tagged = select(ServiceTerm.service_id).where(
                ServiceTerm.taxonomy == kind, ServiceTerm.term == key
            )
            query = query.where(Service.id.in_(tagged))
    if free:
        query = query.where(Service.free.is_(True))
    if anonymous:
        query = query.where(Service.anonymous.is_(True))
    if no_referral:
        query = query.where(Service.referral_required.is_(False))
    return list(db.scalars(query.order_by(Service.name)))


def service_by_slug(db: Session, slug: str, include_retired: bool = False) -> Service | None:
    """Return the listing with this URL word (active only, unless asked), or None."""
    query = _loaded().where(Service.slug == slug)
    if not include_retired:
        query = query.where(Service.status == ACTIVE)
    return db.scalar(query)


def all_listings(db: Session) -> list[Service]:
    """Return every listing, retired ones too, loaded like active_services (for editors)."""
    return list(db.scalars(_loaded().order_by(Service.name, Service.slug)))
