"""The fixed taxonomy of the sociale kaart: categories and target groups, with URL slugs.

Each term has one internal key (stored in the database and in exports) and a Dutch and an
English slug (used in /nl/hulp?categorie=... and /en/help?category=...). Labels go through
Babel, so they are translated like every other interface string.
"""

from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

CATEGORY = "category"
TARGET_GROUP = "target_group"


@dataclass(frozen=True)
class Term:
    """One term of the fixed taxonomy."""

    taxonomy: str
    key: str
    slug_nl: str
    slug_en: str
    label: object  # a lazy Babel string

    def slug(self, lang: str) -> str:
        """Return the URL slug of this term in a language."""
        return self.slug_en if lang == "en" else self.slug_nl


CATEGORIES: tuple[Term, ...] = (
    Term(CATEGORY, "addiction-care", "verslavingszorg", "addiction-care", _l("Addiction care")),
    Term(
        CATEGORY,
        "sexual-health",
        "seksuele-gezondheid",
        "sexual-health",
        _l("GGD and sexual health (STI test, PrEP)"),
    ),
    Term(CATEGORY, "drug-testing", "drugs-testen", "drug-testing", _l("Drug testing")),
    Term(CATEGORY, "crisis", "crisis", "crisis", _l("Crisis and emergency")),
    Term(CATEGORY, "gp", "huisarts", "gp", _l("GP and out-of-hours GP")),
    Term(CATEGORY, "shelter", "opvang", "shelter", _l("Shelter and social care")),
    Term(
        CATEGORY,
        "peer-support",
        "lotgenoten",
        "peer-support",
        _l("Peer support and self-help (NA, chemsex groups)"),
    ),
    Term(CATEGORY, "youth-work", "jongerenwerk", "youth-work", _l("Youth work")),
    Term(CATEGORY, "info-lines", "infolijnen", "info-lines", _l("Information lines and chat")),
    Term(CATEGORY, "parents", "ouders", "parents", _l("Support for parents")),
)

TARGET_GROUPS: tuple[Term, ...] = (
    Term(TARGET_GROUP, "young-people", "jongeren", "young-people", _l("Young people")),
    Term(TARGET_GROUP, "chemsex", "chemsex", "chemsex", _l("Chemsex and MSM")),
    Term(TARGET_GROUP, "homeless", "dak-en-thuisloos", "homeless", _l("People without a home")),
    Term(TARGET_GROUP, "parents", "ouders", "parents", _l("Parents")),
    Term(TARGET_GROUP, "professionals", "professionals", "professionals", _l("Professionals")),
)

_BY_KEY = {(t.taxonomy, t.key): t for t in CATEGORIES + TARGET_GROUPS}


def terms(taxonomy: str) -> tuple[Term, ...]:
    """Return the terms of one taxonomy, in display order."""
    return CATEGORIES if taxonomy == CATEGORY else TARGET_GROUPS


def term(taxonomy: str, key: str) -> Term | None:
    """Return the term with this internal key, or None."""
    return _BY_KEY.get((taxonomy, key))


def term_from_text(taxonomy: str, text: str) -> Term | None:
    """Return the term named by its key or by its Dutch or English slug (any case), or None."""
    wanted = text.strip().lower()
    for candidate in terms(taxonomy):
        if wanted in (candidate.key, candidate.slug_nl, candidate.slug_en):
            return candidate
    return None


def label(taxonomy: str, key: str, lang: str) -> str:
    """Return the label of a term in a language (needs an app context for Dutch)."""
    found = term(taxonomy, key)
    if found is None:
        return key
    with force_locale(lang):
        return str(found.label)
