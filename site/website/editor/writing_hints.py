"""Hints while writing: B1 language level, readability, sources, review date, internal links.

Plain Python, no Flask: the editor view passes in what it knows about the site.
"""

import re
from dataclasses import dataclass, field

LONG_SENTENCE_WORDS = 20
LONG_WORD_LETTERS = {"nl": 16, "en": 13}
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+|\n{2,}")
VOWEL_GROUPS = {
    "nl": re.compile(r"(?:ij|[aeiouyàáâäèéêëìíîïòóôöùúûü])+"),
    "en": re.compile(r"[aeiouy]+"),
}
INTERNAL_LINK_RE = re.compile(r"\]\((/(?:nl|en)(?:/[^)\s#?]*)?)[^)]*\)|href=\"(/(?:nl|en)[^\"#?]*)")


@dataclass
class WritingHints:
    """What the editor should look at before publishing."""

    long_sentences: list[str] = field(default_factory=list)
    long_words: list[str] = field(default_factory=list)
    readability: float | None = None
    missing_source: bool = False
    missing_review_date: bool = False
    broken_links: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        """Return how many things the editor may want to change."""
        return (
            len(self.long_sentences)
            + len(self.long_words)
            + len(self.broken_links)
            + self.missing_source
            + self.missing_review_date
        )


def syllables(word: str, language: str) -> int:
    """Estimate the syllables of a word by counting its vowel groups."""
    word = word.lower()
    count = len(VOWEL_GROUPS[language].findall(word))
    if language == "en" and word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1  # a silent final e: "make", "use"
    return max(count, 1)


def sentences(text: str) -> list[str]:
    """Split plain text into sentences."""
    return [s.strip() for s in SENTENCE_END_RE.split(text) if WORD_RE.search(s)]


def readability(text: str, language: str) -> float | None:
    """Return Flesch-Douma (Dutch) or Flesch reading ease (English): higher is easier."""
    words = WORD_RE.findall(text)
    parts = sentences(text)
    if not words or not parts:
        return None
    per_sentence = len(words) / len(parts)
    per_word = sum(syllables(w, language) for w in words) / len(words)
    if language == "nl":
        score = 206.835 - 0.93 * per_sentence - 77 * per_word
    else:
        score = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    return round(score, 1)


def internal_links(markdown_text: str) -> list[str]:
    """Return the /nl/... and /en/... links in a page's Markdown."""
    return [a or b for a, b in INTERNAL_LINK_RE.findall(markdown_text)]


def link_works(path: str, published: set[str], routes: set[str], route_prefixes: set[str]) -> bool:
    """Say whether an internal link leads to a published page or one of the site's own routes."""
    clean = path.rstrip("/") or path
    candidates = {path, clean, clean + "/"}
    if candidates & (published | routes):
        return True
    return any(clean.startswith(prefix + "/") for prefix in route_prefixes)


def writing_hints(
    plain_text: str,
    markdown_text: str,
    language: str,
    *,
    has_sources: bool,
    has_review_date: bool,
    published: set[str],
    routes: set[str],
    route_prefixes: set[str] = frozenset(),
) -> WritingHints:
    """Look at a page's text and fields and say what could be simpler or is missing."""
    hints = WritingHints(missing_source=not has_sources, missing_review_date=not has_review_date)
    for sentence in sentences(plain_text):
        if len(WORD_RE.findall(sentence)) > LONG_SENTENCE_WORDS:
            hints.long_sentences.append(sentence)
    limit = LONG_WORD_LETTERS[language]
    long_words = {w for w in WORD_RE.findall(plain_text) if len(w.replace("-", "")) > limit}
    hints.long_words = sorted(long_words, key=str.lower)
    hints.readability = readability(plain_text, language)
    hints.broken_links = [
        link
        for link in dict.fromkeys(internal_links(markdown_text))
        if not link_works(link, published, routes, route_prefixes)
    ]
    return hints
