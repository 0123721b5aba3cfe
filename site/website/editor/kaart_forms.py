"""Forms for the sociale kaart screens: a listing, an organisation, the list filters, imports."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from sociale_kaart import CATEGORIES, TARGET_GROUPS
from website.editor.forms import options

WEB_ADDRESS = Regexp(r"^https?://\S+$", message=_l("This is not a web address (https://...)."))
E_MAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("This is not an e-mail address."))
YES_NO_UNKNOWN = options(("", _l("Unknown")), ("yes", _l("Yes")), ("no", _l("No")))


class CheckboxesField(SelectMultipleField):
    """Several choices as checkboxes (works without JavaScript)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def coordinate(_form, field) -> None:
    """Accept an empty field or a number (a comma for the decimal point is fine)."""
    text = (field.data or "").strip().replace(",", ".")
    try:
        float(text or 0)
    except ValueError:
        raise ValidationError(_l("Write coordinates as numbers, such as 52.51.")) from None


class LocationForm(Form):
    """One place where the service is offered; a row left empty is ignored."""

    id = HiddenField()
    name = StringField(_l("Name of the place"), validators=[Length(max=200)])
    address_1 = StringField(_l("Street and number"), validators=[Length(max=200)])
    postal_code = StringField(_l("Postcode"), validators=[Length(max=10)])
    city = StringField(_l("Town"), validators=[Length(max=120)])
    region = StringField(_l("Region"), validators=[Length(max=120)])
    latitude = StringField(
        _l("Latitude"), validators=[coordinate], description=_l("Leave empty if not known.")
    )
    longitude = StringField(_l("Longitude"), validators=[coordinate])


class PhoneForm(Form):
    """One number and how to use it; a row left empty is ignored."""

    number = StringField(_l("Number"), validators=[Length(max=40)])
    channel = SelectField(
        _l("Kind"),
        choices=options(
            ("voice", _l("Call")), ("sms", _l("Text message")), ("whatsapp", "WhatsApp")
        ),
    )
    description = StringField(_l("Note (optional)"), validators=[Length(max=300)])


class ServiceForm(FlaskForm):
    """Every field of a listing; version is the one the editor started from."""

    version = HiddenField()
    confirmed_hours = HiddenField()
    name = StringField(_l("Name of the service"), validators=[DataRequired(), Length(max=200)])
    organization = SelectField(
        _l("Organisation"),
        choices=[],
        validate_choice=False,
        validators=[DataRequired(_l("Choose the organisation."))],
    )
    slug = StringField(
        _l("Address word (slug)"),
        validators=[Optional(), Length(max=120)],
        description=_l("Left empty, it is made from the name."),
    )
    source_url = StringField(
        _l("Public source"),
        validators=[DataRequired(), WEB_ADDRESS, Length(max=500)],
        description=_l("The web page where these facts come from."),
    )
    description = TextAreaField(_l("Description in Dutch"))
    description_en = TextAreaField(_l("Description in English"))
    eligibility_description = TextAreaField(_l("Who it is for, in Dutch"))
    eligibility_description_en = TextAreaField(_l("Who it is for, in English"))
    categories = CheckboxesField(
        _l("Categories"), choices=options(*((t.key, t.label) for t in CATEGORIES))
    )
    target_groups = CheckboxesField(
        _l("Target groups"), choices=options(*((t.key, t.label) for t in TARGET_GROUPS))
    )
    free = SelectField(_l("Free"), choices=YES_NO_UNKNOWN)
    anonymous = SelectField(_l("Anonymous possible"), choices=YES_NO_UNKNOWN)
    referral_required = SelectField(_l("Referral needed"), choices=YES_NO_UNKNOWN)
    walk_in = SelectField(_l("Walk-in"), choices=YES_NO_UNKNOWN)
    languages = StringField(
        _l("Languages"), description=_l("Two-letter codes separated by commas, such as nl, en, ar.")
    )
    service_area = StringField(
        _l("Area"),
        validators=[Length(max=120)],
        description=_l("For example Regio Zwolle; “Nederland” for a national service."),
    )
    opening_hours = StringField(
        _l("Opening hours"),
        validators=[Length(max=500)],
        description=_l(
            "In Dutch, such as “ma-vr 9-17, za 10-14”, or in OpenStreetMap syntax. "
            "Leave empty if not known."
        ),
    )
    open_on_public_holidays = BooleanField(_l("Open on public holidays"))
    url = StringField(_l("Website"), validators=[Optional(), WEB_ADDRESS, Length(max=500)])
    email = StringField(_l("E-mail"), validators=[Optional(), E_MAIL, Length(max=200)])
    chat_url = StringField(_l("Chat link"), validators=[Optional(), WEB_ADDRESS, Length(max=500)])
    locations = FieldList(FormField(LocationForm))
    phones = FieldList(FormField(PhoneForm))
    check_hours = SubmitField(_l("Show the opening hours"))
    save = SubmitField(_l("Save"))


class OrganizationForm(FlaskForm):
    """An organisation's name, description and contact."""

    version = HiddenField()
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    description = TextAreaField(_l("Description"))
    website = StringField(_l("Website"), validators=[Optional(), WEB_ADDRESS, Length(max=500)])
    email = StringField(_l("E-mail"), validators=[Optional(), E_MAIL, Length(max=200)])
    submit = SubmitField(_l("Save organisation"))


ALL = ("", _l("All"))


class ServiceFilterForm(FlaskForm):
    """Search and filters for the list of listings (GET, changes nothing)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name or place"), validators=[Optional()])
    category = SelectField(
        _l("Category"), choices=options(ALL, *((t.key, t.label) for t in CATEGORIES))
    )
    status = SelectField(
        _l("Status"),
        choices=options(ALL, ("active", _l("On the map")), ("retired", _l("Retired"))),
        default="active",
    )
    verified = SelectField(
        _l("Checked by an editor"),
        choices=options(ALL, ("yes", _l("Verified")), ("no", _l("Not verified"))),
    )
    due = BooleanField(_l("Only listings due for a check"))


class ImportForm(FlaskForm):
    """A file (or pasted text) to preview before importing."""

    upload = FileField(_l("File (HSDS JSON or CSV)"))
    pasted = TextAreaField(_l("Or paste the text here"))
    fmt = SelectField(
        _l("Format"),
        choices=options(("auto", _l("From the file name")), ("hsds", "HSDS JSON"), ("csv", "CSV")),
    )
    retire_missing = BooleanField(_l("Retire listings that are not in the file"))
    submit = SubmitField(_l("Show what will change"))
