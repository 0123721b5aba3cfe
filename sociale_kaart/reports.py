"""The "klopt dit niet? / is this wrong?" form: a cookie-less POST, rate-limited in memory."""

from flask import abort, redirect, request, url_for

from sociale_kaart.editing import REPORT_MAX_LENGTH, add_report
from sociale_kaart.queries import service_by_slug
from sociale_kaart.store import ListingInvalid
from sociale_kaart.views import bp, service_page
from website import db
from website.limits import TOO_MANY_REPORTS, visitor_report_limit

REPORT_PATHS = {"nl": "/nl/hulp/<slug>/melden", "en": "/en/help/<slug>/report"}
DONE_FLAG = {"nl": "gemeld", "en": "reported"}


def _too_many():
    # Called by the limiter before the view runs: the same page, with the text typed.
    args = request.view_args or {}
    service = service_by_slug(db.session(), args.get("slug", ""))
    if service is None:
        abort(404)
    return service_page(args["lang"], service, TOO_MANY_REPORTS, _typed(), status=429)


def _typed() -> str:
    return request.form.get("message", "")[:REPORT_MAX_LENGTH]


@visitor_report_limit(_too_many)
def report_view(lang: str, slug: str):
    """Store what a visitor says is wrong (no personal data), then show a thank-you."""
    service = service_by_slug(db.session(), slug)
    if service is None:
        abort(404)
    message = request.form.get("message", "")
    try:
        add_report(db.session(), service.id, message)
    except ListingInvalid as invalid:
        db.session().rollback()
        return service_page(lang, service, invalid.problems[0].message, _typed(), 400)
    target = url_for(f"sociale_kaart.service_{lang}", slug=slug, **{DONE_FLAG[lang]: "1"})
    return redirect(target + "#report", code=303)


for _lang, _path in REPORT_PATHS.items():
    bp.add_url_rule(
        _path, f"report_{_lang}", report_view, methods=["POST"], defaults={"lang": _lang}
    )
