"""Postcodes and addresses to points through a Nominatim-compatible geocoder (geopy).

Only the typed text is sent. Every answer, "not found" included, is kept in the database, so
a text is asked once. All workers together send at most one request per `min_interval`
seconds: each reserves its moment with one atomic UPDATE of a single shared row.
"""

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import sqlalchemy as sa
from geopy.exc import GeopyError
from geopy.geocoders import Nominatim
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sociale_kaart.place_models import GeocodeAnswer, GeocoderClock

FOUND = "found"
NOT_FOUND = "not-found"
UNAVAILABLE = "unavailable"  # down, slow or answering errors
BUSY = "busy"  # too many visitors asking at once
OFF = "off"  # no geocoder configured
_CLOCK_ID = 1


@dataclass(frozen=True)
class GeocoderSettings:
    """Where the geocoder is and how politely to ask it."""

    url: str
    user_agent: str
    timeout: float = 5.0
    min_interval: float = 1.0
    max_wait: float = 5.0

    @property
    def enabled(self) -> bool:
        """Return whether a geocoder is configured."""
        return bool(self.url)

    @classmethod
    def from_config(cls, config) -> "GeocoderSettings":
        """Read the GEOCODER_* settings of an app's config."""
        return cls(
            url=config["GEOCODER_URL"],
            user_agent=config["GEOCODER_USER_AGENT"],
            timeout=float(config["GEOCODER_TIMEOUT"]),
            min_interval=float(config["GEOCODER_MIN_INTERVAL"]),
            max_wait=float(config["GEOCODER_TIMEOUT"]),
        )


@dataclass(frozen=True)
class GeocodeResult:
    """The geocoder's answer: a status, and a point with a label when found."""

    status: str
    label: str = ""
    latitude: float | None = None
    longitude: float | None = None


def cache_key(text: str) -> str:
    """Return the key a typed text is cached under (case and spacing do not matter)."""
    return " ".join(text.lower().split())[:200]


def reserve_request_slot(engine: sa.Engine, interval: float, max_wait: float) -> float | None:
    """Reserve the next moment to ask; return the seconds to wait, or None if too far off."""
    if interval <= 0:
        return 0.0
    table = GeocoderClock.__table__
    column = table.c.next_request_at
    # The UPDATE is decisive once the clock row exists. Seeing no row may be a race with a
    # worker creating it right now (committed after our UPDATE looked), so try once more.
    row_exists = False
    for _attempt in range(2):
        now = time.time()
        start = sa.case((column > now, column), else_=now)
        statement = (
            table.update()
            .where(table.c.id == _CLOCK_ID, column <= now + max_wait)
            .values(next_request_at=start + interval)
            .returning(column)
        )
        try:
            with engine.begin() as connection:
                reserved = connection.execute(statement).scalar()
                if reserved is not None:
                    return max(0.0, reserved - interval - now)
                if row_exists:
                    return None  # the next free moment is further off than max_wait
                if connection.scalar(sa.select(table.c.id).where(table.c.id == _CLOCK_ID)):
                    row_exists = True
                    continue
                connection.execute(
                    table.insert().values(id=_CLOCK_ID, next_request_at=now + interval)
                )
                return 0.0
        except IntegrityError:
            row_exists = True  # another worker created the row at the same moment
    return None


def _ask(settings: GeocoderSettings, query) -> GeocodeResult:
    parts = urlsplit(settings.url)
    geocoder = Nominatim(
        domain=parts.netloc + parts.path.rstrip("/"),
        scheme=parts.scheme or "https",
        user_agent=settings.user_agent,
        timeout=settings.timeout,
    )
    try:
        location = geocoder.geocode(query, exactly_one=True, country_codes="nl")
    except GeopyError:
        return GeocodeResult(UNAVAILABLE)
    if location is None:
        return GeocodeResult(NOT_FOUND)
    return GeocodeResult(FOUND, location.address[:500], location.latitude, location.longitude)


def geocode(
    db: Session, text: str, settings: GeocoderSettings, postcode: bool = False
) -> GeocodeResult:
    """Return the point for a typed text: from the cache, else from the geocoder (then cached)."""
    key = ("postcode:" if postcode else "") + cache_key(text)
    cached = db.get(GeocodeAnswer, key)
    if cached is not None:
        status = FOUND if cached.found else NOT_FOUND
        return GeocodeResult(status, cached.label, cached.latitude, cached.longitude)
    if not settings.enabled:
        return GeocodeResult(OFF)
    wait = reserve_request_slot(db.get_bind(), settings.min_interval, settings.max_wait)
    if wait is None:
        return GeocodeResult(BUSY)
    time.sleep(wait)
    query = {"postalcode": text} if postcode else text
    result = _ask(settings, query)
    if result.status in (FOUND, NOT_FOUND):
        _remember(db, key, result)
    return result


def _remember(db: Session, key: str, result: GeocodeResult) -> None:
    answer = GeocodeAnswer(
        query=key,
        found=result.status == FOUND,
        label=result.label,
        latitude=result.latitude,
        longitude=result.longitude,
    )
    try:
        db.merge(answer)
        db.commit()
    except IntegrityError:
        db.rollback()  # another worker cached the same text first; its answer is as good
