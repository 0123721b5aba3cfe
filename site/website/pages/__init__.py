"""The content room: pages, revisions, alerts; the Markdown pipeline; public views; search;
substances and their combinations (the combination checker).

Other rooms use only what is named here.
"""

from flask import Flask
from flask_babel import lazy_gettext as _l

from website import db
from website.pages import combination_store
from website.pages import feedback as _feedback
from website.pages.combination_checker import PairAnswer, answer_pair, pairs_for
from website.pages.combination_data import (
    LEVELS,
    UNKNOWN,
    CombinationData,
    CombinationSet,
    RatingData,
    SubstanceData,
)
from website.pages.combination_store import InvalidCombination
from website.pages.combination_views import LEVEL_LABELS
from website.pages.feedback import FEEDBACK_KINDS, OpenFeedback
from website.pages.queries import active_alerts as _active_alerts
from website.pages.queries import published, search
from website.pages.revisions import VersionConflict
from website.pages.substance_names import SubstanceIndex


def active_alerts(lang: str):
    """Return (severity, text, link) for each alert that runs now, in the given language."""
    return [(a.severity, a.text(lang), a.link) for a in _active_alerts(db.session())]


def substances(lang: str) -> list[tuple[str, str]]:
    """Return (key, name) of every published substance, sorted by its name in lang."""
    found = combination_store.all_substances(db.session())
    return sorted(((s.key, s.name(lang)) for s in found), key=lambda kn: kn[1].casefold())


def find_substance(text: str) -> SubstanceData | None:
    """Return the published substance a key, name or alias (any spelling of case) names."""
    return SubstanceIndex(combination_store.all_substances(db.session())).resolve(text)


def combination(a: str, b: str, lang: str) -> dict | None:
    """Return what the site says about two substances (keys, names or aliases), or None.

    The dict holds level, reason, advice, sources ([(title, url, level)]), sources_disagree
    and version; None when a name is unknown or both name the same substance.
    """
    first, second = find_substance(a), find_substance(b)
    if first is None or second is None or first.key == second.key:
        return None
    answer = answer_pair(db.session(), first, second)
    return {
        "a": first.key,
        "b": second.key,
        "level": answer.level,
        "reason": answer.text(lang, "reason"),
        "advice": answer.text(lang, "advice"),
        "sources": [(s.title, s.url, level) for s, level in answer.ratings],
        "sources_disagree": answer.sources_disagree,
        "version": answer.version,
    }


def combinations_with(key: str, lang: str) -> list[PairAnswer]:
    """Return the answer for one substance with each other published one, riskiest first."""
    session = db.session()
    everything = combination_store.all_substances(session)
    substance = next((s for s in everything if s.key == key), None)
    return pairs_for(session, substance, everything, lang) if substance else []


def list_substances() -> list[SubstanceData]:
    """Return every substance for the editor area, drafts included, in key order."""
    return combination_store.all_substances(db.session(), include_drafts=True)


def add_substance(data: SubstanceData, commit: bool = True) -> None:
    """Add a substance (and commit, unless the caller commits with more work).

    Raise InvalidCombination with the problems if it is not valid.
    """
    session = db.session()
    combination_store.add_substance(session, data)
    if commit:
        session.commit()


def combination_set() -> CombinationSet:
    """Return every source, substance (drafts too) and stored combination, for the editor area."""
    return combination_store.load_set(db.session())


def stored_combination(a: str, b: str) -> tuple[CombinationData, int] | None:
    """Return the stored combination of two keys with its version (for an edit form), or None."""
    return combination_store.find_combination(db.session(), a, b)


def save_combination(data: CombinationData, expected_version: int | None) -> int:
    """Save a combination and commit; return its new version.

    expected_version is the version the editor started from (None for a new pair). Raise
    InvalidCombination when the data is not valid, VersionConflict when it is stale.
    """
    session = db.session()
    row = combination_store.save_combination(session, data, expected_version)
    session.commit()
    return row.version


def open_page_feedback() -> list[OpenFeedback]:
    """Return the visitors' open notes about pages, newest first, with each page's title."""
    return _feedback.open_feedback(db.session())


def count_open_page_feedback() -> int:
    """Return how many visitors' notes about pages are still open."""
    return _feedback.count_open_feedback(db.session())


def resolve_page_feedback(feedback_id: int, account: str) -> OpenFeedback:
    """Mark a note as dealt with (not committed: the caller commits it with its audit entry).

    Raise LookupError for an unknown note.
    """
    session = db.session()
    note = _feedback.resolve_feedback(session, feedback_id, account)
    return _feedback.describe(session, note)


def init_app(app: Flask) -> None:
    """Register the content room's views, its `flask content` commands and the checker link."""
    from website.layout import add_nav_link
    from website.pages import feedback_views  # noqa: F401  (its route joins the blueprint)
    from website.pages.cli import content_cli
    from website.pages.combination_views import PATHS
    from website.pages.combination_views import bp as combinations_bp
    from website.pages.views import bp

    app.register_blueprint(bp)
    app.register_blueprint(combinations_bp)
    add_nav_link(app, _l("Combinations"), PATHS)
    app.cli.add_command(content_cli)


__all__ = [
    "LEVELS",
    "LEVEL_LABELS",
    "UNKNOWN",
    "FEEDBACK_KINDS",
    "CombinationData",
    "InvalidCombination",
    "RatingData",
    "SubstanceData",
    "VersionConflict",
    "active_alerts",
    "add_substance",
    "combination",
    "combination_set",
    "combinations_with",
    "count_open_page_feedback",
    "find_substance",
    "init_app",
    "list_substances",
    "open_page_feedback",
    "OpenFeedback",
    "published",
    "resolve_page_feedback",
    "save_combination",
    "search",
    "stored_combination",
    "substances",
]
