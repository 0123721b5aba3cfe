"""`flask flyers ...`: points, flyer PDFs, QR codes and statistics from the command line."""

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

import flyers
from flyers import render
from flyers.kinds import KINDS
from flyers.layout import LAYOUT_NAMES, FlyerError, layout_for


@click.group("flyers", cls=AppGroup, help="QR flyers: distribution points, PDFs, statistics.")
def flyers_cli() -> None:
    pass


@flyers_cli.group("points", cls=AppGroup, help="Add, list and retire distribution points.")
def points_cli() -> None:
    pass


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write the file whole or not at all: a temporary file, then a rename."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(raw)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _point(code: str):
    point = flyers.find_point(code)
    if point is None:
        raise click.ClickException(f"Unknown point {code!r}: no point has that code.")
    return point


@points_cli.command("add", help="Add a distribution point and print its code.")
@click.option("--name", required=True)
@click.option("--kind", required=True, help=f"One of: {', '.join(KINDS)}.")
@click.option("--municipality", required=True)
@click.option("--lang", "language", default="nl", show_default=True, help="nl or en.")
@click.option("--page", "target_path", help="Page the QR code leads to; default /<lang>/3-mmc.")
@click.option("--notes", default="")
def add_command(**fields) -> None:
    try:
        point = flyers.create_point(**fields)
    except flyers.PointError as error:
        raise click.ClickException(" ".join(error.errors.values())) from None
    click.echo(f"{point.code}  {point.name}  -> {flyers.point_url(point)} -> {point.target_path}")


@points_cli.command("list", help="List the points, optionally of one municipality or kind.")
@click.option("--municipality")
@click.option("--kind")
@click.option("--active", is_flag=True, help="Leave retired points out.")
def list_command(municipality: str | None, kind: str | None, active: bool) -> None:
    found = flyers.list_points(municipality, kind, include_retired=not active)
    for p in found:
        click.echo(
            f"{p.code}  {p.status:<7}  {p.kind:<10}  {p.municipality:<16}  {p.language}  "
            f"{p.target_path:<20}  {p.name}"
        )
    click.echo(f"{len(found)} point(s)")


@points_cli.command("retire", help="Retire a point: its code stops counting and leads home.")
@click.argument("code")
def retire_command(code: str) -> None:
    point = flyers.retire_point(_point(code))
    click.echo(f"Retired {point.code} ({point.name}).")


def _render_to(path: Path, points: list, layout: str, lang: str | None) -> None:
    try:
        layout_for(layout)
        items = flyers.flyers_for(points, lang)
        with click.progressbar(length=len(items), label="Flyers", file=None) as bar:
            result = render.render_pdf(
                items, layout, current_app.config["CONTENT_DIR"], progress=bar.update
            )
    except FlyerError as error:
        raise click.ClickException(str(error)) from None
    write_atomic(path, result.pdf)
    click.echo(f"Wrote {path}: {len(items)} flyer(s), {len(result.boxes)} page(s).")


_LAYOUT = click.option("--layout", default="a6", show_default=True, help=", ".join(LAYOUT_NAMES))
_LANG = click.option("--lang", help="nl, en or both; default each point's own language.")
_OUT = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True
)


@flyers_cli.command("render", help="Make a PDF with the flyers of one or more points.")
@click.option("--point", "codes", multiple=True, required=True, help="A point's code.")
@_LAYOUT
@_LANG
@_OUT
def render_command(codes: tuple[str, ...], layout: str, lang: str | None, output: Path) -> None:
    _render_to(output, [_point(code) for code in codes], layout, lang)


@flyers_cli.command("batch", help="Make one PDF for all active points of a municipality or kind.")
@click.option("--municipality")
@click.option("--kind")
@_LAYOUT
@_LANG
@_OUT
def batch_command(municipality, kind, layout: str, lang: str | None, output: Path) -> None:
    if not municipality and not kind:
        raise click.ClickException("Say which points: --municipality, --kind, or both.")
    if kind and kind not in KINDS:
        raise click.ClickException(f"Unknown kind {kind!r}; choose one of: {', '.join(KINDS)}.")
    found = flyers.list_points(municipality, kind, include_retired=False)
    if not found:
        raise click.ClickException("No active points match; nothing was written.")
    _render_to(output, found, layout, lang)


@flyers_cli.command("qr", help="Write a point's QR code as SVG or PNG.")
@click.argument("code")
@click.option("--format", "kind", type=click.Choice(["svg", "png"]), default="svg")
@_OUT
def qr_command(code: str, kind: str, output: Path) -> None:
    point = _point(code)
    data = flyers.qr_svg(point) if kind == "svg" else flyers.qr_png(point)
    write_atomic(output, data)
    click.echo(f"Wrote {output}: {flyers.point_url(point)}")


@flyers_cli.command("stats", help="Scans per point (or kind) per week; --csv for a spreadsheet.")
@click.option("--from", "start", type=click.DateTime(["%Y-%m-%d"]), help="Default: 12 weeks ago.")
@click.option("--to", "end", type=click.DateTime(["%Y-%m-%d"]), help="Default: today.")
@click.option("--by", type=click.Choice(["point", "kind"]), default="point", show_default=True)
@click.option("--csv", "as_csv", is_flag=True, help="Write CSV instead of a table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
def stats_command(start, end, by: str, as_csv: bool, output: Path | None) -> None:
    last = end.date() if end else date.today()
    first = start.date() if start else last - timedelta(weeks=12)
    if as_csv:
        text = flyers.stats_csv(first, last, by)
    else:
        result = flyers.scan_stats(first, last, by)
        lines = [f"{by:<10}  {'week':<8}  scans  label"]
        for key, (label, weeks) in result.series.items():
            lines += [f"{key:<10}  {w[5:]:<8}  {weeks.get(w, 0):>5}  {label}" for w in result.weeks]
        text = "\n".join(lines) + f"\n{sum(result.total(k) for k in result.series)} scans\n"
    if output:
        write_atomic(output, text)
        click.echo(f"Wrote {output}")
    else:
        click.echo(text, nl=False)
