"""The sociale kaart room: services as data (HSDS 3.0), opening hours, import/export, review.

Other rooms (the editor area, the public help pages) use only what is named here.
"""

from flask import Flask, url_for
from flask_babel import lazy_gettext as _l

from sociale_kaart.editing import (
    add_report,
    create_organization,
    create_service,
    listings_due_for_check,
    mark_checked,
    open_reports,
    resolve_report,
    retire_organization,
    retire_service,
    update_organization,
    update_service,
)
from sociale_kaart.hours import (
    AMSTERDAM,
    HoursPreview,
    OpeningHoursError,
    describe_opening_hours,
    is_open,
    next_change,
    normalise_opening_hours,
    preview_opening_hours,
)
from sociale_kaart.importer import ImportResult, export_listings, import_listings, preview_import
from sociale_kaart.listings import (
    LocationData,
    OrganizationData,
    PhoneData,
    Problem,
    ServiceData,
    slugify,
)
from sociale_kaart.models import (
    NATIONAL_AREA,
    Location,
    Organization,
    Phone,
    Report,
    Service,
)
from sociale_kaart.queries import active_services, all_listings, service_by_slug
from sociale_kaart.store import ListingInvalid, VersionConflict, to_data
from sociale_kaart.taxonomy import CATEGORIES, TARGET_GROUPS, label, term, term_from_text


def init_app(app: Flask) -> None:
    """Register `flask kaart`, the help pages and API, the nav link and the dashboard lists."""
    from sociale_kaart import api, reports  # noqa: F401  (their routes join the blueprint)
    from sociale_kaart.cli import kaart_cli
    from sociale_kaart.settings import init_settings
    from sociale_kaart.views import bp
    from website import editor
    from website.layout import add_nav_link

    init_settings(app)
    app.cli.add_command(kaart_cli)
    app.register_blueprint(bp)
    add_nav_link(app, _l("Find help"), {"nl": "/nl/hulp", "en": "/en/help"})
    # The report form is a visitor's POST and sets no cookie: there is no session whose token
    # Flask-WTF could check. (Flask-WTF's CSRFProtect must be set up before this line.)
    csrf = app.extensions.get("csrf")
    if csrf is not None:
        csrf.exempt(bp)
    editor.add_dashboard_section(_l("Listings due for a check"), _due_items, "field_worker")
    editor.add_dashboard_section(_l("Is this wrong? reports"), _report_items, "editor")


def _due_items() -> list[tuple[str, str | None]]:
    return [(f"{s.name} ({s.organization.name})", _screen(s.id)) for s in listings_due_for_check()]


def _report_items() -> list[tuple[str, str | None]]:
    return [(f"{r.service.name}: {r.message[:120]}", _screen(r.service_id)) for r in open_reports()]


def _screen(service_id: str) -> str:
    return url_for("editor.kaart_service", service_id=service_id)


__all__ = [
    "AMSTERDAM",
    "CATEGORIES",
    "NATIONAL_AREA",
    "TARGET_GROUPS",
    "HoursPreview",
    "ImportResult",
    "ListingInvalid",
    "Location",
    "LocationData",
    "OpeningHoursError",
    "Organization",
    "OrganizationData",
    "Phone",
    "PhoneData",
    "Problem",
    "Report",
    "Service",
    "ServiceData",
    "VersionConflict",
    "active_services",
    "add_report",
    "all_listings",
    "create_organization",
    "create_service",
    "describe_opening_hours",
    "export_listings",
    "import_listings",
    "init_app",
    "is_open",
    "label",
    "listings_due_for_check",
    "mark_checked",
    "next_change",
    "normalise_opening_hours",
    "open_reports",
    "preview_import",
    "preview_opening_hours",
    "resolve_report",
    "retire_organization",
    "retire_service",
    "service_by_slug",
    "slugify",
    "term",
    "term_from_text",
    "to_data",
    "update_organization",
    "update_service",
]
