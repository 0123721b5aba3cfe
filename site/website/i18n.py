"""Languages: the language is in the URL; Flask-Babel translates the interface strings."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import Flask, g, request
from flask_babel import Babel

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
OTHER = {"nl": "en", "en": "nl"}
# The site's clock: opening hours, alert times, and the day a scan or a note counts for.
SITE_TIMEZONE = ZoneInfo("Europe/Amsterdam")

babel = Babel()


def current_language() -> str:
    """Return the language of this request: the URL's, else Dutch."""
    return g.get("lang") or DEFAULT_LANGUAGE


def local_today() -> date:
    """Return today's date on the site's clock (a note sent at 00:30 belongs to that day)."""
    return datetime.now(SITE_TIMEZONE).date()


def preferred_language() -> str:
    """Return the visitor's language from Accept-Language, Dutch when neither matches."""
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)


def init_app(app: Flask) -> None:
    """Wire Flask-Babel to the URL's language and remember it on g for the layout."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path + "/translations"))
    babel.init_app(
        app, locale_selector=current_language, timezone_selector=lambda: SITE_TIMEZONE.key
    )

    @app.url_value_preprocessor
    def remember_language(_endpoint, values):
        if values and values.get("lang") in LANGUAGES:
            g.lang = values["lang"]

    @app.context_processor
    def layout_values():
        lang = current_language()
        return {"lang": lang, "other_lang": OTHER[lang], "layout_url": layout_url}


# Pages the layout links to on every page, by translation key.
LAYOUT_PAGES = {
    "emergency": {"nl": "noodgeval", "en": "emergency"},
    "safe-browsing": {"nl": "veilig-surfen", "en": "safe-browsing"},
    "about": {"nl": "over-deze-site", "en": "about"},
    "parents": {"nl": "voor-ouders", "en": "for-parents"},
    "professionals": {"nl": "voor-professionals", "en": "for-professionals"},
}


def layout_url(key: str, lang: str) -> str:
    """Return the path of one of the layout's fixed pages in a language."""
    return f"/{lang}/{LAYOUT_PAGES[key][lang]}"
