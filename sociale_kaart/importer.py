"""Import and export of the whole sociale kaart: preview first, then all or nothing.

`preview_import` says what an import would do (new, changed, retired, unchanged) and lists
every problem per row and field without writing; `import_listings` writes only when there is
no problem at all, in one transaction.
"""

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sociale_kaart.csv_format import dump_csv, parse_csv
from sociale_kaart.hsds import dump_hsds, parse_hsds
from sociale_kaart.listings import Problem, ServiceData
from sociale_kaart.models import ACTIVE, RETIRED, Service, ServiceAtLocation, new_id
from sociale_kaart.store import check_service, find_organization, to_data, write_service

FORMATS = ("hsds", "csv")


@dataclass
class ImportResult:
    """What an import did (or, for a preview, would do), by listing name."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        """Return whether the file can be (or was) imported without problems."""
        return not self.problems


def format_of(path: str | Path) -> str:
    """Return the format a file name implies: "csv" for .csv, else "hsds"."""
    return "csv" if str(path).lower().endswith(".csv") else "hsds"


def read_listings(text: str, fmt: str) -> tuple[list[tuple[int, ServiceData]], list[Problem]]:
    """Parse a file's text in a format ("hsds" or "csv") into numbered listings and problems."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    return parse_csv(text) if fmt == "csv" else parse_hsds(text)


def _all_services(db: Session) -> list[Service]:
    query = select(Service).options(
        selectinload(Service.organization),
        selectinload(Service.phones),
        selectinload(Service.terms),
        selectinload(Service.service_at_locations).selectinload(ServiceAtLocation.location),
    )
    return list(db.scalars(query.order_by(Service.name, Service.slug)))


def _existing(db: Session, data: ServiceData) -> Service | None:
    if data.id:
        found = db.get(Service, data.id)
        if found is not None:
            return found
    if data.slug:
        return db.scalar(select(Service).where(Service.slug == data.slug))
    return None


def _complete(data: ServiceData, old: ServiceData | None, partial: bool) -> None:
    """Fill in what the file does not say: ids it matched, and (for CSV) what it cannot hold."""
    if old is None:
        return
    data.id = old.id
    if partial:
        org, old_org = data.organization, old.organization
        if org.name.lower() == old_org.name.lower():
            org.description = org.description or old_org.description
            org.email = org.email or old_org.email
        described = {(p.number, p.channel): p.description for p in old.phones}
        for phone in data.phones:
            phone.description = phone.description or described.get(
                (phone.number, phone.channel), ""
            )
        if len(data.locations) == 1 and old.locations:
            if data.locations[0].id in (None, old.locations[0].id):
                data.locations[0].id = old.locations[0].id
                data.locations += old.locations[1:]
    for new, before in zip(data.locations, old.locations, strict=False):
        new.id = new.id or before.id


def _plan(db: Session, records, problems: list[Problem], partial: bool, retire_missing: bool):
    result = ImportResult(problems=list(problems))
    plan: list[tuple[ServiceData, Service | None, bool]] = []
    seen: dict[str, int] = {}
    for number, data in records:
        existing = _existing(db, data)
        old = to_data(existing) if existing is not None else None
        _complete(data, old, partial)
        for found in check_service(db, data):
            result.problems.append(dataclasses.replace(found, row=number))
        for key in filter(None, (data.id, data.slug)):
            if key in seen:
                result.problems.append(
                    Problem("slug", _l("Also in row %(row)s.", row=seen[key]), number)
                )
            seen[key] = number
        if not data.organization.id:
            org = find_organization(db, data.organization)
            data.organization.id = org.id if org is not None else None
        if old is None:
            kind = result.new
        elif data == old:
            kind = result.unchanged
        elif data.status == RETIRED and old.status == ACTIVE:
            kind = result.retired
        else:
            kind = result.changed
        kind.append(data.name)
        plan.append((data, existing, kind is not result.unchanged))
    missing = []
    if retire_missing:
        named = {d.id for d, _, _ in plan if d.id} | {d.slug for d, _, _ in plan}
        missing = [
            s
            for s in _all_services(db)
            if s.status == ACTIVE and s.id not in named and s.slug not in named
        ]
        result.retired += [s.name for s in missing]
    return result, plan, missing


def preview_import(db: Session, text: str, fmt: str, retire_missing: bool = False) -> ImportResult:
    """Return what importing this file would change, and its problems; write nothing."""
    result, _plan_, _missing = _plan(db, *read_listings(text, fmt), fmt == "csv", retire_missing)
    db.rollback()
    return result


def import_listings(
    db: Session, text: str, fmt: str, retire_missing: bool = False, dry_run: bool = False
) -> ImportResult:
    """Import a file if it has no problem at all (one transaction); else write nothing.

    Listings are matched on id, else slug. With retire_missing, active listings the file
    does not name are retired (never deleted).
    """
    if dry_run:
        return preview_import(db, text, fmt, retire_missing)
    result, plan, missing = _plan(db, *read_listings(text, fmt), fmt == "csv", retire_missing)
    if not result.ok:
        db.rollback()
        return result
    try:
        for data, existing, changes in plan:
            if not changes:
                continue
            service = existing or Service(id=data.id or new_id(), version=0)
            if existing is None:
                db.add(service)
            service.version = (service.version or 0) + 1
            write_service(db, service, data, with_checks=True)
        for service in missing:
            service.status = RETIRED
            service.version += 1
        db.commit()
    except Exception:
        db.rollback()
        raise
    result.written = True
    return result


def export_listings(db: Session, fmt: str) -> str:
    """Return every listing (retired ones too, with their status) as HSDS JSON or CSV text."""
    services = [to_data(s) for s in _all_services(db)]
    return dump_csv(services) if fmt == "csv" else dump_hsds(services)
