"""Combinations in the database: read them, save them with a version check, import and export.

The import follows the pages' rule: it updates a substance or combination only while it is
still as the file made it; when an editor changed it, the database wins and the file is
reported as a conflict, so no edit is lost.
"""

from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from website.db import VersionConflict, utcnow
from website.pages.combination_data import (
    CombinationData,
    CombinationSet,
    Problem,
    RatingData,
    SourceData,
    SubstanceData,
    canonical_order,
    combination_problems,
    dump,
    pair_of,
    substance_problems,
)
from website.pages.combination_file import FILE_NAME, CombinationFileError, parse
from website.pages.combination_models import (
    Combination,
    CombinationRating,
    CombinationSource,
    Substance,
)
from website.pages.substance_names import normalise


class InvalidCombination(ValueError):
    """A substance or combination an editor tried to save is not valid; `problems` says why."""

    def __init__(self, problems: list):
        self.problems = [str(p) for p in problems]
        super().__init__("; ".join(self.problems))


def substance_data(row: Substance) -> SubstanceData:
    """Return a substance row as plain data."""
    return SubstanceData(
        key=row.key,
        names={"nl": row.name_nl, "en": row.name_en},
        aliases=list(row.aliases),
        page=row.page,
        status=row.status,
    )


def combination_data(row: Combination) -> CombinationData:
    """Return a combination row as plain data, ratings in source order."""
    return CombinationData(
        pair=(row.substance_a.key, row.substance_b.key),
        ratings=sorted(
            (RatingData(r.source.key, r.level) for r in row.ratings), key=lambda r: r.source
        ),
        texts={
            "nl": {"reason": row.reason_nl, "advice": row.advice_nl},
            "en": {"reason": row.reason_en, "advice": row.advice_en},
        },
        needs_check=list(row.needs_check),
    )


_WITH_RATINGS = (
    selectinload(Combination.substance_a),
    selectinload(Combination.substance_b),
    selectinload(Combination.ratings).selectinload(CombinationRating.source),
)


def all_substances(db: Session, include_drafts: bool = False) -> list[SubstanceData]:
    """Return the substances in their listed order, drafts only when asked."""
    query = select(Substance).order_by(Substance.position, Substance.key)
    if not include_drafts:
        query = query.where(Substance.status == "published")
    return [substance_data(s) for s in db.scalars(query)]


def all_sources(db: Session) -> dict[str, SourceData]:
    """Return every source by key."""
    rows = db.scalars(
        select(CombinationSource).order_by(CombinationSource.position, CombinationSource.key)
    )
    return {s.key: SourceData(s.key, s.title, s.url) for s in rows}


def find_combination(db: Session, a: str, b: str) -> tuple[CombinationData, int] | None:
    """Return the combination of two substance keys and its version, or None."""
    row = _combination_row(db, pair_of(a, b))
    return (combination_data(row), row.version) if row else None


def combinations_with(db: Session, key: str) -> list[CombinationData]:
    """Return every stored combination that has the substance with this key."""
    substance = db.scalar(select(Substance).where(Substance.key == key))
    if substance is None:
        return []
    rows = db.scalars(
        select(Combination)
        .where(
            or_(
                Combination.substance_a_id == substance.id,
                Combination.substance_b_id == substance.id,
            )
        )
        .options(*_WITH_RATINGS)
    )
    return [combination_data(row) for row in rows]


def load_set(db: Session) -> CombinationSet:
    """Return everything stored, drafts included, in the canonical (listed) order."""
    rows = db.scalars(select(Combination).options(*_WITH_RATINGS))
    return canonical_order(
        CombinationSet(
            sources=list(all_sources(db).values()),
            substances=all_substances(db, include_drafts=True),
            combinations=[combination_data(row) for row in rows],
        )
    )


def _combination_row(db: Session, pair: tuple[str, str]) -> Combination | None:
    a = db.scalar(select(Substance).where(Substance.key == pair[0]))
    b = db.scalar(select(Substance).where(Substance.key == pair[1]))
    if a is None or b is None:
        return None
    return db.scalar(
        select(Combination)
        .where(Combination.substance_a_id == a.id, Combination.substance_b_id == b.id)
        .options(*_WITH_RATINGS)
    )


def add_substance(db: Session, data: SubstanceData, origin: str = "editor") -> Substance:
    """Add a substance (an editor's is usually a draft); raise InvalidCombination if not valid."""
    problems = substance_problems(data)
    existing = all_substances(db, include_drafts=True)
    if any(s.key == data.key for s in existing):
        problems.append(Problem("key", f"a substance with the key '{data.key}' already exists"))
    taken = {normalise(w): s.key for s in existing for w in (s.key, *s.names.values(), *s.aliases)}
    for word in (data.key, *data.names.values(), *data.aliases):
        if normalise(word) in taken and taken[normalise(word)] != data.key:
            problems.append(
                Problem("aliases", f"'{word}' already names '{taken[normalise(word)]}'")
            )
    if problems:
        raise InvalidCombination(problems)
    last = db.scalar(select(func.max(Substance.position)))
    row = Substance(key=data.key, origin=origin, version=1, position=(last or 0) + 1)
    _fill_substance(row, data)
    db.add(row)
    db.flush()
    return row


def publish_substance(db: Session, key: str | None) -> None:
    """Show a draft substance in the checker: its overview page has been published."""
    row = db.scalar(select(Substance).where(Substance.key == key)) if key else None
    if row is not None and row.status != "published":
        row.status = "published"


