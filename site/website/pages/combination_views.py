"""The combination checker: /nl/combinaties and /en/combinations, a GET form that answers."""

import unicodedata

from flask import Blueprint, render_template, request, url_for
from flask_babel import lazy_gettext as _l

from website import db
from website.i18n import OTHER
from website.pages.combination_checker import answer_pair, pairs_for
from website.pages.combination_data import LEVELS, UNKNOWN, SubstanceData
from website.pages.combination_store import all_substances
from website.pages.queries import published
from website.pages.substance_names import MAX_QUERY, SubstanceIndex

bp = Blueprint("combinations", __name__)
PATHS = {"nl": "/nl/combinaties", "en": "/en/combinations"}

# The level in words, and a symbol, so colour is never the only signal.
LEVEL_LABELS = {
    "dangerous": _l("Dangerous"),
    "unsafe": _l("Unsafe"),
    "caution": _l("Caution"),
    "low-risk-synergy": _l("Low risk (stronger together)"),
    "low-risk-no-synergy": _l("Low risk (no extra effect)"),
    "low-risk-decrease": _l("Low risk (weaker together)"),
    UNKNOWN: _l("Unknown: not rated yet"),
}
LEVEL_SYMBOLS = {
    "dangerous": "✕",
    "unsafe": "!",
    "caution": "⚠",
    "low-risk-synergy": "+",
    "low-risk-no-synergy": "=",
    "low-risk-decrease": "−",
    UNKNOWN: "?",
}
LEVEL_HELP = {
    "dangerous": _l("Do not combine. Together these can be life-threatening."),
    "unsafe": _l("Real risk of harm to your body. Better not to combine."),
    "caution": _l(
        "Usually not harmful to your body, but the effects can be unpleasant or hard to "
        "predict. Take care, especially with high doses."
    ),
    "low-risk-synergy": _l(
        "Low risk, but together the effects are stronger than each on its own. "
        "Take care with the dose."
    ),
    "low-risk-no-synergy": _l("Low risk: the effects add up, but nothing extra happens."),
    "low-risk-decrease": _l("Low risk: together the effects become weaker."),
    UNKNOWN: _l("No source has rated this combination yet. Unknown does not mean safe."),
}


def clean_query(value: str | None) -> str:
    """Return what a visitor typed, cut to a sane length, without control characters."""
    text = "".join(c for c in (value or "")[: MAX_QUERY * 2] if unicodedata.category(c)[0] != "C")
    return " ".join(text.split())[:MAX_QUERY]


def checker(lang: str):
    """Answer "what happens if I combine A and B?", or list every pair of A."""
    query_a, query_b = clean_query(request.args.get("a")), clean_query(request.args.get("b"))
    if query_b and not query_a:
        query_a, query_b = query_b, ""
    substances = sorted(all_substances(db.session()), key=lambda s: s.name(lang).casefold())
    index = SubstanceIndex(substances)
    a = index.resolve(query_a) if query_a else None
    b = index.resolve(query_b) if query_b else None
    suggestions = {q: index.suggest(q) for q in (query_a, query_b) if q}

    def best_guess(query: str, found: SubstanceData | None) -> str:
        # A suggestion link fixes one name; the other keeps its best guess, so a visitor
        # with two typos needs two clicks at most.
        guesses = suggestions.get(query) or []
        return found.name(lang) if found else (guesses[0].name(lang) if guesses else query)

    context = {
        "query_a": query_a,
        "query_b": query_b,
        "a": a,
        "b": b,
        "names": [s.name(lang) for s in substances],
        "unknown": [q for q, s in ((query_a, a), (query_b, b)) if q and s is None],
        "suggestions": suggestions,
        "guess_a": best_guess(query_a, a),
        "guess_b": best_guess(query_b, b),
        "answer": None,
        "table": None,
        "levels": [*LEVELS, UNKNOWN],
        "level_labels": LEVEL_LABELS,
        "level_symbols": LEVEL_SYMBOLS,
        "level_help": LEVEL_HELP,
        "checker_url": PATHS[lang],
        "translation_url": url_for(
            f"combinations.checker_{OTHER[lang]}",
            a=(a.key if a else query_a) or None,
            b=(b.key if b else query_b) or None,
        ),
    }
    if a and b and a.key != b.key:
        context["answer"] = answer_pair(db.session(), a, b)
        context["page_links"] = [(s, _page_path(s, lang)) for s in (a, b) if _page_path(s, lang)]
    elif a and not query_b:
        context["table"] = pairs_for(db.session(), a, substances, lang)
        context["page_links"] = [(a, _page_path(a, lang))] if _page_path(a, lang) else []
    return render_template("pages/combinations.html", **context)


def _page_path(substance: SubstanceData, lang: str) -> str | None:
    if substance.page and published(db.session(), lang, substance.page):
        return f"/{lang}/{substance.page}"
    return None


def pair_url(lang: str, a: str, b: str | None = None) -> str:
    """Return the checker's URL for one substance, or for a pair."""
    return url_for(f"combinations.checker_{lang}", a=a, b=b or None)


bp.add_url_rule(PATHS["nl"], "checker_nl", checker, defaults={"lang": "nl"})
bp.add_url_rule(PATHS["en"], "checker_en", checker, defaults={"lang": "en"})
bp.add_app_template_global(pair_url, "combination_url")
