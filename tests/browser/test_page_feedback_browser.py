"""The page feedback form in Chromium at 320px: sent without JavaScript tricks, accessible."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import is_loopback, open_page
from tests.browser.test_pages_in_browser import WCAG_AA, describe_violations

pytestmark = pytest.mark.browser


def axe_violations(page) -> list[dict]:
    return Axe().run(page, options=WCAG_AA).response["violations"]


@pytest.mark.parametrize(
    ("path", "choice", "thanks"),
    [
        ("/nl/3-mmc/wat-is-het", "Het is verouderd", "Je melding is bij de redactie"),
        ("/en/safe-browsing", "Something is missing", "Your note has reached the editors"),
    ],
)
def test_a_visitor_sends_a_note_at_320px(page, context, live_server, path, choice, thanks):
    open_page(page, live_server, path, 200)
    form = page.locator("#feedback form")
    form.scroll_into_view_if_needed()
    assert not (violations := axe_violations(page)), describe_violations(violations)

    form.get_by_label(choice).check()
    form.locator("textarea").fill("Een korte test.")
    with page.expect_navigation():
        form.get_by_role("button").click()

    assert page.url.endswith("=1#feedback")
    status = page.locator("#feedback [role=status]")
    assert thanks in status.inner_text()
    assert status.is_visible()
    assert not (violations := axe_violations(page)), describe_violations(violations)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    outside = [url for url in page.visit.requests if not is_loopback(url)]
    assert not outside, f"requests off this machine: {outside}"
    assert context.cookies() == []
    assert page.visit.page_errors == [] and page.visit.console_errors == []


def test_a_problem_is_shown_accessibly_with_the_text_kept(page, live_server):
    open_page(page, live_server, "/en/about", 200)
    form = page.locator("#feedback form")
    form.locator("textarea").fill("No kind chosen.")
    with page.expect_navigation():
        form.get_by_role("button").click()
    assert page.locator("#feedback-problem").inner_text() == "Choose what is wrong."
    assert form.locator("textarea").input_value() == "No kind chosen."
    assert not (violations := axe_violations(page)), describe_violations(violations)
