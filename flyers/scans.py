"""Counting scans: one number per point per day, raised with an atomic upsert.

Nothing else is stored: no address, no browser, no time finer than the day.
"""

import logging
import queue
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from flyers.models import DistributionPoint, ScanCount
from flyers.points import normalise_code
from website.i18n import SITE_TIMEZONE

log = logging.getLogger(__name__)
_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def scan_day(now: datetime | None = None) -> date:
    """Return the day a scan counts for: the date in Amsterdam."""
    return (now or datetime.now(SITE_TIMEZONE)).astimezone(SITE_TIMEZONE).date()


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


class ScanCounter:
    """Writes the scans of one worker process together, each batch in one transaction.

    A request queues its scan and waits until the transaction holding it has committed, so
    a phone is sent on only after its scan is counted: stopping a worker loses no count.
    Under load, scans that arrive during a write share the next one. On SQLite, where
    writers take turns for one lock, that is what lets the redirect keep up with a rush.
    The writer thread starts with the first scan and ends after a quiet spell.
    """

    def __init__(self, engine: sa.Engine, wait_seconds: float = 2.0, idle_seconds: float = 10.0):
        self.engine = engine
        self.wait_seconds = wait_seconds
        self.idle_seconds = idle_seconds
        self._queue: queue.SimpleQueue[_Scan] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._writer: threading.Thread | None = None

    def count(self, point_id: int, day: date) -> str | None:
        """Count one scan; return None once it is committed, else why it is not (yet)."""
        scan = _Scan(point_id, day)
        self._queue.put(scan)  # before the writer check: see _next_batch
        with self._lock:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(target=self._write_until_quiet, daemon=True)
                self._writer.start()
        if not scan.done.wait(self.wait_seconds):
            return "not confirmed in time; it stays queued"
        return scan.error

    def _write_until_quiet(self) -> None:
        while batch := self._next_batch():
            totals = Counter((scan.point_id, scan.day) for scan in batch)
            error = None
            try:
                _write(self.engine, totals)
            except Exception as failure:  # whatever it is, the waiting requests must go on
                error = type(failure).__name__
                for point_id, _day in sorted(totals):
                    # Said here, as a request may have stopped waiting; never who scanned.
                    log.error("scan of point %s not counted: %s", point_id, error)
            finally:
                for scan in batch:
                    scan.error = error
                    scan.done.set()

    def _next_batch(self, most: int = 1000) -> list["_Scan"]:
        try:
            batch = [self._queue.get(timeout=self.idle_seconds)]
        except queue.Empty:
            with self._lock:  # a scan queued before this lock finds no writer and starts one
                if self._queue.empty():
                    self._writer = None
                    return []
            batch = []
        while len(batch) < most:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return batch


@dataclass
class _Scan:
    point_id: int
    day: date
    error: str | None = None
    done: threading.Event = field(default_factory=threading.Event)


def _write(engine: sa.Engine, totals: Counter) -> None:
    """Add each (point, day)'s scans to its count: atomic upserts in one transaction.

    `INSERT ... ON CONFLICT DO UPDATE SET count = count + n` lets the database serialise
    writers, so no count is lost between a read and a write, across workers too.
    """
    with engine.connect() as connection:
        try:
            with _commit_without_waiting_for_disk(connection):
                upsert = _upsert(connection.dialect.name)
                # Always the same order of rows, so two workers' batches cannot deadlock.
                for (point_id, day), scans in sorted(totals.items()):
                    connection.execute(upsert, {"point_id": point_id, "day": day, "scans": scans})
                connection.commit()
        except Exception:
            # A write that failed half-way may leave the driver inside a transaction:
            # this connection is closed instead of going back to the pool.
            connection.invalidate()
            raise


@cache
def _upsert(dialect: str) -> sa.Insert:
    """Build the upsert once per dialect; each write only binds point, day and number."""
    insert = _INSERT[dialect](ScanCount)
    return insert.values(
        point_id=sa.bindparam("point_id"), day=sa.bindparam("day"), count=sa.bindparam("scans")
    ).on_conflict_do_update(
        index_elements=[ScanCount.point_id, ScanCount.day],
        set_={"count": ScanCount.count + insert.excluded.count},
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
        # A commit that failed half-way can leave the driver in a transaction that SQLAlchemy
        # already forgot; SQLite refuses to change the setting inside one.
        connection.connection.rollback()
        connection.exec_driver_sql(f"PRAGMA synchronous={int(previous)}")
