"""From typed text to a point: offline postcodes, the gazetteer, then the geocoder."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from sociale_kaart import geocoding
from sociale_kaart.gazetteer import find_places, suggest_places
from sociale_kaart.geocoding import GeocoderSettings
from sociale_kaart.place_models import PostalCode
from sociale_kaart.place_query import ADDRESS, INVALID, PLACE, POSTCODE, parse_query


@dataclass(frozen=True)
class Origin:
    """The point results are measured from, and how to name it to the visitor."""

    label: str
    latitude: float
    longitude: float


@dataclass
class Lookup:
    """What the typed text became: a point, or a reason with suggestions."""

    text: str
    origin: Origin | None = None
    problem: object = None  # a lazy Babel string
    suggestions: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)  # places with the same name
    geocoder_trouble: bool = False  # say: try a place name or "use my location"


_TROUBLE = {
    geocoding.OFF: _l("Searching by postcode or address is not available on this site."),
    geocoding.UNAVAILABLE: _l("The address search is not answering right now."),
    geocoding.BUSY: _l("The address search is busy right now."),
}


def locate(db: Session, raw: str, settings: GeocoderSettings) -> Lookup:
    """Find the point for a postcode, place or address typed by a visitor."""
    parsed = parse_query(raw)
    lookup = Lookup(parsed.text)
    if parsed.kind == INVALID:
        lookup.problem = parsed.problem
        return lookup
    if parsed.kind == POSTCODE:
        offline = _offline_postcode(db, parsed.postcode)
        if offline:
            lookup.origin = offline
            return lookup
        return _ask_geocoder(db, lookup, settings, postcode=True)
    if parsed.kind == PLACE:
        places = find_places(db, parsed.text)
        if places:
            first = places[0]
            lookup.origin = Origin(first.label, first.latitude, first.longitude)
            lookup.alternatives = [p.label for p in places[1:]]
            return lookup
        if not settings.enabled:
            return _unknown_place(db, lookup)
    result = _ask_geocoder(db, lookup, settings, postcode=False)
    if parsed.kind == PLACE and result.origin is None:
        return _unknown_place(db, lookup)
    return result


def _offline_postcode(db: Session, postcode: str) -> Origin | None:
    for code in dict.fromkeys((postcode, postcode[:4])):
        row = db.get(PostalCode, code)
        if row is not None:
            label = f"{code[:4]} {code[4:]}".strip()
            return Origin(
                f"{label} ({row.place})" if row.place else label, row.latitude, row.longitude
            )
    return None


def _ask_geocoder(db: Session, lookup: Lookup, settings: GeocoderSettings, postcode: bool):
    result = geocoding.geocode(db, lookup.text, settings, postcode=postcode)
    if result.status == geocoding.FOUND:
        lookup.origin = Origin(result.label or lookup.text, result.latitude, result.longitude)
    elif result.status == geocoding.NOT_FOUND:
        lookup.problem = (
            _l("We could not find this postcode. Check the digits and letters.")
            if postcode
            else _l("We could not find this address. Check the spelling, or type a place name.")
        )
        lookup.suggestions = suggest_places(db, lookup.text) if not postcode else []
    else:
        lookup.problem = _TROUBLE[result.status]
        lookup.geocoder_trouble = True
    return lookup


def _unknown_place(db: Session, lookup: Lookup) -> Lookup:
    lookup.origin = None
    lookup.geocoder_trouble = False
    lookup.suggestions = suggest_places(db, lookup.text)
    lookup.problem = (
        _l("We do not know this place. Did you mean one of these?")
        if lookup.suggestions
        else _l("We do not know this place. Check the spelling, or type a postcode.")
    )
    return lookup


__all__ = ["ADDRESS", "Lookup", "Origin", "locate"]
