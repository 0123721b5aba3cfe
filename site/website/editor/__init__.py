"""The editor area at /beheer: accounts, pages, alerts, new substances, review dashboard.

Other rooms add their screens with `add_menu_item` and `add_dashboard_section`, and guard
them with `role_required(role)`; `current_account()` says who is logged in.
"""

import os
from pathlib import Path

from flask import Flask
from flask_babel import lazy_gettext as _l

from website.config import REPO_ROOT
from website.editor.access import current_account, role_required
from website.editor.extending import add_dashboard_section, add_menu_item
from website.editor.sessions import DatabaseSessionInterface


def init_app(app: Flask) -> None:
    """Wire sessions, login limits, the /beheer blueprint and `flask users` into the app."""
    env = os.environ.get
    app.config.setdefault("EDITOR_IDLE_MINUTES", int(env("EDITOR_IDLE_MINUTES", "30")))
    app.config.setdefault("EDITOR_ABSOLUTE_HOURS", int(env("EDITOR_ABSOLUTE_HOURS", "12")))
    app.config.setdefault("EDITOR_LOGIN_LIMIT_CLIENT", "20 per 15 minutes")
    app.config.setdefault("EDITOR_LOGIN_LIMIT_ACCOUNT", "5 per 15 minutes")
    app.config.setdefault(
        "CONTENT_TEMPLATES_DIR",
        Path(env("CONTENT_TEMPLATES_DIR", REPO_ROOT / "content/_templates")),
    )
    # The CSRF secret lives in the server-side session for its whole life: a form an
    # editor keeps open for hours must still save.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    app.session_interface = DatabaseSessionInterface()

    from website.editor import (
        views_accounts,
        views_alerts,
        views_combinations,
        views_flyer_stats,
        views_flyers,
        views_kaart,
        views_kaart_edit,
        views_kaart_import,
        views_kaart_orgs,
        views_page_feedback,
        views_pages,
        views_substances,
    )
    from website.editor.blueprint import bp
    from website.editor.cli import users_cli

    del views_accounts, views_alerts, views_page_feedback, views_pages, views_substances
    del views_kaart, views_kaart_edit, views_kaart_import, views_kaart_orgs
    del views_combinations, views_flyer_stats, views_flyers
    app.register_blueprint(bp)
    app.cli.add_command(users_cli)
    add_menu_item(_l("Pages"), "editor.page_list", "editor")
    add_menu_item(_l("New page"), "editor.page_new", "editor")
    add_menu_item(_l("Add a substance"), "editor.substance_new", "editor")
    add_menu_item(_l("Alerts"), "editor.alert_list", "editor")
    add_menu_item(_l("Notes about pages"), "editor.page_feedback_list", "editor")
    add_menu_item(_l("Sociale kaart"), "editor.kaart_services", "field_worker")
    add_menu_item(_l("Organisations"), "editor.kaart_organizations", "editor")
    add_menu_item(_l("Import listings"), "editor.kaart_import", "editor")
    add_menu_item(_l("Combinations"), "editor.combination_list", "editor")
    add_menu_item(_l("Flyers"), "editor.flyer_points", "field_worker")
    add_menu_item(_l("Flyer statistics"), "editor.flyer_stats", "field_worker")
    add_menu_item(_l("Accounts"), "editor.account_list", "admin")
    add_menu_item(_l("Audit log"), "editor.audit_log", "admin")


__all__ = [
    "add_dashboard_section",
    "add_menu_item",
    "current_account",
    "init_app",
    "role_required",
]
