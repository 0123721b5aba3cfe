"""The flyer room's tables: distribution points and their scan counts per day."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from website.db import Base, utcnow


class DistributionPoint(Base):
    """A place where field workers hand out flyers; its code is printed in the QR code."""

    __tablename__ = "distribution_point"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(16), unique=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    kind: Mapped[str] = mapped_column(sa.String(20), index=True)
    municipality: Mapped[str] = mapped_column(sa.String(80), index=True)
    target_path: Mapped[str] = mapped_column(sa.String(200))
    language: Mapped[str] = mapped_column(sa.String(2))
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    status: Mapped[str] = mapped_column(sa.String(10), default="active")  # active, retired
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    @property
    def active(self) -> bool:
        """Say whether scans of this point's code still lead to its page."""
        return self.status == "active"


class ScanCount(Base):
    """How often one point's code was scanned on one day; nothing about who scanned."""

    __tablename__ = "flyer_scan"

    point_id: Mapped[int] = mapped_column(
        sa.ForeignKey("distribution_point.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
