"""Forms for the flyer screens: a distribution point, the list filter, downloads, statistics."""

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Optional, ValidationError

import flyers
from website.editor.forms import LANGUAGE_PAIRS, options

LAYOUT_LABELS = {
    "a6": _l("A6 flyer (two-sided)"),
    "card": _l("Business card 85 × 55 mm (discreet)"),
    "a5": _l("A5 poster"),
    "a4": _l("A4 poster"),
    "sheet": _l("A4 sheet of four A6 flyers with crop marks"),
}
FLYER_LANGUAGES = {"nl": _l("Dutch"), "en": _l("English"), "both": _l("Dutch and English")}
STATUS_LABELS = {"active": _l("Active"), "retired": _l("Retired")}
MAX_WEEKS = 104


def kind_options(first: tuple[str, object] | None = None):
    """Return the kinds of point as select options, optionally after a first option."""
    pairs = [(key, label) for key, label in flyers.KINDS.items()]
    return options(*([first] if first else []), *pairs)


class PointForm(FlaskForm):
    """A distribution point's fields; PointError has the last word on what is valid."""

    name = StringField(
        _l("Name of the place"),
        description=_l(
            "Printed small on the flyer. At most %(limit)d characters fit on every layout.",
            limit=min(flyers.name_limit(layout) for layout in flyers.LAYOUT_NAMES),
        ),
    )
    kind = SelectField(_l("Kind of place"), choices=kind_options(), validate_choice=False)
    municipality = StringField(_l("Municipality"))
    language = SelectField(
        _l("Language of the flyers and the page"),
        choices=options(*LANGUAGE_PAIRS),
        validate_choice=False,
    )
    target_path = StringField(
        _l("Page the QR code leads to (optional)"),
        description=_l("A path on this site, such as /nl/3-mmc/seks. Empty: the 3-MMC page."),
    )
    notes = TextAreaField(_l("Notes for field workers (optional)"))
    status = SelectField(
        _l("Status"), choices=options(*STATUS_LABELS.items()), validate_choice=False
    )
    submit = SubmitField(_l("Save point"))

    def fields_for_save(self, new: bool) -> dict:
        """Return the typed values as keyword arguments for create_point or update_point."""
        names = ["name", "kind", "municipality", "language", "target_path", "notes"]
        if not new:
            names.append("status")
        return {name: self[name].data or "" for name in names}


class PointFilterForm(FlaskForm):
    """Filter the points list (GET, changes nothing)."""

    class Meta:
        csrf = False

    municipality = StringField(_l("Municipality"))
    kind = SelectField(_l("Kind of place"), choices=kind_options(("", _l("All"))))
    status = SelectField(
        _l("Status"),
        choices=options(("", _l("All")), *STATUS_LABELS.items()),
        default="active",
    )


class BatchForm(FlaskForm):
    """One PDF for all active points of a municipality and/or a kind (GET download)."""

    class Meta:
        csrf = False

    municipality = StringField(_l("Municipality"))
    kind = SelectField(_l("Kind of place"), choices=kind_options(("", _l("All kinds"))), default="")
    layout = SelectField(_l("Layout"), choices=options(*LAYOUT_LABELS.items()), default="sheet")
    lang = SelectField(
        _l("Language"),
        choices=options(("", _l("Each point's own language")), *FLYER_LANGUAGES.items()),
        default="",
    )
    submit = SubmitField(_l("Download PDF"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shown on the same page as the filter form: its own ids, the same query names.
        for item in self:
            item.id = item.label.field_id = f"batch-{item.name}"

    def validate_municipality(self, field):
        if not (field.data or "").strip() and not self.kind.data:
            raise ValidationError(_l("Choose a municipality, a kind of place, or both."))


def default_period(today: date) -> tuple[date, date]:
    """Return the last 12 weeks up to today: from Monday 11 weeks ago."""
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=11), today


class StatsForm(FlaskForm):
    """The period and grouping of the statistics (GET, changes nothing)."""

    class Meta:
        csrf = False

    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])
    by = SelectField(
        _l("Scans per"),
        choices=options(("point", _l("Distribution point")), ("kind", _l("Kind of place"))),
        default="point",
    )

    def validate_end(self, field):
        if self.start.data and field.data:
            if field.data < self.start.data:
                raise ValidationError(_l("The end must be on or after the start."))
            if (field.data - self.start.data).days > MAX_WEEKS * 7:
                raise ValidationError(
                    _l("Choose at most %(weeks)d weeks at a time.", weeks=MAX_WEEKS)
                )
