"""A bar chart of scans per week as plain SVG, made on the server, readable by screen readers.

One row per point (or kind), one bar per week, every bar with its number written next to it:
the chart needs no script, no colour to be understood, and no library from elsewhere.
"""

from html import escape

from flyers.stats import ScanStats

LABEL_WIDTH = 220
COLUMN = 56
ROW = 44
BAR_MAX = 30
TOP = 40


def stats_svg(stats: ScanStats, title: str, description: str) -> str:
    """Return an SVG chart of the statistics with a title and a description."""
    keys = list(stats.series)
    width = LABEL_WIDTH + COLUMN * max(len(stats.weeks), 1) + 10
    height = TOP + ROW * max(len(keys), 1) + 10
    highest = max((c for _, weeks in stats.series.values() for c in weeks.values()), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title '
        f'chart-desc" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="Helvetica, Arial, sans-serif" font-size="13">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for number, week in enumerate(stats.weeks):
        x = LABEL_WIDTH + number * COLUMN + COLUMN / 2
        parts.append(f'<text x="{x}" y="{TOP - 14}" text-anchor="middle">{escape(week[5:])}</text>')
    for row, key in enumerate(keys):
        label, weeks = stats.series[key]
        base = TOP + row * ROW + ROW - 8
        parts.append(f'<text x="4" y="{base - 6}">{escape(_short(label))}</text>')
        parts.append(
            f'<line x1="{LABEL_WIDTH}" y1="{base}" x2="{width - 10}" y2="{base}" '
            'stroke="#767676" stroke-width="1"/>'
        )
        for number, week in enumerate(stats.weeks):
            count = weeks.get(week, 0)
            bar = round(BAR_MAX * count / highest) if highest else 0
            x = LABEL_WIDTH + number * COLUMN + 8
            parts.append(
                f'<rect x="{x}" y="{base - bar}" width="18" height="{bar}" fill="#1d4f91">'
                f"<title>{escape(label)}, {week}: {count}</title></rect>"
            )
            parts.append(f'<text x="{x + 22}" y="{base - 2}">{count}</text>')
    if not keys:
        parts.append(f'<text x="4" y="{TOP + 20}">{escape(description)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
