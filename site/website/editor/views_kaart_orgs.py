"""The organisations behind the listings: list, add, edit and retire."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

import sociale_kaart as kaart
from website import db
from website.editor.access import audit, role_required
from website.editor.blueprint import bp
from website.editor.forms import ActionForm
from website.editor.kaart_forms import OrganizationForm


def _organization_or_404(organization_id: str) -> kaart.Organization:
    organization = db.session().get(kaart.Organization, organization_id)
    if organization is None:
        abort(404)
    return organization


@bp.get("/kaart/organisations")
@role_required("editor")
def kaart_organizations():
    """Every organisation with its listings."""
    query = (
        select(kaart.Organization)
        .options(selectinload(kaart.Organization.services))
        .order_by(kaart.Organization.status, kaart.Organization.name)
    )
    return render_template(
        "editor/kaart_organizations.html", organizations=db.session().scalars(query).all()
    )


@bp.route("/kaart/organisations/new", methods=["GET", "POST"])
@bp.route("/kaart/organisations/<organization_id>", methods=["GET", "POST"])
@role_required("editor")
def kaart_organization_edit(organization_id: str | None = None):
    """Add an organisation, or change one with a version check."""
    organization = _organization_or_404(organization_id) if organization_id else None
    form = OrganizationForm(obj=organization)
    if organization is not None and not form.is_submitted():
        form.version.data = str(organization.version)
    conflict = False
    if form.validate_on_submit():
        data = kaart.OrganizationData(
            name=form.name.data,
            description=(form.description.data or "").strip(),
            website=(form.website.data or "").strip() or None,
            email=(form.email.data or "").strip() or None,
        )
        session = db.session()
        try:
            if organization is None:
                organization = kaart.create_organization(session, data)
            else:
                version = int(form.version.data or -1)
                kaart.update_organization(session, organization.id, data, version)
            audit("change organisation" if organization_id else "create organisation", data.name)
            session.commit()
            flash(_("The organisation is saved."))
            return redirect(url_for("editor.kaart_organizations"), 303)
        except kaart.ListingInvalid as invalid:
            session.rollback()
            form.name.errors = [*form.name.errors, *(str(p.message) for p in invalid.problems)]
        except kaart.VersionConflict:
            session.refresh(organization)
            form.version.data = str(organization.version)
            conflict = True
    return render_template(
        "editor/kaart_organization_edit.html",
        form=form,
        organization=organization,
        conflict=conflict,
        action_form=ActionForm(),
    ), (409 if conflict else 200)


@bp.post("/kaart/organisations/<organization_id>/retire")
@role_required("editor")
def kaart_organization_retire(organization_id: str):
    """Retire an organisation and every listing it offers (nothing is deleted)."""
    organization = _organization_or_404(organization_id)
    try:
        kaart.retire_organization(
            db.session(), organization.id, request.form.get("version", type=int) or -1
        )
    except kaart.VersionConflict:
        flash(_("The organisation changed in the meantime; look again and retry."))
        return redirect(
            url_for("editor.kaart_organization_edit", organization_id=organization_id), 303
        )
    audit("retire organisation", organization.name)
    db.session().commit()
    flash(_("The organisation and its listings are retired."))
    return redirect(url_for("editor.kaart_organizations"), 303)
