"""The /beheer blueprint: language per account, CSRF on every POST, no caching, no indexing."""

from flask import Blueprint, g, render_template, request
from flask_babel import format_datetime
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError, generate_csrf, validate_csrf
from wtforms.validators import ValidationError

from website.editor.access import current_account
from website.editor.extending import menu_items

bp = Blueprint(
    "editor",
    __name__,
    url_prefix="/beheer",
    static_folder="static",
    static_url_path="/static",
)


@bp.before_request
def editor_language_and_csrf():
    """Speak the account's language; refuse any POST without this session's CSRF token."""
    account = current_account()
    g.lang = account.language if account else _login_language()
    if request.method == "POST" and request.endpoint != "editor.static":
        try:
            validate_csrf(request.form.get("csrf_token"))
        except ValidationError as error:
            raise CSRFError(str(error)) from None


def _login_language() -> str:
    return "en" if request.args.get("lang") == "en" else "nl"


@bp.after_request
def private_headers(response):
    """Keep editor pages out of caches and search engines."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@bp.context_processor
def editor_layout():
    """Offer the account and its menu to the editor templates."""
    return {
        "account": current_account(),
        "menu_items": menu_items,
        "format_datetime": format_datetime,
        "csrf_token": generate_csrf,
    }


@bp.errorhandler(CSRFError)
def form_rejected(_error):
    """Answer a stale or forged form kindly, and give back any text that was typed."""
    typed = request.form.get("body", "")
    return render_template("editor/form_rejected.html", typed=typed), 400


@bp.errorhandler(RateLimitExceeded)
def too_many_attempts(_error):
    """Say that logging in is paused, in the same words for every account name."""
    from website.editor.forms import LoginForm

    form = LoginForm()
    return render_template("editor/login.html", form=form, too_many=True), 429


@bp.errorhandler(403)
def forbidden(_error):
    """Say that this account's role does not allow the screen."""
    return render_template("editor/forbidden.html"), 403
