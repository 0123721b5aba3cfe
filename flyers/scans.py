"""Counting scans: one number per point per day, raised with an atomic upsert.

Nothing else is stored: no address, no browser, no time finer than the day.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from flyers.models import DistributionPoint, ScanCount
from flyers.points import normalise_code

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def scan_day(now: datetime | None = None) -> date:
    """Return the day a scan counts for: the date in Amsterdam."""
    return (now or datetime.now(AMSTERDAM)).astimezone(AMSTERDAM).date()


@dataclass(frozen=True)
class ScanTarget:
    """What a scan needs to know about a point: where to send the phone, and whether to count."""

    point_id: int
    target_path: str
    language: str
    active: bool


_TARGET = sa.select(
    DistributionPoint.id,
    DistributionPoint.target_path,
    DistributionPoint.language,
    DistributionPoint.status,
).where(DistributionPoint.code == sa.bindparam("code"))


def find_target(connection: sa.Connection, code: str) -> ScanTarget | None:
    """Return where a code leads, or None for a code no point has; ends the read."""
    code = normalise_code(code)
    row = connection.execute(_TARGET, {"code": code}).first() if code else None
    connection.commit()
    if row is None:
        return None
    return ScanTarget(row.id, row.target_path, row.language, row.status == "active")


def count_scan(connection: sa.Connection, point_id: int, day: date) -> None:
    """Add one to the point's count for the day, in one statement and its own transaction.

    `INSERT ... ON CONFLICT DO UPDATE SET count = count + 1` lets the database serialise
    concurrent scans, so no count is lost between a read and a write.
    """
    with _commit_without_waiting_for_disk(connection):
        connection.execute(_upsert(connection.dialect.name), {"point_id": point_id, "day": day})
        connection.commit()


@cache
def _upsert(dialect: str) -> sa.Insert:
    """Build the upsert once per dialect; each scan only binds its point and day."""
    insert = _INSERT[dialect](ScanCount)
    return insert.values(
        point_id=sa.bindparam("point_id"), day=sa.bindparam("day"), count=1
    ).on_conflict_do_update(
        index_elements=[ScanCount.point_id, ScanCount.day],
        set_={"count": ScanCount.count + 1},
    )


@contextmanager
def _commit_without_waiting_for_disk(connection: sa.Connection) -> Iterator[None]:
    """Let this one commit return before the disk has it, for this connection only.

    Waiting for the disk (fsync) costs ~10 ms per scan, which would cap scans at about 100
    a second. Skipping the wait cannot corrupt the database or lose a count to a race;
    a power cut may lose the last few scans, which is fine for a counter (and only for it:
    the setting is put back before the connection returns to the pool).
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")  # this transaction
        yield
        return
    previous = connection.exec_driver_sql("PRAGMA synchronous").scalar()
    connection.exec_driver_sql("PRAGMA synchronous=NORMAL")  # safe in WAL mode
    try:
        yield
    finally:
        connection.rollback()
        connection.exec_driver_sql(f"PRAGMA synchronous={int(previous)}")
