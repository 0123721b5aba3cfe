"""Substances, combinations, their ratings and sources (the combination checker).

Revision ID: 0002_combinations
Revises: 0001_pages
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_combinations"
down_revision = "0001_pages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "substance",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(60), nullable=False, unique=True),
        sa.Column("name_nl", sa.String(120), nullable=False),
        sa.Column("name_en", sa.String(120), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("page", sa.String(200), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "combination_source",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(60), nullable=False, unique=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_table(
        "combination",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "substance_a_id",
            sa.Integer(),
            sa.ForeignKey("substance.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "substance_b_id",
            sa.Integer(),
            sa.ForeignKey("substance.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reason_nl", sa.Text(), nullable=False),
        sa.Column("advice_nl", sa.Text(), nullable=False),
        sa.Column("reason_en", sa.Text(), nullable=False),
        sa.Column("advice_en", sa.Text(), nullable=False),
        sa.Column("needs_check", sa.JSON(), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("substance_a_id", "substance_b_id", name="uq_combination_pair"),
    )
    op.create_index("ix_combination_substance_a_id", "combination", ["substance_a_id"])
    op.create_index("ix_combination_substance_b_id", "combination", ["substance_b_id"])
    op.create_table(
        "combination_rating",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "combination_id",
            sa.Integer(),
            sa.ForeignKey("combination.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "source_id", sa.Integer(), sa.ForeignKey("combination_source.id"), nullable=False
        ),
        sa.Column("level", sa.String(30), nullable=False),
        sa.UniqueConstraint("combination_id", "source_id", name="uq_combination_rating_source"),
    )
    op.create_index(
        "ix_combination_rating_combination_id", "combination_rating", ["combination_id"]
    )
    op.create_index("ix_combination_rating_source_id", "combination_rating", ["source_id"])


def downgrade() -> None:
    op.drop_table("combination_rating")
    op.drop_table("combination")
    op.drop_table("combination_source")
    op.drop_table("substance")
