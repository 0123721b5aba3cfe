"""The flyer statistics screen: scans per point and per kind per week, chart, table and CSV."""

import csv
import io
from datetime import date, timedelta

import pytest

import flyers
from flyers.models import ScanCount
from website import db


@pytest.fixture
def scans(site):
    """Two clubs and a shelter with scans this week and three weeks ago; one scan long ago."""
    today = date.today()
    with site.app_context():
        kelder = flyers.create_point(name="Club De Kelder", kind="club", municipality="Zwolle")
        bunker = flyers.create_point(name="Bunker", kind="club", municipality="Deventer")
        opvang = flyers.create_point(name="De Opvang", kind="shelter", municipality="Zwolle")
        rows = [
            (kelder, today, 5),
            (kelder, today - timedelta(weeks=3), 2),
            (bunker, today, 1),
            (opvang, today, 4),
            (opvang, today - timedelta(weeks=30), 9),  # outside the default 12 weeks
        ]
        for point, day, count in rows:
            db.session().add(ScanCount(point_id=point.id, day=day, count=count))
        db.session().commit()
    return today


def test_stats_per_point_for_the_last_twelve_weeks(field_worker, scans):
    page = field_worker.get("/beheer/flyers/stats")
    assert page.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page.text
    assert '<title id="chart-title">' in page.text and '<desc id="chart-desc">' in page.text
    assert "12 in all" in page.text or "12 in totaal" in page.text
    this_week = f"{scans.isocalendar()[0]}-W{scans.isocalendar()[1]:02d}"
    assert f'<th scope="col">{this_week}</th>' in page.text
    assert page.text.count('<th scope="col">') == 12 + 2  # a label, 12 weeks, the total
    assert '<th scope="row">Club De Kelder (Zwolle)</th>' in page.text
    assert "<td>7</td>" in page.text  # De Kelder's total


def test_stats_per_kind_and_as_csv(field_worker, scans):
    start = (scans - timedelta(weeks=40)).isoformat()
    page = field_worker.get(f"/beheer/flyers/stats?by=kind&start={start}&end={scans}")
    assert '<th scope="row">Maatschappelijke opvang</th>' in page.text
    assert "<td>13</td>" in page.text
    assert '<th scope="row">Club</th>' in page.text and "<td>8</td>" in page.text
    response = field_worker.get(f"/beheer/flyers/stats.csv?by=kind&start={start}&end={scans}")
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    totals = {}
    for row in rows:
        totals[row["kind"]] = totals.get(row["kind"], 0) + int(row["scans"])
    assert totals == {"club": 8, "shelter": 13}


def test_a_bad_period_is_answered_with_a_message(field_worker, scans):
    backwards = field_worker.get(f"/beheer/flyers/stats?start={scans}&end=2020-01-01")
    assert backwards.status_code == 400
    assert "Het einde moet op of na het begin liggen." in backwards.text
    too_long = field_worker.get(f"/beheer/flyers/stats?start=2000-01-01&end={scans}")
    assert too_long.status_code == 400 and "Kies hoogstens 104 weken tegelijk." in too_long.text
    assert field_worker.get("/beheer/flyers/stats.csv?start=gisteren").status_code == 400
