"""Alembic environment: the engine comes from the Flask app (`flask db upgrade`)."""

from alembic import context

from website.db import Base
from website.models import load_all

load_all()
engine = context.config.attributes["engine"]

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()
