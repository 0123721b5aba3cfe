"""Combinations: list substances and pairs, edit a pair's ratings and texts, add a new pair."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from website import db, pages
from website.editor.access import audit, role_required
from website.editor.blueprint import bp
from website.editor.combination_forms import LANGUAGE_NAMES, combination_form
from website.pages import LEVEL_LABELS, InvalidCombination, VersionConflict

SECTIONS = ("ratings", "nl", "en")


def _names(lang: str) -> dict[str, str]:
    return {s.key: s.name(lang) for s in pages.list_substances()}


@bp.get("/combinations")
@role_required("editor")
def combination_list():
    """Every substance and every stored pair, with its level and open items to check."""
    data = pages.combination_set()
    chosen = request.args.get("substance", "")
    pairs = [c for c in data.combinations if not chosen or chosen in c.pair]
    counts = {s.key: sum(s.key in c.pair for c in data.combinations) for s in data.substances}
    return render_template(
        "editor/combination_list.html",
        substances=data.substances,
        pairs=pairs,
        counts=counts,
        chosen=chosen,
        names={sub.key: sub.name(g.get("lang", "nl")) for sub in data.substances},
        level_labels=LEVEL_LABELS,
    )


@bp.get("/combinations/pair")
@role_required("editor")
def combination_pair():
    """Open the pair two substances make: edit it if stored, else start it."""
    a, b = request.args.get("a", ""), request.args.get("b", "")
    known = _names("nl")
    if a not in known or b not in known or a == b:
        flash(_("Choose two different substances."))
        return redirect(url_for("editor.combination_list"), 303)
    return redirect(url_for("editor.combination_edit", a=a, b=b), 303)


def _problems_by_section(problems: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in problems:
        field, _sep, message = problem.partition(": ")
        found.setdefault(field if field in SECTIONS else "other", []).append(message or problem)
    return found


@bp.route("/combinations/<a>/<b>", methods=["GET", "POST"])
@role_required("editor")
def combination_edit(a: str, b: str):
    """Edit a pair (or start it): a level per source, texts per language, items to check."""
    names = _names(g.get("lang", "nl"))
    if a not in names or b not in names or a == b:
        abort(404)
    sources = pages.combination_set().sources
    stored = pages.stored_combination(a, b)
    form = combination_form(sources, request.form if request.method == "POST" else None)
    if request.method == "GET" and stored is not None:
        form.fill(*stored)
    problems: dict[str, list[str]] = {}
    if request.method == "POST" and form.validate():
        data = form.data_for((a, b))
        expected = form.expected_version()
        audit(
            "add combination" if expected is None else "change combination",
            f"{a} + {b}: {data.level}",
        )
        try:
            pages.save_combination(data, expected)
        except InvalidCombination as invalid:
            db.session().rollback()
            problems = _problems_by_section(invalid.problems)
        except (VersionConflict, IntegrityError):
            db.session().rollback()
            return _conflict(a, b, names, sources, form)
        else:
            flash(_("The combination is saved."))
            return redirect(url_for("editor.combination_edit", a=a, b=b), 303)
    status = 400 if request.method == "POST" else 200
    return render_template(
        "editor/combination_edit.html",
        pair=(a, b),
        names=names,
        form=form,
        stored=stored,
        problems=problems,
        level_labels=LEVEL_LABELS,
        language_names=LANGUAGE_NAMES,
    ), status


def _conflict(a, b, names, sources, form):
    """Someone saved this pair first: show theirs, keep this editor's input to save again."""
    current = pages.stored_combination(a, b)
    form.version.data = str(current[1]) if current else ""
    return render_template(
        "editor/combination_conflict.html",
        pair=(a, b),
        names=names,
        form=form,
        current=current[0] if current else None,
        sources=sources,
        problems={},
        level_labels=LEVEL_LABELS,
        language_names=LANGUAGE_NAMES,
    ), 409
