"""Who is logged in, what their role lets them do, login limits, and the audit log."""

import hashlib
from collections.abc import Callable
from functools import wraps

from flask import abort, current_app, g, redirect, request, session, url_for

from website import db
from website.editor.models import Account, AuditEntry


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
