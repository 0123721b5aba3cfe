"""Open Referral HSDS 3.0 JSON: listings out (`to_hsds`) and in (`from_hsds`).

A file is `{"hsds_version": "3.0", "services": [...]}` where each service carries its
organization, service_at_locations (with location and address), phones, schedules, attributes
(taxonomy terms), languages and service_areas, as HSDS's compiled service schema does. The
OSM `opening_hours` string travels alongside the schedule rows, and is what is read back;
schedule rows alone (from another source) are turned into OSM syntax. Fields HSDS has no
place for are extra keys on the service, listed in docs/sociale-kaart-csv.md.
"""

import json
import uuid
from datetime import date, time

from babel import Locale, UnknownLocaleError
from flask_babel import lazy_gettext as _l

from sociale_kaart import taxonomy
from sociale_kaart.hours import (
    OpeningHoursError,
    ScheduleRow,
    osm_from_schedule_rows,
    schedule_rows,
)
from sociale_kaart.listings import (
    LocationData,
    OrganizationData,
    PhoneData,
    Problem,
    ServiceData,
)
from sociale_kaart.models import ACTIVE, RETIRED

HSDS_VERSION = "3.0"
_TERMS = uuid.UUID("6f1c1f57-0c55-4a43-9d7c-6a1f2a3b9c11")  # namespace for term ids
_EXTRA_BOOLEANS = ("free", "anonymous", "referral_required", "walk_in")
_EXTRA_TEXTS = ("slug", "description_en", "eligibility_description_en", "chat_url", "source_url")
_HSDS_STATUS = {ACTIVE: "active", RETIRED: "inactive"}
_PHONE_TYPE = {"voice": "voice", "sms": "text", "whatsapp": "text"}


def _term_json(kind: str, key: str) -> dict:
    term_id = str(uuid.uuid5(_TERMS, f"{kind}:{key}"))
    return {
        "id": str(uuid.uuid5(_TERMS, f"attribute:{kind}:{key}")),
        "taxonomy_term_id": term_id,
        "link_type": kind,
        "link_entity": "service",
        "value": None,
        "taxonomy_term": {
            "id": term_id,
            "code": key,
            "name": taxonomy.label(kind, key, "nl"),
            "taxonomy": kind,
            "language": "nl",
        },
    }


def _language_name(code: str) -> str:
    try:
        return Locale.parse(code).get_language_name("nl") or code
    except (ValueError, UnknownLocaleError):
        return code


def to_hsds(data: ServiceData) -> dict:
    """Return one listing as an HSDS 3.0 service object."""
    org = data.organization
    record = {
        "id": data.id,
        "name": data.name,
        "description": data.description,
        "url": data.url,
        "email": data.email,
        "status": _HSDS_STATUS[data.status],
        "eligibility_description": data.eligibility_description,
        "assured_date": data.assured_date.isoformat() if data.assured_date else None,
        "assurer": data.assurer,
        "verified": data.verified,
        "opening_hours": data.opening_hours,
        "organization": {
            "id": org.id,
            "name": org.name,
            "description": org.description,
            "website": org.website,
            "email": org.email,
        },
        "service_at_locations": [{"location": _location_json(loc)} for loc in data.locations],
        "phones": [
            {
                "number": p.number,
                "type": _PHONE_TYPE[p.channel],
                "channel": p.channel,
                "description": p.description,
            }
            for p in data.phones
        ],  # fmt: skip
        "schedules": [
            {
                "freq": "WEEKLY",
                "byday": r.byday,
                "opens_at": f"{r.opens_at:%H:%M}",
                "closes_at": f"{r.closes_at:%H:%M}",
                "timezone": "Europe/Amsterdam",
            }
            for r in schedule_rows(data.opening_hours)
        ],  # fmt: skip
        "attributes": [_term_json(taxonomy.CATEGORY, k) for k in data.categories]
        + [_term_json(taxonomy.TARGET_GROUP, k) for k in data.target_groups],
        "languages": [{"code": c, "name": _language_name(c)} for c in data.languages],
        "service_areas": [{"name": data.service_area}] if data.service_area else [],
    }
    record.update({name: getattr(data, name) for name in _EXTRA_TEXTS + _EXTRA_BOOLEANS})
    return record


def _location_json(loc: LocationData) -> dict:
    address = {
        "address_1": loc.address_1,
        "city": loc.city,
        "region": loc.region,
        "state_province": None,
        "postal_code": loc.postal_code,
        "country": loc.country,
        "address_type": "physical",
    }
    return {
        "id": loc.id,
        "location_type": "physical",
        "name": loc.name,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "addresses": [address] if any([loc.address_1, loc.city, loc.postal_code]) else [],
    }


