"""The content pipeline: import, its conflict rule, broken files, export round trip."""

from sqlalchemy import func, select

from tests.conftest import SHIPPED_CONTENT
from tests.factories import page_text, write_page
from website import db
from website.pages import content_files
from website.pages.content_files import ContentError
from website.pages.importer import export_content, import_content, page_files
from website.pages.models import Page, Revision
from website.pages.revisions import page_data, save_revision


def run_import(app):
    with app.app_context():
        return import_content(db.session(), app.config["CONTENT_DIR"])


def test_every_shipped_file_is_valid_and_canonical():
    files = page_files(SHIPPED_CONTENT)
    assert len(files) >= 6
    for path in files:
        text = path.read_text(encoding="utf-8")
        page, warnings = content_files.parse(text)
        assert warnings == [], path
        assert content_files.dump(page) == text, f"{path} is not in canonical form"


def test_import_creates_pages_and_is_idempotent(app):
    first = run_import(app)
    assert first.ok and first.created and not first.updated
    second = run_import(app)
    assert second.created == [] and second.updated == []
    assert sorted(second.unchanged) == sorted(first.created)
    with app.app_context():
        # The report also lists combinations.yaml's entries; revisions are for the pages only.
        page_files_created = [name for name in first.created if name.endswith(".md")]
        assert db.session().scalar(select(func.count(Revision.id))) == len(page_files_created)


def test_export_of_untouched_database_reproduces_every_file_byte_for_byte(app, tmp_path):
    run_import(app)
    out = tmp_path / "exported"
    with app.app_context():
        export_content(db.session(), out)
    shipped = {
        p.relative_to(app.config["CONTENT_DIR"]) for p in page_files(app.config["CONTENT_DIR"])
    }
    exported = {p.relative_to(out) for p in page_files(out)}
    assert exported == shipped
    for relative in shipped:
        assert (out / relative).read_bytes() == (app.config["CONTENT_DIR"] / relative).read_bytes()


def test_changed_file_updates_a_page_nobody_edited(app):
    path = write_page(app.config["CONTENT_DIR"], body="Eerste versie.")
    run_import(app)
    path.write_text(page_text(body="Tweede versie."), encoding="utf-8")
    report = run_import(app)
    assert report.updated == ["nl/test-pagina.md"]
    with app.app_context():
        page = db.session().scalar(select(Page).where(Page.slug == "test-pagina"))
        assert "Tweede versie." in page.published_revision.body_html


def test_database_wins_when_file_and_editor_both_changed(app):
    path = write_page(app.config["CONTENT_DIR"], body="Uit het bestand.")
    run_import(app)
    with app.app_context():
        session = db.session()
        page = session.scalar(select(Page).where(Page.slug == "test-pagina"))
        data = page_data(page.current_revision)
        data.body = "Door een redacteur."
        save_revision(session, page, data, "redacteur", "editor", expected_version=page.version)
        session.commit()
    path.write_text(page_text(body="Nieuw in het bestand."), encoding="utf-8")
    report = run_import(app)
    assert report.updated == []
    assert report.conflicts and "nl/test-pagina.md" in report.conflicts[0]
    with app.app_context():
        page = db.session().scalar(select(Page).where(Page.slug == "test-pagina"))
        assert "Door een redacteur." in page.published_revision.body_html


def test_broken_files_are_reported_with_path_and_line_and_the_rest_imports(app):
    content = app.config["CONTENT_DIR"]
    (content / "nl" / "kapot.md").write_text("---\ntitle: [unclosed\n---\nx\n", encoding="utf-8")
    write_page(content, slug="zonder-sleutel", translation_key="")
    write_page(content, slug="zoeken")  # a reserved route word
    (content / "nl" / "ander-pad.md").write_text(page_text(slug="elders"), encoding="utf-8")
    write_page(content, slug="goed")
    report = run_import(app)
    errors = "\n".join(report.errors)
    assert "nl/kapot.md:2:" in errors and "not valid YAML" in errors
    assert "nl/zonder-sleutel.md:5: The field 'translation_key' is missing" in errors
    assert "nl/zoeken.md:6:" in errors and "reserves" in errors
    assert "nl/ander-pad.md:1: language and slug say this file belongs at nl/elders.md" in errors
    assert "nl/goed.md" in report.created


def test_unknown_fields_are_reported_not_silently_dropped(app):
    write_page(app.config["CONTENT_DIR"], slug="extra", auteur="Iemand")
    report = run_import(app)
    assert any("extra.md" in w and "unknown field 'auteur'" in w for w in report.warnings)


def test_templates_folder_is_never_imported(app):
    templates = app.config["CONTENT_DIR"] / "_templates" / "nl"
    templates.mkdir(parents=True, exist_ok=True)
    (templates / "x.md").write_text("{{ not yaml", encoding="utf-8")
    assert run_import(app).ok


def test_draft_file_is_not_published(app, client):
    write_page(app.config["CONTENT_DIR"], slug="concept", status="draft")
    run_import(app)
    assert client.get("/nl/concept").status_code == 404


def test_validation_messages_name_the_field():
    bad = page_text(review_every="vaak")
    try:
        content_files.parse(bad)
    except ContentError as error:
        assert "review_every" in error.message and error.line == 9
    else:
        raise AssertionError("invalid review_every was accepted")


def test_cli_import_and_export(runner, app):
    result = runner.invoke(args=["content", "import"])
    assert result.exit_code == 0 and "Imported:" in result.output
    result = runner.invoke(args=["content", "export"])
    assert result.exit_code == 0 and "0 updated" in result.output
