"""The scan counter: scans that arrive during a write share the next one, and none is lost."""

import threading
import time

import sqlalchemy as sa

from flyers.models import ScanCount
from flyers.scans import ScanCounter, scan_day
from website import db


def total(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return connection.scalar(sa.select(sa.func.coalesce(sa.func.sum(ScanCount.count), 0)))


def test_scans_queued_during_a_write_share_the_next_transaction(app, make_point):
    point = make_point()
    with app.app_context():
        engine = db.engine()
    counter = ScanCounter(engine)
    writes, first_write_started, go_on = [], threading.Event(), threading.Event()

    def hold_the_first_write(connection, *_):
        writes.append(1)
        if len(writes) == 1:
            first_write_started.set()
            go_on.wait(5)

    sa.event.listen(engine, "commit", hold_the_first_write)
    try:
        answers = []
        first = threading.Thread(target=lambda: answers.append(counter.count(point.id, scan_day())))
        first.start()
        assert first_write_started.wait(5)
        others = [
            threading.Thread(target=lambda: answers.append(counter.count(point.id, scan_day())))
            for _ in range(40)
        ]
        for thread in others:
            thread.start()
        while counter._queue.qsize() < 40:  # all 40 wait for the held write
            time.sleep(0.01)
        go_on.set()
        for thread in [first, *others]:
            thread.join()
    finally:
        sa.event.remove(engine, "commit", hold_the_first_write)
    assert answers == [None] * 41  # each visitor was sent on only after their scan committed
    assert total(engine) == 41
    assert len(writes) == 2  # the first scan's write, then one for the 40 that waited


def test_a_scan_not_written_in_time_is_reported_and_still_counted(app, make_point):
    point = make_point()
    with app.app_context():
        engine = db.engine()
    counter = ScanCounter(engine, wait_seconds=0.05)
    go_on = threading.Event()
    sa.event.listen(engine, "commit", lambda *_: go_on.wait(5))
    try:
        assert counter.count(point.id, scan_day()) == "not confirmed in time; it stays queued"
    finally:
        go_on.set()
    deadline = time.monotonic() + 5
    while total(engine) < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert total(engine) == 1


def test_the_writer_ends_when_quiet_and_the_next_scan_starts_one(app, make_point):
    point = make_point()
    with app.app_context():
        engine = db.engine()
    counter = ScanCounter(engine, idle_seconds=0.05)
    assert counter.count(point.id, scan_day()) is None
    deadline = time.monotonic() + 5
    while counter._writer is not None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert counter._writer is None
    assert counter.count(point.id, scan_day()) is None
    assert total(engine) == 2


def test_an_unexpected_failure_is_logged_and_the_next_scan_counts(app, make_point, caplog):
    point = make_point()
    with app.app_context():
        engine = db.engine()
    counter = ScanCounter(engine)
    failures = ["once"]

    def fail_once(*_):
        if failures:
            failures.pop()
            raise RuntimeError("not a database error")

    sa.event.listen(engine, "commit", fail_once)
    try:
        assert counter.count(point.id, scan_day()) == "RuntimeError"
        assert counter.count(point.id, scan_day()) is None
    finally:
        sa.event.remove(engine, "commit", fail_once)
    assert f"scan of point {point.id} not counted: RuntimeError" in caplog.text
    assert total(engine) == 1
