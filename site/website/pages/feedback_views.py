"""The "is something wrong on this page?" form: a cookie-less POST to the page's own URL."""

from flask import abort, redirect, request

from website import db
from website.limits import TOO_MANY_REPORTS, visitor_report_limit
from website.pages.feedback import FEEDBACK_MAX_LENGTH, FeedbackInvalid, add_feedback
from website.pages.queries import published
from website.pages.views import FEEDBACK_DONE_FLAG, LANG, bp, page_response


def _found(lang: str, slug: str):
    found = published(db.session(), lang, slug.strip("/"))
    if found is None:
        abort(404)
    return found


def _typed() -> tuple[str, str]:
    # Shown back in the form, so nothing is lost; a too-long text too, within reason.
    return request.form.get("kind", ""), request.form.get("message", "")[: 10 * FEEDBACK_MAX_LENGTH]


def _too_many():
    # Called by the limiter before the view runs: the same page, with what was typed.
    args = request.view_args or {}
    page, revision = _found(args["lang"], args["slug"])
    return page_response(args["lang"], page, revision, TOO_MANY_REPORTS, *_typed(), status=429)


@bp.post(f"/{LANG}/<path:slug>")
@visitor_report_limit(_too_many)
def feedback(lang: str, slug: str):
    """Store what a visitor says is wrong on a page (nothing about them), then thank them."""
    page, revision = _found(lang, slug)
    kind, message = _typed()
    try:
        add_feedback(db.session(), page, kind, request.form.get("message", ""))
    except FeedbackInvalid as invalid:
        db.session().rollback()
        return page_response(lang, page, revision, invalid.message, kind, message, status=400)
    return redirect(f"{page.path}?{FEEDBACK_DONE_FLAG[lang]}=1#feedback", code=303)
