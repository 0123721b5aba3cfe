"""Reading what a visitor typed: a Dutch postcode, a place name or an address.

Hostile or odd input (very long text, control characters, markup) gets a reason a person can
act on; nothing typed is ever shown unescaped (templates escape it).
"""

import re
import unicodedata
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

MAX_LENGTH = 120
POSTCODE = "postcode"
PLACE = "place"
ADDRESS = "address"
INVALID = "invalid"

# Dutch postcodes run from 1000 to 9999; the letter pairs SA, SD and SS are never issued.
_POSTCODE = re.compile(r"^([1-9]\d{3})\s*([A-Za-z]{2})?$")
_POSTCODE_LIKE = re.compile(r"^\d[\d\s]*[A-Za-z]{0,3}$")
_UNUSED_LETTERS = {"SA", "SD", "SS"}
_PLACE_NAME = re.compile(r"^['’]?[^\W\d_]+(?:[\s'’.,()-]+[^\W\d_]+)*[.)]?$")
_MARKUP = re.compile(r"[<>{}\[\]`\\|]")


@dataclass(frozen=True)
class ParsedQuery:
    """What the typed text is, in a clean form, or why it cannot be read."""

    kind: str
    text: str
    problem: object = None  # a lazy Babel string when kind is INVALID

    @property
    def postcode(self) -> str:
        """Return the postcode without spaces, letters in capitals ("8011AB" or "8011")."""
        return self.text.replace(" ", "") if self.kind == POSTCODE else ""


def clean_text(raw: str) -> str:
    """Return the text without control or invisible characters, spaces folded to one."""
    kept = "".join(
        " " if c in "\t\n\r" or unicodedata.category(c) in ("Zl", "Zp") else c
        for c in unicodedata.normalize("NFC", raw)
        if c in "\t\n\r" or unicodedata.category(c) not in ("Cc", "Cf", "Co", "Cs", "Cn")
    )
    return " ".join(kept.split())


def parse_query(raw: str) -> ParsedQuery:
    """Tell a postcode from a place name or an address; say why text cannot be used."""
    if len(raw) > MAX_LENGTH * 4:
        return _invalid(raw[:MAX_LENGTH], _l("That is too long. Type a postcode or a place."))
    text = clean_text(raw)
    if not text:
        return ParsedQuery(INVALID, "", _l("Type a postcode or the name of a place."))
    if len(text) > MAX_LENGTH:
        return _invalid(text, _l("That is too long. Type a postcode or a place."))
    if _MARKUP.search(text):
        return _invalid(
            text, _l("Use only letters, numbers and spaces: a postcode, a place or an address.")
        )
    compact = text.replace(" ", "")
    match = _POSTCODE.match(text) or _POSTCODE.match(compact)
    if match:
        digits, letters = match[1], (match[2] or "").upper()
        if letters in _UNUSED_LETTERS:
            return _invalid(
                text,
                _l(
                    "%(letters)s is not used in Dutch postcodes. Check the letters, "
                    "or type only the four digits.",
                    letters=letters,
                ),
            )
        return ParsedQuery(POSTCODE, f"{digits} {letters}".strip())
    if _POSTCODE_LIKE.match(text):
        return _invalid(
            text,
            _l("A Dutch postcode has four digits and two letters, for example 7141 AB or 7141."),
        )
    if _PLACE_NAME.match(text):
        return ParsedQuery(PLACE, text)
    if not any(c.isalnum() for c in text):
        return _invalid(text, _l("Type a postcode or the name of a place."))
    return ParsedQuery(ADDRESS, text)


def _invalid(text: str, problem) -> ParsedQuery:
    return ParsedQuery(INVALID, text, problem)
