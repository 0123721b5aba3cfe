"""Scan statistics: counts per point or per kind of point, per ISO week, and as CSV."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from flyers.kinds import kind_label
from flyers.models import DistributionPoint, ScanCount

GROUPINGS = ("point", "kind")


def iso_week(day: date) -> str:
    """Return the ISO week of a day as 2026-W05."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


@dataclass
class ScanStats:
    """Scans per series (a point or a kind) per ISO week between two days."""

    start: date
    end: date
    by: str
    weeks: list[str] = field(default_factory=list)
    # series key -> (label, {week: count}); points without scans are left out
    series: dict[str, tuple[str, dict[str, int]]] = field(default_factory=dict)

    def total(self, key: str) -> int:
        """Return all scans of one series in the period."""
        return sum(self.series[key][1].values())


def weeks_between(start: date, end: date) -> list[str]:
    """Return every ISO week that has a day between start and end, in order."""
    weeks: list[str] = []
    day = start
    while day <= end:
        if iso_week(day) not in weeks:
            weeks.append(iso_week(day))
        day += timedelta(days=1)
    return weeks


def scan_stats(db: Session, start: date, end: date, by: str = "point") -> ScanStats:
    """Add up the scans between start and end (both included) per point or kind and week."""
    if by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    if end < start:
        start, end = end, start
    rows = db.execute(
        select(DistributionPoint, ScanCount.day, ScanCount.count)
        .join(ScanCount, ScanCount.point_id == DistributionPoint.id)
        .where(ScanCount.day >= start, ScanCount.day <= end)
        .order_by(DistributionPoint.municipality, DistributionPoint.name)
    )
    stats = ScanStats(start, end, by, weeks_between(start, end))
    for point, day, count in rows:
        if by == "point":
            key, label = point.code, f"{point.name} ({point.municipality})"
        else:
            key, label = point.kind, kind_label(point.kind)
        weeks = stats.series.setdefault(key, (label, {}))[1]
        weeks[iso_week(day)] = weeks.get(iso_week(day), 0) + count
    return stats


def stats_csv(stats: ScanStats) -> str:
    """Return the statistics as CSV: one row per series and week, weeks without scans as 0."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["week", stats.by, "label", "scans"])
    for key, (label, weeks) in stats.series.items():
        for week in stats.weeks:
            writer.writerow([week, key, _safe_cell(label), weeks.get(week, 0)])
    return buffer.getvalue()


def _safe_cell(value: str) -> str:
    # A name that starts with = + - @ would run as a formula in a spreadsheet.
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
