"""Forms of step 5, Adopt. Persona and municipality choices are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.steps.records import OneDecimalField


def _usage(label):
    return OneDecimalField(
        label, validators=[InputRequired(_l("Enter the usage in percent, for example 62,5."))],
        minimum=0, maximum=100,
        description=_l("Percent of the persona's employees actively using the new workplace."),
    )


def _satisfaction(label):
    return OneDecimalField(label, validators=[Optional()], minimum=1, maximum=10,
                           description=_l("Average score from 1 to 10."))


def _tickets(label):
    return OneDecimalField(
        label, validators=[Optional()], minimum=0, maximum=100000,
        description=_l("Support tickets per 100 users in the four weeks before the date."),
    )


class MeasurementForm(VersionedForm):
    persona_id = SelectField(_l("Persona"), coerce=int)
    participant_id = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    measured_on = DateField(
        _l("Date"), validators=[DataRequired(_l("Enter the date, e.g. 2028-03-14."))]
    )
    usage_pct = _usage(_l("Usage (percent)"))
    satisfaction = _satisfaction(_l("Satisfaction (1-10)"))
    tickets_per_100 = _tickets(_l("Support tickets per 100 users"))
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])


class TargetForm(VersionedForm):
    persona_id = SelectField(
        _l("Persona"), coerce=int, validators=[Optional()],
        description=_l("Empty: the target for every persona without a target of its own."),
    )
    starts_on = DateField(
        _l("Go-live"), validators=[DataRequired(_l("Enter the date, e.g. 2028-03-14."))],
        description=_l("The target line starts at 0 percent usage on this date."),
    )
    target_date = DateField(
        _l("Target date"), validators=[DataRequired(_l("Enter the date, e.g. 2028-03-14."))]
    )
    usage_pct = _usage(_l("Target usage (percent)"))
    satisfaction = _satisfaction(_l("Target satisfaction (1-10)"))
    tickets_per_100 = _tickets(_l("At most tickets per 100 users"))
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])
