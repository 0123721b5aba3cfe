"""The combination form: a level per source, reason and advice per language, items to check."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from website.editor.forms import options
from website.pages import LEVEL_LABELS, LEVELS, UNKNOWN, CombinationData, RatingData

TEXT_MAX = 2000
LANGUAGE_NAMES = {"nl": _l("Dutch"), "en": _l("English")}


def rating_field(key: str) -> str:
    """Return the form field name that holds one source's level."""
    return f"rating_{key}"


def _text(label, message):
    return TextAreaField(label, validators=[DataRequired(message), Length(max=TEXT_MAX)])


class CombinationForm(FlaskForm):
    """The fixed part; combination_form() adds one level field per source."""

    version = HiddenField()
    reason_nl = _text(_l("Why (Dutch)"), _l("Write the reason in Dutch."))
    advice_nl = _text(_l("Advice (Dutch)"), _l("Write the advice in Dutch."))
    reason_en = _text(_l("Why (English)"), _l("Write the reason in English."))
    advice_en = _text(_l("Advice (English)"), _l("Write the advice in English."))
    needs_check = TextAreaField(
        _l("Still to check: one fact per line"), validators=[Length(max=TEXT_MAX)]
    )
    submit = SubmitField(_l("Save combination"))

    source_keys: list[str] = []

    def rating_fields(self):
        """Return the level field of each source, in the sources' order."""
        return [self[rating_field(key)] for key in self.source_keys]

    def fill(self, data: CombinationData, version: int | None) -> None:
        """Put stored data into the form."""
        levels = {r.source: r.level for r in data.ratings}
        for key in self.source_keys:
            self[rating_field(key)].data = levels.get(key, UNKNOWN)
        for lang in ("nl", "en"):
            for name in ("reason", "advice"):
                self[f"{name}_{lang}"].data = data.texts.get(lang, {}).get(name, "")
        self.needs_check.data = "\n".join(data.needs_check)
        self.version.data = "" if version is None else str(version)

    def data_for(self, pair: tuple[str, str]) -> CombinationData:
        """Return what the form says as combination data ("unknown" means no rating)."""
        ratings = [
            RatingData(key, self[rating_field(key)].data)
            for key in self.source_keys
            if self[rating_field(key)].data != UNKNOWN
        ]
        texts = {
            lang: {name: self[f"{name}_{lang}"].data.strip() for name in ("reason", "advice")}
            for lang in ("nl", "en")
        }
        items = [line.strip() for line in (self.needs_check.data or "").splitlines()]
        return CombinationData(pair, ratings, texts, [item for item in items if item])

    def expected_version(self) -> int | None:
        """Return the version the editor started from; None for a pair not stored yet."""
        value = (self.version.data or "").strip()
        return int(value) if value.isdigit() else None


def combination_form(sources, formdata=None) -> CombinationForm:
    """Return a combination form with a level field for each source (key, title)."""

    class Form(CombinationForm):
        pass

    choices = options(*((level, LEVEL_LABELS[level]) for level in (UNKNOWN, *LEVELS)))
    for source in sources:
        setattr(Form, rating_field(source.key), SelectField(source.title, choices=choices))
    Form.source_keys = [source.key for source in sources]
    return Form(formdata=formdata) if formdata is not None else Form()
