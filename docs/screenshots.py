"""Make the screenshots of the editor's guide: `make docs-screenshots` (writes docs/img/*.png).

Starts the site on a temporary SQLite database with a demo admin, drives Debian's Chromium
through Playwright, and saves 800-pixel-wide PNGs. Nothing else in the repository changes.
"""

import secrets
import tempfile
import threading
from datetime import datetime, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from website import create_app, db
from website.editor.models import Account
from website.editor.passwords import hash_password
from website.pages.importer import import_content

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "img"
FIXTURES = REPO / "tests" / "editor" / "fixtures"
NAME, PASSWORD = "demo", secrets.token_urlsafe(16)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def demo_app(folder: Path):
    """Return the app on a fresh database with content and one demo admin."""
    content = REPO / "content" if (REPO / "content" / "nl").is_dir() else FIXTURES / "content"
    templates = REPO / "content" / "_templates"
    app = create_app(
        {
            "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
            "SECRET_KEY": secrets.token_hex(16),
            "CONTENT_DIR": content,
            "CONTENT_TEMPLATES_DIR": templates if templates.is_dir() else FIXTURES / "templates",
        }
    )
    with app.app_context():
        db.upgrade()
        import_content(db.session(), content)
        db.session().add(Account(name=NAME, role="admin", password_hash=hash_password(PASSWORD)))
        db.session().commit()
    return app


def shoot(base: str) -> None:
    """Walk through the editor area and save one PNG per screen the guide shows."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 800, "height": 900})

        def save(name: str) -> None:
            page.screenshot(path=str(OUT / f"{name}.png"))
            print(f"docs/img/{name}.png")

        page.goto(f"{base}/beheer/login")
        page.fill("#name", NAME)
        save("inloggen")
        page.fill("#password", PASSWORD)
        page.click("#submit")
        page.wait_for_url(f"{base}/beheer/")
        save("overzicht")
        page.goto(f"{base}/beheer/pages")
        save("paginas")
        page.locator("table a").first.click()
        page.fill("#body", page.input_value("#body") + "\n\nEen extra zin voor het voorbeeld.")
        page.click("#preview")
        page.locator(".preview-frame").scroll_into_view_if_needed()
        save("bewerken-voorbeeld")
        page.click("#save_draft")
        page.click("text=Geschiedenis")
        save("geschiedenis")
        page.click("button:has-text('Vergelijken')")
        save("verschillen")
        page.goto(f"{base}/beheer/alerts/new")
        now = datetime.now()
        page.fill("#text_nl", "Poeder verkocht als 3-MMC bleek een andere stof te zijn.")
        page.fill("#text_en", "Powder sold as 3-MMC turned out to be another substance.")
        page.fill("#starts_at", now.strftime("%Y-%m-%dT%H:%M"))
        page.fill("#ends_at", (now + timedelta(days=14)).strftime("%Y-%m-%dT%H:%M"))
        save("waarschuwing")
        page.goto(f"{base}/beheer/substances/new")
        page.fill("#name", "4-MMC")
        page.fill("#aliases", "mefedron")
        page.fill("#substance_class", "cathinon")
        save("middel-toevoegen")
        browser.close()


def main() -> None:
    """Start the demo site, take the screenshots, stop the site."""
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
