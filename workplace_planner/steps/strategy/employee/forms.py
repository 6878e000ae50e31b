"""Forms of the employee perspective. Headcount fields are made per participating municipality."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from workplace_planner.fields import DecimalAmountField, LocaleIntegerField
from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps.strategy.employee.choices import (
    CHANNELS,
    DEVICES,
    MOBILITY,
    SKILL_LEVELS,
    WORK_LOCATIONS,
)

MAX_HEADCOUNT = 1_000_000


def headcount_field_name(participant) -> str:
    return f"headcount_{participant.id}" if participant else "headcount"


class _HeadcountMixin:
    """Validates that the headcount fields together stand for at least one employee."""

    headcount_names: tuple[str, ...] = ()

    def headcounts(self, columns) -> dict:
        return {
            (p.id if p else None): getattr(self, headcount_field_name(p)).data or 0
            for p in columns
        }

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        fields = [getattr(self, name) for name in self.headcount_names]
        if valid and sum(f.data or 0 for f in fields) <= 0:
            fields[0].errors = [str(_l("Enter how many employees this persona stands for."))]
            return False
        return valid


class QuickPersonaForm(_HeadcountMixin, VersionedForm):
    """What a workshop lead captures in under a minute: name, role and headcount."""

    name = StringField(
        _l("Name"),
        validators=[DataRequired(_l("Enter a name.")), Length(max=120)],
        description=_l("A recognisable name, e.g. 'Green maintenance field worker'."),
    )
    role = StringField(
        _l("Role or archetype"),
        validators=[DataRequired(_l("Enter the role.")), Length(max=200)],
    )


class PersonaForm(QuickPersonaForm):
    department = StringField(_l("Department"), validators=[Optional(), Length(max=200)])
    quote = StringField(
        _l("Quote"), validators=[Optional(), Length(max=500)],
        description=_l("Something this person says, in their own words."),
    )
    description = TextAreaField(_l("Short description"), validators=[Optional(), Length(max=5000)])
    goals = TextAreaField(_l("Goals"), validators=[Optional(), Length(max=5000)])
    frustrations = TextAreaField(_l("Frustrations"), validators=[Optional(), Length(max=5000)])
    tasks = TextAreaField(_l("Typical tasks"), validators=[Optional(), Length(max=5000)])
    applications = TextAreaField(
        _l("Key applications"), validators=[Optional(), Length(max=5000)]
    )
    work_locations = CheckboxListField(
        _l("Work locations"), choices=list(WORK_LOCATIONS.items()), validators=[Optional()]
    )
    devices_used = CheckboxListField(
        _l("Devices used now"), choices=list(DEVICES.items()), validators=[Optional()]
    )
    devices_needed = CheckboxListField(
        _l("Devices needed"), choices=list(DEVICES.items()), validators=[Optional()]
    )
    digital_skill = SelectField(
        _l("Digital skill"),
        choices=[("", _l("Not known yet"))] + [(str(k), v) for k, v in SKILL_LEVELS.items()],
        validators=[Optional()],
    )
    mobility = SelectField(
        _l("Mobility"),
        choices=[("", _l("Not known yet"))] + list(MOBILITY.items()),
        validators=[Optional()],
    )
    licence_bundle_id = SelectField(_l("Licence profile"), coerce=int, validators=[Optional()])
    device_kit_id = SelectField(_l("Device profile"), coerce=int, validators=[Optional()])
    adoption_channels = CheckboxListField(
        _l("Preferred adoption channels"), choices=list(CHANNELS.items()), validators=[Optional()]
    )

    def persona_fields(self) -> dict:
        return {
            "name": self.name.data,
            "role": self.role.data.strip(),
            "department": (self.department.data or "").strip(),
            "quote": (self.quote.data or "").strip(),
            "description": (self.description.data or "").strip(),
            "goals": (self.goals.data or "").strip(),
            "frustrations": (self.frustrations.data or "").strip(),
            "tasks": (self.tasks.data or "").strip(),
            "applications": (self.applications.data or "").strip(),
            "work_locations": self.work_locations.data or [],
            "devices_used": self.devices_used.data or [],
            "devices_needed": self.devices_needed.data or [],
            "adoption_channels": self.adoption_channels.data or [],
            "digital_skill": int(self.digital_skill.data) if self.digital_skill.data else None,
            "mobility": self.mobility.data or None,
            "licence_bundle_id": self.licence_bundle_id.data or None,
            "device_kit_id": self.device_kit_id.data or None,
        }


def with_headcount_fields(form_class, columns):
    """A subclass of ``form_class`` with one headcount field per column (participant)."""
    attributes = {}
    names = []
    for participant in columns:
        name = headcount_field_name(participant)
        names.append(name)
        label = (
            _l("Employees in %(municipality)s", municipality=participant.name)
            if participant
            else _l("Number of employees")
        )
        attributes[name] = LocaleIntegerField(
            label, validators=[Optional()], minimum=0, maximum=MAX_HEADCOUNT
        )
    attributes["headcount_names"] = tuple(names)
    return type(form_class.__name__, (form_class,), attributes)


class LicenceBundleForm(VersionedForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter a name.")), Length(max=120)])
    price_per_user_month = DecimalAmountField(
        _l("Price per user per month (ex VAT)"),
        validators=[DataRequired(_l("Enter the price."))],
        minimum=0,
        maximum=10_000,
    )
    source = StringField(
        _l("Source"), validators=[Optional(), Length(max=300)],
        description=_l("Where the price comes from, or 'assumption'."),
    )


class DeviceKitForm(VersionedForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter a name.")), Length(max=120)])
    price = DecimalAmountField(
        _l("Price per kit (ex VAT)"),
        validators=[DataRequired(_l("Enter the price."))],
        minimum=0,
        maximum=1_000_000,
    )
    life_years = LocaleIntegerField(
        _l("Life in years"),
        validators=[DataRequired(_l("Enter the life in years."))],
        minimum=1,
        maximum=15,
    )
    source = StringField(_l("Source"), validators=[Optional(), Length(max=300)])


class InterviewForm(VersionedForm):
    held_on = DateField(_l("Date"), validators=[DataRequired(_l("Enter the date."))])
    interviewer = StringField(
        _l("Interviewer"), validators=[DataRequired(_l("Enter who held the interview.")),
                                       Length(max=120)]
    )
    interviewee_role = StringField(
        _l("Role of the interviewee"),
        validators=[DataRequired(_l("Enter the role.")), Length(max=200)],
        description=_l("No names: the role is enough (personal data is kept to a minimum)."),
    )
    participant_id = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    personas = CheckboxListField(_l("Personas this interview backs"), coerce=int,
                                 validators=[Optional()])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=20000)])

    def validate_notes(self, field):
        # A reminder where it matters: notes are where names slip in.
        if field.data and "@" in field.data:
            raise ValidationError(_l("Leave out e-mail addresses: keep personal data out."))


class AdoptionMeasureForm(VersionedForm):
    title = StringField(
        _l("Measure"), validators=[DataRequired(_l("Enter the measure.")), Length(max=200)]
    )
    channel = SelectField(_l("Channel"), choices=list(CHANNELS.items()))
    personas = CheckboxListField(_l("Personas it serves"), coerce=int, validators=[Optional()])
    support_point = StringField(
        _l("Support point"), validators=[Optional(), Length(max=300)],
        description=_l("Where people go with questions."),
    )
    self_service = TextAreaField(
        _l("What people can arrange themselves"), validators=[Optional(), Length(max=5000)]
    )
    timing = StringField(
        _l("Timing"), validators=[Optional(), Length(max=200)],
        description=_l("e.g. 'two weeks before the migration wave'."),
    )
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=5000)])


class ImportForm(FlaskForm):
    file = FileField(
        _l("File (.csv or .xlsx)"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["csv", "xlsx"], _l("Upload a .csv or .xlsx file.")),
        ],
    )
