"""Nearest services: a bounding-box prefilter, then great-circle distance. Plain Python.

Points are kept sorted by latitude, so a box is a slice found by bisection; the box grows
until it holds enough points within its inner circle, so far-away points are never measured.
"""

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from geopy.distance import EARTH_RADIUS as EARTH_RADIUS_KM  # the mean radius geopy uses

KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180
FIRST_RADIUS_KM = 10.0

Item = TypeVar("Item")


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km between two points (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Located(Generic[Item]):
    """Something with a point (a service at one of its locations)."""

    item: Item
    latitude: float
    longitude: float


class NearestIndex(Generic[Item]):
    """Points sorted by latitude, answering "which are nearest to here?"."""

    def __init__(self, points: Iterable[Located[Item]]):
        self._points = sorted(points, key=lambda p: p.latitude)
        self._latitudes = [p.latitude for p in self._points]

    def __len__(self) -> int:
        return len(self._points)

    def nearest(
        self, latitude: float, longitude: float, limit: int | None = None
    ) -> list[tuple[Located[Item], float]]:
        """Return up to limit points (all if None) with their distance in km, nearest first."""
        if limit is None or limit >= len(self._points):
            return self._measure(self._points, latitude, longitude)
        radius = FIRST_RADIUS_KM
        while True:
            found = [
                pair
                for pair in self._measure(
                    self._box(latitude, longitude, radius), latitude, longitude
                )
                if pair[1] <= radius
            ]
            # Everything within `radius` is in the box, so these are truly the nearest.
            if len(found) >= limit or radius > math.pi * EARTH_RADIUS_KM:
                return found[:limit]
            radius *= 2

    def _box(self, latitude: float, longitude: float, radius: float) -> Sequence[Located[Item]]:
        dlat = radius / KM_PER_DEGREE
        low = bisect_left(self._latitudes, latitude - dlat)
        high = bisect_right(self._latitudes, latitude + dlat)
        cos_lat = max(math.cos(math.radians(min(89.0, abs(latitude) + dlat))), 1e-6)
        dlon = radius / (KM_PER_DEGREE * cos_lat)
        west, east = longitude - dlon, longitude + dlon
        return [p for p in self._points[low:high] if west <= p.longitude <= east]

    @staticmethod
    def _measure(
        points: Iterable[Located[Item]], latitude: float, longitude: float
    ) -> list[tuple[Located[Item], float]]:
        pairs = [(p, great_circle_km(latitude, longitude, p.latitude, p.longitude)) for p in points]
        pairs.sort(key=lambda pair: pair[1])
        return pairs
