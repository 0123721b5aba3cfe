"""Editing pages: save, publish, unpublish, revisions, diff, restore, conflicts, export, lists."""

from datetime import date

import sqlalchemy as sa

from tests.editor.conftest import csrf_token
from website import db
from website.editor.models import AuditEntry
from website.pages import content_files
from website.pages.importer import export_content
from website.pages.models import Page, Revision


def _page_id(site, lang, slug):
    with site.app_context():
        return db.session().scalar(
            sa.select(Page.id).where(Page.language == lang, Page.slug == slug)
        )


def _form(client, page_id, **changes):
    """Load the edit form and return its fields as a browser would send them."""
    html = client.get(f"/beheer/pages/{page_id}").text
    import re

    def value(name):
        match = re.search(rf'name="{name}"[^>]*value="([^"]*)"', html) or re.search(
            rf'<textarea[^>]*name="{name}"[^>]*>\r?\n?(.*?)</textarea>', html, re.S
        )
        return match.group(1) if match else ""

    fields = {
        n: value(n)
        for n in (
            "version",
            "title",
            "slug",
            "translation_key",
            "substance",
            "reviewed_on",
            "review_every",
        )
    }
    import html as html_module

    for name in ("summary", "sources", "needs_check", "body"):
        fields[name] = html_module.unescape(value(name))
    fields["title"] = html_module.unescape(fields["title"])
    topic = re.search(r'<option selected value="([^"]*)"', html) or re.search(
        r'<option value="([^"]*)" selected', html
    )
    fields["topic"] = topic.group(1) if topic else ""
    fields["csrf_token"] = csrf_token(html)
    fields.update(changes)
    return fields


def test_save_draft_then_publish_then_unpublish(editor_client, site):
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    response = editor_client.post(
        f"/beheer/pages/{page_id}",
        data=_form(editor_client, page_id, body="Nieuwe tekst in concept.", save_draft="1"),
    )
    assert response.status_code == 303
    public = site.test_client().get("/nl/3-mmc/wat-is-het").text
    assert "Nieuwe tekst in concept" not in public, "a draft does not change the live page"
    response = editor_client.post(
        f"/beheer/pages/{page_id}",
        data=_form(editor_client, page_id, body="Nu gepubliceerd.", publish="1"),
    )
    assert response.status_code == 303
    assert "Nu gepubliceerd." in site.test_client().get("/nl/3-mmc/wat-is-het").text
    edit = editor_client.get(f"/beheer/pages/{page_id}")
    form = {
        "csrf_token": csrf_token(edit.text),
        "version": _form(editor_client, page_id)["version"],
    }
    assert editor_client.post(f"/beheer/pages/{page_id}/unpublish", data=form).status_code == 303
    assert site.test_client().get("/nl/3-mmc/wat-is-het").status_code == 404
    with site.app_context():
        assert (
            db.session().scalar(sa.select(sa.func.count()).where(Revision.page_id == page_id)) == 3
        )
    with site.app_context():
        actions = db.session().scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["login", "save draft", "publish page", "unpublish page"]


def test_preview_renders_the_visitors_pipeline_and_saves_nothing(editor_client, site):
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    body = "## Kopje\n\n<script>alert(1)</script>[klik](javascript:alert(1)) **vet**"
    response = editor_client.post(
        f"/beheer/pages/{page_id}", data=_form(editor_client, page_id, body=body, preview="1")
    )
    assert response.status_code == 200
    preview = response.text.split('class="preview-frame"', 1)[1].split("</section>", 1)[0]
    assert "<h2>Kopje</h2>" in preview and "<strong>vet</strong>" in preview
    assert "<script" not in preview and "javascript:" not in preview
    with site.app_context():
        assert (
            db.session().scalar(sa.select(sa.func.count()).where(Revision.page_id == page_id)) == 1
        )


def test_history_diff_and_restore(editor_client, site):
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    for body in ("Eerste <wijziging> & meer.", "Tweede wijziging."):
        editor_client.post(
            f"/beheer/pages/{page_id}",
            data=_form(editor_client, page_id, body=body, save_draft="1"),
        )
    history = editor_client.get(f"/beheer/pages/{page_id}/history")
    assert "redacteur" in history.text and "import" in history.text
    with site.app_context():
        revisions = (
            db.session()
            .scalars(
                sa.select(Revision).where(Revision.page_id == page_id).order_by(Revision.number)
            )
            .all()
        )
        ids = [r.id for r in revisions]
    diff = editor_client.get(f"/beheer/pages/{page_id}/diff?old={ids[0]}&new={ids[1]}")
    assert "Eerste &lt;wijziging&gt; &amp; meer." in diff.text  # escaped, never markup
    assert 'class="diff-add"' in diff.text and 'class="diff-remove"' in diff.text
    token = csrf_token(history.text)
    restored = editor_client.post(
        f"/beheer/pages/{page_id}/restore/{ids[0]}", data={"csrf_token": token}
    )
    assert restored.status_code == 303
    with site.app_context():
        newest = db.session().scalar(
            sa.select(Revision).where(Revision.page_id == page_id).order_by(Revision.number.desc())
        )
        assert newest.number == 4 and newest.body_markdown == revisions[0].body_markdown
        assert newest.status == "draft"
        assert (
            db.session().scalar(sa.select(sa.func.count()).where(Revision.page_id == page_id)) == 4
        )


