"""Editing the combinations data in the editor area: list, edit, validation, conflicts, export."""

import html
import re

import sqlalchemy as sa

from tests.editor.conftest import csrf_token, log_in, make_account
from website import db, pages
from website.editor.models import AuditEntry
from website.pages.combination_file import parse

EDIT = "/beheer/combinations/3-mmc/ghb"


def _form(client, path=EDIT, **changes):
    """Return the edit form's current values (as the browser would send them) with changes."""
    page = client.get(path).text
    data = {"csrf_token": csrf_token(page)}
    version = re.search(r'id="version" name="version" type="hidden" value="([^"]*)"', page)
    data["version"] = version.group(1)
    for name in ("rating_tripsit", "rating_psychonautwiki"):
        chosen = re.search(rf'<select[^>]*name="{name}".*?</select>', page, re.S).group(0)
        selected = re.search(r'<option selected value="([^"]+)"', chosen)
        data[name] = selected.group(1) if selected else "unknown"
    for name in ("reason_nl", "advice_nl", "reason_en", "advice_en", "needs_check"):
        text = re.search(rf'<textarea[^>]*name="{name}"[^>]*>\n?(.*?)</textarea>', page, re.S)
        data[name] = html.unescape(text.group(1))
    return data | changes


def _stored(site, a="3-mmc", b="ghb"):
    with site.app_context():
        return pages.stored_combination(a, b)


def test_the_list_shows_pairs_with_level_and_items_to_check(editor_client):
    page = editor_client.get("/beheer/combinations")
    assert page.status_code == 200
    assert "3-MMC + GHB of GBL" in page.text
    row = re.search(r"3-MMC \+ GHB of GBL</a></td>\s*<td>([^<]+)<", page.text)
    assert row.group(1).strip() == "Voorzichtig"
    assert "te controleren" in page.text
    only = editor_client.get("/beheer/combinations?substance=ghb").text
    assert "3-MMC + Alcohol" not in only and "3-MMC + GHB of GBL" in only


def test_edit_a_pair_the_shown_level_is_the_most_cautious(editor_client, site):
    before = _stored(site)
    data = _form(
        editor_client,
        rating_tripsit="caution",
        rating_psychonautwiki="dangerous",
        advice_en="Do not take them together. Wait at least a day.",
        needs_check="Check the new PsychonautWiki rating\n\n",
    )
    response = editor_client.post(EDIT, data=data)
    assert response.status_code == 303
    stored, version = _stored(site)
    assert version == before[1] + 1
    assert stored.level == "dangerous" and stored.sources_disagree
    assert stored.texts["en"]["advice"] == "Do not take them together. Wait at least a day."
    assert stored.needs_check == ["Check the new PsychonautWiki rating"]
    assert "Niveau op de site nu: Gevaarlijk" in editor_client.get(EDIT).text
    # Back to "unknown" for both sources: no ratings, and the level is unknown again.
    unrated = _form(editor_client, rating_tripsit="unknown", rating_psychonautwiki="unknown")
    assert editor_client.post(EDIT, data=unrated).status_code == 303
    assert _stored(site)[0].ratings == [] and _stored(site)[0].level == "unknown"
    with site.app_context():
        audit = db.session().scalars(
            sa.select(AuditEntry.target).where(AuditEntry.action == "change combination")
        )
        assert list(audit) == ["3-mmc + ghb: dangerous", "3-mmc + ghb: unknown"]


def test_invalid_input_is_shown_per_field_and_changes_nothing(editor_client, site):
    before = _stored(site)
    data = _form(editor_client, reason_nl="  ", advice_en="", rating_tripsit="deadly")
    response = editor_client.post(EDIT, data=data)
    assert response.status_code == 400
    assert "Schrijf de reden in het Nederlands." in response.text
    assert "Schrijf het advies in het Engels." in response.text
    assert 'id="reason_nl-error"' in response.text and 'id="rating_tripsit-error"' in response.text
    assert _stored(site) == before
    without_token = _form(editor_client, advice_nl="Zonder token")
    del without_token["csrf_token"]
    assert editor_client.post(EDIT, data=without_token).status_code == 400
    assert editor_client.post(EDIT, data=without_token | {"csrf_token": "x"}).status_code == 400
    assert _stored(site) == before


