"""Alembic: one head, and an upgrade from empty gives exactly the models' schema."""

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from website import db
from website.db import Base
from website.models import load_all


def test_one_head(app):
    with app.app_context():
        script = ScriptDirectory.from_config(db.alembic_config())
        assert len(script.get_heads()) == 1


def test_upgrade_from_empty_matches_models(app, tmp_path):
    url = f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    if app.config["DATABASE_URL"].startswith("postgresql"):
        url = app.config["DATABASE_URL"]
        engine = sa.create_engine(url)
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA IF EXISTS migration_check CASCADE"))
            connection.execute(sa.text("CREATE SCHEMA migration_check"))
        engine.dispose()  # else its pooled connection is closed by the garbage collector
        engine = sa.create_engine(url, connect_args={"options": "-csearch_path=migration_check"})
    else:
        engine = sa.create_engine(url)
    load_all()
    with app.app_context():
        config = db.alembic_config()
        config.attributes["engine"] = engine
        command.upgrade(config, "head")
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(sa.text("DROP SCHEMA migration_check CASCADE"))
    engine.dispose()
