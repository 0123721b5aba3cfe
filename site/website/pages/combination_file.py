"""Read combinations.yaml: parse it, check every entry, and say where each problem is."""

import yaml
from yaml.constructor import ConstructorError

from website.pages.combination_data import (
    LANGUAGES,
    SUBSTANCE_STATUSES,
    TEXT_FIELDS,
    CombinationData,
    CombinationSet,
    Problem,
    RatingData,
    SourceData,
    SubstanceData,
    combination_problems,
    substance_problems,
)
from website.pages.content_files import SLUG_RE, ContentError
from website.pages.substance_names import normalise

FILE_NAME = "combinations.yaml"
SUBSTANCE_FIELDS = ("key", "name", "aliases", "page", "status")
COMBINATION_FIELDS = ("substances", "ratings", *LANGUAGES, "needs_check")


class CombinationFileError(ValueError):
    """combinations.yaml cannot be used; `errors` holds every problem with its line."""

    def __init__(self, errors: list[ContentError]):
        super().__init__("; ".join(f"line {e.line}: {e.message}" for e in errors))
        self.errors = errors


class _Mapping(dict):
    line = 1
    lines: dict = {}


class _Sequence(list):
    line = 1
    lines: list = []


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):
    data = _Mapping()
    data.line = node.start_mark.line + 1
    data.lines = {}
    for key_node, _ in node.value:
        if key_node.value in data.lines:
            raise ConstructorError(
                None, None, f"the key '{key_node.value}' appears twice", key_node.start_mark
            )
        data.lines[key_node.value] = key_node.start_mark.line + 1
    yield data
    data.update(loader.construct_mapping(node))


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode):
    data = _Sequence()
    data.line = node.start_mark.line + 1
    data.lines = [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_sequence(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def parse(text: str) -> tuple[CombinationSet, list[str]]:
    """Parse combinations.yaml; return the data and warnings, or raise CombinationFileError."""
    try:
        document = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark else 1
        raise CombinationFileError([ContentError(f"not valid YAML: {error}", line)]) from None
    reader = _Reader()
    data = reader.read(document)
    if reader.errors:
        raise CombinationFileError(reader.errors)
    return data, reader.warnings


class _Reader:
    """Turn the parsed document into CombinationSet, collecting every problem on the way."""

    def __init__(self) -> None:
        self.errors: list[ContentError] = []
        self.warnings: list[str] = []
        # Keys of invalid substances count too, so one mistake gives one message, not many.
        self.substance_keys: set[str] = set()

    def fail(self, message: str, line: int) -> None:
        self.errors.append(ContentError(message, line))

    def read(self, document) -> CombinationSet:
        if not isinstance(document, dict):
            self.fail("the file must hold sources:, substances: and combinations:", 1)
            return CombinationSet([], [], [])
        for key in document:
            if key not in ("sources", "substances", "combinations"):
                self.warnings.append(f"line {document.lines[key]}: unknown field '{key}' (ignored)")
        sources = self.sources(document.get("sources"), document.lines.get("sources", 1))
        substances = self.substances(
            document.get("substances"), document.lines.get("substances", 1)
        )
        combinations = self.combinations(
            document.get("combinations") or [], self.substance_keys, {s.key for s in sources}
        )
        return CombinationSet(sources, substances, combinations)

    def sources(self, items, line: int) -> list[SourceData]:
        if not isinstance(items, dict) or not items:
            self.fail("sources: must list each source as key: with a title and a url", line)
            return []
        result = []
        for key, value in items.items():
            where = items.lines[key]
            if not isinstance(value, dict) or not isinstance(value.get("title"), str):
                self.fail(f"source '{key}': needs a title (and a url)", where)
                continue
            for extra in set(value) - {"title", "url"}:
                self.warnings.append(f"line {where}: source '{key}': unknown field '{extra}'")
            url = value.get("url")
            if url is not None and not (isinstance(url, str) and url.startswith("https://")):
                self.fail(f"source '{key}': the url must start with https://", where)
            result.append(SourceData(str(key), value["title"], url))
        return result

    def substances(self, items, line: int) -> list[SubstanceData]:
        if not isinstance(items, list):
            self.fail("substances: must be a list of substances (- key: ...)", line)
            return []
        result, keys, words = [], {}, {}
        for item, where in zip(items, items.lines, strict=True):
            if not isinstance(item, dict):
                self.fail("substances: each item must be a substance with key:, name:", where)
                continue
            substance = self.substance(item, where)
            if substance is None:
                continue
            if substance.key in keys:
                first = keys[substance.key]
                self.fail(
                    f"substance '{substance.key}': listed twice (also on line {first})", where
                )
                continue
            keys[substance.key] = where
            self.check_words(substance, words, item.lines.get("aliases", where))
            result.append(substance)
        return result

    def substance(self, item, where: int) -> SubstanceData | None:
        label = f"substance '{item.get('key', '?')}'"
        for key in item:
            if key not in SUBSTANCE_FIELDS:
                self.warnings.append(f"line {item.lines[key]}: {label}: unknown field '{key}'")
        names = item.get("name")
        if not isinstance(names, dict):
            self.fail(f"{label}: name: needs a name per language ({{nl: ..., en: ...}})", where)
            return None
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.fail(
                f"{label}: aliases: must be a list of words (put numbers in quotes)",
                item.lines.get("aliases", where),
            )
            return None
        page = item.get("page")
        if page is not None and not (isinstance(page, str) and SLUG_RE.match(page)):
            self.fail(f"{label}: page: must be the slug of a page, like 3-mmc", item.lines["page"])
        status = item.get("status", "published")
        substance = SubstanceData(
            key=str(item.get("key") or ""),
            names={lang: str(names.get(lang) or "").strip() for lang in LANGUAGES},
            aliases=[a.strip() for a in aliases],
            page=page,
            status=status if status in SUBSTANCE_STATUSES else str(status),
        )
        self.substance_keys.add(substance.key)
        problems = substance_problems(substance)
        for problem in problems:
            self.fail(f"{label}: {problem}", item.lines.get(problem.field, where))
        return None if problems else substance

    def check_words(self, substance: SubstanceData, words: dict, line: int) -> None:
        """Fail when a name or alias of this substance already names another one."""
        own = [substance.key, *substance.names.values(), *substance.aliases]
        for word in own:
            normal = normalise(word)
            other = words.get(normal)
            if other and other != substance.key:
                self.fail(
                    f"substance '{substance.key}': the name or alias '{word}' is also used "
                    f"by '{other}'; each word may point to one substance only",
                    line,
                )
            elif normal:
                words[normal] = substance.key

    def combinations(self, items, substance_keys: set, source_keys: set) -> list[CombinationData]:
        if not isinstance(items, list):
            self.fail("combinations: must be a list (- substances: [a, b] ...)", 1)
            return []
        result, pairs = [], {}
        for item, where in zip(items, items.lines, strict=True):
            combination = self.combination(item, where)
            if combination is None:
                continue
            label = f"combination {' + '.join(combination.pair)}"
            for problem in combination_problems(combination, substance_keys, source_keys):
                self.fail(f"{label}: {problem}", _line(item, problem, where))
            key = tuple(sorted(combination.pair))
            if key in pairs:
                self.fail(f"{label}: this pair is listed twice (also on line {pairs[key]})", where)
            pairs.setdefault(key, where)
            result.append(combination)
        return result

    def combination(self, item, where: int) -> CombinationData | None:
        if not isinstance(item, dict):
            self.fail("combinations: each item must start with substances: [a, b]", where)
            return None
        pair = item.get("substances")
        if not (
            isinstance(pair, list) and len(pair) == 2 and all(isinstance(k, str) for k in pair)
        ):
            self.fail(
                "combination: substances: must be two substance keys, like [3-mmc, alcohol]", where
            )
            return None
        label = f"combination {' + '.join(pair)}"
        for key in item:
            if key not in COMBINATION_FIELDS:
                self.warnings.append(f"line {item.lines[key]}: {label}: unknown field '{key}'")
        ratings = item.get("ratings") or []
        if not isinstance(ratings, list) or not all(
            isinstance(r, dict) and set(r) == {"source", "level"} for r in ratings
        ):
            self.fail(
                f"{label}: ratings: each rating needs exactly source: and level:",
                item.lines.get("ratings", where),
            )
            return None
        texts = {}
        for lang in LANGUAGES:
            value = item.get(lang) or {}
            if not isinstance(value, dict):
                self.fail(f"{label}: {lang}: must hold reason: and advice:", item.lines[lang])
                return None
            texts[lang] = {name: _text(value.get(name)) for name in TEXT_FIELDS}
        needs_check = item.get("needs_check") or []
        if not isinstance(needs_check, list) or not all(isinstance(n, str) for n in needs_check):
            self.fail(f"{label}: needs_check: must be a list of sentences", where)
            return None
        return CombinationData(
            pair=(pair[0], pair[1]),
            ratings=[RatingData(str(r["source"]), str(r["level"])) for r in ratings],
            texts=texts,
            needs_check=list(needs_check),
        )


def _line(item: _Mapping, problem: Problem, default: int) -> int:
    value = item.get(problem.field)
    if problem.index is not None and isinstance(value, _Sequence):
        entry = value[problem.index]
        return entry.lines.get(problem.key, value.lines[problem.index])
    return item.lines.get(problem.field, default)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""
