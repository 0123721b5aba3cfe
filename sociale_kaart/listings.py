"""A listing as plain data (what forms, CSV rows and HSDS records carry), and its validation."""

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l

from sociale_kaart import taxonomy
from sociale_kaart.hours import OpeningHoursError, normalise_imported_hours
from sociale_kaart.models import ACTIVE, RETIRED

CHANNELS = ("voice", "sms", "whatsapp")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]*$")
_POSTCODE = re.compile(r"^(\d{4})\s*([A-Za-z]{2})$")
# The Netherlands with a margin; a point outside is a typing error, not a service abroad.
_LATITUDES, _LONGITUDES = (50.6, 53.7), (3.2, 7.3)


@dataclass
class OrganizationData:
    """An organisation as plain data."""

    name: str
    id: str | None = None
    description: str = ""
    website: str | None = None
    email: str | None = None


@dataclass
class LocationData:
    """A location as plain data; coordinates stay None until known."""

    id: str | None = None
    name: str = ""
    address_1: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None
    country: str = "NL"
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class PhoneData:
    """A phone number and how to use it: voice, sms or whatsapp."""

    number: str
    channel: str = "voice"
    description: str = ""


@dataclass
class ServiceData:
    """A listing (service with its organisation, locations and contacts) as plain data."""

    name: str
    organization: OrganizationData
    source_url: str
    slug: str = ""
    id: str | None = None
    description: str = ""
    description_en: str = ""
    eligibility_description: str = ""
    eligibility_description_en: str = ""
    url: str | None = None
    email: str | None = None
    chat_url: str | None = None
    status: str = ACTIVE
    free: bool | None = None
    anonymous: bool | None = None
    referral_required: bool | None = None
    walk_in: bool | None = None
    languages: list[str] = field(default_factory=list)
    service_area: str | None = None
    opening_hours: str = ""
    categories: list[str] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    locations: list[LocationData] = field(default_factory=list)
    phones: list[PhoneData] = field(default_factory=list)
    assured_date: date | None = None
    assurer: str | None = None
    verified: bool = False


@dataclass(frozen=True)
class Problem:
    """What is wrong with one field of one listing; `row` is the file's row or record number."""

    field: str
    message: object  # a lazy Babel string: str() gives it in the current language
    row: int | None = None

    def __str__(self) -> str:
        where = f"{self.row}: " if self.row is not None else ""
        return f"{where}{self.field}: {self.message}"


def slugify(text: str) -> str:
    """Return a URL word for a name: lower case ASCII letters, digits and hyphens."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:120]


def clean_service(data: ServiceData) -> list[Problem]:
    """Normalise a listing in place (slug, hours, postcode, terms) and return its problems."""
    problems: list[Problem] = []

    def problem(name: str, message) -> None:
        problems.append(Problem(name, message))

    data.name = data.name.strip()
    data.organization.name = data.organization.name.strip()
    data.slug = (data.slug or slugify(data.name)).strip()
    if not data.name:
        problem("name", _l("A service needs a name."))
    if not data.organization.name:
        problem("organization", _l("A service needs the name of its organisation."))
    if not _SLUG.match(data.slug):
        problem("slug", _l("Use only lower-case letters, digits and hyphens."))
    if not data.source_url or not _URL.match(data.source_url):
        problem("source_url", _l("Give the public source as a web address (https://...)."))
    for name in ("url", "chat_url"):
        if getattr(data, name) and not _URL.match(getattr(data, name)):
            problem(name, _l("This is not a web address (https://...)."))
    if data.organization.website and not _URL.match(data.organization.website):
        problem("organization_website", _l("This is not a web address (https://...)."))
    for name, value in (("email", data.email), ("organization_email", data.organization.email)):
        if value and not _EMAIL.match(value):
            problem(name, _l("This is not an e-mail address."))
    if data.status not in (ACTIVE, RETIRED):
        problem("status", _l("The status is “active” or “retired”."))
    problems += _clean_terms(data)
    bad_languages = [code for code in data.languages if not re.fullmatch(r"[a-z]{2}", code)]
    if bad_languages:
        problem("languages", _l("Give languages as two-letter codes, such as nl, en, ar."))
    try:
        data.opening_hours = normalise_imported_hours(data.opening_hours or "")
    except OpeningHoursError as error:
        problem("opening_hours", error.message)
    for phone in data.phones:
        phone.number = " ".join(phone.number.split())
        if not _PHONE.match(phone.number) or sum(c.isdigit() for c in phone.number) < 3:
            problem("phone", _l("%(number)s is not a phone number.", number=phone.number))
        if phone.channel not in CHANNELS:
            problem("phone", _l("A number is for voice, sms or whatsapp."))
    for location in data.locations:
        problems += [Problem(f, m) for f, m in _clean_location(location)]
    return problems


def _clean_terms(data: ServiceData) -> list[Problem]:
    problems = []
    for name, kind in (("categories", taxonomy.CATEGORY), ("target_groups", taxonomy.TARGET_GROUP)):
        keys = []
        for text in getattr(data, name):
            found = taxonomy.term_from_text(kind, text)
            if found is None:
                problems.append(Problem(name, _l("Unknown term: %(term)s", term=text)))
            elif found.key not in keys:
                keys.append(found.key)
        setattr(data, name, sorted(keys))
    if not data.categories and not any(p.field == "categories" for p in problems):
        problems.append(Problem("categories", _l("Choose at least one category.")))
    return problems


def _clean_location(location: LocationData) -> list[tuple[str, object]]:
    problems = []
    if location.postal_code:
        match = _POSTCODE.match(location.postal_code.strip())
        if match:
            location.postal_code = f"{match[1]} {match[2].upper()}"
        else:
            problems.append(("postal_code", _l("A Dutch postcode looks like 8011 AB.")))
    if (location.latitude is None) != (location.longitude is None):
        problems.append(("latitude", _l("Give both latitude and longitude, or neither.")))
    elif location.latitude is not None and location.longitude is not None:
        if not (_LATITUDES[0] <= location.latitude <= _LATITUDES[1]) or not (
            _LONGITUDES[0] <= location.longitude <= _LONGITUDES[1]
        ):
            problems.append(("latitude", _l("These coordinates are not in the Netherlands.")))
    if not (location.name or location.city or location.address_1):
        problems.append(("city", _l("A location needs at least a town or an address.")))
    return problems
