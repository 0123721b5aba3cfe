"""Adding and editing a listing: every field, opening hours shown back, a version check."""

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

import sociale_kaart as kaart
from website import db
from website.editor.access import audit, role_required
from website.editor.blueprint import bp
from website.editor.forms import options
from website.editor.kaart_form_data import add_empty_rows, fill_form, place_problems, read_form
from website.editor.kaart_forms import ServiceForm
from website.editor.views_kaart import service_or_404


def _organisation_choices(current_id: str | None) -> list:
    query = select(kaart.Organization).order_by(kaart.Organization.name)
    orgs = [o for o in db.session().scalars(query) if o.status == "active" or o.id == current_id]
    return options(("", _("Choose an organisation")), *((o.id, o.name) for o in orgs))


@bp.route("/kaart/services/new", methods=["GET", "POST"])
@role_required("editor")
def kaart_service_new():
    """A new listing (unverified until someone checks it)."""
    form = ServiceForm()
    form.organization.choices = _organisation_choices(None)
    if request.method == "GET":
        form.organization.data = request.args.get("organization", "")
        add_empty_rows(form)
    return _edit_or_save(None, form)


@bp.route("/kaart/services/<service_id>/edit", methods=["GET", "POST"])
@role_required("editor")
def kaart_service_edit(service_id: str):
    """Edit a listing; a save from an older version shows both versions instead."""
    service = service_or_404(service_id)
    form = ServiceForm()
    form.organization.choices = _organisation_choices(service.organization_id)
    if request.method == "GET":
        fill_form(form, kaart.to_data(service), service.version)
    return _edit_or_save(service, form)


def _hours_preview(osm: str) -> list[str]:
    return kaart.describe_opening_hours(osm, g.lang)


def _edit_or_save(service: kaart.Service | None, form: ServiceForm):
    sections: dict[str, list[str]] = {}
    hours: str | None = None
    error = None
    if request.method == "POST":
        valid = form.validate_on_submit()
        try:
            hours = kaart.normalise_opening_hours(
                form.opening_hours.data or "", form.open_on_public_holidays.data
            )
        except kaart.OpeningHoursError as problem:
            form.opening_hours.errors = [*form.opening_hours.errors, str(problem.message)]
            valid = False
        unconfirmed = hours is not None and hours != (form.confirmed_hours.data or "")
        if valid and not unconfirmed and not form.check_hours.data:
            return _save(service, form, hours)
        if not valid:
            error = _("Some fields need attention; see the messages next to them.")
        elif unconfirmed and not form.check_hours.data:
            error = _("Check the opening hours below, then save again to confirm them.")
        if hours is not None:
            # Shown back now; saving again with the same text confirms them.
            form.confirmed_hours.data = hours
    add_empty_rows(form)
    return _render(service, form, hours, sections, error)


def _render(service, form, hours, sections, error, template="editor/kaart_edit.html", **extra):
    shown = hours if hours is not None else form.confirmed_hours.data or ""
    return render_template(
        template,
        service=service,
        form=form,
        hours_osm=shown,
        hours_lines=_hours_preview(shown) if shown else [],
        hours_checked=hours is not None,
        sections=sections,
        error=error,
        **extra,
    )


def _save(service: kaart.Service | None, form: ServiceForm, hours: str):
    session = db.session()
    organization = session.get(kaart.Organization, form.organization.data or "")
    status = service.status if service is not None else "active"
    data, problems = read_form(form, organization, hours, status)
    try:
        if problems:
            raise kaart.ListingInvalid(problems)
        if service is None:
            service = kaart.create_service(session, data)
            audit("create listing", service.name)
        else:
            kaart.update_service(session, service.id, data, int(form.version.data or -1))
            audit("change listing", service.name)
        session.commit()
    except kaart.ListingInvalid as invalid:
        session.rollback()
        sections = place_problems(form, invalid.problems)
        add_empty_rows(form)
        error = _("Some fields need attention; see the messages next to them.")
        return _render(service, form, hours, sections, error)
    except kaart.VersionConflict:
        return _conflict(service, form, hours)
    flash(_("The listing is saved."))
    return redirect(url_for("editor.kaart_service", service_id=service.id), 303)


def _conflict(service: kaart.Service, form: ServiceForm, hours: str):
    """Someone saved first: show the saved listing; the form keeps this editor's input."""
    session = db.session()
    session.refresh(service)
    form.version.data = str(service.version)
    add_empty_rows(form)
    current = kaart.to_data(service)
    page = _render(
        service,
        form,
        hours,
        {},
        None,
        template="editor/kaart_conflict.html",
        current=current,
        current_hours=_hours_preview(current.opening_hours),
        label=lambda kind, key: kaart.label(kind, key, g.lang),
    )
    return page, 409
