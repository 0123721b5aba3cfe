"""The geocoder over real HTTP on loopback: found, cached, not found, down, slow, throttled."""

import threading

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from sociale_kaart import geocoding
from sociale_kaart.geocoding import GeocoderSettings, geocode
from sociale_kaart.place_models import GeocodeAnswer
from tests.sociale_kaart.loopback import closed_port_url, nominatim, serve
from website import db

ADDRESSES = {
    "stationsweg 1, zwolle": (52.5049, 6.0907, "Stationsweg 1, Zwolle, Overijssel, Nederland"),
    "8011 ab": (52.5120, 6.0930, "8011 AB, Zwolle, Nederland"),
    "7141 ab": (52.0430, 6.6140, "7141 AB, Groenlo, Nederland"),
}


def settings(url: str, **fields) -> GeocoderSettings:
    values = dict(url=url, user_agent="kaart-test/1.0", timeout=1.0, min_interval=0.0)
    values.update(fields)
    return GeocoderSettings(**values)


def test_an_address_is_found_and_asked_only_once(kaart):
    with serve(nominatim(ADDRESSES)) as (url, seen), kaart.app_context():
        first = geocode(db.session(), "Stationsweg 1, Zwolle", settings(url))
        again = geocode(db.session(), "  STATIONSWEG 1,  zwolle", settings(url))
    assert first.status == again.status == geocoding.FOUND
    assert (first.latitude, first.longitude) == (52.5049, 6.0907)
    assert again.label == first.label
    assert len(seen.requests) == 1
    _, path, query, headers = seen.requests[0]
    # Only the typed text (and Nominatim's own options) goes out; nothing about the visitor.
    assert path == "/search"
    assert query["q"] == "Stationsweg 1, Zwolle"
    assert query["countrycodes"] == "nl"
    assert set(query) <= {"q", "format", "countrycodes", "limit"}
    assert headers["User-Agent"] == "kaart-test/1.0"
    assert not {"X-Forwarded-For", "Referer", "Cookie"} & set(headers)


def test_not_found_is_cached_too(kaart):
    with serve(nominatim({})) as (url, seen), kaart.app_context():
        assert geocode(db.session(), "Nergensstraat 9", settings(url)).status == "not-found"
        assert geocode(db.session(), "nergensstraat 9", settings(url)).status == "not-found"
        stored = db.session().get(GeocodeAnswer, "nergensstraat 9")
    assert len(seen.requests) == 1
    assert stored is not None and stored.found is False


def test_a_postcode_is_asked_as_a_postcode(kaart):
    with serve(nominatim(ADDRESSES)) as (url, seen), kaart.app_context():
        found = geocode(db.session(), "8011 AB", settings(url), postcode=True)
    assert found.status == geocoding.FOUND
    assert seen.requests[0][2]["postalcode"] == "8011 AB"


def test_a_geocoder_that_is_down_is_unavailable_and_not_cached(kaart):
    with kaart.app_context():
        result = geocode(db.session(), "Stationsweg 1, Zwolle", settings(closed_port_url()))
        assert result.status == geocoding.UNAVAILABLE
        assert db.session().scalar(sa.select(sa.func.count()).select_from(GeocodeAnswer)) == 0


def test_a_slow_geocoder_times_out(kaart):
    with serve(nominatim(ADDRESSES, delay=1.5)) as (url, _), kaart.app_context():
        result = geocode(db.session(), "Stationsweg 1, Zwolle", settings(url, timeout=0.3))
    assert result.status == geocoding.UNAVAILABLE


def test_no_geocoder_configured_is_off(kaart):
    with kaart.app_context():
        assert geocode(db.session(), "Stationsweg 1", settings("")).status == geocoding.OFF


