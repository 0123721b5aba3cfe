"""Pages, revisions and alerts.

Revision ID: 0001_pages
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_pages"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("slug", sa.String(200), nullable=False),
        sa.Column("translation_key", sa.String(200), nullable=False),
        sa.Column("substance", sa.String(60), nullable=True),
        sa.Column("topic", sa.String(40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("current_revision_id", sa.Integer(), nullable=True),
        sa.Column("published_revision_id", sa.Integer(), nullable=True),
        sa.UniqueConstraint("language", "slug", name="uq_page_language_slug"),
    )
    op.create_index("ix_page_translation_key", "page", ["translation_key"])
    op.create_index("ix_page_substance", "page", ["substance"])
    op.create_table(
        "revision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "page_id", sa.Integer(), sa.ForeignKey("page.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reviewed_on", sa.Date(), nullable=False),
        sa.Column("review_every", sa.Integer(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("needs_check", sa.JSON(), nullable=False),
        sa.Column("body_markdown", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
    )
    op.create_index("ix_revision_page_id", "revision", ["page_id"])
    with op.batch_alter_table("page") as batch:
        batch.create_foreign_key(
            "fk_page_current_revision", "revision", ["current_revision_id"], ["id"]
        )
        batch.create_foreign_key(
            "fk_page_published_revision", "revision", ["published_revision_id"], ["id"]
        )
    op.create_table(
        "alert",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("text_nl", sa.Text(), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("link", sa.String(500), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("alert")
    with op.batch_alter_table("page") as batch:
        batch.drop_constraint("fk_page_published_revision", type_="foreignkey")
        batch.drop_constraint("fk_page_current_revision", type_="foreignkey")
    op.drop_table("revision")
    op.drop_table("page")
