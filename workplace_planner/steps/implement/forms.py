"""Forms of step 4, Implement & migrate. The wave form gets one field per persona
(``users_<persona id>``) from ``wave_form``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workplace_planner.fields import DecimalAmountField, LocaleIntegerField
from workplace_planner.organisation.forms import MAX_PEOPLE, VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps.implement.choices import TRAINING_STATUSES, WAVE_STATUSES
from workplace_planner.steps.strategy.organisation.forms import CATEGORY_LABELS

TEXT = 5000


def _options(labels):
    return [(getattr(k, "value", k), v) for k, v in labels.items()]


class WaveForm(VersionedForm):
    name = StringField(_l("Name"), validators=[
        DataRequired(_l("Give the wave a name.")), Length(max=200)])
    status = SelectField(_l("Status"), choices=_options(WAVE_STATUSES))
    start_quarter = SelectField(_l("Start quarter"), coerce=int, validators=[Optional()])
    end_quarter = SelectField(_l("End quarter"), coerce=int, validators=[Optional()])
    participants = CheckboxListField(_l("Municipalities"), coerce=int, validators=[Optional()])
    roadmap_items = CheckboxListField(_l("Roadmap items"), coerce=int, validators=[Optional()])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=TEXT)])


def wave_form(personas, remaining: dict[int, int], **kwargs) -> WaveForm:
    """A wave form with a number field per persona; ``remaining``: how many employees of each
    persona no other wave migrates."""

    class PersonaWaveForm(WaveForm):
        pass

    for persona in personas:
        setattr(PersonaWaveForm, f"users_{persona.id}", LocaleIntegerField(
            _l("Users: %(persona)s", persona=persona.name), validators=[Optional()],
            minimum=0, maximum=MAX_PEOPLE,
            description=_l("%(headcount)d employees; at most %(left)d not in another wave.",
                           headcount=persona.headcount, left=remaining.get(persona.id, 0)),
        ))
    return PersonaWaveForm(**kwargs)


class CommunicationForm(VersionedForm):
    measure_id = SelectField(_l("Adoption measure"), coerce=int)
    persona_id = SelectField(_l("Persona"), coerce=int)
    wave_id = SelectField(_l("Wave"), coerce=int, validators=[Optional()])
    status = SelectField(_l("Status"), choices=_options(TRAINING_STATUSES))
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=TEXT)])


class ActualForm(VersionedForm):
    year = SelectField(_l("Year"), coerce=int)
    category = SelectField(_l("Category"), choices=_options(CATEGORY_LABELS))
    amount = DecimalAmountField(
        _l("Amount"), validators=[DataRequired(_l("Enter the amount spent."))],
        description=_l("In euros, as in the business case, e.g. 12.345,67."))
    note = StringField(_l("Note"), validators=[Optional(), Length(max=300)])
