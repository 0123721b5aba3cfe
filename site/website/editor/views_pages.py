"""Pages: list and filter, create, edit with preview, publish, history, diff, restore."""

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from website import db
from website.editor.access import audit, current_account, role_required
from website.editor.blueprint import bp
from website.editor.forms import ActionForm, FilterForm, PageForm, options
from website.editor.page_form import fill_form, hints_for, read_form
from website.i18n import OTHER
from website.pages import editing, markdown_pipeline
from website.pages.content_files import ContentError, PageData
from website.pages.models import Page, Revision
from website.pages.revisions import VersionConflict, create_page, page_data, save_revision


def _page_or_404(page_id: int) -> Page:
    page = db.session().get(Page, page_id)
    if page is None:
        abort(404)
    return page


@bp.get("/pages")
@role_required("editor")
def page_list():
    """All pages, searchable and filtered by substance, topic, language, status and review."""
    form = FilterForm(request.args)
    form.substance.choices = options(
        ("", _("All")), *((s, s) for s in editing.substances(db.session()))
    )
    rows = editing.list_pages(
        db.session(),
        text=form.q.data or "",
        substance=form.substance.data or "",
        topic=form.topic.data or "",
        language=form.language.data or "",
        status=form.status.data or "",
        review=form.review.data or "",
    )
    return render_template("editor/page_list.html", form=form, rows=rows)


@bp.route("/pages/new", methods=["GET", "POST"])
@role_required("editor")
def page_new():
    """A new page, optionally as the translation of an existing one."""
    form = PageForm()
    if request.method == "GET":
        source = db.session().get(Page, request.args.get("translation_of", type=int) or 0)
        form.review_every.data = 6
        form.reviewed_on.data = date.today()
        if source is not None:
            form.language.data = OTHER[source.language]
            form.translation_key.data = source.translation_key
            form.substance.data, form.topic.data = source.substance or "", source.topic or ""
    return _edit_or_save(None, form)


@bp.route("/pages/<int:page_id>", methods=["GET", "POST"])
@role_required("editor")
def page_edit(page_id: int):
    """Edit a page: preview, save as draft or publish, with a version check."""
    page = _page_or_404(page_id)
    form = PageForm()
    if request.method == "GET":
        revision = db.session().get(Revision, page.current_revision_id)
        fill_form(form, page_data(revision), page.version)
    return _edit_or_save(page, form)


def _edit_or_save(page: Page | None, form: PageForm):
    language = page.language if page else form.language.data or "nl"
    preview_html, error = None, None
    if request.method == "POST" and form.validate_on_submit():
        status = "published" if form.publish.data else "draft"
        try:
            data = read_form(form, language, status)
        except ContentError as problem:
            data, error = None, problem.message
        if form.preview.data or data is None:
            preview_html = markdown_pipeline.render(form.body.data or "")
        else:
            return _save(page, form, data)
    elif request.method == "POST":
        error = _("Some fields need attention; see the messages next to them.")
    return _render_edit(page, form, language, preview_html, error)


def _render_edit(page, form, language, preview_html, error, status_code=200):
    html = (
        preview_html if preview_html is not None else markdown_pipeline.render(form.body.data or "")
    )
    translation = (
        editing.translation_status(db.session(), page, OTHER[page.language]) if page else None
    )
    return render_template(
        "editor/page_edit.html",
        page=page,
        form=form,
        language=language,
        preview_html=preview_html,
        hints=hints_for(form, language, html),
        translation=translation,
        error=error,
        action_form=ActionForm(),
    ), status_code


def _save(page: Page | None, form: PageForm, data: PageData):
    session = db.session()
    author = current_account().name
    try:
        if page is None:
            page = create_page(session, data, author, origin="editor")
        else:
            save_revision(session, page, data, author, "editor", int(form.version.data or -1))
        audit("publish page" if data.status == "published" else "save draft", page.path)
        session.commit()
    except VersionConflict:
        return _conflict(page, form, data)
    except IntegrityError:
        session.rollback()
        error = _("Another page already has this address. Choose another slug.")
        return _render_edit(page, form, data.language, None, error)
    flash(_("Published.") if data.status == "published" else _("Saved as draft."))
    return redirect(url_for("editor.page_edit", page_id=page.id), 303)


def _conflict(page: Page, form: PageForm, mine: PageData):
    """Someone saved first: show both texts; the form keeps this editor's text to merge."""
    session = db.session()
    session.refresh(page)
    current = session.get(Revision, page.current_revision_id)
    form.version.data = str(page.version)
    return render_template(
        "editor/conflict.html",
        page=page,
        form=form,
        current=current,
        mine=mine,
        language=page.language,
    ), 409


@bp.post("/pages/<int:page_id>/unpublish")
@role_required("editor")
def page_unpublish(page_id: int):
    """Take a page off the public site; its text and revisions stay."""
    page = _page_or_404(page_id)
    try:
        editing.unpublish(db.session(), page, request.form.get("version", type=int))
    except VersionConflict:
        flash(_("The page changed in the meantime; look again and retry."))
        return redirect(url_for("editor.page_edit", page_id=page_id), 303)
    audit("unpublish page", page.path)
    db.session().commit()
    flash(_("The page is no longer on the site."))
    return redirect(url_for("editor.page_edit", page_id=page_id), 303)


@bp.get("/pages/<int:page_id>/history")
@role_required("editor")
def page_history(page_id: int):
    """Every revision with author and date; pick two to compare."""
    page = _page_or_404(page_id)
    revisions = editing.revisions_of(db.session(), page)
    return render_template(
        "editor/history.html", page=page, revisions=revisions, action_form=ActionForm()
    )


@bp.get("/pages/<int:page_id>/diff")
@role_required("editor")
def page_diff(page_id: int):
    """The differences between two revisions of a page."""
    page = _page_or_404(page_id)
    old = db.session().get(Revision, request.args.get("old", type=int) or 0)
    new = db.session().get(Revision, request.args.get("new", type=int) or 0)
    if old is None or new is None or {old.page_id, new.page_id} != {page.id}:
        flash(_("Choose two revisions of this page to compare."))
        return redirect(url_for("editor.page_history", page_id=page_id), 303)
    if old.number > new.number:
        old, new = new, old
    diff = editing.revision_diff(old, new)
    return render_template("editor/diff.html", page=page, old=old, new=new, diff=diff)


@bp.post("/pages/<int:page_id>/restore/<int:revision_id>")
@role_required("editor")
def page_restore(page_id: int, revision_id: int):
    """Save an old revision again as the newest draft."""
    page = _page_or_404(page_id)
    revision = db.session().get(Revision, revision_id)
    if revision is None or revision.page_id != page.id:
        abort(404)
    try:
        editing.restore_revision(db.session(), page, revision, current_account().name, page.version)
    except VersionConflict:
        flash(_("The page changed in the meantime; look again and retry."))
        return redirect(url_for("editor.page_history", page_id=page_id), 303)
    audit("restore revision", f"{page.path} #{revision.number}")
    db.session().commit()
    flash(_("Revision %(number)d is restored as a new draft.", number=revision.number))
    return redirect(url_for("editor.page_edit", page_id=page_id), 303)
