"""Loading offline postcodes and geocoding listings' addresses (for `flask kaart ...`)."""

import csv
import io
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sociale_kaart import geocoding
from sociale_kaart.geocoding import GeocoderSettings
from sociale_kaart.models import Location
from sociale_kaart.place_models import PostalCode
from sociale_kaart.place_query import POSTCODE, parse_query


class PostcodeFileError(ValueError):
    """A postcode file that cannot be read; says which line and why."""


def load_postcodes(db: Session, text: str) -> int:
    """Replace the offline postcodes with a GeoNames postal-code file (NL.txt, tab-separated).

    Columns: country, postal code, place, admin names and codes, latitude, longitude, accuracy.
    All or nothing: a bad line raises PostcodeFileError and nothing is written.
    """
    rows: dict[str, PostalCode] = {}
    for number, line in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not line or not "".join(line).strip():
            continue
        if len(line) < 11:
            raise PostcodeFileError(f"line {number}: expected 12 tab-separated columns")
        parsed = parse_query(line[1])
        if line[0] != "NL" or parsed.kind != POSTCODE:
            raise PostcodeFileError(f"line {number}: not a Dutch postcode: {line[1]!r}")
        try:
            latitude, longitude = float(line[9]), float(line[10])
        except ValueError:
            raise PostcodeFileError(f"line {number}: latitude/longitude are not numbers") from None
        code = parsed.postcode
        rows[code] = PostalCode(code=code, place=line[2], latitude=latitude, longitude=longitude)
    db.execute(delete(PostalCode))
    db.add_all(rows.values())
    db.commit()
    return len(rows)


@dataclass
class GeocodeReport:
    """What `flask kaart geocode` did, per location."""

    found: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # a town only: stays approximate
    failed: list[str] = field(default_factory=list)  # geocoder down, slow or busy


def address_text(location: Location) -> str | None:
    """Return the address to geocode, or None when only a town is known."""
    if not (location.address_1 or location.postal_code):
        return None
    parts = [location.address_1, " ".join(filter(None, [location.postal_code, location.city]))]
    return ", ".join(p for p in parts if p)


def geocode_locations(db: Session, settings: GeocoderSettings) -> GeocodeReport:
    """Give every location with an address but no coordinates its point from the geocoder."""
    report = GeocodeReport()
    missing = select(Location).where(Location.latitude.is_(None)).order_by(Location.name)
    for location in list(db.scalars(missing)):
        text = address_text(location)
        name = f"{location.name or location.city}: {text or location.city}"
        if text is None:
            report.skipped.append(name)
            continue
        result = geocoding.geocode(db, text, settings)
        if result.status == geocoding.FOUND:
            location.latitude, location.longitude = result.latitude, result.longitude
            db.commit()
            report.found.append(name)
        elif result.status == geocoding.NOT_FOUND:
            report.not_found.append(name)
        else:
            report.failed.append(name)
    return report
