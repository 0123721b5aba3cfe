"""Find a substance from what a visitor typed: its key, a name, or a word people use for it."""

import difflib
import unicodedata
from collections.abc import Iterable

from website.pages.combination_data import SubstanceData

MAX_QUERY = 100


def normalise(text: str) -> str:
    """Return text without case, accents, spaces or punctuation ("3 MMC" becomes "3mmc")."""
    text = unicodedata.normalize("NFKD", str(text)[:MAX_QUERY]).casefold()
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


class SubstanceIndex:
    """Every name and alias of some substances, to resolve what a visitor typed."""

    def __init__(self, substances: Iterable[SubstanceData]):
        self.substances = list(substances)
        self.by_word: dict[str, SubstanceData] = {}
        for substance in self.substances:
            for word in (substance.key, *substance.names.values(), *substance.aliases):
                self.by_word.setdefault(normalise(word), substance)
        self.by_word.pop("", None)

    def resolve(self, query: str) -> SubstanceData | None:
        """Return the substance a query names exactly (ignoring case, spaces, hyphens), or None."""
        return self.by_word.get(normalise(query))

    def suggest(self, query: str, limit: int = 3) -> list[SubstanceData]:
        """Return substances whose names or aliases look like a misspelled query."""
        word = normalise(query)
        if not word:
            return []
        close = difflib.get_close_matches(word, list(self.by_word), n=10, cutoff=0.6)
        if len(word) >= 3:
            close += sorted(w for w in self.by_word if word in w or (w in word and len(w) >= 3))
        found: list[SubstanceData] = []
        for match in close:
            substance = self.by_word[match]
            if substance not in found:
                found.append(substance)
        return found[:limit]
