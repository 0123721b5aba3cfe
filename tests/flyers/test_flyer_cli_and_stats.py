"""`flask flyers ...` and the statistics: weeks, kinds, CSV and the SVG chart."""

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy.orm import Session

import flyers
from flyers.models import ScanCount
from flyers.stats import iso_week, weeks_between
from tests.flyers.conftest import pdf_pages
from website import db


def test_points_add_list_retire(app, runner):
    result = runner.invoke(
        args=[
            "flyers",
            "points",
            "add",
            "--name",
            "Festival Zomerfeest",
            "--kind",
            "festival",
            "--municipality",
            "Zwolle",
            "--lang",
            "en",
        ]
    )
    assert result.exit_code == 0, result.output
    code = result.output.split()[0]
    assert f"/q/{code} -> /en/3-mmc" in result.output
    listed = runner.invoke(args=["flyers", "points", "list", "--municipality", "zwolle"])
    assert code in listed.output and "1 point(s)" in listed.output
    assert "Retired" in runner.invoke(args=["flyers", "points", "retire", code]).output
    assert "0 point(s)" in runner.invoke(args=["flyers", "points", "list", "--active"]).output


def test_points_add_refuses_bad_input_with_a_message(app, runner):
    result = runner.invoke(
        args=["flyers", "points", "add", "--name", "X", "--kind", "disco", "--municipality", "Z"]
    )
    assert result.exit_code == 1 and "disco" in result.output and "Traceback" not in result.output


