"""Reading what visitors type: postcodes, places, addresses, and hostile or odd input."""

import pytest
from flask_babel import force_locale

from sociale_kaart.place_query import ADDRESS, INVALID, PLACE, POSTCODE, parse_query


@pytest.mark.parametrize(
    ("typed", "postcode"),
    [
        ("7141", "7141"),
        ("7141AB", "7141AB"),
        ("7141 ab", "7141AB"),
        ("  7141   Ab ", "7141AB"),
        ("7 1 4 1 A B", "7141AB"),
        ("9999zz", "9999ZZ"),
        ("1000", "1000"),
    ],
)
def test_postcodes_in_any_spacing_and_case(typed, postcode):
    parsed = parse_query(typed)
    assert parsed.kind == POSTCODE
    assert parsed.postcode == postcode


@pytest.mark.parametrize("letters", ["SA", "sd", "Ss"])
def test_letters_never_used_in_dutch_postcodes_are_refused_clearly(app, letters):
    parsed = parse_query(f"7141 {letters}")
    assert parsed.kind == INVALID
    with app.app_context(), force_locale("en"):
        assert f"{letters.upper()} is not used in Dutch postcodes" in str(parsed.problem)


@pytest.mark.parametrize("typed", ["0999", "123", "71411", "7141 ABC", "7141 A"])
def test_malformed_postcodes_get_the_right_form_as_example(app, typed):
    parsed = parse_query(typed)
    assert parsed.kind == INVALID
    with app.app_context(), force_locale("en"):
        assert "four digits and two letters" in str(parsed.problem)


@pytest.mark.parametrize(
    "typed", ["Zwolle", "lichtenvoorde", "'s-Heerenberg", "Den Haag", "Hengelo (Gelderland)", "Zoë"]
)
def test_place_names(typed):
    assert parse_query(typed).kind == PLACE


@pytest.mark.parametrize("typed", ["Stationsweg 1, Zwolle", "Kerkstraat 12a Aalten", "A1 Deventer"])
def test_addresses(typed):
    assert parse_query(typed).kind == ADDRESS


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("Zw\x00olle", "Zwolle"),
        ("Zwolle\u200b", "Zwolle"),
        ("Den\tHaag\n", "Den Haag"),
        ("\u202eelloZ", "elloZ"),
    ],
)
def test_control_and_invisible_characters_are_dropped(typed, cleaned):
    assert parse_query(typed).text == cleaned


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("<script>alert(1)</script>", "Use only letters"),
        ('Zwolle"><img src=x onerror=alert(1)>', "Use only letters"),
        ("x" * 5000, "too long"),
        ("Zwolle " * 30, "too long"),
        ("   ", "Type a postcode"),
        ("!!!???", "Type a postcode"),
        ("\x00\x01\x02", "Type a postcode"),
    ],
)
def test_hostile_or_odd_input_gets_a_reason(app, typed, reason):
    parsed = parse_query(typed)
    assert parsed.kind == INVALID
    assert len(parsed.text) <= 500
    with app.app_context(), force_locale("en"):
        assert reason in str(parsed.problem)
