"""Visitors' notes that something on a content page is wrong: the open list, and resolving."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from website import db, pages
from website.editor.access import audit, current_account, role_required
from website.editor.blueprint import bp
from website.editor.extending import add_dashboard_section
from website.editor.forms import ActionForm


@bp.get("/page-feedback")
@role_required("editor")
def page_feedback_list():
    """The open notes about pages, newest first, each with a button to mark it dealt with."""
    return render_template(
        "editor/page_feedback.html",
        rows=pages.open_page_feedback(),
        kinds=pages.FEEDBACK_KINDS,
        action_form=ActionForm(),
    )


@bp.post("/page-feedback/<int:feedback_id>/resolve")
@role_required("editor")
def page_feedback_resolve(feedback_id: int):
    """Mark a visitor's note about a page as dealt with."""
    try:
        found = pages.resolve_page_feedback(feedback_id, current_account().name)
    except LookupError:
        abort(404)
    audit("resolve page feedback", f"#{feedback_id} {found.note.language} {found.title}")
    db.session().commit()
    flash(_("The note is marked as dealt with."))
    return redirect(url_for("editor.page_feedback_list"), 303)


def _open_count() -> list[tuple[str, str | None]]:
    count = pages.count_open_page_feedback()
    if not count:
        return []
    text = ngettext("%(num)d open note about a page", "%(num)d open notes about pages", count)
    return [(text, url_for("editor.page_feedback_list"))]


add_dashboard_section(_l("Is something wrong on this page? notes"), _open_count, "editor")
