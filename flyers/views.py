"""`/q/<code>`: count the scan, then send the phone on to the point's page."""

import logging

from flask import Blueprint, Response, current_app, redirect
from sqlalchemy.exc import SQLAlchemyError

from flyers.scans import find_target, scan_day
from website import db
from website.i18n import preferred_language

log = logging.getLogger(__name__)
bp = Blueprint("flyers", __name__)
UNKNOWN_NOTE = {"nl": "onbekend", "en": "unknown"}


@bp.get("/q/<code>")
def scan(code: str) -> Response:
    """Count one scan for the point and redirect (302, never cached) to its page."""
    # Outside the ORM: this is the hot path.
    try:
        with db.engine().connect() as connection:
            target = find_target(connection, code)
    except SQLAlchemyError as error:
        log.error("flyer point could not be looked up: %s", type(error).__name__)
        return _no_store(redirect(f"/{preferred_language()}/", 302))
    if target is None or not target.active:
        lang = target.language if target is not None else preferred_language()
        response = _no_store(redirect(f"/{lang}/?flyer={UNKNOWN_NOTE[lang]}", 302))
        response.headers["Vary"] = "Accept-Language"
        return response
    # The visitor gets the page even when the count fails (the counter logs that, naming
    # the point, never the visitor).
    current_app.extensions["flyer_scans"].count(target.point_id, scan_day())
    return _no_store(redirect(target.target_path, 302))


def _no_store(response: Response) -> Response:
    # A phone or proxy that kept this redirect would stop counting scans.
    response.headers["Cache-Control"] = "no-store"
    return response