def test_render_and_batch_write_pdfs_that_decode(app, runner, make_point, tmp_path):
    one = make_point(name="Club A")
    make_point(name="Club B", municipality="Zwolle")
    make_point(name="Bar C", municipality="Aalten", kind="bar")
    out = tmp_path / "one.pdf"
    result = runner.invoke(
        args=[
            "flyers",
            "render",
            "--point",
            one.code,
            "--layout",
            "card",
            "--lang",
            "both",
            "-o",
            str(out),
        ]
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        url = flyers.point_url(one)
    assert [p["codes"] for p in pdf_pages(out.read_bytes())] == [[url], [], [url], []]
    sheet = tmp_path / "zwolle.pdf"
    result = runner.invoke(
        args=["flyers", "batch", "--municipality", "Zwolle", "--layout", "sheet", "-o", str(sheet)]
    )
    assert result.exit_code == 0 and "2 flyer(s), 2 page(s)" in result.output
    assert len(pdf_pages(sheet.read_bytes())[0]["codes"]) == 2


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["render", "--point", "zzzzzzzz", "--layout", "a6"], "Unknown point 'zzzzzzzz'"),
        (["render", "--point", "CODE", "--layout", "a7"], "Unknown layout 'a7'"),
        (["render", "--point", "CODE", "--lang", "de"], "Unknown language 'de'"),
        (["batch", "--kind", "disco"], "Unknown kind 'disco'"),
        (["batch", "--municipality", "Nergens"], "No active points match"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(app, runner, make_point, tmp_path, args, words):
    point = make_point(name="Een naam die veel te lang is voor een kaartje, echt")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "out.pdf"
    args = [a.replace("CODE", point.code) for a in args]
    result = runner.invoke(args=["flyers", *args, "-o", str(out)])
    assert result.exit_code == 1 and words in result.output, result.output
    assert list(tmp_path.iterdir()) == []


def test_a_too_long_name_leaves_an_existing_file_untouched(app, runner, make_point, tmp_path):
    point = make_point(name="Een naam die veel te lang is voor een kaartje, echt")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "out.pdf"
    out.write_bytes(b"old")
    result = runner.invoke(
        args=["flyers", "render", "--point", point.code, "--layout", "card", "-o", str(out)]
    )
    assert result.exit_code == 1 and "at most 30 characters" in result.output
    assert out.read_bytes() == b"old" and list(tmp_path.iterdir()) == [out]


def test_qr_downloads_as_svg_and_png(app, runner, make_point, tmp_path):
    point = make_point()
    with app.app_context():
        url = flyers.point_url(point)
    assert (
        runner.invoke(
            args=["flyers", "qr", point.code, "--format", "png", "-o", str(tmp_path / "q.png")]
        ).exit_code
        == 0
    )
    assert [r.text for r in zxingcpp.read_barcodes(Image.open(tmp_path / "q.png"))] == [url]
    runner.invoke(
        args=["flyers", "qr", point.code, "--format", "svg", "-o", str(tmp_path / "q.svg")]
    )
    svg = ET.parse(tmp_path / "q.svg").getroot()
    assert svg.tag.endswith("svg") and svg.find("{http://www.w3.org/2000/svg}path") is not None


def _scans(app, rows):
    with app.app_context():
        session: Session = db.session()
        session.add_all(ScanCount(point_id=p.id, day=d, count=c) for p, d, c in rows)
        session.commit()


def test_stats_per_point_and_kind_per_iso_week(app, runner, make_point):
    club, bar = make_point(name="Club A"), make_point(name="Bar B", kind="bar")
    other_club = make_point(name="Club C")
    # 2026-01-04 is a Sunday (week 1), 2026-01-05 a Monday (week 2).
    _scans(
        app,
        [
            (club, date(2026, 1, 4), 3),
            (club, date(2026, 1, 5), 2),
            (bar, date(2026, 1, 5), 7),
            (other_club, date(2026, 1, 6), 1),
            (club, date(2026, 2, 1), 50),
        ],
    )
    with app.app_context():
        by_point = flyers.scan_stats(date(2026, 1, 1), date(2026, 1, 11))
        by_kind = flyers.scan_stats(date(2026, 1, 1), date(2026, 1, 11), by="kind")
        rows = list(
            csv.DictReader(
                io.StringIO(flyers.stats_csv(date(2026, 1, 1), date(2026, 1, 11), "kind"))
            )
        )
    assert by_point.weeks == ["2026-W01", "2026-W02"]
    assert by_point.series[club.code][1] == {"2026-W01": 3, "2026-W02": 2}
    assert by_kind.series["club"][1] == {"2026-W01": 3, "2026-W02": 3}
    assert by_kind.series["bar"] == ("Kroeg of café", {"2026-W02": 7})
    assert {"week": "2026-W01", "kind": "club", "label": "Club", "scans": "3"} in rows
    assert {"week": "2026-W01", "kind": "bar", "label": "Kroeg of café", "scans": "0"} in rows
    result = runner.invoke(
        args=["flyers", "stats", "--from", "2026-01-01", "--to", "2026-01-11", "--csv"]
    )
    assert (
        result.output.startswith("week,point,label,scans\n")
        and ",Club A (Zwolle),3" in result.output
    )


def test_csv_neutralises_spreadsheet_formulas(app, make_point):
    point = make_point(name="=HYPERLINK(1)")
    _scans(app, [(point, date(2026, 1, 5), 1)])
    with app.app_context():
        text = flyers.stats_csv(date(2026, 1, 5), date(2026, 1, 5))
    assert ",'=HYPERLINK(1) (Zwolle),1" in text


def test_svg_chart_is_accessible_and_shows_every_number(app, make_point):
    point = make_point(name="Club <A> & co")
    _scans(app, [(point, date(2026, 1, 5), 12)])
    with app.test_request_context("/en/"):
        from flask import g

        g.lang = "en"
        svg = flyers.stats_svg(date(2026, 1, 1), date(2026, 1, 11))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "chart-title chart-desc"
    assert root.find(f"{ns}title").text == "Flyer scans per point per week"
    assert "12 in all" in root.find(f"{ns}desc").text
    texts = [t.text for t in root.iter(f"{ns}text")]
    assert "W01" in texts and "W02" in texts and "12" in texts and "0" in texts
    assert "Club <A> & co (Zwolle)" in texts
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # nothing from elsewhere


def test_iso_weeks_cross_the_year():
    assert iso_week(date(2026, 12, 31)) == "2026-W53"
    assert weeks_between(date(2026, 12, 28), date(2027, 1, 5)) == ["2026-W53", "2027-W01"]
