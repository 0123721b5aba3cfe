"""combinations.yaml in and out of the database, and the functions the editor area calls."""

import pytest
from sqlalchemy import func, select

from tests.conftest import SHIPPED_CONTENT
from tests.factories import write_page
from tests.pages.combination_helpers import FIXTURE, combinations_text, install_combinations
from website import db, pages
from website.pages.combination_data import CombinationData, RatingData, SubstanceData, dump
from website.pages.combination_file import parse
from website.pages.combination_models import Combination, CombinationRating, Substance
from website.pages.combination_store import load_set
from website.pages.importer import export_content

SHIPPED = SHIPPED_CONTENT / "combinations.yaml"


def counts(app) -> tuple[int, int, int]:
    with app.app_context():
        session = db.session()
        return tuple(
            session.scalar(select(func.count(model.id)))
            for model in (Substance, Combination, CombinationRating)
        )


def export_text(app, tmp_path) -> str:
    out = tmp_path / "exported"
    with app.app_context():
        export_content(db.session(), out)
    return (out / "combinations.yaml").read_text(encoding="utf-8")


def texts(reason: str) -> dict:
    return {lang: {"reason": reason, "advice": "Rustig aan."} for lang in ("nl", "en")}


def test_import_creates_everything_and_is_idempotent(app):
    first = install_combinations(app)
    assert first.ok, first.errors
    assert "combinations.yaml: 3-mmc + alcohol" in first.created
    assert counts(app) == (7, 6, 5)
    second = install_combinations(app)
    assert second.ok and not [n for n in second.created + second.updated if "combin" in n]
    assert "combinations.yaml: 3-mmc + alcohol" in second.unchanged
    assert counts(app) == (7, 6, 5)


def test_export_of_untouched_database_reproduces_the_file_byte_for_byte(app, tmp_path):
    install_combinations(app)
    assert export_text(app, tmp_path) == FIXTURE.read_text(encoding="utf-8")


@pytest.mark.skipif(not SHIPPED.exists(), reason="content/combinations.yaml has not landed yet")
def test_shipped_file_is_valid_canonical_and_round_trips(app, tmp_path):
    text = SHIPPED.read_text(encoding="utf-8")
    data, warnings = parse(text)
    assert warnings == []
    assert dump(data) == text, (
        "content/combinations.yaml is not canonical: flask content check --fix"
    )
    report = install_combinations(app, text)
    assert report.ok, report.errors
    assert export_text(app, tmp_path) == text


def test_invalid_file_changes_nothing_and_pages_still_import(app):
    install_combinations(app)
    write_page(app.config["CONTENT_DIR"], slug="nieuwe-pagina")
    broken = FIXTURE.read_text(encoding="utf-8").replace("level: dangerous", "level: deadly")
    broken = broken.replace("Drink weinig of niet.", "Anders.")
    report = install_combinations(app, broken)
    assert report.errors == [
        "combinations.yaml:89: combination alcohol + ghb: ratings: unknown level 'deadly' from "
        "tripsit; use one of: dangerous, unsafe, caution, low-risk-synergy, "
        "low-risk-no-synergy, low-risk-decrease"
    ]
    assert "nl/nieuwe-pagina.md" in report.created
    with app.app_context():
        assert pages.combination("3-mmc", "alcohol", "nl")["advice"].startswith("Drink weinig of")


def test_changed_file_updates_what_nobody_edited(app):
    install_combinations(app)
    changed = FIXTURE.read_text(encoding="utf-8").replace(
        "level: low-risk-synergy", "level: caution"
    )
    report = install_combinations(app, changed)
    assert report.updated == ["combinations.yaml: 3-mmc + cannabis"]
    with app.app_context():
        assert pages.combination("3-mmc", "wiet", "nl")["level"] == "caution"
        assert pages.combination("3-mmc", "wiet", "nl")["version"] == 2


