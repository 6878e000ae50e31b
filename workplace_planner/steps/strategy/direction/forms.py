"""Forms of the vision-and-cooperation pages. Choices that depend on the programme (pillars,
roadmap items, quarters, municipalities, activities) are filled in by the view."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from workplace_planner.fields import LocaleIntegerField, _LocaleNumberField
from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.steps.strategy.direction.choices import (
    CATEGORIES,
    FACTOR_STATUSES,
    HORIZONS,
)

TEXT = 5000
LIMIT = Decimal("1e12")


class FigureField(_LocaleNumberField):
    """A KPI value: a number with at most two decimals, e.g. 7,4 or 1.250."""

    invalid_message = _l("Enter a number, for example 7,4.")

    def convert(self, number: Decimal) -> Decimal:
        if number != number.quantize(Decimal("0.01")):
            raise ValueError(str(_l("Enter at most two decimals.")))
        return number.quantize(Decimal("0.01"))


def _options(labels: dict, empty=None) -> list:
    return ([("", empty)] if empty is not None else []) + [(k.value, v) for k, v in labels.items()]


def _text(label, description=None):
    return TextAreaField(label, validators=[Optional(), Length(max=TEXT)],
                         description=description)


def _line(label, max_length=200, description=None):
    return StringField(label, validators=[Optional(), Length(max=max_length)],
                       description=description)


def _name(label, message, max_length=200, description=None):
    return StringField(label, validators=[DataRequired(message), Length(max=max_length)],
                       description=description)


def _score(label, description):
    return SelectField(label, coerce=int, validators=[Optional()], description=description,
                       choices=[(0, _l("Not rated"))] + [(n, str(n)) for n in range(1, 6)])


class VisionForm(VersionedForm):
    statement = TextAreaField(
        _l("Vision"), validators=[DataRequired(_l("Write the vision in a few sentences.")),
                                  Length(max=TEXT)],
        description=_l("Short and concrete: where do you stand in a few years' time?"),
    )
    goal = _name(_l("Bold goal"), _l("Write the goal, measurable and with a date."), 500,
                 _l("Measurable, e.g. “residents rate our online services 8 or higher in "
                    "2028”."))
    goal_date = DateField(_l("Goal date"), validators=[Optional()],
                          description=_l("When the goal is reached, e.g. 2028-12-31."))
    obstacles = _text(_l("Obstacles"), _l("One per line: what stands in the way."))


class WeightsForm(VersionedForm):
    weight_customer = LocaleIntegerField(
        _l("Weight of value for the customer (percent)"), minimum=0, maximum=100,
        validators=[InputRequired(_l("Enter a weight from 0 to 100."))])
    weight_organisation = LocaleIntegerField(
        _l("Weight of value for the organisation (percent)"), minimum=0, maximum=100,
        validators=[InputRequired(_l("Enter a weight from 0 to 100."))])
    weight_urgency = LocaleIntegerField(
        _l("Weight of urgency (percent)"), minimum=0, maximum=100,
        validators=[InputRequired(_l("Enter a weight from 0 to 100."))])


class PillarForm(VersionedForm):
    title = _name(_l("Pillar"), _l("Give the pillar a name."))
    description = _text(_l("What it means"))
    owner = _line(_l("Strategy owner"), description=_l("Who owns this pillar and its strategy."))


class KpiForm(VersionedForm):
    name = _name(_l("KPI"), _l("Name the KPI, e.g. customer satisfaction online."))
    unit = _line(_l("Unit"), 50, _l("e.g. grade, percent, number of services."))
    baseline = FigureField(_l("Baseline"), minimum=-LIMIT, maximum=LIMIT,
                           validators=[Optional()])
    target = FigureField(_l("Target"), minimum=-LIMIT, maximum=LIMIT, validators=[Optional()])
    target_date = DateField(_l("Target date"), validators=[Optional()])
    owner = _line(_l("Owner"))
    pillar_id = SelectField(_l("Pillar"), coerce=int, validators=[Optional()])


class MeasurementForm(VersionedForm):
    measured_on = DateField(_l("Measured on"),
                            validators=[DataRequired(_l("Enter the date, e.g. 2027-06-30."))])
    value = FigureField(_l("Value"), minimum=-LIMIT, maximum=LIMIT,
                        validators=[DataRequired(_l("Enter the measured value."))])
    note = _line(_l("Note"), 500)


class ActivityForm(VersionedForm):
    title = _name(_l("Activity"), _l("Name the activity."))
    description = _text(_l("Description"))
    customer_value = _score(_l("Value for the customer"), _l("1 = little, 5 = a lot."))
    organisation_value = _score(_l("Value for the organisation"), _l("1 = little, 5 = a lot."))
    urgency = _score(_l("Urgency"), _l("1 = can wait, 5 = cannot wait."))
    horizon = SelectField(_l("When (roughly)"), choices=_options(HORIZONS, _l("Not placed yet")),
                          validators=[Optional()],
                          description=_l("Used when no start quarter is chosen."))
    start_quarter = SelectField(_l("Start quarter"), coerce=int, validators=[Optional()])
    end_quarter = SelectField(_l("End quarter"), coerce=int, validators=[Optional()])
    roadmap_item_id = SelectField(_l("Roadmap item"), coerce=int, validators=[Optional()],
                                  description=_l("The change on the roadmap this activity is "
                                                 "part of."))
    linked_activity_id = SelectField(
        _l("Same activity as"), coerce=int, validators=[Optional()],
        description=_l("Another municipality's activity that is the same, under another name."))


class FactorForm(VersionedForm):
    title = _name(_l("Success factor or precondition"), _l("Describe the factor."))
    participant_id = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    category = SelectField(_l("Category"), choices=_options(CATEGORIES))
    status = SelectField(_l("Status"), choices=_options(FACTOR_STATUSES), default="not_met")
    note = _text(_l("Note"))


class ParticipantVisionForm(VersionedForm):
    statement = _text(_l("Own vision or ambition"))
    keywords = _line(_l("Keywords"), 1000,
                     _l("Optional, separated by commas. Without them the words of the vision "
                        "are used."))
