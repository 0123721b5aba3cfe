"""The quick exit leaves at once, by click or Shift pressed three times, and leaves no way back.

The visit starts on a neutral loopback page, then opens a page of the site. After the quick
exit, going back must land on the neutral page, not on ours: the exit replaced the site's
history entry instead of adding one.
"""

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/nl/3-mmc/wat-is-het", "/en/"]


def open_site_page(page, live_server: str, quick_exit_url: str, path: str) -> int:
    """Open the neutral page, then a page of ours; return the history length then."""
    page.goto(quick_exit_url + "start")
    page.goto(live_server + path, wait_until="load")
    return page.evaluate("history.length")


def assert_left_without_trace(page, live_server: str, quick_exit_url: str, length: int) -> None:
    """Check the page is the quick-exit destination and the site is out of the history."""
    page.wait_for_url(quick_exit_url)
    assert page.evaluate("history.length") == length
    page.go_back(wait_until="load")
    assert not page.url.startswith(live_server), f"going back returned to {page.url}"
    assert page.url == quick_exit_url + "start"


@pytest.mark.parametrize("path", PAGES)
def test_quick_exit_by_click(page, live_server, quick_exit_url, path):
    length = open_site_page(page, live_server, quick_exit_url, path)
    page.locator("[data-quick-exit]").click()
    assert_left_without_trace(page, live_server, quick_exit_url, length)


@pytest.mark.parametrize("path", PAGES)
def test_quick_exit_by_pressing_shift_three_times(page, live_server, quick_exit_url, path):
    length = open_site_page(page, live_server, quick_exit_url, path)
    for _ in range(3):
        page.keyboard.press("Shift")
    assert_left_without_trace(page, live_server, quick_exit_url, length)


def test_quick_exit_link_works_without_javascript(browser, live_server, quick_exit_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(live_server + "/nl/")
        page.locator("[data-quick-exit]").click()
        page.wait_for_url(quick_exit_url)
    finally:
        context.close()