def test_editor_changes_win_over_a_changed_file(app):
    install_combinations(app)
    with app.app_context():
        data, version = pages.stored_combination("ghb", "alcohol")
        data.texts["nl"]["advice"] = "Door een redacteur."
        assert pages.save_combination(data, version) == version + 1
    changed = FIXTURE.read_text(encoding="utf-8").replace("Combineer dit niet.", "Uit het bestand.")
    report = install_combinations(app, changed)
    assert report.updated == []
    assert report.conflicts == [
        "combinations.yaml: alcohol + ghb: changed in the file and by an editor; kept"
    ]
    with app.app_context():
        assert pages.combination("g", "drank", "nl")["advice"] == "Door een redacteur."


def test_stale_save_is_a_conflict_not_an_overwrite(app):
    install_combinations(app)
    with app.app_context():
        data, version = pages.stored_combination("3-mmc", "alcohol")
        pages.save_combination(data, version)
        with pytest.raises(pages.VersionConflict):
            pages.save_combination(data, version)
        with pytest.raises(pages.VersionConflict):
            pages.save_combination(data, None)


def test_saving_an_invalid_combination_names_the_problems(app):
    install_combinations(app)
    bad = CombinationData(("3-mmc", "lsd"), [RatingData("tripsit", "deadly")], texts(""))
    with app.app_context(), pytest.raises(pages.InvalidCombination) as caught:
        pages.save_combination(bad, None)
    assert "substances: unknown substance key 'lsd'" in caught.value.problems
    assert any(p.startswith("ratings: unknown level 'deadly'") for p in caught.value.problems)
    assert "nl: the reason is missing or empty" in caught.value.problems


def test_editor_adds_a_draft_substance_and_its_combination(app, client, tmp_path):
    install_combinations(app)
    new = SubstanceData("4-mmc", {"nl": "4-MMC", "en": "4-MMC"}, ["mefedron"], status="draft")
    with app.app_context():
        pages.add_substance(new)
        with pytest.raises(pages.InvalidCombination) as caught:
            pages.add_substance(SubstanceData("mef", {"nl": "Mef", "en": "Mef"}, ["Mefedron"]))
        assert caught.value.problems == ["aliases: 'Mefedron' already names '4-mmc'"]
        combination = CombinationData(("alcohol", "4-mmc"), [], texts("Nog onbekend."))
        assert pages.save_combination(combination, None) == 1
        assert "4-mmc" in [s.key for s in pages.list_substances()]
        assert "4-mmc" not in [key for key, _ in pages.substances("nl")]
    exported = export_text(app, tmp_path)
    assert (
        "- key: 4-mmc\n  name: {nl: 4-MMC, en: 4-MMC}\n  aliases: [mefedron]\n  status: draft\n"
        in exported
    )
    assert "- substances: [alcohol, 4-mmc]\n  ratings: []\n" in exported
    assert exported.index("- key: mdma") < exported.index("- key: 4-mmc")  # added last
    assert "4-MMC" not in client.get("/nl/combinaties").get_data(as_text=True)


def test_cli_reports_errors_and_checks_the_canonical_form(app, runner):
    path = app.config["CONTENT_DIR"] / "combinations.yaml"
    path.write_text(combinations_text().replace("level: caution", "level: risky"), "utf-8")
    result = runner.invoke(args=["content", "import"])
    assert result.exit_code == 1
    assert (
        "combinations.yaml:16: combination 3-mmc + alcohol: ratings: unknown level" in result.output
    )
    path.write_text(combinations_text().replace("[poes, 3m]", "[ poes,  3m ]"), "utf-8")
    result = runner.invoke(args=["content", "check"])
    assert "combinations.yaml: not in canonical form (use --fix)" in result.output
    runner.invoke(args=["content", "check", "--fix"])
    assert "aliases: [poes, 3m]" in path.read_text(encoding="utf-8")


def test_load_set_matches_the_parsed_file(app):
    install_combinations(app)
    with app.app_context():
        stored = load_set(db.session())
    parsed, _ = parse(FIXTURE.read_text(encoding="utf-8"))
    assert dump(stored) == dump(parsed)
