"""The sociale kaart's listings: list and filter, one listing, check, reports, retire."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

import sociale_kaart as kaart
from website import db
from website.editor.access import audit, current_account, role_required
from website.editor.blueprint import bp
from website.editor.forms import ActionForm
from website.editor.kaart_forms import ServiceFilterForm


def service_or_404(service_id: str) -> kaart.Service:
    """Return the listing with this id, or answer 404."""
    service = db.session().get(kaart.Service, service_id)
    if service is None:
        abort(404)
    return service


def _places(service: kaart.Service) -> list[str]:
    return [loc.city or loc.name or "" for loc in service.locations if loc.city or loc.name]


def filter_listings(services, form: ServiceFilterForm, due_ids: set[str]) -> list:
    """Keep the listings that match the search text and the chosen filters."""
    text = (form.q.data or "").strip().lower()
    kept = []
    for service in services:
        haystack = " ".join(
            [service.name, service.organization.name, service.service_area or "", *_places(service)]
        ).lower()
        if text and text not in haystack:
            continue
        if form.category.data and form.category.data not in service.term_keys("category"):
            continue
        if form.status.data and service.status != form.status.data:
            continue
        if form.verified.data and service.verified != (form.verified.data == "yes"):
            continue
        if form.due.data and service.id not in due_ids:
            continue
        kept.append(service)
    return kept


@bp.get("/kaart")
@role_required("field_worker")
def kaart_services():
    """Every listing, searchable by name or place, filtered by category, status and check."""
    form = ServiceFilterForm(request.args)
    if "status" not in request.args:
        form.status.data = "active"
    session = db.session()
    due_ids = {s.id for s in kaart.listings_due_for_check(session)}
    rows = filter_listings(kaart.all_listings(session), form, due_ids)
    return render_template(
        "editor/kaart_list.html",
        form=form,
        rows=rows,
        due_ids=due_ids,
        places=_places,
        action_form=ActionForm(),
    )


@bp.get("/kaart/services/<service_id>")
@role_required("field_worker")
def kaart_service(service_id: str):
    """One listing as visitors will read it, with its check, its reports and the actions."""
    service = service_or_404(service_id)
    session = db.session()
    due = any(s.id == service.id for s in kaart.listings_due_for_check(session))
    reports = [r for r in kaart.open_reports(session) if r.service_id == service.id]
    return render_template(
        "editor/kaart_service.html",
        service=service,
        data=kaart.to_data(service),
        hours=kaart.describe_opening_hours(service.opening_hours, g.lang),
        due=due,
        reports=reports,
        label=lambda kind, key: kaart.label(kind, key, g.lang),
        action_form=ActionForm(),
    )


def _back_to(default: str) -> str:
    target = request.form.get("next", "")
    if target.startswith("/beheer/") and not target.startswith("//"):
        return target
    return default


@bp.post("/kaart/services/<service_id>/checked")
@role_required("field_worker")
def kaart_mark_checked(service_id: str):
    """Record that this account checked the listing today."""
    service = service_or_404(service_id)
    kaart.mark_checked(db.session(), service.id, current_account().name)
    audit("mark listing checked", service.name)
    db.session().commit()
    flash(_("%(name)s is marked as checked today.", name=service.name))
    return redirect(_back_to(url_for("editor.kaart_service", service_id=service.id)), 303)


@bp.post("/kaart/reports/<int:report_id>/resolve")
@role_required("editor")
def kaart_resolve_report(report_id: int):
    """Mark a visitor's "is this wrong?" report as dealt with."""
    try:
        report = kaart.resolve_report(db.session(), report_id, current_account().name)
    except LookupError:
        abort(404)
    audit("resolve report", f"#{report.id} {report.service.name}")
    db.session().commit()
    flash(_("The report is marked as dealt with."))
    return redirect(url_for("editor.kaart_service", service_id=report.service_id), 303)


@bp.post("/kaart/services/<service_id>/status")
@role_required("editor")
def kaart_service_status(service_id: str):
    """Retire a listing (take it off the map), or put a retired one back."""
    service = service_or_404(service_id)
    version = request.form.get("version", type=int) or -1
    session = db.session()
    try:
        if request.form.get("status") == "active":
            data = kaart.to_data(service)
            data.status = "active"
            kaart.update_service(session, service.id, data, version)
            action, message = "reinstate listing", _("The listing is back on the map.")
        else:
            kaart.retire_service(session, service.id, version)
            action, message = "retire listing", _("The listing is retired: it is off the map.")
    except kaart.VersionConflict:
        flash(_("The listing changed in the meantime; look again and retry."))
        return redirect(url_for("editor.kaart_service", service_id=service_id), 303)
    except kaart.ListingInvalid as invalid:
        flash(_("The listing cannot go back on the map: %(problems)s", problems=str(invalid)))
        return redirect(url_for("editor.kaart_service", service_id=service_id), 303)
    audit(action, service.name)
    session.commit()
    flash(message)
    return redirect(url_for("editor.kaart_service", service_id=service_id), 303)
