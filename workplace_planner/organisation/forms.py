from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import HiddenInput

from workplace_planner.auth.forms import EmailOnlyValidator
from workplace_planner.auth.models import Role
from workplace_planner.fields import LocaleIntegerField

ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.EDITOR: _l("Editor"),
    Role.WORKSHOP_LEAD: _l("Workshop lead"),
    Role.REVIEWER: _l("Reviewer"),
}
ROLE_DESCRIPTIONS = {
    Role.ADMIN: _l("Manages members and may change everything."),
    Role.EDITOR: _l("Changes the programme's content."),
    Role.WORKSHOP_LEAD: _l("Records personas, interviews and workshops."),
    Role.REVIEWER: _l("Reads everything, comments and approves; changes nothing else."),
}
MAX_PEOPLE = 10_000_000


def role_choices():
    return [(role.value, ROLE_LABELS[role]) for role in Role]


class VersionedForm(FlaskForm):
    """Carries the version of the object as it was shown, to refuse stale saves."""

    version = IntegerField(widget=HiddenInput(), validators=[Optional()])


class OrganisationForm(VersionedForm):
    name = StringField(
        _l("Name"),
        validators=[DataRequired(_l("Enter a name.")), Length(max=200)],
    )
    headcount = LocaleIntegerField(
        _l("Employees"),
        validators=[Optional()],
        minimum=0,
        maximum=MAX_PEOPLE,
        description=_l("The number of employees of the organisation itself."),
    )
    inhabitants = LocaleIntegerField(
        _l("Inhabitants"), validators=[Optional()], minimum=0, maximum=MAX_PEOPLE
    )


class ParticipantForm(VersionedForm):
    name = StringField(
        _l("Municipality"),
        validators=[DataRequired(_l("Enter the name of the municipality.")), Length(max=200)],
    )
    headcount = LocaleIntegerField(
        _l("Employees"),
        validators=[DataRequired(_l("Enter the number of employees."))],
        minimum=0,
        maximum=MAX_PEOPLE,
    )
    inhabitants = LocaleIntegerField(
        _l("Inhabitants"),
        validators=[DataRequired(_l("Enter the number of inhabitants."))],
        minimum=0,
        maximum=MAX_PEOPLE,
    )


class AddMemberForm(FlaskForm):
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(_l("Enter an e-mail address.")),
            EmailOnlyValidator(_l("Enter a valid e-mail address, like name@gemeente.nl.")),
            Length(max=254),
        ],
    )
    name = StringField(_l("Name"), validators=[Optional(), Length(max=200)])
    role = SelectField(_l("Role"), choices=role_choices, default=Role.EDITOR.value)


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=role_choices)
