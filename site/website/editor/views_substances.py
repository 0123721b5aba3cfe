"""Add a substance: its standard pages in Dutch and English, as drafts, in one go."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from website import db, pages
from website.editor.access import audit, current_account, role_required
from website.editor.blueprint import bp
from website.editor.forms import SubstanceForm
from website.pages.content_files import ContentError
from website.pages.substance_pages import create_substance_pages, substance_key


def register_substance_for_combinations(
    key: str, name: str, aliases: list[str], substance_class: str
) -> bool:
    """Add a new substance to the combinations data, when the content room offers that.

    The combinations module adds `website.pages.add_substance(...)`; until it is there,
    the pages are still made and this says False.
    """
    add_substance = getattr(pages, "add_substance", None)
    if add_substance is None:
        return False
    add_substance(
        db.session(), key=key, name=name, aliases=aliases, substance_class=substance_class
    )
    return True


@bp.route("/substances/new", methods=["GET", "POST"])
@role_required("editor")
def substance_new():
    """One form: name, other names and class; out come the draft pages."""
    form = SubstanceForm()
    error = None
    if form.validate_on_submit():
        aliases = [a.strip() for a in (form.aliases.data or "").split(",") if a.strip()]
        try:
            created = create_substance_pages(
                db.session(),
                current_app.config["CONTENT_TEMPLATES_DIR"],
                form.name.data,
                aliases,
                form.substance_class.data,
                current_account().name,
            )
        except ContentError as problem:
            db.session().rollback()
            error = problem.message
        else:
            key = substance_key(form.name.data)
            register_substance_for_combinations(
                key, form.name.data.strip(), aliases, form.substance_class.data.strip()
            )
            audit("add substance", f"{key}: {len(created)} pages")
            db.session().commit()
            flash(
                _(
                    "%(count)d draft pages are made. Fill them in, then publish them.",
                    count=len(created),
                )
            )
            return redirect(url_for("editor.page_list", substance=key), 303)
    return render_template("editor/substance_new.html", form=form, error=error)
