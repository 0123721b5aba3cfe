"""In Chromium: hostile Markdown never runs; add a substance; alerts; axe-core on editor screens."""

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.editor.conftest import browser_log_in, make_account, save_as_other_editor
from website import db
from website.pages.models import Page

pytestmark = pytest.mark.browser

HOSTILE = """## Hallo

<script>window.__pwned = 1; alert('script')</script>
<img src="x" onerror="window.__pwned = 2; alert('img')">
<svg onload="window.__pwned = 3"><circle r="1"/></svg>
<iframe src="javascript:window.top.__pwned = 4"></iframe>
<a href="javascript:window.__pwned = 5; alert('a')" id="raw-link">raw link</a>

[markdown link](javascript:window.__pwned=6;alert('md'))

[data link](data:text/html,<script>alert('data')</script>)

<div style="background:url(javascript:alert(7))" onclick="window.__pwned = 8">klik hier</div>

<details open ontoggle="window.__pwned = 9">x</details>
"""
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _page_id(site, lang, slug):
    with site.app_context():
        query = sa.select(Page.id).where(Page.language == lang, Page.slug == slug)
        return db.session().scalar(query)


def test_hostile_markdown_never_runs_in_a_visitors_browser(browser, live_server, site):
    make_account(site)
    # bypass_csp: prove the sanitiser alone stops it, not only the Content-Security-Policy.
    context = browser.new_context(bypass_csp=True)
    editor = context.new_page()
    events = []
    editor.on("dialog", lambda dialog: (events.append(dialog.message), dialog.dismiss()))
    browser_log_in(editor, live_server)
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    editor.goto(f"{live_server}/beheer/pages/{page_id}")
    editor.fill("#body", HOSTILE)
    editor.click("#preview")
    editor.wait_for_selector(".preview-frame")
    assert editor.evaluate("window.__pwned") is None
    editor.click("#publish")
    editor.wait_for_selector(".notice")

    visitor_context = browser.new_context(bypass_csp=True)
    visitor = visitor_context.new_page()
    visitor.on("dialog", lambda dialog: (events.append(dialog.message), dialog.dismiss()))
    visitor.on("console", lambda message: events.append(f"console: {message.text}"))
    visitor.goto(f"{live_server}/nl/3-mmc/wat-is-het")
    assert "Hallo" in visitor.inner_text("main")
    for text in ("raw link", "markdown link", "data link", "klik hier"):
        locator = visitor.get_by_text(text)
        if locator.count():
            locator.first.click(timeout=2000)
    visitor.wait_for_timeout(300)
    assert visitor.evaluate("window.__pwned") is None
    assert events == []
    visitor_context.close()
    context.close()


def test_add_a_substance_end_to_end(page, live_server, site):
    make_account(site)
    browser_log_in(page, live_server)
    page.click("text=Middel toevoegen")
    page.fill("#name", "4-MMC")
    page.fill("#aliases", "mefedron")
    page.fill("#substance_class", "cathinon")
    page.click("#submit")
    page.wait_for_selector(".notice")
    assert "14 conceptpagina" in page.inner_text(".notice")
    page.select_option("#language", "nl")
    page.click("button:has-text('Filteren')")
    page.get_by_role("link", name="4-MMC", exact=True).click()
    page.click("#publish")
    page.wait_for_selector(".notice")
    page.goto(f"{live_server}/nl/")
    assert page.get_by_role("link", name="4-MMC").count() == 1
    page.goto(f"{live_server}/nl/4-mmc")
    assert "4-MMC" in page.inner_text("h1")


def test_alert_shown_and_gone_after_expiry(page, live_server, site):
    make_account(site)
    browser_log_in(page, live_server)
    page.goto(f"{live_server}/beheer/alerts/new")
    now = datetime.now()
    page.select_option("#severity", "danger")
    page.fill("#text_nl", "Let op: nep-3-MMC in omloop.")
    page.fill("#text_en", "Careful: fake 3-MMC around.")
    page.fill("#starts_at", (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.fill("#ends_at", (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"))
    page.click("#submit")
    page.wait_for_selector(".notice")
    page.goto(f"{live_server}/nl/3-mmc")
    assert "nep-3-MMC in omloop" in page.inner_text(".alert")
    from website.pages.models import Alert

    with site.app_context():
        alert = db.session().scalar(sa.select(Alert))
        alert.ends_at = datetime.now(UTC) - timedelta(seconds=1)
        db.session().commit()
    # A fresh visitor (public pages may sit in a browser cache for a few minutes).
    visitor = page.context.browser.new_context().new_page()
    visitor.goto(f"{live_server}/nl/3-mmc")
    assert visitor.locator(".alert").count() == 0
    visitor.context.close()


def _conflict_screen(page, live_server, site):
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    page.goto(f"{live_server}/beheer/pages/{page_id}")
    page.fill("#body", "Mijn versie.")
    url = f"{live_server}/beheer/pages/{page_id}"
    save_as_other_editor(page, live_server, url, "#body", "Hun versie.", "#save_draft")
    page.click("#save_draft")
    page.wait_for_selector(".conflict")


def test_axe_finds_no_violations_on_editor_pages(page, live_server, site):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    make_account(site, role="admin")
    make_account(site, "tweede")
    page_id = _page_id(site, "nl", "3-mmc/wat-is-het")
    checked = {}

    def check(name):
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        checked[name] = result.violations_count
        assert result.violations_count == 0, f"{name}: {result.generate_report()}"

    page.goto(f"{live_server}/beheer/login")
    check("login")
    browser_log_in(page, live_server)
    check("dashboard")
    for name, path in [
        ("page list", "/beheer/pages?review=needs_check"),
        ("new page", "/beheer/pages/new"),
        ("history", f"/beheer/pages/{page_id}/history"),
        ("alerts", "/beheer/alerts"),
        ("new alert", "/beheer/alerts/new"),
        ("add substance", "/beheer/substances/new"),
        ("accounts", "/beheer/accounts"),
        ("audit log", "/beheer/audit"),
        ("my account", "/beheer/account"),
    ]:
        page.goto(live_server + path)
        check(name)
    page.goto(f"{live_server}/beheer/pages/{page_id}")
    page.fill("#body", "Een nieuwe zin. " * 3 + "[kapot](/nl/bestaat-niet)")
    page.click("#preview")
    page.wait_for_selector(".preview-frame")
    check("edit with preview and hints")
    page.click("#save_draft")
    page.wait_for_selector(".notice")
    page.goto(f"{live_server}/beheer/pages/{page_id}/history")
    page.click("button:has-text('Vergelijken')")
    page.wait_for_selector(".diff")
    check("diff")
    _conflict_screen(page, live_server, site)
    check("conflict")
    page.goto(f"{live_server}/beheer/alerts/new")
    page.click("#submit")
    check("form with errors")
    assert len(checked) == 15
