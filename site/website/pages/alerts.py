"""Site-wide alerts as editors keep them: list, save and end."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from website.db import utcnow
from website.pages.models import Alert


def all_alerts(db: Session) -> list[Alert]:
    """Return every alert, the newest start first."""
    return list(db.scalars(select(Alert).order_by(Alert.starts_at.desc(), Alert.id.desc())))


def save_alert(db: Session, alert: Alert | None, **fields) -> Alert:
    """Create an alert, or change one, from severity, texts, start, end and link."""
    if fields["ends_at"] <= fields["starts_at"]:
        raise ValueError("an alert must end after it starts")
    if fields["severity"] not in ("info", "warning", "danger"):
        raise ValueError(f"unknown severity {fields['severity']!r}")
    alert = alert or Alert()
    for name, value in fields.items():
        setattr(alert, name, value)
    alert.link = alert.link or None
    db.add(alert)
    db.flush()
    return alert


def end_alert(db: Session, alert: Alert, now: datetime | None = None) -> None:
    """Stop showing an alert from now on."""
    now = now or utcnow()
    starts = alert.starts_at
    # SQLite hands back naive datetimes; they were written in UTC.
    if (starts if starts.tzinfo else starts.replace(tzinfo=UTC)) > now:
        alert.starts_at = now
    alert.ends_at = now
