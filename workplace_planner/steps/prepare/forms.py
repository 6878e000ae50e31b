"""Forms of step 3, Prepare & pilot."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workplace_planner.fields import LocaleIntegerField
from workplace_planner.organisation.forms import MAX_PEOPLE, VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps.prepare.choices import DECISIONS, MET_CHOICES

TEXT = 5000


class PilotForm(VersionedForm):
    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Give the pilot group a name.")), Length(max=200)])
    description = TextAreaField(_l("What is piloted"), validators=[Optional(), Length(max=TEXT)])
    personas = CheckboxListField(_l("Personas"), coerce=int, validators=[Optional()])
    participants = CheckboxListField(
        _l("Participating municipalities"), coerce=int, validators=[Optional()])
    size = LocaleIntegerField(_l("Number of participants"), validators=[Optional()],
                              minimum=1, maximum=MAX_PEOPLE)
    starts_on = DateField(_l("Start"), validators=[Optional()])
    ends_on = DateField(_l("End"), validators=[Optional()])
    roadmap_items = CheckboxListField(_l("Roadmap items piloted"), coerce=int,
                                      validators=[Optional()])


class ChampionForm(VersionedForm):
    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Enter the champion's name.")), Length(max=200)])
    role = StringField(_l("Role"), validators=[Optional(), Length(max=200)])
    participant_id = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    persona_id = SelectField(_l("Persona"), coerce=int, validators=[Optional()])
    pilot_id = SelectField(_l("Pilot group"), coerce=int, validators=[Optional()])


class CriterionForm(VersionedForm):
    criterion = StringField(_l("Criterion"), validators=[
        DataRequired(_l("Describe what is measured.")), Length(max=300)])
    norm = StringField(_l("Norm"), validators=[Optional(), Length(max=300)],
                       description=_l("E.g. at least 80 percent can log in without help."))
    outcome = StringField(_l("Measured outcome"), validators=[Optional(), Length(max=300)])
    result = SelectField(_l("Met"), choices=MET_CHOICES, validators=[Optional()])


class DecisionForm(VersionedForm):
    decision = SelectField(
        _l("Decision"), choices=[(k.value, v) for k, v in DECISIONS.items()],
        description=_l("Go is only possible when every criterion is measured and met."))
    decided_on = DateField(_l("Date of the decision"), validators=[Optional()])
    decision_note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=TEXT)])
