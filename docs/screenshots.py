"""Make the screenshots of the editor's guide: `make docs-screenshots` (writes docs/img/*.png).

Starts the site on a temporary SQLite database with a demo admin, a demo field worker and
made-up listings and flyer points (demo_data.py), drives Debian's Chromium through
Playwright, and saves small palette PNGs: desktop width for the editors' screens, phone
width where a field worker is out on the street. Nothing else in the repository changes.
"""

import logging
import os
import secrets
import tempfile
import threading
from datetime import datetime, timedelta
from pathlib import Path

import demo_data
from PIL import Image
from playwright.sync_api import Page, sync_playwright
from werkzeug.serving import make_server

from website import chromium, create_app, db
from website.editor.models import Account
from website.editor.passwords import hash_password
from website.pages.importer import import_content

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "img"
FIXTURES = REPO / "tests" / "editor" / "fixtures"
EDITOR, FIELD_WORKER, PASSWORD = "demo", "veldwerker", secrets.token_urlsafe(16)
GUIDE = {"width": 800, "height": 900}  # the first screenshots of the guide
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
DUTCH = {"locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}  # dates as editors see them


def demo_app(folder: Path):
    """Return the app on a fresh database with content, two demo accounts and demo data."""
    content = REPO / "content" if (REPO / "content" / "nl").is_dir() else FIXTURES / "content"
    templates = REPO / "content" / "_templates"
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
            "SECRET_KEY": secrets.token_hex(16),
            "CONTENT_DIR": content,
            "CONTENT_TEMPLATES_DIR": templates if templates.is_dir() else FIXTURES / "templates",
            "PUBLIC_BASE_URL": "https://www.example.org",  # what the demo QR codes say
            "GEOCODER_URL": "http://127.0.0.1:9",  # never ask a real geocoder
        }
    )
    with app.test_request_context("/beheer/"):
        db.upgrade()
        session = db.session()
        import_content(session, content)
        for name, role in ((EDITOR, "admin"), (FIELD_WORKER, "field_worker")):
            session.add(Account(name=name, role=role, password_hash=hash_password(PASSWORD)))
        session.commit()
        demo_data.add_listings(checker=EDITOR)
        demo_data.add_flyer_points()
    return app


def save(page: Page, name: str, target=None, **options) -> None:
    """Save the page's viewport (or one element) as docs/img/<name>.png, in 256 colours."""
    path = OUT / f"{name}.png"
    (target or page).screenshot(path=str(path), **options)
    # Screens are flat colours and text: a palette keeps them sharp and about half the size.
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    print(f"docs/img/{name}.png")


def log_in(page: Page, base: str, name: str) -> None:
    """Log in with a demo account."""
    page.goto(f"{base}/beheer/login")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.click("#submit")
    page.wait_for_url(f"{base}/beheer/")


