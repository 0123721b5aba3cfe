"""The content room: pages, revisions, alerts; the Markdown pipeline; public views; search.

Other rooms use only what is named here.
"""

from flask import Flask

from website import db
from website.pages.queries import active_alerts as _active_alerts
from website.pages.queries import published, search


def active_alerts(lang: str):
    """Return (severity, text, link) for each alert that runs now, in the given language."""
    return [(a.severity, a.text(lang), a.link) for a in _active_alerts(db.session())]


def init_app(app: Flask) -> None:
    """Register the content room's views and its `flask content` commands."""
    from website.pages.cli import content_cli
    from website.pages.views import bp

    app.register_blueprint(bp)
    app.cli.add_command(content_cli)


__all__ = ["active_alerts", "init_app", "published", "search"]
