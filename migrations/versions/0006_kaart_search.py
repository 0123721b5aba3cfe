"""The sociale kaart's search: gazetteer, offline postcodes, geocoder answers and clock.

Revision ID: 0006_kaart_search
Revises: 0005_flyers
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_kaart_search"
down_revision = "0005_flyers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gazetteer_place",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("alias", sa.Boolean(), nullable=False),
        sa.Column("province", sa.String(60), nullable=False),
        sa.Column("towns", sa.String(500), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("latitude", sa.Double(), nullable=False),
        sa.Column("longitude", sa.Double(), nullable=False),
    )
    op.create_index("ix_gazetteer_place_key", "gazetteer_place", ["key"])
    op.create_table(
        "postal_code",
        sa.Column("code", sa.String(6), primary_key=True),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("latitude", sa.Double(), nullable=False),
        sa.Column("longitude", sa.Double(), nullable=False),
    )
    op.create_table(
        "geocode_answer",
        sa.Column("query", sa.String(200), primary_key=True),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("label", sa.String(500), nullable=False),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "geocoder_clock",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("next_request_at", sa.Double(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("geocoder_clock")
    op.drop_table("geocode_answer")
    op.drop_table("postal_code")
    op.drop_index("ix_gazetteer_place_key", table_name="gazetteer_place")
    op.drop_table("gazetteer_place")
