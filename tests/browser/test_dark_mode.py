"""Dark mode: a phone set to dark gets dark public pages, still free of WCAG AA violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import LOOPBACK, new_context, open_page
from tests.browser.test_pages_in_browser import WCAG_AA, describe_violations

pytestmark = pytest.mark.browser
DARK_PAGES = [
    "/nl/",
    "/nl/3-mmc/wat-is-het",
    "/en/combinations?a=3-mmc&b=alcohol",
    "/nl/combinaties?a=3-mmc&b=ghb",
    "/nl/hulp",
    "/nl/bestaat-niet",
]


@pytest.fixture
def dark_page(browser):
    context = new_context(browser, color_scheme="dark")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", DARK_PAGES)
def test_dark_pages_are_dark_and_readable(dark_page, live_server, path):
    open_page(dark_page, live_server, path, 404 if "bestaat-niet" in path else 200)
    background = dark_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 18, 18)"
    violations = Axe().run(dark_page, options=WCAG_AA).response["violations"]
    assert not violations, f"axe found on {path} (dark):\n{describe_violations(violations)}"


def test_the_editor_stays_light(dark_page, live_server):
    dark_page.goto(f"{live_server}/beheer/login")
    background = dark_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 255, 255)"
    assert LOOPBACK in dark_page.url
