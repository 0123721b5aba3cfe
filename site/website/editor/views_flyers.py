"""Flyers: distribution points (list, create, edit, retire), their QR codes and flyer PDFs."""

import io
import re

from flask import abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from markupsafe import Markup, escape

import flyers
from website import db
from website.editor.access import audit, role_required
from website.editor.blueprint import bp
from website.editor.flyer_forms import (
    FLYER_LANGUAGES,
    LAYOUT_LABELS,
    BatchForm,
    PointFilterForm,
    PointForm,
)
from website.editor.flyer_preview import first_page_png
from website.editor.forms import ActionForm


def _point_or_404(point_id: int) -> flyers.DistributionPoint:
    point = db.session().get(flyers.DistributionPoint, point_id)
    if point is None:
        abort(404)
    return point


def _download(data: bytes, mimetype: str, name: str):
    """Send bytes as an attachment (the blueprint adds no-store)."""
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "flyers"


@bp.get("/flyers")
@role_required("field_worker")
def flyer_points():
    """The distribution points, filtered by municipality, kind and status."""
    form = PointFilterForm(request.args)
    status = form.status.data if "status" in request.args else "active"
    found = flyers.list_points(form.municipality.data or None, form.kind.data or None)
    if status:
        found = [p for p in found if p.status == status]
    return render_template(
        "editor/flyer_points.html",
        form=form,
        points=found,
        batch=BatchForm(formdata=None),
        kind_label=flyers.kind_label,
    )


@bp.route("/flyers/new", methods=["GET", "POST"])
@bp.route("/flyers/<int:point_id>/edit", methods=["GET", "POST"])
@role_required("field_worker")
def flyer_point_edit(point_id: int | None = None):
    """Create a point, or change one (also retire or reactivate it)."""
    point = _point_or_404(point_id) if point_id else None
    form = PointForm(obj=point)
    if request.method == "POST" and form.validate_on_submit():
        try:
            if point is None:
                point = flyers.create_point(**form.fields_for_save(new=True))
                audit("create flyer point", f"{point.code} {point.name}")
            else:
                flyers.update_point(point, **form.fields_for_save(new=False))
                audit("change flyer point", f"{point.code} {point.name}")
        except flyers.PointError as problem:
            db.session().rollback()
            for name, message in problem.errors.items():
                form[name].errors = [*form[name].errors, message]
        else:
            db.session().commit()
            flash(_("The point is saved."))
            return redirect(url_for("editor.flyer_point", point_id=point.id), 303)
    status = 400 if form.errors else 200
    return render_template("editor/flyer_point_edit.html", form=form, point=point), status


@bp.post("/flyers/<int:point_id>/retire")
@role_required("field_worker")
def flyer_point_retire(point_id: int):
    """Retire a point: its code stops counting and leads to the home page with a note."""
    point = _point_or_404(point_id)
    flyers.retire_point(point)
    audit("retire flyer point", f"{point.code} {point.name}")
    db.session().commit()
    flash(_("The point is retired. Its flyers now lead to the home page."))
    return redirect(url_for("editor.flyer_point", point_id=point.id), 303)


def name_problem(point: flyers.DistributionPoint, layout: str) -> str | None:
    """Say why the point's name does not fit the layout, with the limit; None if it fits."""
    limit = flyers.name_limit(layout)
    if len(point.name) <= limit:
        return None
    return _(
        "The name “%(name)s” is too long for this layout: at most %(limit)d characters "
        "(it has %(length)d). Shorten the name to print it.",
        name=point.name,
        limit=limit,
        length=len(point.name),
    )


@bp.get("/flyers/<int:point_id>")
@role_required("field_worker")
def flyer_point(point_id: int):
    """A point: its short URL, QR code, flyer preview and downloads."""
    point = _point_or_404(point_id)
    label = escape(_("QR code for %(url)s", url=flyers.point_url(point)))
    svg = flyers.qr_svg(point).replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return render_template(
        "editor/flyer_point.html",
        point=point,
        url=flyers.point_url(point),
        qr=Markup(svg),
        layouts=[(k, LAYOUT_LABELS[k], name_problem(point, k)) for k in flyers.LAYOUT_NAMES],
        languages=FLYER_LANGUAGES,
        kind_label=flyers.kind_label,
        action_form=ActionForm(),
    )


@bp.get("/flyers/<int:point_id>/qr.<any(svg, png):kind>")
@role_required("field_worker")
def flyer_point_qr(point_id: int, kind: str):
    """Download the point's QR code as SVG or PNG."""
    point = _point_or_404(point_id)
    if kind == "svg":
        return _download(flyers.qr_svg(point).encode(), "image/svg+xml", f"qr-{point.code}.svg")
    return _download(flyers.qr_png(point), "image/png", f"qr-{point.code}.png")


def _choice(name: str, allowed, default: str | None) -> str | None:
    value = request.args.get(name) or default
    if value is not None and value not in allowed:
        abort(404)
    return value


def _refuse(message: str):
    return render_template("editor/flyer_refused.html", message=message), 400


@bp.get("/flyers/<int:point_id>/preview.png")
@role_required("field_worker")
def flyer_point_preview(point_id: int):
    """Show the front of the point's flyer as an image (made from the real PDF)."""
    point = _point_or_404(point_id)
    layout = _choice("layout", flyers.LAYOUT_NAMES, "a6")
    if name_problem(point, layout):
        abort(404)
    try:
        pdf = flyers.render_flyers([point], layout, point.language)
    except flyers.FlyerError:
        abort(404)
    return send_file(io.BytesIO(first_page_png(pdf)), mimetype="image/png")


@bp.get("/flyers/<int:point_id>/flyer.pdf")
@role_required("field_worker")
def flyer_point_pdf(point_id: int):
    """Download the point's flyer in a layout and language as a PDF."""
    point = _point_or_404(point_id)
    layout = _choice("layout", flyers.LAYOUT_NAMES, "a6")
    lang = _choice("lang", flyers.LANGUAGE_CHOICES, point.language)
    problem = name_problem(point, layout)
    if problem:
        return _refuse(problem)
    try:
        pdf = flyers.render_flyers([point], layout, lang)
    except flyers.FlyerError as error:
        return _refuse(str(error))
    return _download(pdf, "application/pdf", f"flyer-{_slug(point.name)}-{layout}-{lang}.pdf")


@bp.get("/flyers/batch.pdf")
@role_required("field_worker")
def flyer_batch_pdf():
    """Download one PDF with the flyers of all active points of a municipality and/or kind."""
    form = BatchForm(request.args)
    if not form.validate():
        return _refuse(" ".join(str(e) for errors in form.errors.values() for e in errors))
    municipality = (form.municipality.data or "").strip()
    found = flyers.list_points(municipality or None, form.kind.data or None, include_retired=False)
    if not found:
        return _refuse(_("No active points match; nothing to print."))
    too_long = [p for p in found if name_problem(p, form.layout.data)]
    if too_long:
        return _refuse(
            _(
                "These names are too long for this layout (at most %(limit)d characters): "
                "%(names)s. Shorten them, or choose another layout.",
                limit=flyers.name_limit(form.layout.data),
                names=", ".join(p.name for p in too_long),
            )
        )
    try:
        pdf = flyers.render_flyers(found, form.layout.data, form.lang.data or None)
    except flyers.FlyerError as error:
        return _refuse(str(error))
    audit_name = "-".join(_slug(x) for x in (municipality, form.kind.data) if x)
    name = f"flyers-{audit_name}-{form.layout.data}-{form.lang.data or 'eigen'}.pdf"
    return _download(pdf, "application/pdf", name)
