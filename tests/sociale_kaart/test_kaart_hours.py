"""Opening hours: Dutch shorthand, public holidays, across midnight, 24/7, refusals."""

from datetime import UTC, date, datetime

import pytest

from sociale_kaart import (
    AMSTERDAM,
    OpeningHoursError,
    is_open,
    next_change,
    normalise_opening_hours,
    preview_opening_hours,
)
from sociale_kaart.hours import normalise_imported_hours, osm_from_schedule_rows, schedule_rows


def at(text: str) -> datetime:
    """Return a wall-clock time in Amsterdam."""
    return datetime.fromisoformat(text).replace(tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("ma-vr 9-17, za 10-14", "Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off"),
        ("ma t/m vr 09:00-17:00", "Mo-Fr 09:00-17:00; PH off"),
        ("maandag tot en met vrijdag van 9.00 tot 17.00 uur", "Mo-Fr 09:00-17:00; PH off"),
        ("24/7", "24/7"),
        ("dag en nacht", "24/7"),
        ("gesloten op zondag", "Su off; PH off"),
        ("ma-za 9-17, gesloten op zondag", "Mo-Sa 09:00-17:00; Su off; PH off"),
        ("ma, wo en vr 10-12", "Mo,We,Fr 10:00-12:00; PH off"),
        ("ma-vr 9-12 en 13-17", "Mo-Fr 09:00-12:00,13:00-17:00; PH off"),
        ("vr-za 22-4", "Fr-Sa 22:00-04:00; PH off"),
        ("werkdagen 9-17, weekend gesloten", "Mo-Fr 09:00-17:00; Sa-Su off; PH off"),
        ("ma-vr 9-17\nza 10:30-14:00", "Mo-Fr 09:00-17:00; Sa 10:30-14:00; PH off"),
        ("ma-vr 9-17, ook op feestdagen", "Mo-Fr 09:00-17:00"),
        ("ma-vr 9-17, feestdagen 10-12", "Mo-Fr 09:00-17:00; PH 10:00-12:00"),
        ("Mo-Fr 09:00-17:00", "Mo-Fr 09:00-17:00; PH off"),
        ("Mo-Fr 09:00-17:00; Su closed", "Mo-Fr 09:00-17:00; Su off; PH off"),
        ("", ""),
    ],
)
def test_shorthand_and_osm_are_normalised(typed, stored):
    assert normalise_opening_hours(typed) == stored
    # What is stored reads back the same from a file (export, then import).
    assert normalise_imported_hours(stored) == stored


def test_open_on_public_holidays_adds_no_holiday_rule():
    assert normalise_opening_hours("ma-vr 9-17", open_on_public_holidays=True) == (
        "Mo-Fr 09:00-17:00"
    )


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("ma-vr 9-17 op afspraak", "afspraak"),
        ("banaan", "banaan"),
        ("ma 9", "09:00"),
        ("ma-vr 25-26", "25"),
        ("ma-vr", "Mo-Fr"),
        ("Mo-Fr 09:00-17:00;;; Sa 99:00", "99"),
    ],
)
def test_malformed_hours_are_refused_with_a_clear_message(typed, word):
    with pytest.raises(OpeningHoursError) as caught:
        normalise_opening_hours(typed)
    assert word in str(caught.value.message)


SHOP = "Mo-Sa 10:00-17:00; PH off"


def test_kings_day_is_closed_on_the_27th_and_on_the_26th_when_the_27th_is_a_sunday():
    assert date(2026, 4, 27).weekday() == 0  # a Monday: King's Day itself
    assert is_open(SHOP, at("2026-04-20 11:00")) is True  # the Monday before
    assert is_open(SHOP, at("2026-04-27 11:00")) is False
    assert date(2025, 4, 27).weekday() == 6  # a Sunday: King's Day moves to Saturday 26th
    assert is_open(SHOP, at("2025-04-19 11:00")) is True  # the Saturday before
    assert is_open(SHOP, at("2025-04-26 11:00")) is False
    assert next_change(SHOP, at("2025-04-26 11:00")) == at("2025-04-28 10:00")
    # Without the holiday rule the same Saturday is open: the rule is what closes it.
    assert is_open("Mo-Sa 10:00-17:00", at("2025-04-26 11:00")) is True