def dump_hsds(services: list[ServiceData]) -> str:
    """Return an HSDS 3.0 JSON document with these listings."""
    document = {"hsds_version": HSDS_VERSION, "services": [to_hsds(s) for s in services]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class _Bad(ValueError):
    def __init__(self, field: str, message):
        super().__init__(field)
        self.field, self.message = field, message


def parse_hsds(text: str) -> tuple[list[tuple[int, ServiceData]], list[Problem]]:
    """Read an HSDS JSON document; return (record number, listing) pairs and problems."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem("file", _l("This is not valid JSON (line %(n)s).", n=error.lineno))]
    services = document.get("services") if isinstance(document, dict) else document
    if not isinstance(services, list):
        return [], [Problem("file", _l("The file needs a list of services."))]
    records, problems = [], []
    for number, item in enumerate(services, start=1):
        try:
            records.append((number, from_hsds(item)))
        except _Bad as bad:
            problems.append(Problem(bad.field, bad.message, number))
    return records, problems


def _text(item: dict, name: str, required: bool = False) -> str | None:
    value = item.get(name)
    if value is None or value == "":
        if required:
            raise _Bad(name, _l("This field is required."))
        return None
    if not isinstance(value, str):
        raise _Bad(name, _l("This should be text."))
    return value.strip()


def _boolean(item: dict, name: str) -> bool | None:
    value = item.get(name)
    if value is not None and not isinstance(value, bool):
        raise _Bad(name, _l("This should be true, false or null."))
    return value


def _number(item: dict, name: str) -> float | None:
    value = item.get(name)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise _Bad(name, _l("This should be a number."))
    return None if value is None else float(value)


def _date(item: dict, name: str) -> date | None:
    value = _text(item, name)
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as error:
        raise _Bad(name, _l("Write dates as YYYY-MM-DD.")) from error


def _list(item: dict, name: str) -> list[dict]:
    value = item.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _Bad(name, _l("This should be a list of objects."))
    return value


def from_hsds(item) -> ServiceData:
    """Return the listing in one HSDS service object; raise _Bad naming the field."""
    if not isinstance(item, dict):
        raise _Bad("service", _l("Each service should be an object."))
    org = item.get("organization") or {}
    if not isinstance(org, dict):
        raise _Bad("organization", _l("This should be an object."))
    status = _text(item, "status") or "active"
    data = ServiceData(
        id=_text(item, "id"),
        name=_text(item, "name", required=True) or "",
        organization=OrganizationData(
            id=_text(org, "id"),
            name=_text(org, "name") or "",
            description=_text(org, "description") or "",
            website=_text(org, "website"),
            email=_text(org, "email"),
        ),
        source_url=_text(item, "source_url") or "",
        description=_text(item, "description") or "",
        eligibility_description=_text(item, "eligibility_description") or "",
        url=_text(item, "url"),
        email=_text(item, "email"),
        status=ACTIVE if status == "active" else RETIRED,
        assured_date=_date(item, "assured_date"),
        assurer=_text(item, "assurer"),
        verified=bool(_boolean(item, "verified")),
        languages=[str(lang.get("code") or "").strip() for lang in _list(item, "languages")],
        service_area=next((a.get("name") for a in _list(item, "service_areas")), None),
        locations=[_location(link) for link in _list(item, "service_at_locations")],
        phones=[_phone(p) for p in _list(item, "phones")],
    )
    for name in _EXTRA_TEXTS:
        setattr(data, name, _text(item, name) or ("" if name != "chat_url" else None))
    for name in _EXTRA_BOOLEANS:
        setattr(data, name, _boolean(item, name))
    for attribute in _list(item, "attributes"):
        term = attribute.get("taxonomy_term") or {}
        kind = term.get("taxonomy") or attribute.get("link_type")
        names = {taxonomy.CATEGORY: data.categories, taxonomy.TARGET_GROUP: data.target_groups}
        if kind in names:
            names[kind].append(str(term.get("code") or ""))
    data.opening_hours = _text(item, "opening_hours") or _hours_from_rows(item)
    return data


def _location(link: dict) -> LocationData:
    place = link.get("location") if isinstance(link.get("location"), dict) else link
    address = next(iter(_list(place, "addresses")), {})
    return LocationData(
        id=_text(place, "id"),
        name=_text(place, "name") or "",
        address_1=_text(address, "address_1"),
        postal_code=_text(address, "postal_code"),
        city=_text(address, "city"),
        region=_text(address, "region"),
        country=_text(address, "country") or "NL",
        latitude=_number(place, "latitude"),
        longitude=_number(place, "longitude"),
    )


def _phone(phone: dict) -> PhoneData:
    channel = _text(phone, "channel") or ("sms" if phone.get("type") == "text" else "voice")
    return PhoneData(
        number=_text(phone, "number", required=True) or "",
        channel=channel,
        description=_text(phone, "description") or "",
    )


def _hours_from_rows(item: dict) -> str:
    rows = []
    for row in _list(item, "schedules"):
        try:
            rows.append(
                ScheduleRow(
                    str(row["byday"]).upper(),
                    time.fromisoformat(str(row["opens_at"])),
                    time.fromisoformat(str(row["closes_at"])),
                )
            )
        except (KeyError, ValueError) as error:
            raise _Bad(
                "schedules", _l("A schedule row needs byday, opens_at, closes_at.")
            ) from error
    try:
        return osm_from_schedule_rows(rows) if rows else ""
    except OpeningHoursError as error:
        raise _Bad("schedules", error.message) from error
