"""Who is logged in, what their role lets them do, login limits, and the audit log."""

import hashlib
import logging
from collections.abc import Callable
from functools import wraps

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from website import db
from website.editor.models import Account, AuditEntry

# Counters live in this process's memory only; they key on the client address while
# they live, and nothing here writes that address anywhere.
limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", headers_enabled=False)


@limiter.request_filter
def _outside_the_editor() -> bool:
    # Only the editor's forms have limits; public pages and flyer scans skip the check.
    return not request.path.startswith("/beheer")


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


def login_name_key() -> str:
    """Key the per-account login limit on the name typed, known or not (no enumeration)."""
    name = request.form.get("name", "").strip().lower()
    return "account:" + hashlib.sha256(name.encode()).hexdigest()


def failed_login(response) -> bool:
    """Count an attempt against the limits only when it did not log in."""
    return response.status_code != 303


def current_account() -> Account | None:
    """Return the account logged in to this /beheer request, or None."""
    if "editor_account" not in g:
        account_id = session.get("account_id")
        account = db.session().get(Account, account_id) if account_id else None
        g.editor_account = account if account is not None and account.active else None
    return g.editor_account


def role_required(role: str) -> Callable:
    """Let a view run only for an account with this role or a higher one."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            account = current_account()
            if account is None:
                return redirect(url_for("editor.login", next=request.path))
            if not account.may(role):
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorate


def audit(action: str, target: str = "") -> None:
    """Note in the audit log that the current account did something (committed with it)."""
    account = current_account()
    name = account.name if account else "-"
    db.session().add(AuditEntry(account_name=name, action=action, target=target[:300]))


def config_value(name: str) -> Callable[[], str]:
    """Return a callable reading a setting per request, so tests can set their own limits."""
    return lambda: current_app.config[name]
