"""The editor area's forms (Flask-WTF: each carries the session's CSRF token)."""

import re
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from website.editor.models import ROLES
from website.editor.passwords import MAX_LENGTH, password_problem
from website.pages.content_files import TOPICS


def options(*pairs: tuple[str, object]) -> list[SelectChoice]:
    """Return select options from (value, label) pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


LANGUAGE_PAIRS = (("nl", "Nederlands"), ("en", "English"))
LANGUAGE_CHOICES = options(*LANGUAGE_PAIRS)
ROLE_LABELS = {"field_worker": _l("Field worker"), "editor": _l("Editor"), "admin": _l("Admin")}


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token travels with it."""


class LoginForm(FlaskForm):
    """Account name and password."""

    name = StringField(_l("Account name"), validators=[DataRequired(), Length(max=80)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=MAX_LENGTH)])
    submit = SubmitField(_l("Log in"))


PASSWORD_PROBLEMS = {
    "short": _l("Use at least 8 characters; a sentence of a few words is easiest to remember."),
    "long": _l("Use at most 256 characters."),
    "common": _l("This password is too common or too easy to guess. Choose another one."),
}


class NewPassword:
    """Check a new password against the OWASP rules."""

    def __call__(self, form, field):
        name = getattr(getattr(form, "name", None), "data", "") or ""
        problem = password_problem(field.data or "", name)
        if problem:
            raise ValidationError(PASSWORD_PROBLEMS[problem])


class PasswordChangeForm(FlaskForm):
    """The current password, then the new one twice."""

    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    new = PasswordField(_l("New password"), validators=[DataRequired(), NewPassword()])
    repeat = PasswordField(_l("New password again"), validators=[DataRequired()])
    submit = SubmitField(_l("Change password"))

    def validate_repeat(self, field):
        if field.data != self.new.data:
            raise ValidationError(_l("The two new passwords are not the same."))


class AccountForm(FlaskForm):
    """A new account, made by an admin."""

    name = StringField(_l("Account name"), validators=[DataRequired(), Length(min=2, max=80)])
    role = SelectField(_l("Role"), choices=options(*((r, ROLE_LABELS[r]) for r in ROLES)))
    language = SelectField(_l("Language of the editor area"), choices=LANGUAGE_CHOICES)
    password = PasswordField(_l("First password"), validators=[DataRequired(), NewPassword()])
    submit = SubmitField(_l("Create account"))


class SettingsForm(FlaskForm):
    """The account's own settings."""

    language = SelectField(_l("Language of the editor area"), choices=LANGUAGE_CHOICES)
    submit = SubmitField(_l("Save settings"))


class PageForm(FlaskForm):
    """A page's front matter and Markdown body; version is the one the editor started from."""

    version = HiddenField()
    # Sent only for a new page; an existing page keeps its language.
    language = SelectField(_l("Language"), choices=LANGUAGE_CHOICES, default="nl")
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField(_l("Summary"), validators=[DataRequired()])
    slug = StringField(_l("Address (slug)"), validators=[DataRequired(), Length(max=200)])
    translation_key = StringField(_l("Translation key"), validators=[DataRequired()])
    substance = StringField(_l("Substance (key, for substance pages)"), validators=[Optional()])
    topic = SelectField(_l("Topic"), choices=options(("", "—"), *((t, t) for t in TOPICS)))
    reviewed_on = DateField(_l("Facts checked on"), validators=[Optional()])
    review_every = IntegerField(
        _l("Review every (months)"), validators=[DataRequired(), NumberRange(min=1, max=60)]
    )
    sources = TextAreaField(_l("Sources: one per line, title | address"))
    needs_check = TextAreaField(_l("Still to check: one fact per line"))
    body = TextAreaField(_l("Text (Markdown)"))
    preview = SubmitField(_l("Preview"))
    save_draft = SubmitField(_l("Save as draft"))
    publish = SubmitField(_l("Save and publish"))


class FilterForm(FlaskForm):
    """Search and filters for the page list (GET, changes nothing)."""

    class Meta:
        csrf = False

    q = StringField(_l("Search"), validators=[Optional()])
    substance = SelectField(_l("Substance"), choices=[], validate_choice=False)
    topic = SelectField(_l("Topic"), choices=options(("", _l("All")), *((t, t) for t in TOPICS)))
    language = SelectField(_l("Language"), choices=options(("", _l("All")), *LANGUAGE_PAIRS))
    status = SelectField(
        _l("Status"),
        choices=options(("", _l("All")), ("published", _l("Published")), ("draft", _l("Draft"))),
    )
    review = SelectField(
        _l("Review"),
        choices=options(
            ("", _l("All")),
            ("overdue", _l("Review date passed")),
            ("soon", _l("Review within 30 days")),
            ("needs_check", _l("Open items to check")),
        ),
    )


def site_path_or_https(_form, field):
    """Accept a path on this site (/nl/...) or an https address."""
    value = (field.data or "").strip()
    if not value:
        return
    if re.match(r"^/(?!/)[^\s]*$", value):
        return
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc or re.search(r"\s", value):
        raise ValidationError(_l("Use a path on this site (/nl/...) or an address with https://."))


class AlertForm(FlaskForm):
    """A site-wide warning with its text in both languages and when it runs."""

    severity = SelectField(
        _l("Severity"),
        choices=options(
            ("info", _l("Note")), ("warning", _l("Take care")), ("danger", _l("Warning"))
        ),
    )
    text_nl = TextAreaField(_l("Text in Dutch"), validators=[DataRequired(), Length(max=600)])
    text_en = TextAreaField(_l("Text in English"), validators=[DataRequired(), Length(max=600)])
    starts_at = DateTimeLocalField(_l("Starts"), validators=[DataRequired()])
    ends_at = DateTimeLocalField(_l("Ends"), validators=[DataRequired()])
    link = StringField(_l("Link (optional)"), validators=[Optional(), site_path_or_https])
    submit = SubmitField(_l("Save alert"))

    def validate_ends_at(self, field):
        if self.starts_at.data and field.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("The end must be after the start."))


class SubstanceForm(FlaskForm):
    """A new substance: its name, other names and class."""

    name = StringField(
        _l("Name"), validators=[DataRequired(), Length(max=60)], description=_l("For example 4-MMC")
    )
    aliases = StringField(
        _l("Other names, separated by commas"), validators=[Optional(), Length(max=200)]
    )
    substance_class = StringField(
        _l("Class"),
        validators=[DataRequired(), Length(max=60)],
        description=_l("For example cathinone"),
    )
    submit = SubmitField(_l("Create the pages as drafts"))
