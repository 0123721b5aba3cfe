"""Counting scans: one number per point per day, raised with an atomic upsert.

Nothing else is stored: no address, no browser, no time finer than the day.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from flyers.models import ScanCount

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def scan_day(now: datetime | None = None) -> date:
    """Return the day a scan counts for: the date in Amsterdam."""
    return (now or datetime.now(AMSTERDAM)).astimezone(AMSTERDAM).date()


def count_scan(db: Session, point_id: int, day: date) -> None:
    """Add one to the point's count for the day, in one statement, and commit.

    `INSERT ... ON CONFLICT DO UPDATE SET count = count + 1` lets the database serialise
    concurrent scans, so no count is lost between a read and a write.
    """
    insert = _INSERT[db.get_bind().dialect.name](ScanCount)
    statement = insert.values(point_id=point_id, day=day, count=1).on_conflict_do_update(
        index_elements=[ScanCount.point_id, ScanCount.day],
        set_={"count": ScanCount.count + 1},
    )
    try:
        db.execute(statement)
        db.commit()
    except Exception:
        db.rollback()
        raise
