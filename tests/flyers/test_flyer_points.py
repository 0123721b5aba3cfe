"""Distribution points: validation with clear messages, codes, finding and listing.

Outside a request the messages are Dutch (the site's default language), as in the CLI.
"""

import pytest
from flask import g

import flyers
from flyers.points import CODE_ALPHABET, CODE_LENGTH, new_code


def test_create_point_gets_a_short_unguessable_code_and_the_landing_page(app, make_point):
    point = make_point(language="en")
    assert len(point.code) == CODE_LENGTH and set(point.code) <= set(CODE_ALPHABET)
    assert not set(point.code) & set("01ilo")
    assert point.target_path == "/en/3-mmc" and point.status == "active"
    with app.app_context():
        assert flyers.find_point(point.code.upper()).id == point.id
        assert flyers.point_url(point) == f"http://127.0.0.1:5000/q/{point.code}"


def test_codes_differ():
    assert len({new_code() for _ in range(2000)}) == 2000


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"name": "  "}, "name", "naam"),
        ({"name": "x" * 81}, "name", "hoogstens 80 tekens"),
        ({"kind": "disco"}, "kind", "disco"),
        ({"municipality": ""}, "municipality", "gemeente"),
        ({"language": "de"}, "language", "nl of en"),
        ({"target_path": "https://evil.example/"}, "target_path", "/nl/3-mmc"),
        ({"target_path": "//evil.example"}, "target_path", "pad op deze site"),
    ],
)
def test_bad_fields_are_refused_with_a_message(app, make_point, fields, field, words):
    with pytest.raises(flyers.PointError) as caught:
        make_point(**fields)
    assert field in caught.value.errors and words in caught.value.errors[field]
    with app.app_context():
        assert flyers.list_points() == []


@pytest.mark.parametrize(
    ("lang", "message"), [("nl", "Geef het punt een naam."), ("en", "Give the point a name.")]
)
def test_messages_are_in_the_language_of_the_request(app, lang, message):
    with app.test_request_context(f"/{lang}/"):
        g.lang = lang
        with pytest.raises(flyers.PointError) as caught:
            flyers.create_point(name="", kind="club", municipality="Zwolle")
    assert caught.value.errors["name"] == message


def test_update_keeps_the_code_and_retire_marks_it(app, make_point):
    point = make_point()
    with app.app_context():
        point = flyers.find_point(point.code)
        code = point.code
        flyers.update_point(point, name="Café Het Hoekje", kind="bar", target_path="/nl/3-mmc/sex")
        with pytest.raises(flyers.PointError):
            flyers.update_point(point, kind="nope")
        again = flyers.find_point(code)
        assert (again.name, again.kind, again.target_path) == (
            "Café Het Hoekje",
            "bar",
            "/nl/3-mmc/sex",
        )
        flyers.retire_point(again)
        assert flyers.find_point(code).status == "retired"


def test_list_filters_by_municipality_and_kind(app, make_point):
    make_point(name="A", municipality="Zwolle", kind="club")
    make_point(name="B", municipality="zwolle", kind="bar")
    make_point(name="C", municipality="Aalten", kind="club")
    with app.app_context():
        assert [p.name for p in flyers.list_points(municipality="ZWOLLE")] == ["A", "B"]
        assert [p.name for p in flyers.list_points(kind="club")] == ["C", "A"]
        assert [p.name for p in flyers.list_points("Zwolle", "bar")] == ["B"]
        flyers.retire_point(flyers.list_points(kind="bar")[0])
        assert [p.name for p in flyers.list_points(include_retired=False)] == ["C", "A"]
        assert flyers.find_point("not-a-code") is None
