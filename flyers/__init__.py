"""The flyer room: distribution points, /q/ scan counts, QR codes, flyer PDFs, statistics.

Other rooms (the editor screens) use only what is named here. These functions work inside
an app context on the request's session (`website.db.session()`) and commit their changes.
"""

from datetime import date

from flask import Flask, current_app
from flask_babel import gettext as _

from flyers import chart, points, qr, render, stats
from flyers.kinds import KINDS, kind_label
from flyers.layout import LAYOUT_NAMES, FlyerError, layout_for
from flyers.models import DistributionPoint
from flyers.points import PointError
from flyers.scans import ScanCounter
from website import db

LANGUAGE_CHOICES = ("nl", "en", "both")


def init_app(app: Flask) -> None:
    """Register /q/<code> and the `flask flyers` commands."""
    from flyers.cli import flyers_cli
    from flyers.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(flyers_cli)
    app.extensions["flyer_scans"] = ScanCounter(app.extensions["db_engine"])


def create_point(**fields) -> DistributionPoint:
    """Create a point (name, kind, municipality, language, target_path, notes); commit it."""
    point = points.create_point(db.session(), **fields)
    db.session().commit()
    return point


def update_point(point: DistributionPoint, **fields) -> DistributionPoint:
    """Change a point's fields (also status: active or retired); commit. Codes never change."""
    try:
        points.update_point(db.session(), point, **fields)
    except PointError:
        db.session().rollback()
        raise
    db.session().commit()
    return point


def retire_point(point: DistributionPoint) -> DistributionPoint:
    """Retire a point so that its code stops counting and leads home with a note; commit."""
    points.retire_point(db.session(), point)
    db.session().commit()
    return point


def find_point(code: str) -> DistributionPoint | None:
    """Return the point with this code, or None."""
    return points.find_point(db.session(), code)


def list_points(
    municipality: str | None = None, kind: str | None = None, include_retired: bool = True
) -> list[DistributionPoint]:
    """Return the points, optionally of one municipality and/or kind."""
    return points.list_points(db.session(), municipality, kind, include_retired)


def point_url(point: DistributionPoint) -> str:
    """Return the short URL in the point's QR code."""
    return qr.short_url(current_app.config["PUBLIC_BASE_URL"], point.code)


def flyers_for(points_: list[DistributionPoint], lang: str | None = None) -> list[render.Flyer]:
    """Return what to print for the points: each in its own language, or nl, en or both."""
    if lang is not None and lang not in LANGUAGE_CHOICES:
        raise FlyerError(f"Unknown language {lang!r}; choose one of: nl, en, both.")
    result = []
    for point in points_:
        langs = ("nl", "en") if lang == "both" else (lang or point.language,)
        result += [render.Flyer(point.name, point_url(point), one) for one in langs]
    return result


def render_flyers(points_: list[DistributionPoint], layout: str, lang: str | None = None) -> bytes:
    """Return a print-ready PDF of the points' flyers; raise FlyerError saying what to fix."""
    flyers = flyers_for(points_, lang)
    return render.render_pdf(flyers, layout, current_app.config["CONTENT_DIR"]).pdf


def name_limit(layout: str) -> int:
    """Return how many characters of a point's name fit on a layout; FlyerError if unknown."""
    return layout_for(layout).name_limit


def qr_svg(point: DistributionPoint) -> str:
    """Return the point's QR code as SVG."""
    return qr.qr_svg(point_url(point))


def qr_png(point: DistributionPoint, box_size: int = 10) -> bytes:
    """Return the point's QR code as PNG."""
    return qr.qr_png(point_url(point), box_size)


def scan_stats(start: date, end: date, by: str = "point") -> stats.ScanStats:
    """Return the scans between two days per point or per kind ("point", "kind") per week."""
    return stats.scan_stats(db.session(), start, end, by)


def stats_csv(start: date, end: date, by: str = "point") -> str:
    """Return the scans per week as CSV."""
    return stats.stats_csv(scan_stats(start, end, by))


def stats_svg(start: date, end: date, by: str = "point") -> str:
    """Return the scans per week as an accessible SVG bar chart, in the current language."""
    result = scan_stats(start, end, by)
    title = (
        _("Flyer scans per point per week") if by == "point" else _("Flyer scans per kind per week")
    )
    description = _(
        "Scans of flyer QR codes from %(start)s to %(end)s; %(total)d in all.",
        start=start.isoformat(),
        end=end.isoformat(),
        total=sum(result.total(key) for key in result.series),
    )
    return chart.stats_svg(result, title, description)


__all__ = [
    "KINDS",
    "LANGUAGE_CHOICES",
    "LAYOUT_NAMES",
    "DistributionPoint",
    "FlyerError",
    "PointError",
    "create_point",
    "find_point",
    "flyers_for",
    "init_app",
    "kind_label",
    "list_points",
    "name_limit",
    "point_url",
    "qr_png",
    "qr_svg",
    "render_flyers",
    "retire_point",
    "scan_stats",
    "stats_csv",
    "stats_svg",
    "update_point",
]
