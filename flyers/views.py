"""`/q/<code>`: count the scan, then send the phone on to the point's page."""

import logging

from flask import Blueprint, Response, redirect
from sqlalchemy.exc import SQLAlchemyError

from flyers.points import find_point
from flyers.scans import count_scan, scan_day
from website import db
from website.i18n import preferred_language

log = logging.getLogger(__name__)
bp = Blueprint("flyers", __name__)
UNKNOWN_NOTE = {"nl": "onbekend", "en": "unknown"}


@bp.get("/q/<code>")
def scan(code: str) -> Response:
    """Count one scan for the point and redirect (302, never cached) to its page."""
    session = db.session()
    try:
        point = find_point(session, code)
        session.commit()  # end the read before the write: SQLite then waits its turn
    except SQLAlchemyError as error:
        log.error("flyer point could not be looked up: %s", type(error).__name__)
        return _no_store(redirect(f"/{preferred_language()}/", 302))
    if point is None or not point.active:
        lang = point.language if point is not None else preferred_language()
        response = _no_store(redirect(f"/{lang}/?flyer={UNKNOWN_NOTE[lang]}", 302))
        response.headers["Vary"] = "Accept-Language"
        return response
    try:
        count_scan(db.engine(), point.id, scan_day())
    except SQLAlchemyError as error:
        # The visitor still gets the page; the log names the point, never the visitor.
        log.error("scan of point %s not counted: %s", point.id, type(error).__name__)
    return _no_store(redirect(point.target_path, 302))


def _no_store(response: Response) -> Response:
    # A phone or proxy that kept this redirect would stop counting scans.
    response.headers["Cache-Control"] = "no-store"
    return response
