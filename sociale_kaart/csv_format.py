"""The sociale kaart as a spreadsheet: one row per service, Dutch column names.

The header is documented for editors in docs/sociale-kaart-csv.md. Files are written with ";"
between columns and a UTF-8 byte order mark, as Dutch spreadsheet programs expect; reading
accepts ";", "," or tabs, Dutch decimal commas and dates as 2025-03-01 or 1-3-2025.
"""

import csv
import io
import re
from datetime import date

from flask_babel import lazy_gettext as _l

from sociale_kaart.listings import (
    LocationData,
    OrganizationData,
    PhoneData,
    Problem,
    ServiceData,
)
from sociale_kaart.models import ACTIVE, RETIRED

COLUMNS = (
    "id", "slug", "naam", "organisatie", "organisatie_id", "organisatie_website", "beschrijving",
    "beschrijving_en", "voor_wie", "voor_wie_en", "categorieen", "doelgroepen", "telefoon",
    "whatsapp", "sms", "email", "chat", "website", "locatie_id", "locatie_naam", "adres",
    "postcode", "plaats", "regio", "breedtegraad", "lengtegraad", "werkgebied",
    "openingstijden", "gratis", "anoniem", "verwijzing_nodig", "zonder_afspraak", "talen",
    "status", "geverifieerd", "laatst_gecontroleerd", "gecontroleerd_door", "bron",
)  # fmt: skip
REQUIRED = ("naam", "organisatie", "bron")
_YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x"}
_NO = {"nee", "n", "no", "false", "onwaar", "0"}
_CHANNEL_COLUMNS = (("telefoon", "voice"), ("whatsapp", "whatsapp"), ("sms", "sms"))
_STATUS = {"actief": ACTIVE, "active": ACTIVE, "gestopt": RETIRED, "retired": RETIRED}


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("ja" if value else "nee")


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,|]", value) if part.strip()]


def _row(data: ServiceData) -> dict[str, str]:
    place = data.locations[0] if data.locations else LocationData()
    phones = {
        column: ", ".join(p.number for p in data.phones if p.channel == channel)
        for column, channel in _CHANNEL_COLUMNS
    }
    return {
        "id": data.id or "",
        "slug": data.slug,
        "naam": data.name,
        "organisatie": data.organization.name,
        "organisatie_id": data.organization.id or "",
        "organisatie_website": data.organization.website or "",
        "beschrijving": data.description,
        "beschrijving_en": data.description_en,
        "voor_wie": data.eligibility_description,
        "voor_wie_en": data.eligibility_description_en,
        "categorieen": ", ".join(data.categories),
        "doelgroepen": ", ".join(data.target_groups),
        **phones,
        "email": data.email or "",
        "chat": data.chat_url or "",
        "website": data.url or "",
        "locatie_id": place.id or "",
        "locatie_naam": place.name,
        "adres": place.address_1 or "",
        "postcode": place.postal_code or "",
        "plaats": place.city or "",
        "regio": place.region or "",
        "breedtegraad": "" if place.latitude is None else repr(place.latitude),
        "lengtegraad": "" if place.longitude is None else repr(place.longitude),
        "werkgebied": data.service_area or "",
        "openingstijden": data.opening_hours,
        "gratis": _yes_no(data.free),
        "anoniem": _yes_no(data.anonymous),
        "verwijzing_nodig": _yes_no(data.referral_required),
        "zonder_afspraak": _yes_no(data.walk_in),
        "talen": ", ".join(data.languages),
        "status": "actief" if data.status == ACTIVE else "gestopt",
        "geverifieerd": _yes_no(data.verified),
        "laatst_gecontroleerd": data.assured_date.isoformat() if data.assured_date else "",
        "gecontroleerd_door": data.assurer or "",
        "bron": data.source_url,
    }


