"""Content files: Markdown with YAML front matter, parsed, validated and written canonically."""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

# libyaml's parser when the wheel has it: ten times faster than the pure-Python one.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

LANGUAGES = ("nl", "en")
TOPICS = (
    "overview",
    "what-is",
    "effects",
    "risks",
    "craving",
    "reducing",
    "safer-use",
    "sex",
    "testing",
    "emergency",
    "combinations",
)
# Route words of the site itself: no page may take them as its first segment.
RESERVED_FIRST_SEGMENTS = frozenset(
    {
        "hulp",
        "help",
        "combinaties",
        "combinations",
        "zoeken",
        "search",
        "beheer",
        "api",
        "q",
        "static",
    }
)
FIELD_ORDER = (
    "title",
    "summary",
    "language",
    "translation_key",
    "slug",
    "substance",
    "topic",
    "status",
    "reviewed_on",
    "review_every",
    "sources",
    "needs_check",
)
REQUIRED = (
    "title",
    "summary",
    "language",
    "translation_key",
    "slug",
    "status",
    "reviewed_on",
    "review_every",
    "sources",
)
STATUSES = ("draft", "published")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")


class ContentError(ValueError):
    """A content file that cannot be used, with the line where the problem is."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class PageData:
    """The front matter and body of one page, validated."""

    title: str
    summary: str
    language: str
    translation_key: str
    slug: str
    status: str
    reviewed_on: date
    review_every: int
    sources: list[dict]
    body: str
    substance: str | None = None
    topic: str | None = None
    needs_check: list[str] = field(default_factory=list)

    def front_matter(self) -> dict:
        """Return the front matter in canonical key order, leaving out empty optional keys."""
        values = {name: getattr(self, name) for name in FIELD_ORDER}
        return {k: v for k, v in values.items() if v not in (None, [])}


def parse(text: str) -> tuple[PageData, list[str]]:
    """Parse a content file; return the page and warnings, or raise ContentError."""
    if not text.startswith("---\n"):
        raise ContentError("The file must start with a front matter block: a line with ---")
    end = text.find("\n---\n", 3)
    if end == -1:
        raise ContentError("The front matter block is not closed with a line with ---")
    try:
        node, meta = _load_yaml(text[4 : end + 1])
    except yaml.YAMLError as error:
        # The context mark is where the broken construct starts, which is where to look.
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise ContentError(f"The front matter is not valid YAML: {error}", line) from None
    if not isinstance(meta, dict):
        raise ContentError("The front matter must be a list of key: value lines")
    lines = {k.value: k.start_mark.line + 2 for k, _ in node.value} if node else {}
    warnings = [
        f"line {lines.get(key, 1)}: unknown field '{key}' (not imported)"
        for key in meta
        if key not in FIELD_ORDER
    ]
    body = text[end + 5 :].lstrip("\n")
    page = validate(meta, body, lines)
    return page, warnings


def _load_yaml(text: str):
    """Return the YAML node tree (for line numbers) and its safe Python value, parsed once."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def validate(meta: dict, body: str, lines: dict | None = None) -> PageData:
    """Check front matter values and return PageData, or raise ContentError naming the field."""
    lines = lines or {}

    def fail(key: str, message: str) -> ContentError:
        return ContentError(message, lines.get(key, 1))

    for key in REQUIRED:
        if meta.get(key) in (None, "", []):
            raise fail(key, f"The field '{key}' is missing or empty")
    if meta["language"] not in LANGUAGES:
        raise fail("language", f"language must be one of {', '.join(LANGUAGES)}")
    slug = str(meta["slug"])
    if not SLUG_RE.match(slug):
        raise fail("slug", f"slug '{slug}' may hold only a-z, 0-9, - and / between words")
    if slug.split("/")[0] in RESERVED_FIRST_SEGMENTS:
        raise fail("slug", f"slug '{slug}' starts with a word the site reserves for itself")
    if meta["status"] not in STATUSES:
        raise fail("status", "status must be draft or published")
    if not isinstance(meta["reviewed_on"], date):
        raise fail("reviewed_on", "reviewed_on must be a date written as YYYY-MM-DD")
    if not isinstance(meta["review_every"], int) or meta["review_every"] < 1:
        raise fail("review_every", "review_every must be a whole number of months")
    sources = meta["sources"]
    if not isinstance(sources, list) or not all(
        isinstance(s, dict) and s.get("title") and set(s) <= {"title", "url"} for s in sources
    ):
        raise fail("sources", "sources must be a list of items with a title and optionally a url")
    substance, topic = meta.get("substance"), meta.get("topic")
    if substance is not None:
        if slug != substance and not slug.startswith(f"{substance}/"):
            raise fail("slug", f"a page about '{substance}' must have a slug starting with it")
        if topic not in TOPICS:
            raise fail("topic", f"topic must be one of: {', '.join(TOPICS)}")
    elif topic is not None:
        raise fail("topic", "topic is only for substance pages (set substance too)")
    needs_check = meta.get("needs_check") or []
    if not isinstance(needs_check, list) or not all(isinstance(n, str) for n in needs_check):
        raise fail("needs_check", "needs_check must be a list of sentences")
    return PageData(
        title=str(meta["title"]),
        summary=str(meta["summary"]),
        language=meta["language"],
        translation_key=str(meta["translation_key"]),
        slug=slug,
        status=meta["status"],
        reviewed_on=meta["reviewed_on"],
        review_every=meta["review_every"],
        sources=[dict(s) for s in sources],
        body=body,
        substance=substance,
        topic=topic,
        needs_check=list(needs_check),
    )


def dump(page: PageData) -> str:
    """Write a page in the canonical file format (the export format)."""
    front = yaml.safe_dump(
        page.front_matter(),
        sort_keys=False,
        allow_unicode=True,
        width=1000,
        default_flow_style=False,
    )
    return f"---\n{front}---\n\n{page.body.strip()}\n"


def file_paths(language: str, slug: str) -> tuple[Path, Path]:
    """Return the two places a page may live under content/: slug.md or slug/index.md."""
    return Path(language, slug + ".md"), Path(language, slug, "index.md")


def fingerprint(text: str) -> str:
    """Return a short fingerprint of a file's text, to tell an unchanged file."""
    return hashlib.sha256(text.encode()).hexdigest()