def _fill_substance(row: Substance, data: SubstanceData) -> None:
    row.name_nl, row.name_en = data.names["nl"], data.names["en"]
    row.aliases, row.page, row.status = list(data.aliases), data.page, data.status


def save_combination(
    db: Session, data: CombinationData, expected_version: int | None, origin: str = "editor"
) -> Combination:
    """Create or change a combination if it is still at expected_version (None: new).

    Raise InvalidCombination when the data is not valid, VersionConflict when someone else
    saved the pair after the version this save started from.
    """
    substances = {s.key for s in all_substances(db, include_drafts=True)}
    problems = combination_problems(data, substances, all_sources(db))
    if problems:
        raise InvalidCombination(problems)
    pair = pair_of(*data.pair)
    row = _combination_row(db, pair)
    if row is None:
        if expected_version not in (None, 0):
            raise VersionConflict(pair)
        a, b = (db.scalar(select(Substance).where(Substance.key == k)) for k in pair)
        row = Combination(substance_a=a, substance_b=b, origin=origin, version=1)
        db.add(row)
    else:
        claimed = db.execute(
            update(Combination)
            .where(Combination.id == row.id, Combination.version == expected_version)
            .values(version=(expected_version or 0) + 1)
            .execution_options(synchronize_session=False)
        )
        if expected_version is None or claimed.rowcount != 1:
            db.rollback()
            raise VersionConflict(pair)
        row.version, row.origin = expected_version + 1, origin
    _fill_combination(db, row, data)
    db.flush()
    return row


def _fill_combination(db: Session, row: Combination, data: CombinationData) -> None:
    row.reason_nl, row.advice_nl = data.texts["nl"]["reason"], data.texts["nl"]["advice"]
    row.reason_en, row.advice_en = data.texts["en"]["reason"], data.texts["en"]["advice"]
    row.needs_check = list(data.needs_check)
    row.updated_at = utcnow()
    sources = {s.key: s for s in db.scalars(select(CombinationSource))}
    row.ratings.clear()
    db.flush()  # the old ratings go before the new ones take their (pair, source) place
    row.ratings.extend(
        CombinationRating(source=sources[r.source], level=r.level) for r in data.ratings
    )


def import_combinations(db: Session, content_dir: Path, report) -> None:
    """Import content/combinations.yaml; a file with any error changes nothing and is reported."""
    path = Path(content_dir) / FILE_NAME
    if not path.exists():
        return
    try:
        data, warnings = parse(path.read_text(encoding="utf-8"))
    except CombinationFileError as error:
        report.errors += [f"{FILE_NAME}:{e.line}: {e.message}" for e in error.errors]
        return
    except (OSError, UnicodeDecodeError) as error:
        report.errors.append(f"{FILE_NAME}:1: cannot read the file ({error})")
        return
    report.warnings += [f"{FILE_NAME}: {w}" for w in warnings]
    try:
        _apply(db, canonical_order(data), report)
        db.commit()
    except (SQLAlchemyError, VersionConflict) as error:
        db.rollback()
        report.errors.append(f"{FILE_NAME}:1: not imported, nothing changed ({error})")


def _apply(db: Session, data: CombinationSet, report) -> None:
    for position, source in enumerate(data.sources):
        row = db.scalar(select(CombinationSource).where(CombinationSource.key == source.key))
        if row is None:
            row = CombinationSource(key=source.key)
            db.add(row)
        row.title, row.url, row.position = source.title, source.url, position
    db.flush()
    for position, substance in enumerate(data.substances):
        name = f"{FILE_NAME}: substance {substance.key}"
        row = db.scalar(select(Substance).where(Substance.key == substance.key))
        if row is not None:
            row.position = position  # the file's order is not an edit
        if row is None:
            row = Substance(key=substance.key, origin="import", version=1, position=position)
            _fill_substance(row, substance)
            db.add(row)
            report.created.append(name)
        elif substance_data(row) == substance:
            report.unchanged.append(name)
        elif row.origin == "import":
            _fill_substance(row, substance)
            row.version += 1
            report.updated.append(name)
        else:
            report.conflicts.append(f"{name}: changed in the file and by an editor; kept")
    db.flush()
    for combination in data.combinations:
        name = f"{FILE_NAME}: {' + '.join(combination.pair)}"
        row = _combination_row(db, pair_of(*combination.pair))
        if row is None:
            save_combination(db, combination, None, origin="import")
            report.created.append(name)
        elif _comparable(combination_data(row)) == _comparable(combination):
            report.unchanged.append(name)
        elif row.origin == "import":
            save_combination(db, combination, row.version, origin="import")
            report.updated.append(name)
        else:
            report.conflicts.append(f"{name}: changed in the file and by an editor; kept")


def _comparable(combination: CombinationData) -> CombinationData:
    # The file writes a pair and its ratings in listed order; the database in key order.
    return replace(
        combination,
        pair=pair_of(*combination.pair),
        ratings=sorted(combination.ratings, key=lambda r: r.source),
    )


def export_combinations(db: Session, content_dir: Path, report) -> None:
    """Write the stored combinations to content/combinations.yaml in the canonical form."""
    if db.scalar(select(Substance.id).limit(1)) is None:
        return
    path = Path(content_dir) / FILE_NAME
    text = dump(load_set(db))
    if path.exists() and path.read_text(encoding="utf-8") == text:
        report.unchanged.append(FILE_NAME)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report.updated.append(FILE_NAME)
