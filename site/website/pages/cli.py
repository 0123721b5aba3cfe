"""`flask content import|export|check`: content/ files in and out of the database."""

import sys

import click
from flask import current_app
from flask.cli import AppGroup

from website import db
from website.pages import combination_data, combination_file, content_files
from website.pages.content_files import ContentError
from website.pages.importer import ContentReport, export_content, import_content, page_files


@click.group(
    "content", cls=AppGroup, help="Import, export and check the Markdown content in content/."
)
def content_cli() -> None:
    pass


def _print(report: ContentReport, verb: str) -> None:
    click.echo(
        f"{verb}: {len(report.created)} new, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.conflicts)} conflicts, "
        f"{len(report.errors)} errors"
    )
    for line in report.warnings:
        click.echo(f"warning: {line}")
    for line in report.conflicts:
        click.echo(f"conflict: {line}")
    for line in report.errors:
        click.echo(f"error: {line}", err=True)


@content_cli.command("import", help="Import content/ into the database (idempotent).")
def import_command() -> None:
    report = import_content(db.session(), current_app.config["CONTENT_DIR"])
    _print(report, "Imported")
    if not report.ok:
        sys.exit(1)


@content_cli.command("export", help="Write the database back to content/ in canonical form.")
def export_command() -> None:
    _print(export_content(db.session(), current_app.config["CONTENT_DIR"]), "Exported")


@content_cli.command("check", help="Validate content/ files; --fix rewrites them canonically.")
@click.option("--fix", is_flag=True, help="Rewrite valid files in the canonical format.")
def check_command(fix: bool) -> None:
    content_dir = current_app.config["CONTENT_DIR"]
    problems = 0
    for path in page_files(content_dir):
        text = path.read_text(encoding="utf-8")
        try:
            page, warnings = content_files.parse(text)
        except ContentError as error:
            click.echo(f"{path.relative_to(content_dir)}:{error.line}: {error.message}")
            problems += 1
            continue
        for warning in warnings:
            click.echo(f"{path.relative_to(content_dir)}: {warning}")
        canonical = content_files.dump(page)
        if canonical != text:
            if fix:
                path.write_text(canonical, encoding="utf-8")
            else:
                click.echo(f"{path.relative_to(content_dir)}: not in canonical form (use --fix)")
                problems += 1
    problems += _check_combinations(content_dir / combination_file.FILE_NAME, fix)
    click.echo(f"{problems} problems")
    sys.exit(1 if problems else 0)


def _check_combinations(path, fix: bool) -> int:
    """Validate combinations.yaml and its canonical form; return the number of problems."""
    if not path.exists():
        return 0
    text = path.read_text(encoding="utf-8")
    try:
        data, warnings = combination_file.parse(text)
    except combination_file.CombinationFileError as error:
        for problem in error.errors:
            click.echo(f"{path.name}:{problem.line}: {problem.message}")
        return len(error.errors)
    for warning in warnings:
        click.echo(f"{path.name}: {warning}")
    canonical = combination_data.dump(data)
    if canonical == text:
        return 0
    if fix:
        path.write_text(canonical, encoding="utf-8")
        return 0
    click.echo(f"{path.name}: not in canonical form (use --fix)")
    return 1
