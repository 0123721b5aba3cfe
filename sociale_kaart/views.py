"""The visitor's pages: /nl/hulp and /en/help (search), and one page per service."""

from datetime import datetime
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, render_template, request, url_for

from sociale_kaart import taxonomy
from sociale_kaart.finding import Filters, Result, find_help
from sociale_kaart.gazetteer import town_points
from sociale_kaart.geocoding import GeocoderSettings
from sociale_kaart.hours import AMSTERDAM, describe_opening_hours, is_open, next_change
from sociale_kaart.locating import locate
from sociale_kaart.presenting import (
    distance_text,
    opening_text,
    phone_href,
    route_href,
    structured_data,
)
from sociale_kaart.queries import service_by_slug
from website import db
from website.i18n import OTHER
from website.security import CSP

# Its CSS, JS and the vendored Leaflet live in website/static/kaart/, served with the rest.
bp = Blueprint("sociale_kaart", __name__, template_folder="templates")

SEARCH_PATHS = {"nl": "/nl/hulp", "en": "/en/help"}
# GET parameter names per language: Dutch under /nl/hulp, English under /en/help.
PARAMS = {
    "nl": {
        "category": "categorie",
        "target_group": "doelgroep",
        "open_now": "nu-open",
        "free": "gratis",
        "anonymous": "anoniem",
        "no_referral": "zonder-verwijzing",
    },
    "en": {
        "category": "category",
        "target_group": "target-group",
        "open_now": "open-now",
        "free": "free",
        "anonymous": "anonymous",
        "no_referral": "no-referral",
    },
}
YES = {"nl": "ja", "en": "yes"}
FLAGS = ("open_now", "free", "anonymous", "no_referral")
_TRUE = {"1", "ja", "yes", "true", "on"}


def read_filters(args, lang: str) -> tuple[Filters, list[str]]:
    """Read the filters from GET parameters in a language; also return unknown term slugs."""
    names = PARAMS[lang]
    unknown: list[str] = []
    keys = {}
    for field, kind in (("category", taxonomy.CATEGORY), ("target_group", taxonomy.TARGET_GROUP)):
        slug = args.get(names[field], "")[:60].strip()
        found = taxonomy.term_from_text(kind, slug) if slug else None
        if slug and found is None:
            unknown.append(slug)
        keys[field] = found.key if found else None
    flags = {f: args.get(names[f], "").strip().lower() in _TRUE for f in FLAGS}
    return Filters(**keys, **flags), unknown


def filter_args(filters: Filters, lang: str) -> dict[str, str]:
    """Return the GET parameters that say these filters in a language."""
    names, args = PARAMS[lang], {}
    for field, kind in (("category", taxonomy.CATEGORY), ("target_group", taxonomy.TARGET_GROUP)):
        key = getattr(filters, field)
        if key:
            args[names[field]] = taxonomy.term(kind, key).slug(lang)
    for flag in FLAGS:
        if getattr(filters, flag):
            args[names[flag]] = YES[lang]
    return args


def help_csp() -> str:
    """Return the CSP of the help pages: the tile host may serve images if a map is set up."""
    tile_url = current_app.config["MAP_TILE_URL"]
    if not tile_url:
        return CSP
    parts = urlsplit(tile_url.replace("{s}", "*"))
    return CSP.replace(
        "img-src 'self' data:", f"img-src 'self' data: {parts.scheme}://{parts.netloc}"
    )


def _page(template: str, status: int = 200, **context):
    response = current_app.make_response((render_template(template, **context), status))
    response.headers["Content-Security-Policy"] = help_csp()
    return response


