"""Fixtures for the sociale kaart: a session inside an app context."""

import pytest

from website import db


@pytest.fixture
def session(app):
    """A database session inside an app context (Babel and the request session work)."""
    with app.test_request_context("/nl/"):
        yield db.session()


PLACES = [
    # name, province, population, latitude, longitude (GeoNames' points)
    ("Zwolle", "Overijssel", 129840, 52.5125, 6.09444),
    ("Groenlo", "Gelderland", 10000, 52.04167, 6.61667),
    ("Lichtenvoorde", "Gelderland", 19590, 51.98667, 6.56667),
    ("Aalten", "Gelderland", 19141, 51.925, 6.58056),
    ("Hengelo", "Overijssel", 82311, 52.26583, 6.79306),
    ("Hengelo", "Gelderland", 4510, 52.05, 6.31),
    ("Kampen", "Overijssel", 48980, 52.555, 5.91111),
    ("Amsterdam", "Noord-Holland", 741636, 52.37403, 4.88969),
]


@pytest.fixture
def kaart(app):
    """The app with the geocoder off, no throttle, and a few places in the gazetteer."""
    from sociale_kaart.place_models import GazetteerPlace

    app.config.update(GEOCODER_URL="", GEOCODER_MIN_INTERVAL=0.0, GEOCODER_TIMEOUT=2.0)
    with app.app_context():
        db.session().add_all(
            GazetteerPlace(
                name=name,
                key=name.lower(),
                province=province,
                population=population,
                latitude=lat,
                longitude=lon,
            )
            for name, province, population, lat, lon in PLACES
        )
        db.session().commit()
    return app


@pytest.fixture
def kaart_client(kaart):
    """A test client for the app of the `kaart` fixture."""
    return kaart.test_client()