def shoot_pages(page: Page, base: str) -> None:
    """The guide's first screens: login, overview, pages, history, alerts, substances."""
    page.goto(f"{base}/beheer/login")
    page.fill("#name", EDITOR)
    save(page, "inloggen")
    page.fill("#password", PASSWORD)
    page.click("#submit")
    page.wait_for_url(f"{base}/beheer/")
    save(page, "overzicht")
    page.goto(f"{base}/beheer/pages")
    save(page, "paginas")
    page.locator("table a").first.click()
    page.fill("#body", page.input_value("#body") + "\n\nEen extra zin voor het voorbeeld.")
    page.click("#preview")
    page.locator(".preview-frame").scroll_into_view_if_needed()
    save(page, "bewerken-voorbeeld")
    page.click("#save_draft")
    page.click("text=Geschiedenis")
    save(page, "geschiedenis")
    page.click("button:has-text('Vergelijken')")
    save(page, "verschillen")
    page.goto(f"{base}/beheer/alerts/new")
    now = datetime.now()
    page.fill("#text_nl", "Poeder verkocht als 3-MMC bleek een andere stof te zijn.")
    page.fill("#text_en", "Powder sold as 3-MMC turned out to be another substance.")
    page.fill("#starts_at", now.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#ends_at", (now + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"))
    save(page, "waarschuwing")
    page.goto(f"{base}/beheer/substances/new")
    page.fill("#name", "4-MMC")
    page.fill("#aliases", "mefedron")
    page.fill("#substance_class", "cathinon")
    save(page, "middel-toevoegen")


def shoot_kaart(page: Page, base: str) -> None:
    """The sociale kaart for editors: list, reports, opening hours, import."""
    page.goto(f"{base}/beheer/kaart")
    save(page, "kaart-lijst")
    page.click("text=Inloopspreekuur drugs (demo)")
    save(page, "kaart-melding")
    page.click("a.button-link")  # Bewerken
    page.fill("#opening_hours", "ma-vr 13-17, za 10-14")
    page.click("#check_hours")
    page.locator("#hours").scroll_into_view_if_needed()
    save(page, "kaart-openingstijden", page.locator("#hours"))
    page.goto(f"{base}/beheer/kaart/import")
    page.fill("#pasted", demo_data.IMPORT_CSV)
    page.click("#submit")
    save(page, "kaart-importeren", full_page=True)
    page.fill("#pasted", demo_data.IMPORT_CSV.replace("1234 AB", "1234", 1))
    page.click("#submit")
    save(page, "kaart-importeren-fout", page.locator(".import-preview .error-box"))


def shoot_combinations(page: Page, base: str) -> None:
    """The combinations: the list, and one pair being edited."""
    page.goto(f"{base}/beheer/combinations")
    page.click("table a:text-is('3-MMC')")
    page.locator("#pairs-title").evaluate("title => title.scrollIntoView()")
    save(page, "combinaties")
    page.locator("table a[href*='/combinations/']").first.click()
    save(page, "combinatie-bewerken")


def shoot_field_work(page: Page, base: str) -> None:
    """A field worker on a phone: check a listing, the flyer points, one point's flyers."""
    page.goto(f"{base}/beheer/kaart?due=y")
    page.click("text=Chemsex-spreekuur (demo)")
    save(page, "kaart-controleren")
    page.goto(f"{base}/beheer/flyers")
    save(page, "flyers-punten")
    page.click("text=Club Voorbeeld (demo)")
    save(page, "flyer-punt")
    page.wait_for_function("document.querySelector('img.flyer-preview').complete")
    save(page, "flyer-voorbeeld", page.locator(".flyer-point"))
    with page.expect_download() as download:
        page.click("a[href*='layout=a6'][href*='lang=nl']")
    assert download.value.suggested_filename.endswith(".pdf"), "the flyer PDF did not download"
    save(page, "flyer-pdf", page.locator("section[aria-labelledby=download-title]"))


def shoot(base: str) -> None:
    """Walk through the editor area and save one PNG per screen the guide shows."""
    with sync_playwright() as playwright:
        # Chromium's own words (date fields, "choose file") follow LANGUAGE, if Debian's
        # chromium-l10n is installed; Playwright's locale only sets what pages are told.
        browser = chromium.launch(playwright, env={**os.environ, "LANGUAGE": "nl"})
        page = browser.new_page(viewport=GUIDE, **DUTCH)
        shoot_pages(page, base)
        page.close()
        page = browser.new_page(viewport=DESKTOP, **DUTCH)
        log_in(page, base, EDITOR)
        shoot_kaart(page, base)
        page.goto(f"{base}/beheer/flyers/stats")
        save(page, "flyer-statistieken")
        shoot_combinations(page, base)
        page.close()
        page = browser.new_page(viewport=PHONE, **DUTCH)
        log_in(page, base, FIELD_WORKER)
        shoot_field_work(page, base)
        browser.close()


def main() -> None:
    """Start the demo site, take the screenshots, stop the site."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per PNG, not per request
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        app = demo_app(Path(folder))
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            shoot(f"http://127.0.0.1:{server.port}")
        finally:
            server.shutdown()
            thread.join()
            app.extensions["db_engine"].dispose()


if __name__ == "__main__":
    main()
