"""Importing listings (preview first, then exactly that file) and exporting them."""

import hashlib
from datetime import date

from flask import Response, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

import sociale_kaart as kaart
from website import db
from website.editor.access import audit, role_required
from website.editor.blueprint import bp
from website.editor.forms import ActionForm
from website.editor.kaart_forms import ImportForm

MAX_IMPORT_BYTES = 2_000_000
PENDING = "kaart_import"  # the previewed file, kept in this login's server-side session row


def _digest(text: str, fmt: str, retire_missing: bool) -> str:
    return hashlib.sha256(f"{fmt}\n{int(retire_missing)}\n{text}".encode()).hexdigest()


def _summary(result: kaart.ImportResult) -> dict:
    return {k: list(getattr(result, k)) for k in ("new", "changed", "retired", "unchanged")}


def _read_upload(form: ImportForm) -> tuple[str | None, str, str | None]:
    """Return (text, format, problem) from the uploaded file or the pasted text."""
    upload = form.upload.data
    name = getattr(upload, "filename", "") or ""
    raw = upload.read(MAX_IMPORT_BYTES + 1) if name else (form.pasted.data or "").encode()
    if not raw.strip():
        return None, "", _("Choose a file, or paste its text.")
    if len(raw) > MAX_IMPORT_BYTES:
        return None, "", _("The file is too big (at most 2 MB).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "", _("The file is not UTF-8 text. Save it as CSV UTF-8 or JSON and retry.")
    fmt = form.fmt.data
    if fmt == "auto":
        fmt = "csv" if name.lower().endswith(".csv") else "hsds"
        if not name and not text.lstrip().startswith(("{", "[")):
            fmt = "csv"
    return text.replace("\r\n", "\n"), fmt, None


@bp.route("/kaart/import", methods=["GET", "POST"])
@role_required("editor")
def kaart_import():
    """Step 1: read a file and show what importing it would change; nothing is written."""
    form = ImportForm()
    result, problem = None, None
    if form.validate_on_submit():
        text, fmt, problem = _read_upload(form)
        if text is not None:
            retire = bool(form.retire_missing.data)
            result = kaart.preview_import(db.session(), text, fmt, retire)
            session[PENDING] = {
                "text": text,
                "fmt": fmt,
                "retire_missing": retire,
                "digest": _digest(text, fmt, retire),
                "summary": _summary(result),
            }
    return _render(form, result, problem)


def _render(form, result, problem, changed_meanwhile=False):
    pending = session.get(PENDING) if result is not None else None
    return render_template(
        "editor/kaart_import.html",
        form=form,
        result=result,
        pending=pending,
        problem=problem,
        changed_meanwhile=changed_meanwhile,
        action_form=ActionForm(),
    )


@bp.post("/kaart/import/confirm")
@role_required("editor")
def kaart_import_confirm():
    """Step 2: import the very file that was previewed, if nothing changed since; all or nothing."""
    pending = session.get(PENDING)
    if not pending or request.form.get("digest") != pending["digest"]:
        flash(_("That preview is no longer the latest one. Choose the file again."))
        return redirect(url_for("editor.kaart_import"), 303)
    text, fmt, retire = pending["text"], pending["fmt"], pending["retire_missing"]
    check = kaart.preview_import(db.session(), text, fmt, retire)
    if _summary(check) != pending["summary"] or not check.ok:
        # The listings changed since the preview: show the new preview instead of importing.
        pending["summary"] = _summary(check)
        session[PENDING] = pending
        return _render(ImportForm(formdata=None), check, None, changed_meanwhile=True)
    result = kaart.import_listings(db.session(), text, fmt, retire)
    if not result.written:
        return _render(ImportForm(formdata=None), result, None, changed_meanwhile=True)
    session.pop(PENDING, None)
    counts = {k: len(v) for k, v in _summary(result).items()}
    audit("import listings", ", ".join(f"{k} {n}" for k, n in counts.items()))
    db.session().commit()
    flash(
        _(
            "Imported: %(new)d new, %(changed)d changed, %(retired)d retired, "
            "%(unchanged)d unchanged.",
            **counts,
        )
    )
    return redirect(url_for("editor.kaart_services"), 303)


@bp.get("/kaart/export.<any(json, csv):extension>")
@role_required("field_worker")
def kaart_export(extension: str):
    """Download every listing as HSDS JSON or as CSV."""
    fmt = "csv" if extension == "csv" else "hsds"
    text = kaart.export_listings(db.session(), fmt)
    mimetype = "text/csv" if fmt == "csv" else "application/json"
    filename = f"sociale-kaart-{date.today().isoformat()}.{extension}"
    return Response(
        text.encode("utf-8"),
        mimetype=f"{mimetype}; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
