"""In Chromium: the flyer, statistics and combination screens work, with no axe-core violations."""

from datetime import date

import pytest

import flyers
from flyers.models import ScanCount
from tests.editor.conftest import browser_log_in, make_account
from website import db, pages

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe_check(page):
    """Return a checker that runs axe-core on the page and fails on any violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(name):
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        assert result.violations_count == 0, f"{name}: {result.generate_report()}"

    return check


def test_field_worker_makes_a_point_and_prints_its_flyers(page, live_server, site, axe_check):
    make_account(site, "veldwerker", role="field_worker")
    browser_log_in(page, live_server, "veldwerker")
    page.click("nav >> text=Flyers")
    page.wait_for_url(f"{live_server}/beheer/flyers")
    axe_check("points list")
    page.click("text=Nieuw punt")
    page.click("#submit")  # everything empty: messages next to the fields
    page.wait_for_selector("#name-error")
    axe_check("point form with errors")
    page.fill("#name", "Club De Kelder")
    page.select_option("#kind", "club")
    page.fill("#municipality", "Zwolle")
    page.fill("#notes", "Contact: de barmanager")
    page.click("#submit")
    page.wait_for_selector(".qr svg")
    assert page.locator(".notice").inner_text() == "Het punt is opgeslagen."
    # The preview image is really there (decoded by the browser, not just linked).
    width = page.locator(".flyer-preview").evaluate("i => i.decode().then(() => i.naturalWidth)")
    assert width == 600
    axe_check("point screen")
    with page.expect_download() as download:
        page.click("a[href*='layout=a6&lang=nl']")
    assert download.value.suggested_filename == "flyer-club-de-kelder-a6-nl.pdf"
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    page.click("text=Punt wijzigen")
    page.fill("#name", "Jongerencentrum De Grote Markt 12")
    page.click("#submit")
    page.wait_for_selector("text=te lang voor deze opmaak")
    axe_check("point screen with a name too long for the card")
    page.goto(f"{page.url}/flyer.pdf?layout=card")
    axe_check("flyer refused")
    page.goto(f"{live_server}/beheer/flyers")
    page.fill("#batch-municipality", "Zwolle")
    with page.expect_download() as batch:
        page.click("section >> text=PDF downloaden")
    assert batch.value.suggested_filename == "flyers-zwolle-sheet-eigen.pdf"


def test_statistics_screen(page, live_server, site, axe_check):
    with site.app_context():
        point = flyers.create_point(name="Club De Kelder", kind="club", municipality="Zwolle")
        db.session().add(ScanCount(point_id=point.id, day=date.today(), count=3))
        db.session().commit()
    make_account(site, "veldwerker", role="field_worker")
    browser_log_in(page, live_server, "veldwerker")
    page.click("nav >> text=Flyerstatistieken")
    page.wait_for_selector(".chart svg")
    axe_check("statistics per point")
    page.select_option("#by", "kind")
    page.click("text=Tonen")
    page.wait_for_selector("th[scope=row] >> text=Club")
    axe_check("statistics per kind")
    page.fill("#end", "2020-01-01")
    page.click("text=Tonen")
    page.wait_for_selector("#end-error")
    axe_check("statistics with a bad period")


def test_editor_edits_a_combination_and_meets_a_conflict(page, live_server, site, axe_check):
    make_account(site)
    browser_log_in(page, live_server)
    page.click("nav >> text=Combinaties")
    page.wait_for_selector("#pairs-title")
    axe_check("combinations list")
    page.click("text=3-MMC + GHB of GBL")
    page.wait_for_selector("#rating_tripsit")
    axe_check("combination form")
    page.fill("#reason_nl", "")
    page.click("#submit")
    page.wait_for_selector("#reason_nl-error")
    axe_check("combination form with errors")
    page.fill("#reason_nl", "Beide geven een oppepper en een dip; samen is dat onvoorspelbaar.")
    page.select_option("#rating_psychonautwiki", "unsafe")
    # Another editor saves the pair while this one is still typing.
    with site.app_context():
        data, version = pages.stored_combination("3-mmc", "ghb")
        data.texts["nl"]["advice"] = "Advies van de andere redacteur."
        pages.save_combination(data, version)
    page.click("#submit")
    page.wait_for_selector("#mine-title")
    assert "Advies van de andere redacteur." in page.inner_text("#main")
    assert "samen is dat onvoorspelbaar" in page.input_value("#reason_nl")
    axe_check("combination conflict")
    page.click("#submit")
    page.wait_for_selector(".notice")
    assert "Niveau op de site nu: Onveilig" in page.inner_text("#main")
