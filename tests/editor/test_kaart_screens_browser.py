"""The sociale kaart screens in Chromium: main flows, roles, and axe-core on every screen."""

import pytest
import sqlalchemy as sa

from sociale_kaart import Service, add_report
from tests.editor.conftest import browser_log_in, make_account, save_as_other_editor
from tests.editor.kaart_helpers import add_listing
from website import db

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CSV = (
    "naam;organisatie;categorieen;plaats;openingstijden;bron\n"
    "Inloop Deventer;Tactus;verslavingszorg;Deventer;ma-vr 9-17;https://tactus.nl\n"
)


@pytest.fixture
def axe_check(page):
    """Run axe-core (WCAG 2.1 A and AA) on the current page; fail with its report."""
    from axe_playwright_python.sync_playwright import Axe

    axe, checked = Axe(), []

    def check(name: str) -> None:
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        checked.append(name)
        assert result.violations_count == 0, f"{name}: {result.generate_report()}"

    check.checked = checked
    return check


def test_editor_adds_an_organisation_and_a_listing_with_hours_shown_back(
    page, live_server, site, axe_check, tmp_path
):
    make_account(site)
    browser_log_in(page, live_server)
    page.get_by_role("navigation").get_by_role("link", name="Organisaties").click()
    axe_check("organisations")
    page.click("text=Nieuwe organisatie")
    page.fill("#name", "Tactus")
    page.fill("#website", "tactus.nl")
    page.click("#submit")
    page.wait_for_selector(".error")
    axe_check("organisation with an error")
    page.fill("#website", "https://www.tactus.nl")
    page.click("#submit")
    page.wait_for_selector(".notice")
    page.get_by_role("link", name="Tactus", exact=True).click()
    axe_check("organisation")
    page.go_back()
    page.click("text=Vermelding toevoegen")
    axe_check("new listing")
    page.fill("#name", "Inloop Zwolle")
    page.fill("#source_url", "https://www.tactus.nl/zwolle")
    page.check("text=Verslavingszorg")
    page.select_option("#free", "yes")
    page.fill("#opening_hours", "ma-vr 9-17, za 10-14")
    page.fill("#locations-0-city", "Zwolle")
    page.fill("#phones-0-number", "088 382 8200")
    page.click("#save")
    page.wait_for_selector(".hours-preview")
    assert "Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off" in page.inner_text(".hours-preview")
    assert "Gesloten op feestdagen" in page.inner_text(".hours-preview")
    axe_check("listing with the hours shown back")
    page.click("#save")
    page.wait_for_selector(".notice")
    assert "De vermelding is opgeslagen." in page.inner_text(".notice")
    axe_check("listing screen")
    page.click("text=Bewerken")
    page.fill("#opening_hours", "ma-vr 9-17 op afspraak")
    page.click("#check_hours")
    page.wait_for_selector("#opening_hours-error")
    assert "afspraak" in page.inner_text("#opening_hours-error")
    axe_check("listing with invalid hours")
    page.goto(f"{live_server}/beheer/kaart")
    assert "Inloop Zwolle" in page.inner_text("table")
    axe_check("list")
    page.goto(f"{live_server}/beheer/kaart/import")
    axe_check("import")
    upload = tmp_path / "kaart.csv"
    upload.write_text(CSV.replace("ma-vr 9-17", "ma-vr 9-17 op afspraak"), encoding="utf-8")
    page.set_input_files("#upload", str(upload))
    page.click("#submit")
    page.wait_for_selector(".import-preview")
    axe_check("import preview with problems")
    upload.write_text(CSV, encoding="utf-8")
    page.set_input_files("#upload", str(upload))
    page.click("#submit")
    page.wait_for_selector("text=Nu importeren")
    axe_check("import preview")
    page.click("text=Nu importeren")
    page.wait_for_selector(".notice")
    assert "1 nieuw" in page.inner_text(".notice")
    assert "Inloop Deventer" in page.inner_text("table")
    assert len(axe_check.checked) == 11


def test_conflict_screen_keeps_both_versions(page, live_server, site, axe_check):
    make_account(site)
    make_account(site, "tweede")
    service_id = add_listing(site)
    browser_log_in(page, live_server)
    page.goto(f"{live_server}/beheer/kaart/services/{service_id}/edit")
    page.fill("#description", "Mijn versie.")
    url = f"{live_server}/beheer/kaart/services/{service_id}/edit"
    save_as_other_editor(page, live_server, url, "#description", "Hun versie.", "#save")
    page.click("#save")
    page.wait_for_selector(".conflict")
    assert "Hun versie." in page.inner_text(".facts")
    assert page.input_value("#description") == "Mijn versie."
    axe_check("conflict")


def test_field_worker_checks_a_due_listing_from_the_dashboard(page, live_server, site, axe_check):
    make_account(site, "veldwerker", role="field_worker")
    service_id = add_listing(site, name="Drugs Infolijn", slug="drugs-infolijn")
    with site.test_request_context("/"):
        add_report(db.session(), service_id, "Het nummer is veranderd.")
    browser_log_in(page, live_server, "veldwerker")
    axe_check("dashboard with kaart sections")
    page.get_by_role("link", name="Drugs Infolijn (Testorganisatie)").click()
    assert page.get_by_role("link", name="Bewerken").count() == 0
    assert page.get_by_role("button", name="Afgehandeld").count() == 0
    page.goto(f"{live_server}/beheer/kaart?due=y")
    axe_check("due list")
    page.get_by_role("button", name="Vandaag gecontroleerd").click()
    page.wait_for_selector(".notice")
    assert "vandaag gecontroleerd" in page.inner_text(".notice")
    with site.app_context():
        assert db.session().scalar(sa.select(Service.verified)) is True
