"""Tables for finding places: the gazetteer, offline postcodes, geocoder answers, its clock."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from website.db import Base, utcnow

PLACE = "place"
MUNICIPALITY = "municipality"


class GazetteerPlace(Base):
    """A town, village or municipality with a point, answered offline (GeoNames, hand list)."""

    __tablename__ = "gazetteer_place"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    # The name folded for matching: lower case, no accents, single spaces.
    key: Mapped[str] = mapped_column(sa.String(200), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20), default=PLACE)
    # True for another name of the place (Den Haag for The Hague): matched only when no
    # place has the name itself, and never offered as a spelling suggestion.
    alias: Mapped[bool] = mapped_column(default=False)
    province: Mapped[str] = mapped_column(sa.String(60), default="")
    towns: Mapped[str] = mapped_column(sa.String(500), default="")  # a municipality's towns
    population: Mapped[int] = mapped_column(default=0)
    latitude: Mapped[float]
    longitude: Mapped[float]


class PostalCode(Base):
    """A Dutch postcode (4 digits, or 4 digits and 2 letters) with a point, loaded from a file."""

    __tablename__ = "postal_code"

    code: Mapped[str] = mapped_column(sa.String(6), primary_key=True)
    place: Mapped[str] = mapped_column(sa.String(200), default="")
    latitude: Mapped[float]
    longitude: Mapped[float]


class GeocodeAnswer(Base):
    """What the geocoder said for one typed text, found or not, so it is asked only once."""

    __tablename__ = "geocode_answer"

    query: Mapped[str] = mapped_column(sa.String(200), primary_key=True)
    found: Mapped[bool]
    label: Mapped[str] = mapped_column(sa.String(500), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    asked_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)


class GeocoderClock(Base):
    """One row: the earliest time (Unix seconds) the next geocoder request may start.

    Every worker reserves its slot with one atomic UPDATE, so all workers together send at
    most one request per interval.
    """

    __tablename__ = "geocoder_clock"

    id: Mapped[int] = mapped_column(primary_key=True)
    next_request_at: Mapped[float] = mapped_column(sa.Double, default=0.0)