def dump_csv(services: list[ServiceData]) -> str:
    """Return the listings as CSV text (one row per service, first location only)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for data in services:
        writer.writerow(_row(data))
    return "\ufeff" + out.getvalue()


class _Bad(ValueError):
    def __init__(self, field: str, message):
        super().__init__(field)
        self.field, self.message = field, message


def parse_csv(text: str) -> tuple[list[tuple[int, ServiceData]], list[Problem]]:
    """Read CSV text; return (spreadsheet row number, listing) pairs and problems per row."""
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name and name not in COLUMNS]
    if missing or unknown:
        return [], [
            Problem(
                "header",
                _l(
                    "Missing columns: %(missing)s. Unknown columns: %(unknown)s.",
                    missing=", ".join(missing) or "-",
                    unknown=", ".join(unknown) or "-",
                ),
                1,
            )
        ]
    reader.fieldnames = header
    records, problems = [], []
    for number, raw in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in raw.items() if k}
        if not any(values.values()):
            continue
        try:
            records.append((number, _from_row(values)))
        except _Bad as bad:
            problems.append(Problem(bad.field, bad.message, number))
    return records, problems


def _boolean(values: dict, name: str) -> bool | None:
    value = values.get(name, "").lower()
    if not value:
        return None
    if value in _YES or value in _NO:
        return value in _YES
    raise _Bad(name, _l("Write ja or nee, or leave it empty when unknown."))


def _number(values: dict, name: str) -> float | None:
    value = values.get(name, "").replace(",", ".")
    try:
        return float(value) if value else None
    except ValueError as error:
        raise _Bad(name, _l("This should be a number.")) from error


def _date(values: dict, name: str) -> date | None:
    value = values.get(name, "")
    dutch = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", value)
    try:
        if dutch:
            return date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
        return date.fromisoformat(value) if value else None
    except ValueError as error:
        raise _Bad(name, _l("Write dates as YYYY-MM-DD.")) from error


def _from_row(values: dict) -> ServiceData:
    status = values.get("status", "").lower() or "actief"
    if status not in _STATUS:
        raise _Bad("status", _l("Write actief or gestopt."))
    place = LocationData(
        id=values.get("locatie_id") or None,
        name=values.get("locatie_naam", ""),
        address_1=values.get("adres") or None,
        postal_code=values.get("postcode") or None,
        city=values.get("plaats") or None,
        region=values.get("regio") or None,
        latitude=_number(values, "breedtegraad"),
        longitude=_number(values, "lengtegraad"),
    )
    has_place = any([place.id, place.name, place.address_1, place.postal_code, place.city])
    return ServiceData(
        id=values.get("id") or None,
        slug=values.get("slug", ""),
        name=values.get("naam", ""),
        organization=OrganizationData(
            name=values.get("organisatie", ""),
            id=values.get("organisatie_id") or None,
            website=values.get("organisatie_website") or None,
        ),
        source_url=values.get("bron", ""),
        description=values.get("beschrijving", ""),
        description_en=values.get("beschrijving_en", ""),
        eligibility_description=values.get("voor_wie", ""),
        eligibility_description_en=values.get("voor_wie_en", ""),
        categories=_split(values.get("categorieen", "")),
        target_groups=_split(values.get("doelgroepen", "")),
        phones=[
            PhoneData(number, channel)
            for column, channel in _CHANNEL_COLUMNS
            for number in _split(values.get(column, ""))
        ],
        email=values.get("email") or None,
        chat_url=values.get("chat") or None,
        url=values.get("website") or None,
        locations=[place] if has_place else [],
        service_area=values.get("werkgebied") or None,
        opening_hours=values.get("openingstijden", ""),
        free=_boolean(values, "gratis"),
        anonymous=_boolean(values, "anoniem"),
        referral_required=_boolean(values, "verwijzing_nodig"),
        walk_in=_boolean(values, "zonder_afspraak"),
        languages=[code.lower() for code in _split(values.get("talen", ""))],
        status=_STATUS[status],
        verified=bool(_boolean(values, "geverifieerd")),
        assured_date=_date(values, "laatst_gecontroleerd"),
        assurer=values.get("gecontroleerd_door") or None,
    )