def test_christmas_is_closed():
    assert is_open(SHOP, at("2025-12-24 11:00")) is True
    assert is_open(SHOP, at("2025-12-25 11:00")) is False
    assert is_open(SHOP, at("2025-12-26 11:00")) is False
    assert next_change(SHOP, at("2025-12-25 11:00")) == at("2025-12-27 10:00")


def test_hours_across_midnight():
    night = "Fr-Sa 22:00-04:00; PH off"
    assert is_open(night, at("2025-06-13 21:00")) is False  # Friday evening, not yet
    assert next_change(night, at("2025-06-13 21:00")) == at("2025-06-13 22:00")
    assert is_open(night, at("2025-06-14 02:00")) is True  # Friday night
    assert next_change(night, at("2025-06-14 02:00")) == at("2025-06-14 04:00")
    assert is_open(night, at("2025-06-15 03:00")) is True  # Saturday night
    assert is_open(night, at("2025-06-15 05:00")) is False
    assert next_change(night, at("2025-06-15 05:00")) == at("2025-06-20 22:00")
    # Whit Sunday (8 June 2025) is a public holiday: "PH off" closes Saturday's night too.
    assert is_open(night, at("2025-06-08 03:00")) is False


def test_always_open():
    assert is_open("24/7", at("2025-12-25 03:00")) is True
    assert is_open("24/7", at("2026-04-27 12:00")) is True
    assert next_change("24/7", at("2025-01-01 00:00")) is None


def test_closed_days_and_next_opening():
    hours = "Mo-Sa 09:00-17:00; Su off; PH off"
    assert is_open(hours, at("2025-06-15 12:00")) is False  # Sunday
    assert next_change(hours, at("2025-06-15 12:00")) == at("2025-06-16 09:00")
    # Whit Monday (9 June 2025) is a public holiday, so after Whit Sunday comes Tuesday.
    assert next_change(hours, at("2025-06-08 12:00")) == at("2025-06-10 09:00")


def test_times_in_other_zones_are_read_in_amsterdam_and_answers_come_back_there():
    hours = "Mo-Fr 09:00-17:00; PH off"
    utc_morning = datetime(2025, 6, 2, 7, 30, tzinfo=UTC)  # 09:30 in Amsterdam (summer)
    assert is_open(hours, utc_morning) is True
    change = next_change(hours, utc_morning)
    assert change == at("2025-06-02 17:00")
    assert change.tzinfo.key == "Europe/Amsterdam"
    # Across the change to summer time the wall clock stays 09:00.
    assert next_change(hours, at("2025-03-29 18:00")).isoformat() == "2025-03-31T09:00:00+02:00"
    assert is_open(hours, datetime(2025, 6, 2, 9, 30)) is True  # naive = Amsterdam


def test_unknown_hours_answer_none():
    assert is_open("", at("2025-06-02 12:00")) is None
    assert next_change(None, at("2025-06-02 12:00")) is None


def test_preview_shows_the_stored_string_and_both_languages(session):
    preview = preview_opening_hours("ma-vr 9-17, za 10-14")
    assert preview.osm == "Mo-Fr 09:00-17:00; Sa 10:00-14:00; PH off"
    assert preview.description_nl == [
        "ma t/m vr 09:00–17:00",
        "za 10:00–14:00",
        "Gesloten op feestdagen",
    ]
    assert preview.description_en == [
        "Mon to Fri 09:00–17:00",
        "Sat 10:00–14:00",
        "Closed on public holidays",
    ]
    assert preview_opening_hours("24/7").description_nl == ["Dag en nacht open (24/7)"]


def test_schedule_rows_where_the_hours_can_be_said_so():
    rows = schedule_rows("Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-14:00; PH off")
    assert [(r.byday, f"{r.opens_at:%H:%M}", f"{r.closes_at:%H:%M}") for r in rows] == [
        ("MO,TU,WE,TH,FR", "09:00", "12:00"),
        ("MO,TU,WE,TH,FR", "13:00", "17:00"),
        ("SA", "10:00", "14:00"),
    ]
    assert schedule_rows('Mo-Fr 09:00-17:00 "op afspraak"') == []
    assert schedule_rows("Jan-Mar Mo 10:00-12:00") == []
    rebuilt = osm_from_schedule_rows(rows)
    assert rebuilt == "Mo-Fr 09:00-12:00,13:00-17:00; Sa 10:00-14:00; PH off"
