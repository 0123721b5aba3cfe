"""Flyers: distribution points and their scan counts per day.

Revision ID: 0005_flyers
Revises: 0004_kaart
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_flyers"
down_revision = "0004_kaart"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "distribution_point",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("municipality", sa.String(80), nullable=False),
        sa.Column("target_path", sa.String(200), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("code"),
    )
    op.create_index("ix_distribution_point_kind", "distribution_point", ["kind"])
    op.create_index("ix_distribution_point_municipality", "distribution_point", ["municipality"])
    op.create_table(
        "flyer_scan",
        sa.Column(
            "point_id",
            sa.Integer(),
            sa.ForeignKey("distribution_point.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("flyer_scan")
    op.drop_index("ix_distribution_point_municipality", "distribution_point")
    op.drop_index("ix_distribution_point_kind", "distribution_point")
    op.drop_table("distribution_point")
