"""The fixed list of kinds of distribution point, with their translatable labels."""

from flask_babel import lazy_gettext as _l

KINDS = {
    "club": _l("Club"),
    "bar": _l("Bar or café"),
    "festival": _l("Festival"),
    "shelter": _l("Shelter"),
    "smartshop": _l("Smartshop"),
    "coffeeshop": _l("Coffeeshop"),
    "clinic": _l("GGD or clinic"),
    "youth-work": _l("Youth work"),
    "school": _l("School"),
    "other": _l("Other"),
}


def kind_label(kind: str) -> str:
    """Return the label of a kind in the current language (the key when it is unknown)."""
    return str(KINDS.get(kind, kind))