def test_a_stale_save_shows_both_versions_and_keeps_the_editors_input(editor_client, site):
    make_account(site, "tweede")
    other = site.test_client()
    log_in(other, "tweede")
    mine = _form(editor_client, advice_nl="Mijn advies: neem ze nooit samen.")
    theirs = _form(other, advice_nl="Hun advies: wacht een dag.")
    assert other.post(EDIT, data=theirs).status_code == 303
    conflict = editor_client.post(EDIT, data=mine)
    assert conflict.status_code == 409
    assert "Hun advies: wacht een dag." in conflict.text  # the saved version
    assert "Mijn advies: neem ze nooit samen." in conflict.text  # kept in the form
    assert _stored(site)[0].texts["nl"]["advice"] == "Hun advies: wacht een dag."
    current_version = _stored(site)[1]
    assert f'name="version" type="hidden" value="{current_version}"' in conflict.text
    resubmit = mine | {"version": str(current_version), "csrf_token": csrf_token(conflict.text)}
    assert editor_client.post(EDIT, data=resubmit).status_code == 303
    assert _stored(site)[0].texts["nl"]["advice"] == "Mijn advies: neem ze nooit samen."


def test_add_a_new_pair_between_existing_substances(editor_client, site):
    assert _stored(site, "alcohol", "ghb") is None
    opened = editor_client.get("/beheer/combinations/pair?a=alcohol&b=ghb")
    assert opened.headers["Location"].endswith("/beheer/combinations/alcohol/ghb")
    same = editor_client.get("/beheer/combinations/pair?a=ghb&b=ghb")
    assert same.status_code == 303 and "Kies twee" in editor_client.get("/beheer/combinations").text
    assert editor_client.get("/beheer/combinations/alcohol/bestaat-niet").status_code == 404
    path = "/beheer/combinations/alcohol/ghb"
    assert "Deze combinatie is nieuw" in editor_client.get(path).text
    data = _form(
        editor_client,
        path,
        rating_tripsit="dangerous",
        reason_nl="Beide remmen je ademhaling.",
        advice_nl="Niet combineren.",
        reason_en="Both slow your breathing.",
        advice_en="Do not combine.",
    )
    assert data["version"] == ""
    assert editor_client.post(path, data=data).status_code == 303
    stored, version = _stored(site, "alcohol", "ghb")
    assert (stored.level, version) == ("dangerous", 1)
    # A second "new" save of the same pair is stale: a conflict, not an overwrite.
    again = editor_client.post(path, data=data | {"advice_nl": "Anders."})
    assert again.status_code == 409
    assert _stored(site, "alcohol", "ghb")[0].texts["nl"]["advice"] == "Niet combineren."


def test_an_edit_is_written_back_by_content_export(editor_client, site, content_dir):
    data = _form(editor_client, reason_en="Both push your heart; GHB also slows breathing.")
    assert editor_client.post(EDIT, data=data).status_code == 303
    result = site.test_cli_runner().invoke(args=["content", "export"])
    assert result.exit_code == 0, result.output
    written, _warnings = parse((content_dir / "combinations.yaml").read_text(encoding="utf-8"))
    pair = next(c for c in written.combinations if set(c.pair) == {"3-mmc", "ghb"})
    assert pair.texts["en"]["reason"] == "Both push your heart; GHB also slows breathing."
    assert pair.ratings == _stored(site)[0].ratings


def test_a_field_worker_may_not_edit_combinations(site):
    make_account(site, "veldwerker", role="field_worker")
    worker = site.test_client()
    log_in(worker, "veldwerker")
    assert worker.get("/beheer/combinations").status_code == 403
    assert worker.get(EDIT).status_code == 403
    token = csrf_token(worker.get("/beheer/flyers").text)
    assert worker.post(EDIT, data={"csrf_token": token, "advice_nl": "x"}).status_code == 403
