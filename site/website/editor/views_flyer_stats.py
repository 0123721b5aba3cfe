"""Flyer statistics: scans per point or per kind of point per week, as chart, table and CSV."""

from datetime import date

from flask import Response, render_template, request
from markupsafe import Markup

import flyers
from website.editor.access import role_required
from website.editor.blueprint import bp
from website.editor.flyer_forms import StatsForm, default_period


def _period(form: StatsForm) -> tuple[date, date]:
    start, end = default_period(date.today())
    return form.start.data or start, form.end.data or end


def _form() -> StatsForm:
    form = StatsForm(request.args)
    if not request.args.get("by"):
        form.by.data = "point"
    return form


@bp.get("/flyers/stats")
@role_required("field_worker")
def flyer_stats():
    """The scans in a period (the last 12 weeks unless chosen), per week."""
    form = _form()
    if not form.validate():
        return render_template("editor/flyer_stats.html", form=form, stats=None), 400
    start, end = _period(form)
    form.start.data, form.end.data = start, end
    return render_template(
        "editor/flyer_stats.html",
        form=form,
        stats=flyers.scan_stats(start, end, form.by.data),
        chart=Markup(flyers.stats_svg(start, end, form.by.data)),
    )


@bp.get("/flyers/stats.csv")
@role_required("field_worker")
def flyer_stats_csv():
    """Download the same numbers as CSV."""
    form = _form()
    if not form.validate():
        return render_template("editor/flyer_stats.html", form=form, stats=None), 400
    start, end = _period(form)
    name = f"flyer-scans-{form.by.data}-{start.isoformat()}-{end.isoformat()}.csv"
    return Response(
        flyers.stats_csv(start, end, form.by.data),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
