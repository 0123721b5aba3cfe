"""`flask kaart postcodes` (offline postcodes) and `flask kaart geocode` (listings' addresses)."""

from pathlib import Path

import sqlalchemy as sa

from sociale_kaart import Location, LocationData, create_service
from sociale_kaart.place_models import PostalCode
from tests.sociale_kaart.kaart_factories import service_data
from tests.sociale_kaart.loopback import closed_port_url, nominatim, serve
from website import db

SAMPLE = Path(__file__).parent / "data" / "NL-sample.txt"


def test_offline_postcodes_answer_without_a_geocoder(kaart):
    result = kaart.test_cli_runner().invoke(args=["kaart", "postcodes", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Loaded 2 postcodes" in result.output
    client = kaart.test_client()
    assert "Nearest to 7141 (Groenlo)" in client.get("/en/help?q=7141+AB").text
    assert "Nearest to 8011 (Zwolle)" in client.get("/en/help?q=8011").text


def test_a_broken_postcode_file_writes_nothing(kaart, tmp_path):
    runner = kaart.test_cli_runner()
    runner.invoke(args=["kaart", "postcodes", str(SAMPLE)])
    broken = tmp_path / "NL.txt"
    broken.write_text(
        SAMPLE.read_text() + "NL\t7141\tGroenlo\tGelderland\t03\t\t\t\t\tnorth\t6.6\t6\n"
    )
    result = runner.invoke(args=["kaart", "postcodes", str(broken)])
    assert result.exit_code == 1
    assert "line 3" in result.output and "Nothing was written" in result.output
    with kaart.app_context():
        assert db.session().scalar(sa.select(sa.func.count()).select_from(PostalCode)) == 2


def test_geocode_gives_addresses_their_point_and_leaves_towns_approximate(kaart):
    with kaart.app_context():
        create_service(
            db.session(),
            service_data(
                slug="met-adres",
                name="Met adres",
                locations=[LocationData(address_1="Stationsweg 1", city="Zwolle")],
            ),
        )
        create_service(db.session(), service_data(slug="alleen-plaats", name="Alleen plaats"))
    places = {"stationsweg 1, zwolle": (52.5049, 6.0907, "Stationsweg 1, Zwolle")}
    with serve(nominatim(places)) as (url, seen):
        kaart.config["GEOCODER_URL"] = url
        result = kaart.test_cli_runner().invoke(args=["kaart", "geocode"])
    assert result.exit_code == 0, result.output
    assert "Geocoded 1, not found 0, town only 1, failed 0" in result.output
    assert [r[2]["q"] for r in seen.requests] == ["Stationsweg 1, Zwolle"]
    with kaart.app_context():
        points = {
            loc.address_1: (loc.latitude, loc.longitude)
            for loc in db.session().scalars(sa.select(Location))
        }
    assert points == {"Stationsweg 1": (52.5049, 6.0907), None: (None, None)}
    page = kaart.test_client().get("/en/help?q=Zwolle").text
    assert page.count("(approximate: placed at the town)") == 1


def test_geocode_says_when_the_geocoder_is_down_or_off(kaart):
    with kaart.app_context():
        create_service(
            db.session(),
            service_data(locations=[LocationData(address_1="Stationsweg 1", city="Zwolle")]),
        )
    kaart.config["GEOCODER_URL"] = closed_port_url()
    down = kaart.test_cli_runner().invoke(args=["kaart", "geocode"])
    assert down.exit_code == 1 and "failed 1" in down.output
    kaart.config["GEOCODER_URL"] = ""
    off = kaart.test_cli_runner().invoke(args=["kaart", "geocode"])
    assert off.exit_code == 1 and "no geocoder configured" in off.output
