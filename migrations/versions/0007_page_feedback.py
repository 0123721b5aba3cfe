"""Visitors' "is something wrong on this page?" notes: the page, the kind, the text, the day.

Revision ID: 0007_page_feedback
Revises: 0006_kaart_search
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_page_feedback"
down_revision = "0006_kaart_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_feedback",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("translation_key", sa.String(200), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(120), nullable=True),
    )
    op.create_index("ix_page_feedback_translation_key", "page_feedback", ["translation_key"])


def downgrade() -> None:
    op.drop_index("ix_page_feedback_translation_key", table_name="page_feedback")
    op.drop_table("page_feedback")
