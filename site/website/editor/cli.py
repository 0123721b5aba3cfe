"""`flask users create-admin`: the first account (there is no default account)."""

import sys

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from website import db
from website.editor.models import Account, AuditEntry
from website.editor.passwords import PROBLEMS, hash_password, password_problem


@click.group("users", cls=AppGroup, help="Accounts of the editor area (/beheer).")
def users_cli() -> None:
    pass


@users_cli.command("create-admin", help="Create an admin account for the editor area.")
@click.option("--name", prompt="Account name", help="The name to log in with.")
@click.option(
    "--password",
    prompt="Password",
    hide_input=True,
    confirmation_prompt=True,
    help="At least 8 characters; a sentence of a few words is best.",
)
@click.option("--language", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def create_admin(name: str, password: str, language: str) -> None:
    name = name.strip()
    if not 2 <= len(name) <= 80:
        click.echo("The account name must have 2 to 80 characters.", err=True)
        sys.exit(1)
    problem = password_problem(password, name)
    if problem:
        click.echo(PROBLEMS[problem], err=True)
        sys.exit(1)
    session = db.session()
    if session.scalar(select(Account).where(func.lower(Account.name) == name.lower())):
        click.echo(f"An account named {name} exists already.", err=True)
        sys.exit(1)
    session.add(
        Account(name=name, role="admin", language=language, password_hash=hash_password(password))
    )
    session.add(AuditEntry(account_name="command line", action="create account", target=name))
    session.commit()
    click.echo(f"Admin account {name} created. Log in at /beheer/login.")
