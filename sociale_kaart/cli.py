"""`flask kaart import|export|hours|due`: the sociale kaart from the command line."""

import sys
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from sociale_kaart.editing import listings_due_for_check
from sociale_kaart.hours import OpeningHoursError, preview_opening_hours
from sociale_kaart.importer import FORMATS, ImportResult, export_listings, format_of
from sociale_kaart.importer import import_listings as run_import
from sociale_kaart.models import Service
from website import db

SHIPPED_DATA = Path(__file__).parent / "data" / "sociale-kaart.csv"


@click.group("kaart", cls=AppGroup, help="The sociale kaart: import, export and check listings.")
def kaart_cli() -> None:
    pass


def _print(result: ImportResult, verb: str) -> None:
    click.echo(
        f"{verb}: {len(result.new)} new, {len(result.changed)} changed, "
        f"{len(result.retired)} retired, {len(result.unchanged)} unchanged, "
        f"{len(result.problems)} problems"
    )
    for label, names in (("new", result.new), ("changed", result.changed)):
        for name in names:
            click.echo(f"  {label}: {name}")
    for name in result.retired:
        click.echo(f"  retired: {name}")
    for problem in result.problems:
        where = f"row {problem.row}, " if problem.row is not None else ""
        click.echo(f"error: {where}{problem.field}: {problem.message}", err=True)


@kaart_cli.command("import", help="Import listings from HSDS JSON or CSV (all or nothing).")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Default: from the name.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--if-empty", is_flag=True, help="Only import when there are no listings yet.")
@click.option("--retire-missing", is_flag=True, help="Retire active listings not in the file.")
def import_command(file, fmt, dry_run, if_empty, retire_missing) -> None:
    path = Path(file) if file else SHIPPED_DATA
    session = db.session()
    if if_empty and session.scalar(select(func.count()).select_from(Service)):
        click.echo("The sociale kaart already has listings; nothing imported.")
        return
    text = path.read_text(encoding="utf-8-sig")
    result = run_import(session, text, fmt or format_of(path), retire_missing, dry_run)
    _print(result, "Would import" if dry_run else "Imported")
    if not result.ok:
        click.echo("Nothing was written: fix the rows above and try again.", err=True)
        sys.exit(1)


@kaart_cli.command("export", help="Export every listing as HSDS JSON or CSV ('-' = stdout).")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Default: from the name.")
def export_command(file, fmt) -> None:
    text = export_listings(db.session(), fmt or format_of(file))
    if file == "-":
        click.echo(text, nl=False)
        return
    Path(file).write_text(text, encoding="utf-8")
    click.echo(f"Exported to {file}")


@kaart_cli.command("hours", help="Show how opening hours (OSM or Dutch shorthand) are read.")
@click.argument("text")
@click.option("--open-on-public-holidays", is_flag=True, help="Do not add 'PH off'.")
def hours_command(text, open_on_public_holidays) -> None:
    try:
        preview = preview_opening_hours(text, open_on_public_holidays)
    except OpeningHoursError as error:
        click.echo(f"error: {error.message}", err=True)
        sys.exit(1)
    click.echo(preview.osm)
    for line in preview.description_nl + [""] + preview.description_en:
        click.echo(f"  {line}")


@kaart_cli.command("due", help="List active listings not checked for 6 months.")
def due_command() -> None:
    due = listings_due_for_check(db.session())
    for service in due:
        checked = service.assured_date.isoformat() if service.assured_date else "never"
        click.echo(f"{checked:10}  {service.slug}  ({service.organization.name})")
    click.echo(f"{len(due)} listings due for a check")


@kaart_cli.command("gazetteer", help="Load the place names (GeoNames cities500, municipalities).")
def gazetteer_command() -> None:
    from sociale_kaart.gazetteer import load_gazetteer

    stored = load_gazetteer(db.session())
    click.echo(f"Gazetteer loaded: {stored} names" if stored else "The gazetteer is up to date.")


@kaart_cli.command("postcodes", help="Load offline postcodes from a GeoNames NL.txt file.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def postcodes_command(file) -> None:
    from sociale_kaart.places import PostcodeFileError, load_postcodes

    try:
        count = load_postcodes(db.session(), Path(file).read_text(encoding="utf-8"))
    except PostcodeFileError as error:
        click.echo(f"error: {error}. Nothing was written.", err=True)
        sys.exit(1)
    click.echo(f"Loaded {count} postcodes")


@kaart_cli.command("geocode", help="Find coordinates for locations that have an address.")
def geocode_command() -> None:
    from flask import current_app

    from sociale_kaart.geocoding import GeocoderSettings
    from sociale_kaart.places import geocode_locations

    settings = GeocoderSettings.from_config(current_app.config)
    if not settings.enabled:
        click.echo("error: no geocoder configured (GEOCODER_URL is empty).", err=True)
        sys.exit(1)
    report = geocode_locations(db.session(), settings)
    for label, names in (
        ("found", report.found),
        ("not found", report.not_found),
        ("town only, stays approximate", report.skipped),
        ("geocoder did not answer", report.failed),
    ):
        for name in names:
            click.echo(f"  {label}: {name}")
    click.echo(
        f"Geocoded {len(report.found)}, not found {len(report.not_found)}, "
        f"town only {len(report.skipped)}, failed {len(report.failed)}"
    )
    if report.failed:
        sys.exit(1)
