"""The sociale kaart's tables, aligned with Open Referral HSDS 3.0.

Field names follow HSDS where they fit (organization, service, location, service_at_location,
phone, schedule, taxonomy terms, `assured_date`). Identifiers are UUID strings as in HSDS, so an
export imported elsewhere (or back here) keeps them. Fields HSDS has no place for (free,
anonymous, walk-in, the English texts, `verified`, `source_url`) are listed in
docs/sociale-kaart-csv.md.
"""

import uuid
from datetime import date, datetime, time

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from website.db import Base, utcnow

ACTIVE = "active"
RETIRED = "retired"
NATIONAL_AREA = "Nederland"


def new_id() -> str:
    """Return a new HSDS identifier (a UUID string)."""
    return str(uuid.uuid4())


class Organization(Base):
    """An organisation that offers services (HSDS organization)."""

    __tablename__ = "organization"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    website: Mapped[str | None] = mapped_column(sa.String(500))
    email: Mapped[str | None] = mapped_column(sa.String(200))
    status: Mapped[str] = mapped_column(sa.String(20), default=ACTIVE)
    version: Mapped[int] = mapped_column(default=1)

    services: Mapped[list["Service"]] = relationship(back_populates="organization")


class Service(Base):
    """One service an organisation offers: a listing on the sociale kaart (HSDS service)."""

    __tablename__ = "service"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    # The URL word of the listing: /nl/hulp/<slug>, /en/help/<slug>.
    slug: Mapped[str] = mapped_column(sa.String(120), unique=True)
    organization_id: Mapped[str] = mapped_column(sa.ForeignKey("organization.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    description: Mapped[str] = mapped_column(sa.Text, default="")  # plain Dutch
    description_en: Mapped[str] = mapped_column(sa.Text, default="")
    eligibility_description: Mapped[str] = mapped_column(sa.Text, default="")  # who it is for
    eligibility_description_en: Mapped[str] = mapped_column(sa.Text, default="")
    url: Mapped[str | None] = mapped_column(sa.String(500))
    email: Mapped[str | None] = mapped_column(sa.String(200))
    chat_url: Mapped[str | None] = mapped_column(sa.String(500))
    # Where the listing's facts come from (the organisation's public site).
    source_url: Mapped[str] = mapped_column(sa.String(500))
    status: Mapped[str] = mapped_column(sa.String(20), default=ACTIVE, index=True)
    # None means unknown; the map shows "unknown" rather than guessing.
    free: Mapped[bool | None]
    anonymous: Mapped[bool | None]
    referral_required: Mapped[bool | None]
    walk_in: Mapped[bool | None]
    languages: Mapped[list] = mapped_column(default=list)  # ISO 639-1 codes
    service_area: Mapped[str | None] = mapped_column(sa.String(120))  # "Nederland" = national
    # The OSM opening_hours string (source of truth); "" means unknown.
    opening_hours: Mapped[str] = mapped_column(sa.String(500), default="")
    assured_date: Mapped[date | None]  # last checked
    assurer: Mapped[str | None] = mapped_column(sa.String(120))  # account that checked it
    verified: Mapped[bool] = mapped_column(default=False)
    last_modified: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    # Bumped on every save: an edit names the version it started from.
    version: Mapped[int] = mapped_column(default=1)

    organization: Mapped[Organization] = relationship(back_populates="services")
    service_at_locations: Mapped[list["ServiceAtLocation"]] = relationship(
        back_populates="service", cascade="all, delete-orphan"
    )
    phones: Mapped[list["Phone"]] = relationship(
        back_populates="service", cascade="all, delete-orphan", order_by="Phone.position"
    )
    schedules: Mapped[list["Schedule"]] = relationship(
        back_populates="service", cascade="all, delete-orphan", order_by="Schedule.position"
    )
    terms: Mapped[list["ServiceTerm"]] = relationship(
        back_populates="service", cascade="all, delete-orphan"
    )

    @property
    def locations(self) -> list["Location"]:
        """Return the service's locations, in their stored order."""
        return [link.location for link in self.service_at_locations]

    @property
    def is_national(self) -> bool:
        """Return whether the service is for the whole country (no nearest place)."""
        return self.service_area == NATIONAL_AREA

    def term_keys(self, taxonomy: str) -> list[str]:
        """Return the keys of this service's terms in one taxonomy, sorted."""
        return sorted(t.term for t in self.terms if t.taxonomy == taxonomy)


class Location(Base):
    """A place where services are offered (HSDS location with its physical address)."""

    __tablename__ = "location"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    organization_id: Mapped[str | None] = mapped_column(
        sa.ForeignKey("organization.id"), index=True
    )
    name: Mapped[str] = mapped_column(sa.String(200), default="")
    address_1: Mapped[str | None] = mapped_column(sa.String(200))
    postal_code: Mapped[str | None] = mapped_column(sa.String(10))
    city: Mapped[str | None] = mapped_column(sa.String(120), index=True)
    region: Mapped[str | None] = mapped_column(sa.String(120))
    country: Mapped[str] = mapped_column(sa.String(2), default="NL")
    # None until known; part 2 places a listing at its city and marks it approximate.
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]

    organization: Mapped[Organization | None] = relationship()


class ServiceAtLocation(Base):
    """A service offered at a location (HSDS service_at_location)."""

    __tablename__ = "service_at_location"
    __table_args__ = (sa.UniqueConstraint("service_id", "location_id"),)

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    location_id: Mapped[str] = mapped_column(sa.ForeignKey("location.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)

    service: Mapped[Service] = relationship(back_populates="service_at_locations")
    location: Mapped[Location] = relationship()


class Phone(Base):
    """A number to call or message (HSDS phone); `channel` says voice, sms or whatsapp."""

    __tablename__ = "phone"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(sa.String(40))
    channel: Mapped[str] = mapped_column(sa.String(20), default="voice")
    description: Mapped[str] = mapped_column(sa.String(300), default="")
    position: Mapped[int] = mapped_column(default=0)

    service: Mapped[Service] = relationship(back_populates="phones")


class Schedule(Base):
    """A weekly opening-hours row derived from the service's OSM string (HSDS schedule)."""

    __tablename__ = "schedule"

    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    freq: Mapped[str] = mapped_column(sa.String(10), default="WEEKLY")
    byday: Mapped[str] = mapped_column(sa.String(40))
    opens_at: Mapped[time]
    closes_at: Mapped[time]  # earlier than opens_at: closes the next day
    position: Mapped[int] = mapped_column(default=0)

    service: Mapped[Service] = relationship(back_populates="schedules")


class ServiceTerm(Base):
    """A service tagged with a term of the fixed taxonomy (HSDS attribute + taxonomy_term)."""

    __tablename__ = "service_term"

    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), primary_key=True
    )
    taxonomy: Mapped[str] = mapped_column(sa.String(20), primary_key=True)
    term: Mapped[str] = mapped_column(sa.String(40), primary_key=True, index=True)

    service: Mapped[Service] = relationship(back_populates="terms")


class Report(Base):
    """A visitor's "is this wrong?" note about a listing; nothing about the visitor is kept."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[str] = mapped_column(
        sa.ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    message: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    resolved_by: Mapped[str | None] = mapped_column(sa.String(120))

    service: Mapped[Service] = relationship()
