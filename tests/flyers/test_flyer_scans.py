"""`/q/<code>`: redirect, count, headers, privacy, failures and concurrency."""

import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
import sqlalchemy as sa
from werkzeug.serving import make_server

import flyers
from flyers.models import ScanCount
from flyers.scans import scan_day
from website import db


def counts(app) -> list[tuple]:
    with app.app_context():
        query = sa.select(ScanCount.point_id, ScanCount.day, ScanCount.count)
        return [tuple(row) for row in db.session().execute(query)]


def test_scan_redirects_with_302_no_store_and_counts_per_day(app, client, make_point):
    point = make_point(target_path="/nl/3-mmc/minderen")
    for expected in (1, 2, 3):
        response = client.get(f"/q/{point.code}")
        assert response.status_code == 302
        assert response.headers["Location"] == "/nl/3-mmc/minderen"
        assert response.headers["Cache-Control"] == "no-store"
        assert "ETag" not in response.headers and "Set-Cookie" not in response.headers
        assert counts(app) == [(point.id, scan_day(), expected)]


def test_the_scan_table_holds_only_point_day_and_count(app, client, make_point):
    point = make_point()
    client.get(f"/q/{point.code}", headers={"User-Agent": "Phone/1.0", "Referer": "x"})
    with app.app_context():
        columns = sa.inspect(db.engine()).get_columns("flyer_scan")
        row = db.session().execute(sa.text("SELECT * FROM flyer_scan")).one()
    assert [c["name"] for c in columns] == ["point_id", "day", "count"]
    # The day, not a time: a date (SQLite stores it as text) with no clock part.
    assert str(row.day) == scan_day().isoformat() and row.count == 1
    assert date.fromisoformat(str(row.day))


def test_scan_day_is_the_amsterdam_date():
    from datetime import UTC, datetime

    # 23:30 UTC on 31 March is 01:30 on 1 April in Amsterdam (summer time).
    assert scan_day(datetime(2026, 3, 31, 23, 30, tzinfo=UTC)) == date(2026, 4, 1)


@pytest.mark.parametrize(
    ("accept", "location"),
    [
        ("en-GB,en;q=0.9", "/en/?flyer=unknown"),
        ("nl-NL", "/nl/?flyer=onbekend"),
        ("", "/nl/?flyer=onbekend"),
    ],
)
def test_unknown_code_goes_home_with_a_note(app, client, accept, location):
    response = client.get("/q/zzzzzzzz", headers={"Accept-Language": accept})
    assert response.status_code == 302 and response.headers["Location"] == location
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    assert counts(app) == []


def test_retired_code_goes_home_in_its_language_and_stops_counting(app, client, make_point):
    point = make_point(language="en")
    client.get(f"/q/{point.code}")
    with app.app_context():
        flyers.retire_point(flyers.find_point(point.code))
    response = client.get(f"/q/{point.code}", headers={"Accept-Language": "nl"})
    assert response.status_code == 302 and response.headers["Location"] == "/en/?flyer=unknown"
    assert counts(app) == [(point.id, scan_day(), 1)]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/nl/?flyer=onbekend", "niet (meer) in gebruik"),
        ("/en/?flyer=unknown", "not in use (any more)"),
    ],
)
def test_home_page_shows_the_flyer_note(client, path, words):
    response = client.get(path)
    assert response.status_code == 200 and words in response.get_data(as_text=True)
    assert "Set-Cookie" not in response.headers
    assert words not in client.get(path.split("?")[0]).get_data(as_text=True)


def test_redirect_still_works_when_the_count_cannot_be_written(app, client, make_point, caplog):
    point = make_point()
    with app.app_context(), db.engine().begin() as connection:
        connection.execute(sa.text("ALTER TABLE flyer_scan RENAME TO flyer_scan_away"))
    try:
        response = client.get(f"/q/{point.code}", headers={"User-Agent": "Phone/1.0"})
    finally:
        with app.app_context(), db.engine().begin() as connection:
            connection.execute(sa.text("ALTER TABLE flyer_scan_away RENAME TO flyer_scan"))
    assert response.status_code == 302 and response.headers["Location"] == "/nl/3-mmc"
    assert f"scan of point {point.id} not counted" in caplog.text
    assert "127.0.0.1" not in caplog.text and "Phone/1.0" not in caplog.text
    assert counts(app) == []
    assert client.get(f"/q/{point.code}").status_code == 302
    assert counts(app) == [(point.id, scan_day(), 1)]


def test_parallel_scans_on_a_live_server_lose_no_count(app, make_point):
    points = [make_point(name="A"), make_point(name="B")]
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)

    def scan(number: int) -> int:
        url = f"http://127.0.0.1:{server.port}/q/{points[number % 2].code}"
        try:
            opener.open(url, timeout=30)
        except urllib.error.HTTPError as error:
            return error.code
        return 200

    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(scan, range(200)))
    finally:
        server.shutdown()
        thread.join()
    assert statuses == [302] * 200
    assert sorted(counts(app)) == sorted((p.id, scan_day(), 100) for p in points)


def test_the_counter_puts_the_sqlite_disk_setting_back(app, client, make_point):
    point = make_point()
    with app.app_context():
        engine = db.engine()
        if engine.dialect.name != "sqlite":
            pytest.skip("PostgreSQL uses SET LOCAL, which ends with the transaction")
        engine.dispose()  # one pooled connection: the scan's, then ours
        client.get(f"/q/{point.code}")
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_redirect_goes_home_when_the_points_cannot_be_read(app, client, make_point):
    point = make_point()
    with app.app_context(), db.engine().begin() as connection:
        connection.execute(sa.text("ALTER TABLE distribution_point RENAME TO point_away"))
    try:
        response = client.get(f"/q/{point.code}", headers={"Accept-Language": "en"})
    finally:
        with app.app_context(), db.engine().begin() as connection:
            connection.execute(sa.text("ALTER TABLE point_away RENAME TO distribution_point"))
    assert response.status_code == 302 and response.headers["Location"] == "/en/"
    assert response.headers["Cache-Control"] == "no-store"
