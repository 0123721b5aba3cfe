"""The combination checker's tables: substances, combinations, their ratings and sources."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from website.db import Base, utcnow


class Substance(Base):
    """A substance people combine, with its names per language and the words people use."""

    __tablename__ = "substance"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(60), unique=True)
    name_nl: Mapped[str] = mapped_column(sa.String(120))
    name_en: Mapped[str] = mapped_column(sa.String(120))
    aliases: Mapped[list] = mapped_column(default=list)
    page: Mapped[str | None] = mapped_column(sa.String(200))
    # Where the substance stands in combinations.yaml: the writer's order is kept.
    position: Mapped[int] = mapped_column(default=0)
    # "draft" substances (added by an editor, not yet checked) stay off the public checker.
    status: Mapped[str] = mapped_column(sa.String(20), default="published")
    # "import" while it is as content/ says, "editor" once changed in the editor area.
    origin: Mapped[str] = mapped_column(sa.String(20), default="import")
    version: Mapped[int] = mapped_column(default=0)


class CombinationSource(Base):
    """Where a rating comes from, such as TripSit's combination chart."""

    __tablename__ = "combination_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(60), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    url: Mapped[str | None] = mapped_column(sa.String(500))
    position: Mapped[int] = mapped_column(default=0)


class Combination(Base):
    """What happens when two substances are combined; the pair is stored in key order."""

    __tablename__ = "combination"
    __table_args__ = (
        sa.UniqueConstraint("substance_a_id", "substance_b_id", name="uq_combination_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    substance_a_id: Mapped[int] = mapped_column(
        sa.ForeignKey("substance.id", ondelete="CASCADE"), index=True
    )
    substance_b_id: Mapped[int] = mapped_column(
        sa.ForeignKey("substance.id", ondelete="CASCADE"), index=True
    )
    reason_nl: Mapped[str] = mapped_column(sa.Text)
    advice_nl: Mapped[str] = mapped_column(sa.Text)
    reason_en: Mapped[str] = mapped_column(sa.Text)
    advice_en: Mapped[str] = mapped_column(sa.Text)
    needs_check: Mapped[list] = mapped_column(default=list)
    origin: Mapped[str] = mapped_column(sa.String(20), default="import")
    # Bumped on every save: an editor's save names the version it started from.
    version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    substance_a: Mapped[Substance] = relationship(foreign_keys=[substance_a_id])
    substance_b: Mapped[Substance] = relationship(foreign_keys=[substance_b_id])
    ratings: Mapped[list["CombinationRating"]] = relationship(
        back_populates="combination", cascade="all, delete-orphan"
    )


class CombinationRating(Base):
    """One source's level for one combination."""

    __tablename__ = "combination_rating"
    __table_args__ = (
        sa.UniqueConstraint("combination_id", "source_id", name="uq_combination_rating_source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    combination_id: Mapped[int] = mapped_column(
        sa.ForeignKey("combination.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(sa.ForeignKey("combination_source.id"), index=True)
    level: Mapped[str] = mapped_column(sa.String(30))

    combination: Mapped[Combination] = relationship(back_populates="ratings")
    source: Mapped[CombinationSource] = relationship()
