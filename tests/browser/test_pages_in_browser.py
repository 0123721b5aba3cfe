"""Each public page type in Chromium at 320px: accessible, private, fitting the screen.

Accessibility is checked with axe-core at WCAG 2.0 and 2.1, levels A and AA.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import PAGE_PARAMS, console_errors, is_loopback, open_page

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def describe_violations(violations: list[dict]) -> str:
    """Return axe's violations as readable lines: rule, what it asks, and where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {' '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize(("path", "status"), PAGE_PARAMS)
def test_page_has_no_wcag_aa_violation(page, live_server, path, status):
    open_page(page, live_server, path, status)
    results = Axe().run(page, options=WCAG_AA)
    violations = results.response["violations"]
    assert not violations, f"axe found on {path}:\n{describe_violations(violations)}"


@pytest.mark.parametrize(("path", "status"), PAGE_PARAMS)
def test_page_stays_private_and_quiet(page, context, live_server, path, status):
    open_page(page, live_server, path, status)
    outside = [url for url in page.visit.requests if not is_loopback(url)]
    assert not outside, f"requests off this machine: {outside}"
    assert context.cookies() == []
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.length") == 0
    assert console_errors(page, status) == []
    assert page.visit.page_errors == []


@pytest.mark.parametrize(("path", "status"), PAGE_PARAMS)
def test_page_fits_320px_without_horizontal_scroll(page, live_server, path, status):
    open_page(page, live_server, path, status)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path} is {width}px wide at a 320px viewport"
