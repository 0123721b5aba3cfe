"""The "klopt dit niet? / is this wrong?" form: a cookie-less POST, rate-limited in memory."""

import threading
import time
from collections import deque

from flask import abort, current_app, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from sociale_kaart.editing import add_report
from sociale_kaart.queries import service_by_slug
from sociale_kaart.store import ListingInvalid
from sociale_kaart.views import bp, service_page
from website import db

REPORT_PATHS = {"nl": "/nl/hulp/<slug>/melden", "en": "/en/help/<slug>/report"}
DONE_FLAG = {"nl": "gemeld", "en": "reported"}


class SlidingWindow:
    """At most `limit` events per key in the last `seconds`; kept in this process's memory only.

    The key (a client address) is never logged or written anywhere; keys without recent
    events are dropped, so the memory holds only the last window.
    """

    def __init__(self) -> None:
        self._events: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str, limit: int, seconds: float) -> bool:
        """Count an event for key and return whether it is within the limit."""
        now = time.monotonic()
        with self._lock:
            for other in [k for k, q in self._events.items() if q[-1] <= now - seconds]:
                del self._events[other]
            events = self._events.setdefault(key, deque())
            while events and events[0] <= now - seconds:
                events.popleft()
            if len(events) >= limit:
                return False
            events.append(now)
            return True


def _window() -> SlidingWindow:
    return current_app.extensions.setdefault("kaart_report_window", SlidingWindow())


def report_view(lang: str, slug: str):
    """Store what a visitor says is wrong (no personal data), then show a thank-you."""
    service = service_by_slug(db.session(), slug)
    if service is None:
        abort(404)
    message = request.form.get("message", "")
    config = current_app.config
    allowed = _window().allow(
        request.remote_addr or "-", config["REPORT_LIMIT"], config["REPORT_WINDOW_SECONDS"]
    )
    if not allowed:
        problem = _l("You sent several reports just now. Please try again in a few minutes.")
        return service_page(lang, service, problem, message[:2000], status=429)
    try:
        add_report(db.session(), service.id, message)
    except ListingInvalid as invalid:
        db.session().rollback()
        return service_page(lang, service, invalid.problems[0].message, message[:2000], 400)
    target = url_for(f"sociale_kaart.service_{lang}", slug=slug, **{DONE_FLAG[lang]: "1"})
    return redirect(target + "#report", code=303)


for _lang, _path in REPORT_PATHS.items():
    bp.add_url_rule(
        _path, f"report_{_lang}", report_view, methods=["POST"], defaults={"lang": _lang}
    )
