"""Alerts: the site-wide warnings editors start, change and end."""

from datetime import UTC, datetime

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from website import db
from website.editor.access import audit, role_required
from website.editor.blueprint import bp
from website.editor.forms import ActionForm, AlertForm
from website.i18n import SITE_TIMEZONE
from website.pages.alerts import all_alerts, end_alert, save_alert
from website.pages.models import Alert

# Editors think in Dutch local time; the database keeps UTC.


def _to_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=SITE_TIMEZONE).astimezone(UTC)


def _to_local(moment: datetime) -> datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(SITE_TIMEZONE).replace(tzinfo=None)


@bp.get("/alerts")
@role_required("editor")
def alert_list():
    """Every alert, with whether it runs now."""
    now = datetime.now(UTC)
    rows = [
        (
            alert,
            _to_local(alert.starts_at),
            _to_local(alert.ends_at),
            _to_utc(_to_local(alert.starts_at)) <= now < _to_utc(_to_local(alert.ends_at)),
        )
        for alert in all_alerts(db.session())
    ]
    return render_template("editor/alert_list.html", rows=rows, action_form=ActionForm())


@bp.route("/alerts/new", methods=["GET", "POST"])
@bp.route("/alerts/<int:alert_id>", methods=["GET", "POST"])
@role_required("editor")
def alert_edit(alert_id: int | None = None):
    """Create or change an alert."""
    alert = db.session().get(Alert, alert_id) if alert_id else None
    if alert_id and alert is None:
        abort(404)
    form = AlertForm(obj=alert)
    if alert is not None and not form.is_submitted():
        form.starts_at.data, form.ends_at.data = (
            _to_local(alert.starts_at),
            _to_local(alert.ends_at),
        )
    if form.validate_on_submit():
        saved = save_alert(
            db.session(),
            alert,
            severity=form.severity.data,
            text_nl=form.text_nl.data.strip(),
            text_en=form.text_en.data.strip(),
            starts_at=_to_utc(form.starts_at.data),
            ends_at=_to_utc(form.ends_at.data),
            link=(form.link.data or "").strip() or None,
        )
        audit("change alert" if alert else "create alert", f"#{saved.id} {saved.text_nl[:80]}")
        db.session().commit()
        flash(_("The alert is saved."))
        return redirect(url_for("editor.alert_list"), 303)
    return render_template("editor/alert_edit.html", form=form, alert=alert)


@bp.post("/alerts/<int:alert_id>/end")
@role_required("editor")
def alert_end(alert_id: int):
    """End an alert now."""
    alert = db.session().get(Alert, alert_id)
    if alert is None:
        abort(404)
    end_alert(db.session(), alert)
    audit("end alert", f"#{alert.id} {alert.text_nl[:80]}")
    db.session().commit()
    flash(_("The alert has ended."))
    return redirect(url_for("editor.alert_list"), 303)
