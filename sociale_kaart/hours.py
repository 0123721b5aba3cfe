"""Opening hours in the OpenStreetMap `opening_hours` syntax, evaluated with opening-hours-py.

The OSM string is the source of truth. Every evaluation uses the Dutch public holidays
(`country="NL"`) and the Europe/Amsterdam time zone. Strings are validated when an editor or an
import sets them (`normalise_opening_hours`), so evaluating them at page time cannot fail.
"""

import re
from dataclasses import dataclass
from datetime import datetime, time
from functools import lru_cache

from babel.dates import get_day_names
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from opening_hours import OpeningHours, ParserError, State

from sociale_kaart.dutch_hours import OpeningHoursError, shorthand_to_osm
from website.i18n import SITE_TIMEZONE

AMSTERDAM = SITE_TIMEZONE
COUNTRY = "NL"
ALWAYS = "24/7"
HOLIDAYS_CLOSED = "PH off"

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_LIST = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:[-,](?:Mo|Tu|We|Th|Fr|Sa|Su))*"
_TIMES = r"\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*"
_SIMPLE_RULE = re.compile(rf"^(?P<days>{_DAY_LIST})(?: (?P<times>{_TIMES}|off))?$")

__all__ = [
    "AMSTERDAM",
    "OpeningHoursError",
    "HoursPreview",
    "describe_opening_hours",
    "is_open",
    "next_change",
    "normalise_imported_hours",
    "normalise_opening_hours",
    "preview_opening_hours",
    "schedule_rows",
]


@lru_cache(maxsize=4096)
def _parsed(osm: str) -> OpeningHours:
    return OpeningHours(osm, timezone=AMSTERDAM, country=COUNTRY, auto_timezone=False)


def _canonical(osm: str) -> str:
    """Return the library's canonical spelling, with `off` for closed rules (OSM synonyms)."""
    rules = [r.strip() for r in str(_parsed(osm)).split(";")]
    return "; ".join(re.sub(r"(?<=\S) closed$", " off", r) if '"' not in r else r for r in rules)


def normalise_opening_hours(text: str, open_on_public_holidays: bool = False) -> str:
    """Turn OSM syntax or Dutch shorthand into a validated OSM string, or raise OpeningHoursError.

    Unless the service is open on public holidays (or the text already says something about
    them, or it is open 24/7), "; PH off" is appended. An empty text gives "" (hours unknown).
    """
    text = " ".join(text.split())
    if not text:
        return ""
    osm = text
    if not _valid_osm(text):
        osm, holidays_open = shorthand_to_osm(text)
        open_on_public_holidays = open_on_public_holidays or holidays_open
    if not _valid_osm(osm):
        raise OpeningHoursError(
            _l("These opening hours cannot be read: %(text)s", text=text), text=text
        )
    canonical = _canonical(osm)
    mentions_holidays = re.search(r"\bPH\b", canonical) is not None
    if not (open_on_public_holidays or mentions_holidays or canonical == ALWAYS):
        canonical = _canonical(f"{canonical}; {HOLIDAYS_CLOSED}")
    return canonical


def normalise_imported_hours(text: str) -> str:
    """Normalise hours from a file: valid OSM is kept as it says; shorthand as for editors.

    An exported OSM string without a PH rule means "open on public holidays as on other days",
    so appending "PH off" would change it: export then import must give the same hours back.
    """
    text = " ".join(text.split())
    if text and _valid_osm(text):
        return _canonical(text)
    return normalise_opening_hours(text)


def _valid_osm(text: str) -> bool:
    try:
        _parsed(text)
    except ParserError:
        return False
    return True


@dataclass(frozen=True)
class HoursPreview:
    """What an editor typed, as it will be stored and as visitors will read it."""

    osm: str
    description_nl: list[str]
    description_en: list[str]


def preview_opening_hours(text: str, open_on_public_holidays: bool = False) -> HoursPreview:
    """Return the normalised OSM string and its Dutch and English rendering, for confirmation."""
    osm = normalise_opening_hours(text, open_on_public_holidays)
    return HoursPreview(osm, describe_opening_hours(osm, "nl"), describe_opening_hours(osm, "en"))


def _local(at: datetime | None) -> datetime:
    if at is None:
        return datetime.now(AMSTERDAM)
    if at.tzinfo is None:
        return at.replace(tzinfo=AMSTERDAM)
    # opening-hours-py only accepts ZoneInfo time zones, so convert every aware time.
    return at.astimezone(AMSTERDAM)


def is_open(osm: str | None, at: datetime | None = None) -> bool | None:
    """Return whether the service is open at a time (naive means Amsterdam), None if unknown."""
    if not osm:
        return None
    state, _comment = _parsed(osm).state(_local(at))
    if state == State.UNKNOWN:
        return None
    return state == State.OPEN


def next_change(osm: str | None, at: datetime | None = None) -> datetime | None:
    """Return when the service next opens or closes, in Europe/Amsterdam; None if never/unknown."""
    if not osm:
        return None
    changes = _parsed(osm).next_change(_local(at))
    if changes is None:
        return None
    return _local(changes)


