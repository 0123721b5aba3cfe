"""Debian's Chromium as the browser tests and the guide's screenshots start it.

The one place for the executable and its launch options: tests/conftest.py and
docs/screenshots.py both import it. It lives in the app package only because that is the
package both can import (tests/ and docs/ are not packages); the app itself never starts a
browser, and Playwright (a test dependency) is never imported here.
"""

from pathlib import Path

EXECUTABLE = Path("/usr/bin/chromium")  # Debian's build: we never `playwright install`
# Headless without a GPU or sandbox (CI runs as root in a container), and none of Chromium's
# own calls out (QUIC probes, updates, sync), so a run reaches nothing but loopback.
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright, **options):
    """Start Debian's Chromium from a running Playwright instance; return the browser.

    Extra Playwright launch options (such as `env`) pass through; the arguments do not change.
    """
    return playwright.chromium.launch(
        executable_path=str(EXECUTABLE), headless=True, args=LAUNCH_ARGS, **options
    )
