"""The sociale kaart: organisations, services, locations, phones, schedules, terms, reports.

Revision ID: 0004_kaart
Revises: 0003_editor
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_kaart"
down_revision = "0003_editor"
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.String(36), primary_key=True)


def _service_id(**kw) -> sa.Column:
    return sa.Column(
        "service_id",
        sa.String(36),
        sa.ForeignKey("service.id", ondelete="CASCADE"),
        nullable=False,
        **kw,
    )


def upgrade() -> None:
    op.create_table(
        "organization",
        _id(),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("website", sa.String(500), nullable=True),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "service",
        _id(),
        sa.Column("slug", sa.String(120), nullable=False, unique=True),
        sa.Column(
            "organization_id", sa.String(36), sa.ForeignKey("organization.id"), nullable=False
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("description_en", sa.Text(), nullable=False),
        sa.Column("eligibility_description", sa.Text(), nullable=False),
        sa.Column("eligibility_description_en", sa.Text(), nullable=False),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("email", sa.String(200), nullable=True),
        sa.Column("chat_url", sa.String(500), nullable=True),
        sa.Column("source_url", sa.String(500), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("free", sa.Boolean(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=True),
        sa.Column("referral_required", sa.Boolean(), nullable=True),
        sa.Column("walk_in", sa.Boolean(), nullable=True),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("service_area", sa.String(120), nullable=True),
        sa.Column("opening_hours", sa.String(500), nullable=False),
        sa.Column("assured_date", sa.Date(), nullable=True),
        sa.Column("assurer", sa.String(120), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("last_modified", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_service_organization_id", "service", ["organization_id"])
    op.create_index("ix_service_status", "service", ["status"])
    op.create_table(
        "location",
        _id(),
        sa.Column(
            "organization_id", sa.String(36), sa.ForeignKey("organization.id"), nullable=True
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address_1", sa.String(200), nullable=True),
        sa.Column("postal_code", sa.String(10), nullable=True),
        sa.Column("city", sa.String(120), nullable=True),
        sa.Column("region", sa.String(120), nullable=True),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
    )
    op.create_index("ix_location_organization_id", "location", ["organization_id"])
    op.create_index("ix_location_city", "location", ["city"])
    op.create_table(
        "service_at_location",
        _id(),
        _service_id(),
        sa.Column("location_id", sa.String(36), sa.ForeignKey("location.id"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("service_id", "location_id"),
    )
    op.create_index("ix_service_at_location_service_id", "service_at_location", ["service_id"])
    op.create_index("ix_service_at_location_location_id", "service_at_location", ["location_id"])
    op.create_table(
        "phone",
        _id(),
        _service_id(),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("description", sa.String(300), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_phone_service_id", "phone", ["service_id"])
    op.create_table(
        "schedule",
        _id(),
        _service_id(),
        sa.Column("freq", sa.String(10), nullable=False),
        sa.Column("byday", sa.String(40), nullable=False),
        sa.Column("opens_at", sa.Time(), nullable=False),
        sa.Column("closes_at", sa.Time(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_schedule_service_id", "schedule", ["service_id"])
    op.create_table(
        "service_term",
        _service_id(primary_key=True),
        sa.Column("taxonomy", sa.String(20), primary_key=True),
        sa.Column("term", sa.String(40), primary_key=True),
    )
    op.create_index("ix_service_term_term", "service_term", ["term"])
    op.create_table(
        "report",
        sa.Column("id", sa.Integer(), primary_key=True),
        _service_id(),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.String(120), nullable=True),
    )
    op.create_index("ix_report_service_id", "report", ["service_id"])


def downgrade() -> None:
    for table in (
        "report",
        "service_term",
        "schedule",
        "phone",
        "service_at_location",
        "location",
        "service",
        "organization",
    ):
        op.drop_table(table)
