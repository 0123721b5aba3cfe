"""Between the listing form and the sociale kaart's ServiceData: fill, read, and place problems."""

from flask_babel import gettext as _

from sociale_kaart import (
    LocationData,
    Organization,
    OrganizationData,
    PhoneData,
    Problem,
    ServiceData,
)
from website.editor.kaart_forms import ServiceForm

_YES_NO = {"yes": True, "no": False}
_LOCATION_FIELDS = ("name", "address_1", "postal_code", "city", "region")
# Problems the library reports for a location or phone (without saying which row).
_SECTION_OF = {
    "postal_code": "locations",
    "latitude": "locations",
    "city": "locations",
    "phone": "phones",
    "organization_website": "organization",
    "organization_email": "organization",
}


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def fill_form(form: ServiceForm, data: ServiceData, version: int) -> None:
    """Put a listing into the form, with one empty location row and two empty phone rows."""
    form.version.data = str(version)
    form.organization.data = data.organization.id or ""
    for name in (
        "name slug source_url description description_en eligibility_description "
        "eligibility_description_en url email chat_url service_area"
    ).split():
        getattr(form, name).data = getattr(data, name) or ""
    for name in ("free", "anonymous", "referral_required", "walk_in"):
        getattr(form, name).data = _yes_no(getattr(data, name))
    form.languages.data = ", ".join(data.languages)
    form.categories.data, form.target_groups.data = list(data.categories), list(data.target_groups)
    form.opening_hours.data = form.confirmed_hours.data = data.opening_hours
    # A stored string without a PH rule means "open on holidays as on other days".
    form.open_on_public_holidays.data = bool(data.opening_hours) and "PH" not in data.opening_hours
    for location in data.locations:
        form.locations.append_entry(
            {
                **{n: getattr(location, n) or "" for n in ("id", *_LOCATION_FIELDS)},
                "latitude": "" if location.latitude is None else str(location.latitude),
                "longitude": "" if location.longitude is None else str(location.longitude),
            }
        )
    for phone in data.phones:
        form.phones.append_entry(
            {"number": phone.number, "channel": phone.channel, "description": phone.description}
        )
    add_empty_rows(form)


def add_empty_rows(form: ServiceForm) -> None:
    """Make sure there is an empty row to add a location and a phone (no JavaScript needed)."""
    if not form.locations.entries or _location_filled(form.locations.entries[-1].form):
        form.locations.append_entry()
    while sum(1 for e in form.phones.entries if not (e.form.number.data or "").strip()) < 1:
        form.phones.append_entry()


def _location_filled(row) -> bool:
    names = (*_LOCATION_FIELDS, "latitude", "longitude")
    return any((getattr(row, n).data or "").strip() for n in names)


def _coordinate(text: str | None) -> float | None:
    text = (text or "").strip().replace(",", ".")
    return float(text) if text else None


def read_form(
    form: ServiceForm, organization: Organization | None, opening_hours: str, status: str
) -> tuple[ServiceData, list[Problem]]:
    """Turn the form into ServiceData, with problems the form itself can see."""
    problems: list[Problem] = []
    if organization is None:
        problems.append(Problem("organization", _("Choose the organisation.")))
        org = OrganizationData(name="")
    else:
        org = OrganizationData(
            id=organization.id,
            name=organization.name,
            description=organization.description,
            website=organization.website,
            email=organization.email,
        )
    locations = []
    for row in (entry.form for entry in form.locations.entries):
        if not _location_filled(row):
            continue
        # The form checked that these are numbers.
        latitude, longitude = _coordinate(row.latitude.data), _coordinate(row.longitude.data)
        locations.append(
            LocationData(
                id=row.id.data or None,
                **{n: (getattr(row, n).data or "").strip() or None for n in _LOCATION_FIELDS},
                latitude=latitude,
                longitude=longitude,
            )
        )
        locations[-1].name = locations[-1].name or ""
    phones = [
        PhoneData(
            e.form.number.data.strip(), e.form.channel.data, (e.form.description.data or "").strip()
        )
        for e in form.phones.entries
        if (e.form.number.data or "").strip()
    ]

    def text(name: str) -> str:
        return (getattr(form, name).data or "").strip()

    data = ServiceData(
        name=text("name"),
        organization=org,
        source_url=text("source_url"),
        slug=text("slug"),
        description=text("description"),
        description_en=text("description_en"),
        eligibility_description=text("eligibility_description"),
        eligibility_description_en=text("eligibility_description_en"),
        url=text("url") or None,
        email=text("email") or None,
        chat_url=text("chat_url") or None,
        status=status,
        free=_YES_NO.get(form.free.data),
        anonymous=_YES_NO.get(form.anonymous.data),
        referral_required=_YES_NO.get(form.referral_required.data),
        walk_in=_YES_NO.get(form.walk_in.data),
        languages=[c.strip().lower() for c in text("languages").split(",") if c.strip()],
        service_area=text("service_area") or None,
        opening_hours=opening_hours,
        categories=list(form.categories.data or []),
        target_groups=list(form.target_groups.data or []),
        locations=locations,
        phones=phones,
    )
    return data, problems


def place_problems(form: ServiceForm, problems: list[Problem]) -> dict[str, list[str]]:
    """Attach each problem to its field; return the rest by section (locations, phones, ...)."""
    sections: dict[str, list[str]] = {}
    for problem in problems:
        section = _SECTION_OF.get(problem.field)
        field = getattr(form, problem.field, None) if section is None else None
        if field is not None and hasattr(field, "errors"):
            field.errors = [*field.errors, str(problem.message)]
        else:
            sections.setdefault(section or "other", []).append(str(problem.message))
    return sections
