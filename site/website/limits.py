"""The one rate limiter: the editor's login and the visitors' "is this wrong?" forms.

Counters live in this process's memory only; they key on the client address while they
live, and nothing here writes that address anywhere (Flask-Limiter's log lines lose it).
"""

import logging
import os
from collections.abc import Callable

from flask import Flask, Response, current_app, request
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# The friendly answer every report form gives when its limit is reached.
TOO_MANY_REPORTS = _l("You sent several reports just now. Please try again in a few minutes.")

limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", headers_enabled=False)


@limiter.request_filter
def _reading_outside_the_editor() -> bool:
    # Reading public pages and scanning flyers is never limited (and skips the check, for
    # speed); every form that writes something, public or in /beheer, is.
    return request.method in ("GET", "HEAD") and not request.path.startswith("/beheer")


class HideLimitKey(logging.Filter):
    """Drop the rate-limit key (a client address or account) from Flask-Limiter's log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and "exceeded at endpoint" in str(record.msg):
            record.msg = "ratelimit %s exceeded at endpoint: %s"
            record.args = (record.args[0], record.args[-1])
        elif record.args:
            # Any other message with values: keep the words, drop values that may hold a key.
            record.msg, record.args = str(record.msg).replace("%s", "-"), ()
        return True


def install_log_filter() -> None:
    """Put the key filter on Flask-Limiter's logger, once per process."""
    logger = logging.getLogger("flask-limiter")
    if not any(isinstance(f, HideLimitKey) for f in logger.filters):
        logger.addFilter(HideLimitKey())


def visitor_report_limit(too_many: Callable[[], Response]) -> Callable:
    """Limit a visitor's report form to REPORT_LIMIT stored reports per REPORT_WINDOW_SECONDS.

    All report forms share one count per client; only a report that was stored (a 303)
    counts, so fixing a typo costs nothing. too_many() gives the friendly 429 answer.
    """
    return limiter.shared_limit(
        lambda: (
            f"{current_app.config['REPORT_LIMIT']} per "
            f"{current_app.config['REPORT_WINDOW_SECONDS']} seconds"
        ),
        scope="visitor-report",
        deduct_when=lambda response: response.status_code == 303,
        on_breach=lambda _limit: _with_status(too_many(), 429),
    )


def _with_status(response, status: int) -> Response:
    response = current_app.make_response(response)
    response.status_code = status
    return response


def init_app(app: Flask) -> None:
    """Set the report limits the app was not given, filter the log, and start the limiter."""
    env = os.environ.get
    # "Is this wrong?" reports per client address per window (kept in memory only).
    app.config.setdefault("REPORT_LIMIT", int(env("REPORT_LIMIT", "5")))
    app.config.setdefault("REPORT_WINDOW_SECONDS", int(env("REPORT_WINDOW_SECONDS", "600")))
    install_log_filter()
    limiter.init_app(app)


__all__ = [
    "TOO_MANY_REPORTS",
    "HideLimitKey",
    "init_app",
    "install_log_filter",
    "limiter",
    "visitor_report_limit",
]
