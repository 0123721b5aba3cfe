"""Add a substance: its standard pages in Dutch and English, as drafts, in one go."""

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from website import db, pages
from website.editor.access import audit, current_account, role_required
from website.editor.blueprint import bp
from website.editor.forms import SubstanceForm
from website.pages import InvalidCombination
from website.pages.combination_data import SubstanceData
from website.pages.content_files import ContentError
from website.pages.substance_pages import create_substance_pages, substance_key


def register_substance_for_combinations(key: str, name: str, aliases: list[str]) -> None:
    """Add the new substance to the combinations data as a draft, not yet committed.

    It enters the checker when its overview page is published.
    """
    pages.add_substance(
        SubstanceData(
            key=key, names={"nl": name, "en": name}, aliases=aliases, page=key, status="draft"
        ),
        commit=False,
    )


@bp.route("/substances/new", methods=["GET", "POST"])
@role_required("editor")
def substance_new():
    """One form: name, other names and class; out come the draft pages."""
    form = SubstanceForm()
    error = None
    if form.validate_on_submit():
        aliases = [a.strip() for a in (form.aliases.data or "").split(",") if a.strip()]
        key = substance_key(form.name.data)
        try:
            created = create_substance_pages(
                db.session(),
                current_app.config["CONTENT_TEMPLATES_DIR"],
                form.name.data,
                aliases,
                form.substance_class.data,
                current_account().name,
            )
            register_substance_for_combinations(key, form.name.data.strip(), aliases)
        except ContentError as problem:
            db.session().rollback()
            error = problem.message
        except InvalidCombination as problem:
            db.session().rollback()
            error = "; ".join(p.message for p in problem.problems)
        else:
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
