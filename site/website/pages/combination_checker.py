"""The checker's answers: one pair, or every pair of one substance, from the stored data."""

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from website.pages.combination_data import (
    LEVELS,
    UNKNOWN,
    CombinationData,
    SourceData,
    SubstanceData,
    pair_of,
)
from website.pages.combination_store import all_sources, combinations_with, find_combination


@dataclass
class PairAnswer:
    """What the site says about two substances together."""

    a: SubstanceData
    b: SubstanceData
    combination: CombinationData | None = None
    ratings: list[tuple[SourceData, str]] = field(default_factory=list)
    version: int = 0

    @property
    def level(self) -> str:
        """Return the level shown: the most cautious source's, or unknown."""
        return self.combination.level if self.combination else UNKNOWN

    @property
    def sources_disagree(self) -> bool:
        """Say whether the sources give different levels."""
        return bool(self.combination and self.combination.sources_disagree)

    def text(self, lang: str, name: str) -> str:
        """Return the reason or advice in a language, empty when nothing is written."""
        if self.combination is None:
            return ""
        return self.combination.texts.get(lang, {}).get(name, "")


def level_order(level: str) -> int:
    """Return a sort key that puts the most cautious level first and unknown last."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def answer_pair(db: Session, a: SubstanceData, b: SubstanceData) -> PairAnswer:
    """Return what is known about substances a and b together."""
    found = find_combination(db, a.key, b.key)
    if found is None:
        return PairAnswer(a, b)
    combination, version = found
    sources = all_sources(db)
    ratings = [(sources[r.source], r.level) for r in combination.ratings if r.source in sources]
    return PairAnswer(a, b, combination, ratings, version)


def pairs_for(
    db: Session, substance: SubstanceData, others: list[SubstanceData], lang: str
) -> list[PairAnswer]:
    """Return an answer for the substance with each other one, most cautious level first."""
    stored = {pair_of(*c.pair): c for c in combinations_with(db, substance.key)}
    answers = [
        PairAnswer(substance, other, stored.get(pair_of(substance.key, other.key)))
        for other in others
        if other.key != substance.key
    ]
    answers.sort(key=lambda p: (level_order(p.level), p.b.name(lang).casefold()))
    return answers
