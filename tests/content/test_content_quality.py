"""The shipped pages keep the content rules: sources, review date, both languages,
working internal links, and short sentences (language level B1)."""

import re

import pytest

from tests.conftest import SHIPPED_CONTENT
from website.pages import content_files
from website.pages.importer import page_files

PAGES = {
    path: content_files.parse(path.read_text(encoding="utf-8"))[0]
    for path in page_files(SHIPPED_CONTENT)
}
# Routes that are not content pages but may be linked from content.
ROUTE_PREFIXES = (
    "/nl/hulp",
    "/en/help",
    "/nl/combinaties",
    "/en/combinations",
    "/nl/zoeken",
    "/en/search",
)
ABBREVIATIONS = (
    "bijv.",
    "o.a.",
    "e.g.",
    "i.e.",
    "etc.",
    "enz.",
    "d.w.z.",
    "m.a.w.",
    "ca.",
    "incl.",
    "vs.",
    "nr.",
    "dr.",
    "mr.",
    "mg.",
    "max.",
    "min.",
)
MAX_SENTENCE_WORDS = 25
MAX_AVERAGE_WORDS = 15


def ids(path):
    return str(path.relative_to(SHIPPED_CONTENT))


def prose(body: str) -> str:
    """Return the running text of a page: no headings, tables, code, link targets or URLs."""
    lines = []
    for line in body.splitlines():
        stripped = line.strip()
        if stripped.startswith(("#", "|", "```", "    ")) or not stripped:
            lines.append("\n")
            continue
        item = re.match(r"^(?:[-*+]|\d+\.)\s+(.*)", stripped)
        # A list item is a sentence of its own, with or without a full stop.
        lines.append(f"\n{item.group(1)}\n" if item else stripped)
    text = " ".join(lines)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # keep link text, drop targets
    text = re.sub(r"https?://\S+|www\.\S+", "", text)
    return text


def sentences(body: str) -> list[list[str]]:
    """Split prose into sentences of words; list items and paragraphs end a sentence too."""
    result = []
    for block in prose(body).split("\n"):
        for abbreviation in ABBREVIATIONS:
            block = re.sub(
                re.escape(abbreviation), abbreviation.replace(".", ""), block, flags=re.IGNORECASE
            )
        for sentence in re.split(r"(?<=[.!?])\s+", block):
            words = re.findall(r"[\w'’-]+", sentence)
            if words:
                result.append(words)
    return result


def test_the_splitter_counts_what_a_reader_sees():
    text = "Dit is kort. Bijv. dit ook, o.a. met [een link](https://x.nl/a.b).\n\n## Kop\n\n- Item"
    assert [len(s) for s in sentences(text)] == [3, 7, 1]


@pytest.mark.parametrize("path", PAGES, ids=ids)
def test_page_has_sources_and_review_date(path):
    page = PAGES[path]
    assert page.sources and all(s.get("title") for s in page.sources)
    assert page.reviewed_on and page.review_every >= 1


@pytest.mark.parametrize("path", PAGES, ids=ids)
def test_page_has_its_translation(path):
    page = PAGES[path]
    other = "en" if page.language == "nl" else "nl"
    assert any(
        p.translation_key == page.translation_key and p.language == other for p in PAGES.values()
    ), f"{ids(path)} has no {other} translation (translation_key {page.translation_key})"


@pytest.mark.parametrize("path", PAGES, ids=ids)
def test_internal_links_work(path):
    known = {f"/{p.language}/{p.slug}" for p in PAGES.values()} | {"/nl/", "/en/"}
    for target in re.findall(r"\]\((/[^)\s]*)\)", PAGES[path].body):
        bare = target.split("#")[0].split("?")[0].rstrip("/") or "/"
        assert bare in known or target.startswith(ROUTE_PREFIXES) or bare + "/" in known, (
            f"{ids(path)} links to {target}, which does not exist"
        )


@pytest.mark.parametrize("path", PAGES, ids=ids)
def test_sentences_are_short(path):
    found = sentences(PAGES[path].body)
    assert found, "a page without prose"
    longest = max(found, key=len)
    assert len(longest) <= MAX_SENTENCE_WORDS, f"too long ({len(longest)}): {' '.join(longest)}"
    average = sum(map(len, found)) / len(found)
    assert average <= MAX_AVERAGE_WORDS, f"average sentence {average:.1f} words"