@dataclass(frozen=True)
class ScheduleRow:
    """One HSDS schedule row: weekly on some days, from one time to another."""

    byday: str  # RRULE days, e.g. "MO,TU,WE"
    opens_at: time
    closes_at: time  # earlier than opens_at means the next day


def _expand_days(days: str) -> list[str]:
    result: list[str] = []
    for part in days.split(","):
        first, _, last = part.partition("-")
        start = OSM_DAYS.index(first)
        end = OSM_DAYS.index(last or first)
        span = range(start, end + 1) if end >= start else [*range(start, 7), *range(end + 1)]
        result += [OSM_DAYS[i] for i in span if OSM_DAYS[i] not in result]
    return result


def _simple_rules(osm: str) -> list[tuple[list[str], list[tuple[time, time]] | None]] | None:
    """Return (days, time ranges or None for closed) per rule, or None if not simple."""
    if osm == ALWAYS:
        return [(list(OSM_DAYS), [(time(0), time(0))])]
    rules = []
    for rule in osm.split("; "):
        if rule == HOLIDAYS_CLOSED:
            continue
        match = _SIMPLE_RULE.match(rule)
        if not match:
            return None
        days = _expand_days(match["days"])
        if match["times"] == "off":
            rules.append((days, None))
            continue
        spans = (match["times"] or "00:00-24:00").split(",")
        ranges = [tuple(_clock(t) for t in span.split("-")) for span in spans]
        rules.append((days, ranges))
    return rules


def _clock(text: str) -> time:
    hours, minutes = (int(x) for x in text.split(":"))
    return time(hours % 24, minutes)


def schedule_rows(osm: str) -> list[ScheduleRow]:
    """Return the HSDS weekly schedule rows for a simple OSM string; [] if it cannot be said so."""
    rules = _simple_rules(osm) if osm else None
    rows: list[ScheduleRow] = []
    for days, ranges in rules or []:
        byday = ",".join(d.upper() for d in days)
        rows += [ScheduleRow(byday, opens, closes) for opens, closes in ranges or []]
    return rows


def osm_from_schedule_rows(rows: list[ScheduleRow]) -> str:
    """Return OSM syntax for weekly schedule rows (from another source's HSDS), validated."""
    by_days: dict[str, list[str]] = {}
    for row in rows:
        days = _osm_days([OSM_DAYS.index(d.title()) for d in row.byday.split(",")])
        end = "24:00" if row.closes_at == time(0) else row.closes_at.strftime("%H:%M")
        by_days.setdefault(days, []).append(f"{row.opens_at:%H:%M}-{end}")
    return normalise_opening_hours("; ".join(f"{d} {','.join(t)}" for d, t in by_days.items()))


def _osm_days(indexes: list[int]) -> str:
    """Return OSM days for day numbers, consecutive runs as ranges: [0,1,2,4] -> "Mo-We,Fr"."""
    parts = []
    for group in _runs(sorted(set(indexes))):
        first, last = OSM_DAYS[group[0]], OSM_DAYS[group[-1]]
        parts.append(
            first if len(group) == 1 else f"{first}{',' if len(group) == 2 else '-'}{last}"
        )
    return ",".join(parts)


def _runs(indexes: list[int]) -> list[list[int]]:
    groups: list[list[int]] = []
    for index in indexes:
        if groups and index == groups[-1][-1] + 1:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def describe_opening_hours(osm: str, lang: str) -> list[str]:
    """Return the opening hours as lines a person reads, in Dutch or English."""
    if not osm:
        return []
    with force_locale(lang):
        if osm == ALWAYS:
            return [str(_l("Open day and night (24/7)"))]
        rules = _simple_rules(osm)
        if rules is None:
            return [osm]
        names = get_day_names("abbreviated", locale=lang)
        lines = [_describe_rule(days, ranges, names) for days, ranges in rules]
        if re.search(rf"\b{HOLIDAYS_CLOSED}$", osm):
            lines.append(str(_l("Closed on public holidays")))
        return lines


def _describe_rule(days: list[str], ranges, names) -> str:
    day_text = _day_groups([OSM_DAYS.index(d) for d in days], names)
    if ranges is None:
        return str(_l("%(days)s closed", days=day_text))
    spans = ", ".join(
        f"{o:%H:%M}–{'24:00' if c == time(0) else format(c, '%H:%M')}" for o, c in ranges
    )
    return f"{day_text} {spans}"


def _day_groups(indexes: list[int], names) -> str:
    parts = []
    for group in _runs(indexes):
        first, last = names[group[0]].rstrip("."), names[group[-1]].rstrip(".")
        if len(group) == 1:
            parts.append(first)
        elif len(group) == 2:
            parts.append(f"{first}, {last}")
        else:
            parts.append(str(_l("%(first)s to %(last)s", first=first, last=last)))
    return ", ".join(parts)
