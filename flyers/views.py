"""`/q/<code>`: count the scan, then send the phone on to the point's page."""

import logging

from flask import Blueprint, Response, redirect
from sqlalchemy.exc import SQLAlchemyError

from flyers.scans import count_scan, find_target, scan_day
from website import db
from website.i18n import preferred_language

log = logging.getLogger(__name__)
bp = Blueprint("flyers", __name__)
UNKNOWN_NOTE = {"nl": "onbekend", "en": "unknown"}


@bp.get("/q/<code>")
def scan(code: str) -> Response:
    """Count one scan for the point and redirect (302, never cached) to its page."""
    # One connection for the lookup and the count, outside the ORM: this is the hot path.
    try:
        with db.engine().connect() as connection:
            target = find_target(connection, code)
            if target is not None and target.active:
                _count(connection, target.point_id)
    except SQLAlchemyError as error:
        log.error("flyer point could not be looked up: %s", type(error).__name__)
        return _no_store(redirect(f"/{preferred_language()}/", 302))
    if target is None or not target.active:
        lang = target.language if target is not None else preferred_language()
        response = _no_store(redirect(f"/{lang}/?flyer={UNKNOWN_NOTE[lang]}", 302))
        response.headers["Vary"] = "Accept-Language"
        return response
    return _no_store(redirect(target.target_path, 302))


def _count(connection, point_id: int) -> None:
    try:
        count_scan(connection, point_id, scan_day())
    except SQLAlchemyError as error:
        # The visitor still gets the page; the log names the point, never the visitor.
        log.error("scan of point %s not counted: %s", point_id, type(error).__name__)


def _no_store(response: Response) -> Response:
    # A phone or proxy that kept this redirect would stop counting scans.
    response.headers["Cache-Control"] = "no-store"
    return response
