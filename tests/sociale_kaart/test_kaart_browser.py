"""The help pages in Debian's Chromium: search, filter, location on the device, map on request."""

from pathlib import Path

import pytest
from werkzeug.serving import make_server

from sociale_kaart.places import load_postcodes
from tests.sociale_kaart.loopback import running, serve, tiles
from tests.sociale_kaart.test_kaart_search import add_services
from website import db

pytestmark = pytest.mark.browser
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SAMPLE = Path(__file__).parent / "data" / "NL-sample.txt"
# Where the visitor stands: near Zwolle station. These digits must never leave the browser.
HERE = {"latitude": 52.50531, "longitude": 6.09237}


@pytest.fixture
def site(kaart):
    """The app with listings and postcodes, served on loopback, with a loopback tile server."""
    add_services(kaart)
    with kaart.app_context():
        load_postcodes(db.session(), SAMPLE.read_text())
    with serve(tiles) as (tile_url, tile_requests):
        kaart.config.update(
            MAP_TILE_URL=f"{tile_url}/{{z}}/{{x}}/{{y}}.png",
            MAP_TILE_ATTRIBUTION="Test tiles",
        )
        with running(make_server("127.0.0.1", 0, kaart, threaded=True)) as base:
            yield base, tile_requests


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 320, "height": 720})
    yield context
    context.close()


def watch(page) -> tuple[list, list]:
    """Record every request, every failed response (by URL) and every console error."""
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on(
        "console",
        # A failed load is reported above with its URL; the console repeats it without one.
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    return requests, errors


def slugs(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-results] > li", "items => items.map(i => i.id.replace('dienst-', ''))"
    )


def no_axe_violations(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()


def test_search_by_postcode_and_by_place_then_filter_and_open(site, context):
    base, _ = site
    page = context.new_page()
    requests, errors = watch(page)
    page.goto(f"{base}/nl/hulp")
    page.fill("#q", "7141 ab")
    page.click("form.kaart-search button[type=submit]")
    assert page.inner_text("#results") == "Dichtstbij 7141 (Groenlo)"
    assert slugs(page)[0] == "testservice-lichtenvoorde"
    page.fill("#q", "zwolle")
    page.click("form.kaart-search button[type=submit]")
    assert slugs(page)[0] == "tactus-zwolle"
    no_axe_violations(page)
    # With results, the filters fold away so the list starts high on a phone.
    assert not page.is_visible("#kaart-category")
    page.click("details.kaart-filter-box summary")
    page.select_option("#kaart-category", "drugs-testen")
    page.click("form.kaart-search button[type=submit]")
    assert "categorie=drugs-testen" in page.url
    assert page.inner_text("details.kaart-filter-box summary") == "Filters (1 gekozen)"
    assert slugs(page) == ["testservice-lichtenvoorde"]
    page.click("#dienst-testservice-lichtenvoorde h3 a")
    assert page.inner_text("h1") == "Testservice Lichtenvoorde"
    no_axe_violations(page)
    assert errors == []  # the JSON-LD block is data: no CSP report, no error
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert all(r.url.startswith(base) for r in requests)


def test_use_my_location_sorts_on_the_device_and_sends_nothing(site, context):
    base, _ = site
    context.grant_permissions(["geolocation"], origin=base)
    context.set_geolocation(HERE)
    page = context.new_page()
    requests, errors = watch(page)
    page.goto(f"{base}/en/help?q=Groenlo")
    assert slugs(page)[0] == "testservice-lichtenvoorde"
    assert "sends your position to no one" in page.inner_text("[data-location]")
    before = len(requests)
    page.click("[data-use-location]")
    page.wait_for_selector("text=sorted by distance from where you are now")
    assert slugs(page)[0] == "tactus-zwolle"
    assert page.inner_text("#dienst-tactus-zwolle [data-distance]") == "0.1 km"
    assert len(requests) == before  # sorting asked nothing of anyone
    for request in requests:
        sent = request.url + (request.post_data or "") + str(request.headers)
        assert "52.505" not in sent and "6.092" not in sent
    no_axe_violations(page)
    assert errors == []


def test_the_map_loads_leaflet_and_tiles_only_after_the_tap(site, context):
    base, tile_requests = site
    page = context.new_page()
    requests, errors = watch(page)
    page.goto(f"{base}/nl/hulp?q=Groenlo")
    page.wait_for_load_state("networkidle")
    before = list(requests)
    assert len(before) <= 5, [r.url for r in before]
    assert not any(r.url.endswith("/favicon.ico") for r in requests)  # the icon is inline
    size = sum(len(r.response().body()) for r in before if r.response())
    assert size < 30 * 1024, size
    assert not any("leaflet" in r.url for r in requests)
    assert tile_requests.requests == []
    assert "De kaart haalt haar afbeeldingen bij 127.0.0.1" in page.inner_text("[data-map]")
    no_axe_violations(page)
    page.click("[data-show-map]")
    page.wait_for_selector(".leaflet-marker-icon >> nth=2")
    page.wait_for_function("document.querySelectorAll('.leaflet-tile-loaded').length > 0")
    assert any(r.url.endswith("/vendor/leaflet/leaflet.js") for r in requests)
    assert tile_requests.requests, "no tile was asked for"
    names = page.eval_on_selector_all(".leaflet-marker-icon", "ms => ms.map(m => m.alt)")
    assert sorted(names) == ["Jongerenwerk Aalten", "Tactus Zwolle", "Testservice Lichtenvoorde"]
    page.click(".leaflet-marker-icon[alt='Tactus Zwolle']", force=True)
    assert page.get_attribute("#dienst-tactus-zwolle", "class").endswith("kaart-selected")
    no_axe_violations(page)
    assert errors == []


def test_results_in_dark_mode_stay_readable(site, browser):
    base, _ = site
    context = browser.new_context(viewport={"width": 320, "height": 720}, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(f"{base}/nl/hulp?q=Groenlo")
        assert slugs(page)  # open/closed states, distances and actions are on the page
        no_axe_violations(page)
    finally:
        context.close()
