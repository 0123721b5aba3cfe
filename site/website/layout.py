"""What the base layout needs on every page: alerts, the main navigation, date formatting."""

import logging

from flask import Flask, current_app
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import SQLAlchemyError

from website import pages

log = logging.getLogger(__name__)


def add_nav_link(app: Flask, label, paths: dict[str, str]) -> None:
    """Add a link to the main navigation; paths maps each language to its URL path."""
    app.extensions.setdefault("main_nav", []).append((label, paths))


def init_app(app: Flask) -> None:
    """Offer the layout's helpers to every template."""
    add_nav_link(app, _l("Search"), {"nl": "/nl/zoeken", "en": "/en/search"})

    @app.context_processor
    def layout_helpers():
        return {"active_alerts": _safe_alerts, "main_nav": _main_nav, "format_date": format_date}


def _main_nav(lang: str) -> list[tuple[str, str]]:
    return [(str(label), paths[lang]) for label, paths in current_app.extensions["main_nav"]]


def _safe_alerts(lang: str):
    # The error page uses this layout too: an unreachable database must not hide it.
    try:
        return pages.active_alerts(lang)
    except SQLAlchemyError:
        log.exception("alerts could not be read")
        return []
