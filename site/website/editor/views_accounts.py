"""Logging in and out, the dashboard, the account's settings, accounts and the audit log."""

from datetime import date

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from website import db
from website.editor.access import (
    audit,
    config_value,
    current_account,
    failed_login,
    login_name_key,
    role_required,
)
from website.editor.blueprint import bp
from website.editor.extending import add_dashboard_section, dashboard_sections
from website.editor.forms import (
    AccountForm,
    ActionForm,
    LoginForm,
    PasswordChangeForm,
    SettingsForm,
)
from website.editor.models import Account, AuditEntry
from website.editor.passwords import hash_password, verify_password
from website.editor.sessions import end_sessions_of
from website.limits import limiter
from website.pages.editing import list_pages


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    config_value("EDITOR_LOGIN_LIMIT_CLIENT"), methods=["POST"], deduct_when=failed_login
)
@limiter.limit(
    config_value("EDITOR_LOGIN_LIMIT_ACCOUNT"),
    key_func=login_name_key,
    methods=["POST"],
    deduct_when=failed_login,
)
def login():
    """Log in; the same answer for a wrong password and an unknown name."""
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        name = form.name.data.strip()
        account = account_named(name)
        hashed = account.password_hash if account is not None and account.active else None
        if verify_password(hashed, form.password.data):
            session.clear()
            session["account_id"] = account.id
            session.renew = True  # a fresh token: whatever token existed before is useless now
            db.session().add(AuditEntry(account_name=account.name, action="login"))
            db.session().commit()
            return redirect(_safe_next(request.args.get("next")), 303)
        failed = True
    return render_template("editor/login.html", form=form, failed=failed)


def account_named(name: str) -> Account | None:
    """Return the account with this name, whatever its capitals."""
    return db.session().scalar(select(Account).where(func.lower(Account.name) == name.lower()))


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/beheer") and not target.startswith("//"):
        return target
    return url_for("editor.dashboard")


@bp.post("/logout")
@role_required("field_worker")
def logout():
    """End this session on the server and forget the cookie."""
    audit("logout")
    db.session().commit()
    session.ended = True
    return redirect(url_for("editor.login"), 303)


@bp.get("/")
@role_required("field_worker")
def dashboard():
    """Pages to review soon and open checks, then the other rooms' sections."""
    return render_template("editor/dashboard.html", sections=dashboard_sections())


def _review_due_pages() -> list[tuple[str, str | None]]:
    rows = list_pages(db.session(), review="overdue") + list_pages(db.session(), review="soon")
    return [
        (
            _(
                "%(title)s (%(path)s): review by %(date)s",
                title=r.revision.title,
                path=r.page.path,
                date=r.review_due.isoformat(),
            )
            + (" ⚠" if r.review_due < date.today() else ""),
            url_for("editor.page_edit", page_id=r.page.id),
        )
        for r in rows
    ]


def _pages_to_check() -> list[tuple[str, str | None]]:
    return [
        (
            _(
                "%(title)s (%(path)s): %(count)d open items",
                title=r.revision.title,
                path=r.page.path,
                count=len(r.revision.needs_check),
            ),
            url_for("editor.page_edit", page_id=r.page.id),
        )
        for r in list_pages(db.session(), review="needs_check")
    ]


add_dashboard_section(_l("Review date passed or within 30 days"), _review_due_pages, "editor")
add_dashboard_section(_l("Pages with facts still to check"), _pages_to_check, "editor")


@bp.route("/account", methods=["GET", "POST"])
@role_required("field_worker")
def settings():
    """The account's language and its password."""
    account = current_account()
    settings_form = SettingsForm(prefix="settings", language=account.language)
    password_form = PasswordChangeForm(prefix="password")
    if settings_form.submit.data and settings_form.validate_on_submit():
        account.language = settings_form.language.data
        audit("change language", settings_form.language.data)
        db.session().commit()
        return redirect(url_for("editor.settings"), 303)
    if password_form.submit.data and password_form.validate_on_submit():
        if verify_password(account.password_hash, password_form.current.data):
            account.password_hash = hash_password(password_form.new.data)
            end_sessions_of(db.session(), account.id)
            audit("change password")
            db.session().commit()
            session.renew = True  # this browser goes on with a new session; all others end
            flash(_("Your password is changed. Every other session of this account has ended."))
            return redirect(url_for("editor.settings"), 303)
        password_form.current.errors.append(_("The current password is not right."))
    return render_template(
        "editor/settings.html", settings_form=settings_form, password_form=password_form
    )


@bp.route("/accounts", methods=["GET", "POST"])
@role_required("admin")
def account_list():
    """List accounts and create new ones."""
    form = AccountForm()
    if form.validate_on_submit():
        name = form.name.data.strip()
        exists = account_named(name)
        if exists is not None:
            form.name.errors.append(_("This account name is taken."))
        else:
            db.session().add(
                Account(
                    name=name,
                    role=form.role.data,
                    language=form.language.data,
                    password_hash=hash_password(form.password.data),
                )
            )
            audit("create account", f"{name} ({form.role.data})")
            db.session().commit()
            return redirect(url_for("editor.account_list"), 303)
    accounts = db.session().scalars(select(Account).order_by(Account.name)).all()
    return render_template(
        "editor/accounts.html", form=form, accounts=accounts, action_form=ActionForm()
    )


@bp.post("/accounts/<int:account_id>/active")
@role_required("admin")
def account_toggle(account_id: int):
    """Block an account (ending its sessions) or let it in again."""
    account = db.session().get(Account, account_id)
    if account is None or account.id == current_account().id:
        return redirect(url_for("editor.account_list"), 303)
    account.active = not account.active
    if not account.active:
        end_sessions_of(db.session(), account.id)
    audit("unblock account" if account.active else "block account", account.name)
    db.session().commit()
    return redirect(url_for("editor.account_list"), 303)


@bp.get("/audit")
@role_required("admin")
def audit_log():
    """The newest 500 entries of the audit log."""
    entries = db.session().scalars(
        select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(500)
    )
    return render_template("editor/audit.html", entries=entries)