def test_two_workers_sharing_the_database_wait_the_interval(kaart):
    """Two threads, each with its own engine (as two gunicorn workers), ask at once."""
    interval = 1.0
    url_db = kaart.config["DATABASE_URL"]
    errors = []
    with serve(nominatim(ADDRESSES)) as (url, seen):
        start = threading.Barrier(2)

        def worker(text: str) -> None:
            engine = sa.create_engine(url_db)
            try:
                with Session(engine) as session:
                    start.wait()
                    geocode(session, text, settings(url, min_interval=interval, max_wait=5))
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)
            finally:
                engine.dispose()

        threads = [
            threading.Thread(target=worker, args=(text,))
            for text in ("Stationsweg 1, Zwolle", "7141 AB")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    times = sorted(t for t, *_ in seen.requests)
    assert len(times) == 2
    # The throttle spaces the moments the requests start; arrival adds each request's own
    # delay, so allow for that on a busy machine. Without the throttle the gap is ~0.
    assert times[1] - times[0] >= interval * 0.5


def test_a_full_queue_answers_busy_instead_of_waiting_long(kaart):
    with kaart.app_context():
        engine = db.engine()
        assert geocoding.reserve_request_slot(engine, 10.0, max_wait=1.0) == 0.0
        assert geocoding.reserve_request_slot(engine, 10.0, max_wait=1.0) is None


def test_a_clock_row_created_by_another_worker_meanwhile_is_not_busy(kaart):
    """The race CI once hit on PostgreSQL: our UPDATE saw no row, the check right after did."""
    with kaart.app_context():
        engine = db.engine()
        created = []

        def other_worker_creates_the_row(conn, cursor, statement, parameters, context, many):
            if not created and statement.lstrip().upper().startswith("SELECT"):
                created.append(True)
                cursor.execute("INSERT INTO geocoder_clock (id, next_request_at) VALUES (1, 0)")

        sa.event.listen(engine, "before_cursor_execute", other_worker_creates_the_row)
        try:
            assert geocoding.reserve_request_slot(engine, 10.0, max_wait=1.0) == 0.0
        finally:
            sa.event.remove(engine, "before_cursor_execute", other_worker_creates_the_row)
        assert created  # the race really happened


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Stationsweg 1, Zwolle", "Nearest to Stationsweg 1, Zwolle, Overijssel"),
        ("Nergensstraat 9, Zwolle", "We could not find this address"),
        ("8011 AB", "Nearest to 8011 AB, Zwolle"),
        ("1234 AB", "We could not find this postcode"),
    ],
)
def test_the_help_page_uses_the_geocoder(kaart_client, kaart, query, expected):
    with serve(nominatim(ADDRESSES)) as (url, _):
        kaart.config["GEOCODER_URL"] = url
        page = kaart_client.get("/en/help", query_string={"q": query})
    assert page.status_code == 200
    assert expected in page.text


@pytest.mark.parametrize("how", ["down", "slow", "off"])
def test_when_the_geocoder_fails_the_page_offers_place_search_and_location(
    kaart_client, kaart, how
):
    if how == "off":
        kaart.config["GEOCODER_URL"] = ""
        page = kaart_client.get("/en/help", query_string={"q": "Stationsweg 1, Zwolle"})
    elif how == "down":
        kaart.config["GEOCODER_URL"] = closed_port_url()
        page = kaart_client.get("/en/help", query_string={"q": "Stationsweg 1, Zwolle"})
    else:
        with serve(nominatim(ADDRESSES, delay=1.5)) as (url, _):
            kaart.config.update(GEOCODER_URL=url, GEOCODER_TIMEOUT=0.3)
            page = kaart_client.get("/en/help", query_string={"q": "Stationsweg 1, Zwolle"})
    assert page.status_code == 200
    assert "Type the name of your town instead" in page.text
    assert "Use my location" in page.text
    assert 'role="alert"' in page.text


def test_place_names_never_reach_the_geocoder_when_the_gazetteer_knows_them(kaart_client, kaart):
    with serve(nominatim({})) as (url, seen):
        kaart.config["GEOCODER_URL"] = url
        page = kaart_client.get("/nl/hulp", query_string={"q": "groenlo"})
    assert "Groenlo (Gelderland)" in page.text
    assert seen.requests == []
