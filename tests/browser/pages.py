"""The public page types the browser tests visit, and how to open one."""

from urllib.parse import urlsplit

import pytest

LOOPBACK = "127.0.0.1"
VIEWPORT = {"width": 320, "height": 640}

# (path, expected status) for each public page type, in both languages.
PUBLIC_PAGES = [
    ("/nl/", 200),
    ("/en/", 200),
    ("/nl/3-mmc/wat-is-het", 200),
    ("/en/3-mmc/what-is-it", 200),
    ("/nl/veilig-surfen", 200),
    ("/en/safe-browsing", 200),
    ("/nl/zoeken?q=3-mmc", 200),
    ("/en/search?q=3-mmc", 200),
    ("/nl/combinaties", 200),
    ("/nl/combinaties?a=3-mmc&b=alcohol", 200),
    ("/en/combinations", 200),
    ("/en/combinations?a=3-mmc&b=alcohol", 200),
    ("/nl/bestaat-niet", 404),
    ("/en/does-not-exist", 404),
]
PAGE_PARAMS = [pytest.param(path, status, id=path) for path, status in PUBLIC_PAGES]

# The combination checker is built on its own branch; until it is merged its route is a 404.
CHECKER_PATHS = ("/nl/combinaties", "/en/combinations")

# Chromium reports a 404 document as a console error; on the 404 page that is the point.
NOT_FOUND_MESSAGE = "the server responded with a status of 404"


def open_page(page, base_url: str, path: str, status: int):
    """Load a page and all it loads (the load event); skip the checker while it is missing."""
    response = page.goto(base_url + path, wait_until="load")
    if path.startswith(CHECKER_PATHS) and response.status == 404:
        pytest.skip("the combination checker is not merged yet: its route still answers 404")
    assert response.status == status, f"{path} answered {response.status}"
    return response


def console_errors(page, status: int) -> list[str]:
    """Return the console errors of a visit, less the 404 the 404 page is meant to give."""
    errors = page.visit.console_errors
    if status == 404:
        errors = [e for e in errors if NOT_FOUND_MESSAGE not in e]
    return errors


def new_context(browser, **options):
    """Open a fresh 320px-wide browser context that refuses anything off loopback."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block", **options)

    def only_loopback(route) -> None:
        if is_loopback(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    context.route("**/*", only_loopback)
    return context


def is_loopback(url: str) -> bool:
    """Say whether a URL stays on this machine (or is the browser's own blank page)."""
    if url.startswith(("about:blank", "data:")):
        return True
    return urlsplit(url).hostname == LOOPBACK
