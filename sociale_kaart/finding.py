"""Find help: filtered listings, placed on the map, nearest first, with open-now state."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from sociale_kaart.gazetteer import fold, town_points
from sociale_kaart.hours import is_open, next_change
from sociale_kaart.locating import Origin
from sociale_kaart.models import Service
from sociale_kaart.nearest import Located, NearestIndex
from sociale_kaart.queries import active_services

# Near a point, the page lists this many nearest places; further ones are of little help.
NEAREST_LIMIT = 50


@dataclass(frozen=True)
class Filters:
    """What the visitor narrowed the list to (internal taxonomy keys)."""

    category: str | None = None
    target_group: str | None = None
    open_now: bool = False
    free: bool = False
    anonymous: bool = False
    no_referral: bool = False


@dataclass
class Result:
    """One listing in the results: where it is, how far, and whether it is open."""

    service: Service
    latitude: float | None = None
    longitude: float | None = None
    approximate: bool = False  # placed at its town until `flask kaart geocode` finds it
    town: str = ""
    distance_km: float | None = None
    open_now: bool | None = None
    next_change: datetime | None = None


@dataclass
class Results:
    """Listings near a point (or all, by name), national ones apart, unplaced ones last."""

    local: list[Result] = field(default_factory=list)
    national: list[Result] = field(default_factory=list)
    unplaced: list[Result] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Return how many listings there are in all three groups."""
        return len(self.local) + len(self.national) + len(self.unplaced)


def _points(service: Service, towns) -> list[Located[Result]]:
    points = []
    for location in service.locations:
        if location.latitude is not None and location.longitude is not None:
            result = Result(
                service, location.latitude, location.longitude, town=location.city or ""
            )
        else:
            place = towns.get(fold(location.city or ""))
            if place is None:
                continue
            result = Result(service, place.latitude, place.longitude, True, place.name)
        points.append(Located(result, result.latitude, result.longitude))
    return points


def find_help(
    db: Session, filters: Filters, origin: Origin | None = None, at: datetime | None = None
) -> Results:
    """Return the active listings that pass the filters, nearest to origin first."""
    services = active_services(
        db,
        category=filters.category,
        target_group=filters.target_group,
        free=filters.free or None,
        anonymous=filters.anonymous or None,
        no_referral=filters.no_referral or None,
    )
    if filters.open_now:
        services = [s for s in services if is_open(s.opening_hours, at)]
    towns = town_points(
        db, {(loc.city, loc.region) for s in services for loc in s.locations if loc.city}
    )
    results = Results()
    points: list[Located[Result]] = []
    for service in services:
        if service.is_national:
            results.national.append(Result(service))
            continue
        placed = _points(service, towns)
        if placed:
            points += placed
        else:
            results.unplaced.append(Result(service))
    if origin is None:
        pairs = [(point, None) for point in points]
    else:
        # Enough points that the nearest NEAREST_LIMIT services survive the de-duplication.
        extra = len(points) - len({point.item.service.id for point in points})
        pairs = NearestIndex(points).nearest(
            origin.latitude, origin.longitude, NEAREST_LIMIT + extra
        )
    seen = set()
    for point, km in pairs:
        # A service at several locations is listed once, at its nearest one.
        if point.item.service.id not in seen and len(results.local) < NEAREST_LIMIT:
            seen.add(point.item.service.id)
            point.item.distance_km = km
            results.local.append(point.item)
    for result in results.local + results.national + results.unplaced:
        result.open_now = is_open(result.service.opening_hours, at)
        result.next_change = next_change(result.service.opening_hours, at)
    return results
