"""The database: SQLAlchemy engine and one session per request, the declarative Base, `flask db`."""

from datetime import UTC, datetime

import click
import sqlalchemy as sa
from flask import Flask, current_app, g
from flask.cli import AppGroup
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


class Base(DeclarativeBase):
    """The declarative base every room's models derive from."""

    type_annotation_map = {dict: sa.JSON, list: sa.JSON}


class VersionConflict(Exception):
    """Someone else saved the row after the version this save started from."""


def claim_version(db_session: Session, model, row_id, expected_version: int) -> None:
    """Bump a row's version if it is still expected_version, else roll back and raise.

    One atomic UPDATE ... WHERE version = N, so of two editors who both started from
    version N exactly one wins, whatever the database.
    """
    claimed = db_session.execute(
        sa.update(model)
        .where(model.id == row_id, model.version == expected_version)
        .values(version=expected_version + 1)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db_session.rollback()
        raise VersionConflict(row_id)


def utcnow() -> datetime:
    """Return the current time in UTC, timezone-aware."""
    return datetime.now(UTC)


def init_app(app: Flask) -> None:
    """Create the engine for the app and close each request's session at teardown."""
    url = app.config["DATABASE_URL"]
    # A server connection can die between requests; a SQLite file cannot, so skip the ping.
    engine = sa.create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _tune_sqlite)
    app.extensions["db_engine"] = engine
    app.extensions["db_sessionmaker"] = sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close_session)
    app.cli.add_command(db_cli)


def _tune_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers go on while a writer commits; the timeout makes concurrent
    # writers wait for each other instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def engine() -> sa.Engine:
    """Return the current app's engine."""
    return current_app.extensions["db_engine"]


def session() -> Session:
    """Return the session of the current request or app context, opening it on first use."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["db_sessionmaker"]()
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()


def alembic_config():
    """Return an Alembic config for the current app (migrations/ and its database)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(current_app.config["MIGRATIONS_DIR"]))
    config.attributes["engine"] = engine()
    return config


def upgrade() -> None:
    """Bring the database schema to the newest migration."""
    from alembic import command

    command.upgrade(alembic_config(), "head")


@click.group("db", cls=AppGroup, help="Database schema (Alembic migrations).")
def db_cli() -> None:
    pass


@db_cli.command("upgrade", help="Upgrade the database to the newest schema.")
def upgrade_command() -> None:
    upgrade()
    click.echo(f"Database at the newest schema: {engine().url.render_as_string()}")