def test_stale_version_gets_the_conflict_screen_and_keeps_the_text(editor_client, site):
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    mine = _form(
        editor_client, page_id, body="Mijn tekst die niet verloren mag gaan.", save_draft="1"
    )
    theirs = _form(editor_client, page_id, body="Hun tekst, eerder opgeslagen.", save_draft="1")
    assert editor_client.post(f"/beheer/pages/{page_id}", data=theirs).status_code == 303
    conflict = editor_client.post(f"/beheer/pages/{page_id}", data=mine)
    assert conflict.status_code == 409
    assert "Mijn tekst die niet verloren mag gaan." in conflict.text
    assert "Hun tekst, eerder opgeslagen." in conflict.text
    # The form now carries the current version: merging and saving again works.
    merged = _form(editor_client, page_id)
    assert f'name="version" type="hidden" value="{merged["version"]}"' in conflict.text
    with site.app_context():
        bodies = db.session().scalars(
            sa.select(Revision.body_markdown).where(Revision.page_id == page_id)
        )
        assert not any("Mijn tekst" in b for b in bodies)


def test_bad_input_gets_a_message_and_keeps_the_text(editor_client, site):
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    response = editor_client.post(
        f"/beheer/pages/{page_id}",
        data=_form(editor_client, page_id, slug="beheer/x", body="Bewaarde tekst", save_draft="1"),
    )
    assert response.status_code == 200
    assert "reserves" in response.text and "Bewaarde tekst" in response.text
    response = editor_client.post(
        f"/beheer/pages/{page_id}",
        data=_form(editor_client, page_id, sources="", body="Bewaarde tekst", save_draft="1"),
    )
    assert "Noem minstens één bron." in response.text


def test_new_page_and_translation_flag(editor_client, site):
    page = editor_client.get("/beheer/pages/new")
    data = {
        "csrf_token": csrf_token(page.text),
        "version": "0",
        "language": "nl",
        "title": "Voor vrienden",
        "summary": "Als je vriend gebruikt.",
        "slug": "voor-vrienden",
        "translation_key": "friends",
        "substance": "",
        "topic": "",
        "reviewed_on": "2026-11-20",
        "review_every": "6",
        "sources": "Mainline | https://www.mainline.nl/",
        "needs_check": "",
        "body": "Tekst.",
        "publish": "1",
    }
    response = editor_client.post("/beheer/pages/new", data=data)
    assert response.status_code == 303
    assert site.test_client().get("/nl/voor-vrienden").status_code == 200
    nl_id = _page_id(site, "nl", "voor-vrienden")
    assert "Nog geen vertaling" in editor_client.get(f"/beheer/pages/{nl_id}").text
    translation = editor_client.get(f"/beheer/pages/new?translation_of={nl_id}")
    assert 'value="friends"' in translation.text
    duplicate = editor_client.post(
        "/beheer/pages/new", data=data | {"csrf_token": csrf_token(translation.text)}
    )
    assert "heeft dit adres al" in duplicate.text
    # The Dutch what-is page changes; its English translation is now older and flagged.
    nl_what = _page_id(site, "nl", "3-mmc/wat-is-het")
    editor_client.post(
        f"/beheer/pages/{nl_what}", data=_form(editor_client, nl_what, body="Nieuw.", publish="1")
    )
    assert (
        "De vertaling is ouder dan deze pagina"
        in editor_client.get(f"/beheer/pages/{nl_what}").text
    )
    en_what = _page_id(site, "en", "3-mmc/what-is")
    assert "De vertaling is ouder" not in editor_client.get(f"/beheer/pages/{en_what}").text


def test_page_list_filters_and_review_dashboard(editor_client, site):
    everything = editor_client.get("/beheer/pages").text
    assert "Wat is 3-MMC?" in everything and "Over deze site" in everything
    drafts = editor_client.get("/beheer/pages?status=draft").text
    assert "Over deze site" in drafts and "Wat is 3-MMC?" not in drafts
    english = editor_client.get("/beheer/pages?language=en&substance=3-mmc").text
    assert "What is 3-MMC?" in english and "Wat is 3-MMC?" not in english
    checks = editor_client.get("/beheer/pages?review=needs_check").text
    assert "Wat is 3-MMC?" in checks and "1 feit om te controleren" in checks
    assert "What is 3-MMC?" not in checks
    found = editor_client.get("/beheer/pages?q=poes").text
    assert "Wat is 3-MMC?" in found and "Noodgeval" not in found
    # Fixture pages were reviewed 2026-11-01 every 6 months: due 2027-05-01.
    dashboard = editor_client.get("/beheer/").text
    assert "Wat is 3-MMC?" in dashboard  # open needs_check item
    if date.today() >= date(2027, 4, 1):
        assert "controleren vóór 2027-05-01" in dashboard


def test_export_writes_the_edited_database_back_to_files(editor_client, site, tmp_path):
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    editor_client.post(
        f"/beheer/pages/{page_id}",
        data=_form(editor_client, page_id, body="Geëxporteerde tekst.", publish="1"),
    )
    out = tmp_path / "export"
    with site.app_context():
        report = export_content(db.session(), out)
    assert report.ok
    text = (out / "nl/3-mmc/wat-is-het.md").read_text()
    page, _warnings = content_files.parse(text)
    assert page.body.strip() == "Geëxporteerde tekst." and page.status == "published"
    assert content_files.dump(page) == text
