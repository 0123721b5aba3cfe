"""Distances and order: great-circle distance, and the bounding-box index against brute force."""

import random

import pytest
from geopy.distance import great_circle

from sociale_kaart.nearest import Located, NearestIndex, great_circle_km

ZWOLLE = (52.5125, 6.09444)
GROENLO = (52.04167, 6.61667)
AMSTERDAM = (52.37403, 4.88969)
AALTEN = (51.925, 6.58056)


@pytest.mark.parametrize(("a", "b"), [(ZWOLLE, GROENLO), (ZWOLLE, AMSTERDAM), (AALTEN, GROENLO)])
def test_distance_matches_geopys_great_circle(a, b):
    assert great_circle_km(*a, *b) == pytest.approx(great_circle(a, b).km, rel=1e-9)


def test_known_distances_between_towns():
    # Zwolle-Amsterdam is about 83 km as the crow flies; Aalten-Groenlo about 13 km.
    assert great_circle_km(*ZWOLLE, *AMSTERDAM) == pytest.approx(83.0, abs=1.5)
    assert great_circle_km(*AALTEN, *GROENLO) == pytest.approx(13.1, abs=0.3)
    assert great_circle_km(*ZWOLLE, *ZWOLLE) == 0


def test_nearest_first_from_groenlo():
    index = NearestIndex(
        Located(name, *point)
        for name, point in [("Zwolle", ZWOLLE), ("Amsterdam", AMSTERDAM), ("Aalten", AALTEN)]
    )
    order = [(p.item, round(km)) for p, km in index.nearest(*GROENLO)]
    assert order == [("Aalten", 13), ("Zwolle", 63), ("Amsterdam", 123)]


def test_the_box_finds_the_same_nearest_as_measuring_everything():
    rng = random.Random(7)
    points = [Located(i, rng.uniform(50.75, 53.5), rng.uniform(3.4, 7.2)) for i in range(3000)]
    index = NearestIndex(points)
    for _ in range(25):
        here = (rng.uniform(50.75, 53.5), rng.uniform(3.4, 7.2))
        everything = sorted(points, key=lambda p: great_circle_km(*here, p.latitude, p.longitude))
        found = index.nearest(*here, limit=10)
        assert [p.item for p, _ in found] == [p.item for p in everything[:10]]


def test_a_limit_larger_than_the_index_gives_everything_in_order():
    index = NearestIndex([Located("a", *ZWOLLE), Located("b", *AALTEN)])
    assert [p.item for p, _ in index.nearest(*GROENLO, limit=5)] == ["b", "a"]
    assert NearestIndex([]).nearest(*GROENLO, limit=3) == []