def search_view(lang: str):
    """Find help near a postcode, place or address, filtered; a list first, a map on request."""
    filters, unknown = read_filters(request.args, lang)
    query = request.args.get("q", "")[:500]
    lookup = None
    if query.strip():
        lookup = locate(db.session(), query, GeocoderSettings.from_config(current_app.config))
    now = datetime.now(AMSTERDAM)
    results = find_help(db.session(), filters, lookup.origin if lookup else None, now)
    args = filter_args(filters, lang)
    other_args = filter_args(filters, OTHER[lang])
    if lookup and lookup.text:
        args["q"] = other_args["q"] = lookup.text
    return _page(
        "sociale_kaart/search.html",
        filters=filters,
        unknown_terms=unknown,
        query=lookup.text if lookup else "",
        lookup=lookup,
        results=results,
        now=now,
        names=PARAMS[lang],
        yes=YES[lang],
        categories=taxonomy.CATEGORIES,
        target_groups=taxonomy.TARGET_GROUPS,
        view=ResultView(lang, now),
        tile_url=current_app.config["MAP_TILE_URL"],
        tile_attribution=current_app.config["MAP_TILE_ATTRIBUTION"],
        translation_url=url_for(f"sociale_kaart.search_{OTHER[lang]}", **other_args),
    )


class ResultView:
    """The helpers a result template needs, bound to a language and a moment."""

    def __init__(self, lang: str, now: datetime):
        self.lang, self.now = lang, now

    def service_url(self, result_or_service) -> str:
        """Return the URL of a listing's own page in this language."""
        service = getattr(result_or_service, "service", result_or_service)
        return url_for(f"sociale_kaart.service_{self.lang}", slug=service.slug)

    def description(self, service) -> str:
        """Return the listing's description in this language (Dutch when there is no English)."""
        return (service.description_en if self.lang == "en" else "") or service.description

    def eligibility(self, service) -> str:
        """Return who the listing is for, in this language."""
        english = service.eligibility_description_en if self.lang == "en" else ""
        return english or service.eligibility_description

    def labels(self, service, kind: str) -> list[str]:
        """Return the listing's category or target-group labels in this language."""
        return [taxonomy.label(kind, key, self.lang) for key in service.term_keys(kind)]

    opening = staticmethod(lambda result, now: opening_text(result, now))
    distance = staticmethod(distance_text)
    phone_href = staticmethod(phone_href)
    route_href = staticmethod(route_href)


def service_view(lang: str, slug: str):
    """One listing with all its details, its check date, structured data and a report form."""
    service = service_by_slug(db.session(), slug)
    if service is None:
        abort(404)
    return service_page(lang, service)


def service_page(lang: str, service, problem=None, message: str = "", status: int = 200):
    """Render a listing's page (also after a report form with a problem)."""
    now = datetime.now(AMSTERDAM)
    result = _placed(service)
    result.open_now = is_open(service.opening_hours, now)
    result.next_change = next_change(service.opening_hours, now)
    view = ResultView(lang, now)
    page_url = current_app.config["PUBLIC_BASE_URL"] + view.service_url(service)
    return _page(
        "sociale_kaart/service.html",
        status,
        service=service,
        result=result,
        now=now,
        hours=describe_opening_hours(service.opening_hours, lang),
        view=view,
        structured=structured_data(result, page_url, view.description(service)),
        reported=request.args.get("gemeld" if lang == "nl" else "reported") == "1",
        problem=problem,
        message=message,
        search_url=SEARCH_PATHS[lang],
        translation_url=url_for(f"sociale_kaart.service_{OTHER[lang]}", slug=service.slug),
    )


def _placed(service) -> Result:
    for location in service.locations:
        if location.latitude is not None and location.longitude is not None:
            return Result(service, location.latitude, location.longitude, town=location.city or "")
    towns = town_points(db.session(), [(loc.city, loc.region) for loc in service.locations])
    for place in towns.values():
        return Result(service, place.latitude, place.longitude, True, place.name)
    return Result(service)


for _lang, _path in SEARCH_PATHS.items():
    bp.add_url_rule(_path, f"search_{_lang}", search_view, defaults={"lang": _lang})
    bp.add_url_rule(f"{_path}/<slug>", f"service_{_lang}", service_view, defaults={"lang": _lang})
