"""Dutch shorthand for opening hours ("ma-vr 9-17, za 10-14") turned into OSM syntax.

Editors write hours the way they say them; this reads the common forms and refuses the rest
with a message that says which word it did not understand. The result is checked again by
opening-hours-py in `hours.normalise_opening_hours`.
"""

import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_WORDS = {
    "ma": 0, "maa": 0, "maandag": 0, "mo": 0, "mon": 0, "monday": 0,
    "di": 1, "din": 1, "dinsdag": 1, "tu": 1, "tue": 1, "tuesday": 1,
    "wo": 2, "woe": 2, "woensdag": 2, "we": 2, "wed": 2, "wednesday": 2,
    "do": 3, "don": 3, "donderdag": 3, "th": 3, "thu": 3, "thursday": 3,
    "vr": 4, "vrij": 4, "vrijdag": 4, "fr": 4, "fri": 4, "friday": 4,
    "za": 5, "zat": 5, "zaterdag": 5, "sa": 5, "sat": 5, "saturday": 5,
    "zo": 6, "zon": 6, "zondag": 6, "su": 6, "sun": 6, "sunday": 6,
}  # fmt: skip
# Phrases replaced before splitting into words (longest first), with what they stand for.
_PHRASES = (
    (r"24\s*/\s*7|24 uur per dag|24 uur|dag en nacht|altijd open|altijd bereikbaar", " ALWAYS "),
    (r"dagelijks|elke dag|iedere dag|alle dagen|daily", " ma-zo "),
    (r"doordeweeks|werkdagen|weekdagen|weekdays", " ma-vr "),
    (r"weekend(?:en)?", " za-zo "),
    (r"(?:officiële |nationale )?feestdagen|public holidays|holidays", " PH "),
    (r"tot en met|t/m|\btm\b|\btot\b|\bto\b|–|—", " - "),
    (r"\bgesloten\b|\bdicht\b|\bclosed\b|\boff\b", " CLOSED "),
    # Words that carry no meaning for the hours.
    (r"\b(?:van|vanaf|op|ook|en|uur|geopend|open|from|and|on|also|'s|s)\b", " , "),
)
_TOKEN = re.compile(r"ALWAYS|CLOSED|PH|\d{1,2}(?:[:.]\d{2})?(?:u\b)?|[a-z]+|[-,;&+/]")


class OpeningHoursError(ValueError):
    """Opening hours that cannot be read; `message` says why, in the reader's language."""

    def __init__(self, message, text: str = ""):
        super().__init__(str(message))
        self.message = message
        self.text = text


@dataclass
class _Rule:
    days: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    closed: bool = False

    def osm(self) -> str:
        days = ",".join(self.days)
        if self.closed:
            return f"{days} off".strip()
        return f"{days} {','.join(self.times)}".strip()


def _clock(token: str, text: str) -> str:
    hours, _, minutes = token.rstrip("u").replace(".", ":").partition(":")
    if int(hours) > 24 or int(minutes or 0) > 59:
        raise OpeningHoursError(_l("There is no time %(time)s.", time=token), text=text)
    return f"{int(hours):02d}:{int(minutes or 0):02d}"


def shorthand_to_osm(text: str) -> tuple[str, bool]:
    """Translate Dutch (or loose English) shorthand to OSM syntax, or raise OpeningHoursError.

    Also return whether the text says the service is open on public holidays ("ook op
    feestdagen"), which then follow the ordinary days.
    """
    lowered = text.lower().replace("\n", ";")
    for pattern, replacement in _PHRASES:
        lowered = re.sub(pattern, replacement, lowered)
    rules: list[_Rule] = []
    rule = _Rule()
    pending_time: str | None = None
    after_dash = False
    for token in _TOKEN.findall(lowered) + [";"]:
        if token in _DAY_WORDS or token == "PH":
            day = "PH" if token == "PH" else OSM_DAYS[_DAY_WORDS[token]]
            if rule.times or (rule.closed and rule.days):
                rules.append(rule)
                rule = _Rule()
            if after_dash and rule.days and rule.days[-1] in OSM_DAYS and day != "PH":
                rule.days[-1] = f"{rule.days[-1]}-{day}"
            else:
                rule.days.append(day)
            after_dash = False
        elif token[0].isdigit():
            clock = _clock(token, text)
            if after_dash and pending_time:
                rule.times.append(f"{pending_time}-{clock}")
                pending_time = None
            elif pending_time:
                raise OpeningHoursError(
                    _l("Which time does %(time)s belong to?", time=pending_time), text=text
                )
            else:
                if rule.closed and rule.days:
                    rules.append(rule)
                    rule = _Rule()
                pending_time = clock
            after_dash = False
        elif token == "-":
            after_dash = True
        elif token == "ALWAYS":
            rule.times.append("00:00-24:00")
        elif token == "CLOSED":
            if rule.times:
                rules.append(rule)
                rule = _Rule()
            rule.closed = True
        elif token == ";":
            if pending_time:
                raise OpeningHoursError(
                    _l("The time %(time)s has no closing time.", time=pending_time), text=text
                )
            if rule.days or rule.times or rule.closed:
                rules.append(rule)
            rule = _Rule()
        elif token not in {",", "&", "+", "/"}:
            raise OpeningHoursError(
                _l("The word “%(word)s” is not understood in opening hours.", word=token),
                text=text,
            )
    return _join(rules, text)


def _join(rules: list[_Rule], text: str) -> tuple[str, bool]:
    if not rules:
        raise OpeningHoursError(_l("No opening hours found in: %(text)s", text=text), text=text)
    holidays_open = any(r.days == ["PH"] and not r.times and not r.closed for r in rules)
    rules = [r for r in rules if r.days != ["PH"] or r.times or r.closed]
    for rule in rules:
        if not rule.times and not rule.closed:
            raise OpeningHoursError(
                _l("Give times for %(days)s, or say they are closed.", days=",".join(rule.days)),
                text=text,
            )
    if len(rules) == 1 and rules[0].times == ["00:00-24:00"] and rules[0].days in ([], ["Mo-Su"]):
        return "24/7", holidays_open
    if not rules:
        raise OpeningHoursError(_l("No opening hours found in: %(text)s", text=text), text=text)
    return "; ".join(r.osm() for r in rules), holidays_open
