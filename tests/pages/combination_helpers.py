"""Shared builders for the combination checker's tests."""

from pathlib import Path

from website import db
from website.pages.importer import import_content

FIXTURE = Path(__file__).parent / "fixtures" / "combinations.yaml"


def combinations_text(extra_substances: str = "", extra_combinations: str = "") -> str:
    """Return a small valid combinations.yaml, with more substances or combinations if given."""
    return f"""sources:
  tripsit:
    title: TripSit, drug combinations chart
    url: https://combo.tripsit.me/
substances:
- key: 3-mmc
  name: {{nl: 3-MMC, en: 3-MMC}}
  aliases: [poes, 3m]
- key: alcohol
  name: {{nl: Alcohol, en: Alcohol}}
  aliases: [drank]
{extra_substances}combinations:
- substances: [3-mmc, alcohol]
  ratings:
  - source: tripsit
    level: caution
  nl:
    reason: Samen zwaar voor je hart.
    advice: Drink weinig.
  en:
    reason: Hard on your heart together.
    advice: Drink little.
{extra_combinations}"""


def install_combinations(app, text: str | None = None):
    """Write combinations.yaml into the app's content folder and import it; return the report."""
    path = app.config["CONTENT_DIR"] / "combinations.yaml"
    path.write_text(text if text is not None else FIXTURE.read_text(encoding="utf-8"), "utf-8")
    with app.app_context():
        return import_content(db.session(), app.config["CONTENT_DIR"])
