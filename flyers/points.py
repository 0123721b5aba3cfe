"""Distribution points: create, change, retire and find them; their short codes.

Plain Python on a SQLAlchemy session (no Flask), so the CLI, the editor screens and the
tests share it. Functions flush; the caller commits.
"""

import re
import secrets

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from flyers.kinds import KINDS
from flyers.models import DistributionPoint

# No look-alikes (0/o, 1/l/i): a code read aloud or typed from paper stays right.
CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
CODE_LENGTH = 8
LANGUAGES = ("nl", "en")
STATUSES = ("active", "retired")
NAME_MAX = 80
MUNICIPALITY_MAX = 80
NOTES_MAX = 2000
_TARGET = re.compile(r"^/(nl|en)/([a-z0-9-]+(/[a-z0-9-]+)*)?$")
_CODE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


class PointError(ValueError):
    """A point's fields are not valid; `errors` maps each field to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


def landing_path(language: str) -> str:
    """Return the page a point's flyers lead to unless another is chosen."""
    return f"/{language}/3-mmc"


def new_code() -> str:
    """Return a fresh random code: 8 characters, about 40 bits, not guessable."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _check_text(value: str | None, limit: int, field: str, errors: dict[str, str]) -> None:
    """Note an empty or over-long required text in errors, in the reader's language."""
    if not value:
        errors[field] = (
            _("Give the point a name.") if field == "name" else _("Give the municipality.")
        )
    elif len(value) > limit:
        too_long = {
            "name": _("The name is too long: at most %(limit)d characters.", limit=limit),
            "municipality": _(
                "The municipality is too long: at most %(limit)d characters.", limit=limit
            ),
        }
        errors[field] = too_long[field]


def _clean(fields: dict) -> dict:
    """Return the fields stripped and checked, or raise PointError naming each problem."""
    errors: dict[str, str] = {}
    values = {
        key: (value.strip() if isinstance(value, str) else value) for key, value in fields.items()
    }
    if "name" in values:
        _check_text(values["name"], NAME_MAX, "name", errors)
    if "kind" in values and values["kind"] not in KINDS:
        errors["kind"] = _(
            "Unknown kind %(kind)s; choose one of: %(kinds)s.",
            kind=values["kind"],
            kinds=", ".join(KINDS),
        )
    if "municipality" in values:
        _check_text(values["municipality"], MUNICIPALITY_MAX, "municipality", errors)
    if "language" in values and values["language"] not in LANGUAGES:
        errors["language"] = _("The language must be nl or en.")
    if values.get("target_path") and not _TARGET.match(values["target_path"]):
        errors["target_path"] = _(
            "The page must be a path on this site, such as /nl/3-mmc or /en/3-mmc/sex."
        )
    if len(values.get("notes") or "") > NOTES_MAX:
        errors["notes"] = _(
            "The notes are too long: at most %(limit)d characters.", limit=NOTES_MAX
        )
    if "status" in values and values["status"] not in STATUSES:
        errors["status"] = _("The status must be active or retired.")
    if errors:
        raise PointError(errors)
    return values


def create_point(
    db: Session,
    name: str,
    kind: str,
    municipality: str,
    language: str = "nl",
    target_path: str | None = None,
    notes: str = "",
) -> DistributionPoint:
    """Create an active point with a new unique code; raise PointError on bad fields."""
    values = _clean(
        {
            "name": name,
            "kind": kind,
            "municipality": municipality,
            "language": language,
            "target_path": target_path,
            "notes": notes,
        }
    )
    code = new_code()
    while find_point(db, code) is not None:  # about 1 in 10^12; cheap to rule out
        code = new_code()
    point = DistributionPoint(
        code=code,
        name=values["name"],
        kind=values["kind"],
        municipality=values["municipality"],
        language=values["language"],
        target_path=values["target_path"] or landing_path(values["language"]),
        notes=values["notes"] or "",
        status="active",
    )
    db.add(point)
    db.flush()
    return point


def update_point(db: Session, point: DistributionPoint, **fields) -> DistributionPoint:
    """Change a point's fields (never its code); raise PointError on bad fields."""
    allowed = {"name", "kind", "municipality", "language", "target_path", "notes", "status"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"update_point() cannot change {', '.join(sorted(unknown))}")
    values = _clean(fields)
    if "target_path" in values and not values["target_path"]:
        values["target_path"] = landing_path(values.get("language", point.language))
    for key, value in values.items():
        setattr(point, key, value if value is not None else "")
    db.flush()
    return point


def retire_point(db: Session, point: DistributionPoint) -> DistributionPoint:
    """Retire a point: its code then leads to the home page with a note, and stops counting."""
    point.status = "retired"
    db.flush()
    return point


def normalise_code(code: str | None) -> str | None:
    """Return the code in lower case if it can be a code at all, else None."""
    code = (code or "").strip().lower()
    return code if _CODE.match(code) else None


def find_point(db: Session, code: str) -> DistributionPoint | None:
    """Return the point with this code (any letter case), or None."""
    code = normalise_code(code)
    if code is None:
        return None
    return db.scalar(select(DistributionPoint).where(DistributionPoint.code == code))


def list_points(
    db: Session,
    municipality: str | None = None,
    kind: str | None = None,
    include_retired: bool = True,
) -> list[DistributionPoint]:
    """Return the points, filtered by municipality (any case) and kind, by place and name."""
    query = select(DistributionPoint)
    if municipality:
        query = query.where(
            func.lower(DistributionPoint.municipality) == municipality.strip().lower()
        )
    if kind:
        query = query.where(DistributionPoint.kind == kind)
    if not include_retired:
        query = query.where(DistributionPoint.status == "active")
    query = query.order_by(DistributionPoint.municipality, DistributionPoint.name)
    return list(db.scalars(query))
