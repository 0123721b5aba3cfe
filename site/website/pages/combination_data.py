"""Combinations as plain data: the rating scale, the level the site shows, the canonical file.

The scale is TripSit's six levels, most cautious first, plus `unknown` for a pair that no
source has rated yet. Where sources disagree, the site shows the most cautious level.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

LEVELS = (
    "dangerous",
    "unsafe",
    "caution",
    "low-risk-synergy",
    "low-risk-no-synergy",
    "low-risk-decrease",
)
UNKNOWN = "unknown"
LANGUAGES = ("nl", "en")
TEXT_FIELDS = ("reason", "advice")
SUBSTANCE_STATUSES = ("draft", "published")
KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class SourceData:
    """Where ratings come from: a key used in the file, a title and a link."""

    key: str
    title: str
    url: str | None = None


@dataclass
class SubstanceData:
    """A substance: its key, its name per language, the other words people use for it."""

    key: str
    names: dict[str, str]
    aliases: list[str] = field(default_factory=list)
    page: str | None = None
    status: str = "published"

    def name(self, lang: str) -> str:
        """Return the substance's name in a language."""
        return self.names.get(lang) or self.names.get("nl") or self.key


@dataclass
class RatingData:
    """One source's level for a combination."""

    source: str
    level: str


@dataclass
class CombinationData:
    """Two substances together: the sources' ratings and, per language, why and what to do."""

    pair: tuple[str, str]
    ratings: list[RatingData]
    texts: dict[str, dict[str, str]]
    needs_check: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        """Return the level the site shows: the most cautious rating, or unknown."""
        return most_cautious(r.level for r in self.ratings)

    @property
    def sources_disagree(self) -> bool:
        """Say whether the sources give this pair different levels."""
        return len({r.level for r in self.ratings}) > 1


@dataclass
class CombinationSet:
    """Everything in combinations.yaml."""

    sources: list[SourceData]
    substances: list[SubstanceData]
    combinations: list[CombinationData]


def pair_of(a: str, b: str) -> tuple[str, str]:
    """Return two substance keys in the order the database stores them (sorted by key)."""
    return (a, b) if a <= b else (b, a)


def most_cautious(levels: Iterable[str]) -> str:
    """Return the most cautious of some levels; unknown when there are none."""
    known = [LEVELS.index(level) for level in levels if level in LEVELS]
    return LEVELS[min(known)] if known else UNKNOWN


@dataclass
class Problem:
    """What is wrong with one field; index and key point into a list of mappings (ratings)."""

    field: str
    message: str
    index: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def combination_problems(
    combination: CombinationData, substance_keys: Iterable[str], source_keys: Iterable[str]
) -> list[Problem]:
    """Return what is wrong with one combination, each problem naming its field."""
    substance_keys, source_keys = set(substance_keys), set(source_keys)
    problems = []
    a, b = combination.pair
    for key in dict.fromkeys((a, b)):
        if key not in substance_keys:
            problems.append(Problem("substances", f"unknown substance key '{key}'"))
    if a == b:
        problems.append(
            Problem("substances", f"a substance cannot be combined with itself ('{a}')")
        )
    seen = set()
    for index, rating in enumerate(combination.ratings):
        if rating.source not in source_keys:
            problems.append(
                Problem("ratings", f"unknown source '{rating.source}'", index, "source")
            )
        if rating.level not in LEVELS:
            message = (
                f"unknown level '{rating.level}' from {rating.source}; "
                f"use one of: {', '.join(LEVELS)}"
            )
            problems.append(Problem("ratings", message, index, "level"))
        if rating.source in seen:
            message = f"the source '{rating.source}' rates this pair twice"
            problems.append(Problem("ratings", message, index, "source"))
        seen.add(rating.source)
    for lang in LANGUAGES:
        for name in TEXT_FIELDS:
            if not str(combination.texts.get(lang, {}).get(name) or "").strip():
                problems.append(Problem(lang, f"the {name} is missing or empty"))
    return problems


def substance_problems(substance: SubstanceData) -> list[Problem]:
    """Return what is wrong with one substance on its own, each problem naming its field."""
    problems = []
    if not KEY_RE.match(substance.key or ""):
        message = f"'{substance.key}' may hold only a-z, 0-9 and - between words (like 3-mmc)"
        problems.append(Problem("key", message))
    for lang in LANGUAGES:
        if not str(substance.names.get(lang) or "").strip():
            problems.append(Problem("name", f"the {lang} name is missing or empty"))
    if substance.status not in SUBSTANCE_STATUSES:
        problems.append(Problem("status", "must be draft or published"))
    return problems


# The canonical file: block style with keys in a fixed order; a pair, a name and the
# aliases on one line each (flow style), because that is how an editor reads them best.
class _Flow(list):
    pass


class _FlowMap(dict):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)


def canonical_order(data: CombinationSet) -> CombinationSet:
    """Return the same data in the canonical order.

    Sources and substances keep the order they are listed in (the writer's choice); a pair
    is written in that order too, and combinations follow it: all pairs of the first
    substance, then those of the second, and so on.
    """
    position = {s.key: i for i, s in enumerate(data.substances)}
    source_position = {s.key: i for i, s in enumerate(data.sources)}

    def place(key: str) -> tuple[int, str]:
        return (position.get(key, len(position)), key)

    combinations = [
        CombinationData(
            pair=tuple(sorted(c.pair, key=place)),
            ratings=sorted(
                c.ratings,
                key=lambda r: (source_position.get(r.source, len(source_position)), r.source),
            ),
            texts=c.texts,
            needs_check=c.needs_check,
        )
        for c in data.combinations
    ]
    combinations.sort(key=lambda c: (place(c.pair[0]), place(c.pair[1])))
    return CombinationSet(list(data.sources), list(data.substances), combinations)


def dump(data: CombinationSet) -> str:
    """Write combinations.yaml in the canonical form (the export format)."""
    data = canonical_order(data)
    document = {
        "sources": {s.key: _omit_empty({"title": s.title, "url": s.url}) for s in data.sources},
        "substances": [
            _omit_empty(
                {
                    "key": s.key,
                    "name": _FlowMap((lang, s.names[lang]) for lang in LANGUAGES),
                    "aliases": _Flow(s.aliases),
                    "page": s.page,
                    "status": None if s.status == "published" else s.status,
                }
            )
            for s in data.substances
        ],
        "combinations": [_combination_document(c) for c in data.combinations],
    }
    return yaml.dump(
        document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**6, indent=2
    )


def _combination_document(combination: CombinationData) -> dict:
    document = {
        "substances": _Flow(combination.pair),
        "ratings": [{"source": r.source, "level": r.level} for r in combination.ratings],
    }
    for lang in LANGUAGES:
        document[lang] = {name: combination.texts[lang][name] for name in TEXT_FIELDS}
    if combination.needs_check:
        document["needs_check"] = list(combination.needs_check)
    return document


def _omit_empty(values: dict) -> dict:
    return {k: v for k, v in values.items() if v not in (None, [], "")}
