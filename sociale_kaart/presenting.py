"""How a listing is shown: contact links, route link, open/closed text. Needs Babel."""

import re
from datetime import datetime, timedelta
from urllib.parse import quote

from flask_babel import format_datetime, format_decimal
from flask_babel import gettext as _

from sociale_kaart.finding import Result
from sociale_kaart.hours import AMSTERDAM
from sociale_kaart.models import Phone

_DIGITS = re.compile(r"\D")


def phone_href(phone: Phone) -> str:
    """Return the link that calls, texts or WhatsApps a number."""
    digits = _DIGITS.sub("", phone.number)
    plus = "+" if phone.number.strip().startswith("+") else ""
    if phone.channel == "whatsapp":
        return f"https://wa.me/{international(phone.number)}"
    scheme = "sms" if phone.channel == "sms" else "tel"
    return f"{scheme}:{plus}{digits}"


def international(number: str) -> str:
    """Return a Dutch number in international form without "+", as wa.me wants it."""
    digits = _DIGITS.sub("", number)
    if number.strip().startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "31" + digits[1:]
    return digits


def route_href(result: Result) -> str | None:
    """Return an OpenStreetMap directions link to an exact point; None when approximate."""
    if result.latitude is None or result.approximate:
        return None
    to = quote(f";{result.latitude:.5f},{result.longitude:.5f}")
    return f"https://www.openstreetmap.org/directions?route={to}"


def distance_text(km: float | None) -> str:
    """Return a distance like "3.2 km" in the visitor's language."""
    if km is None:
        return ""
    return _("%(km)s km", km=format_decimal(km, format="#,##0.0"))


def _when(moment: datetime, now: datetime) -> str:
    moment, now = moment.astimezone(AMSTERDAM), now.astimezone(AMSTERDAM)
    clock = format_datetime(moment, "HH:mm")
    if moment.date() == now.date():
        return clock
    if moment.date() == (now + timedelta(days=1)).date():
        return _("tomorrow %(time)s", time=clock)
    return format_datetime(moment, "EEEE HH:mm")


def opening_text(result: Result, now: datetime) -> str:
    """Return "Open now, until 17:00", "Closed, opens Monday 09:00" or "Hours unknown"."""
    if result.open_now is None:
        return _("Opening hours unknown: check the website or call.")
    if result.open_now:
        if result.next_change is None:
            return _("Open now, day and night")
        return _("Open now, until %(when)s", when=_when(result.next_change, now))
    if result.next_change is None:
        return _("Closed")
    return _("Closed now, opens %(when)s", when=_when(result.next_change, now))


def structured_data(result: Result, page_url: str, description: str) -> dict:
    """Return schema.org JSON-LD for a listing's page (a Service offered by an Organization)."""
    service = result.service
    provider: dict = {"@type": "Organization", "name": service.organization.name}
    if service.organization.website:
        provider["url"] = service.organization.website
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Service",
        "name": service.name,
        "url": page_url,
        "description": description,
        "provider": provider,
        "areaServed": service.service_area or None,
    }
    phones = [p.number for p in service.phones if p.channel == "voice"]
    if phones:
        data["availableChannel"] = {
            "@type": "ServiceChannel",
            "servicePhone": {"@type": "ContactPoint", "telephone": phones[0]},
        }
    for location in service.locations:
        place: dict = {"@type": "Place", "name": location.name or location.city or ""}
        if location.address_1 or location.city:
            place["address"] = {
                "@type": "PostalAddress",
                "streetAddress": location.address_1,
                "postalCode": location.postal_code,
                "addressLocality": location.city,
                "addressCountry": location.country,
            }
        if location.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": location.latitude,
                "longitude": location.longitude,
            }
        provider.setdefault("location", []).append(place)
    return _without_empty(data)


def _without_empty(value):
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value
