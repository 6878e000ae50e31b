"""Forms of step 7, Evaluate & evolve. Choices that depend on the programme are filled in by
the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from workplace_planner.fields import DecimalAmountField
from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps import PERSPECTIVES, STEPS
from workplace_planner.steps.evaluate.models import LESSON_CATEGORIES


class RealisedBenefitForm(VersionedForm):
    year = SelectField(_l("Year"), coerce=int)
    line_key = SelectField(
        _l("Benefit line of the business case"), validators=[Optional()],
        description=_l("The line of the approved version this benefit belongs to."),
    )
    category = SelectField(
        _l("Category"), validators=[Optional()],
        description=_l("Only for a benefit without a line of the business case."),
    )
    amount = DecimalAmountField(
        _l("Realised amount (€)"), validators=[InputRequired(_l("Enter the amount."))],
        minimum=0, maximum=10**11,
    )
    note = TextAreaField(_l("How it was established"), validators=[Optional(), Length(max=5000)])


class LessonForm(VersionedForm):
    title = StringField(_l("What happened"), validators=[
        DataRequired(_l("Describe the lesson in a sentence.")), Length(max=200)])
    description = TextAreaField(_l("Explanation"), validators=[Optional(), Length(max=5000)])
    category = SelectField(_l("Category"),
                           choices=[(k.value, v) for k, v in LESSON_CATEGORIES.items()])
    perspective = SelectField(_l("Perspective"), choices=[(p.key, p.name) for p in PERSPECTIVES])
    step_key = SelectField(
        _l("Step"), validators=[Optional()],
        choices=[("", _l("The whole programme"))] + [(s.key, f"{s.number}. {s.name}")
                                                     for s in STEPS],
    )
    recommendation = TextAreaField(_l("Recommendation for the next cycle"),
                                   validators=[Optional(), Length(max=5000)])


class NextCycleForm(VersionedForm):
    items = CheckboxListField(_l("Roadmap items to carry over"), coerce=int,
                              validators=[Optional()])
    name = StringField(_l("Name of the next programme"), validators=[
        DataRequired(_l("Enter a name.")), Length(max=200)])
    start_year = IntegerField(
        _l("Start year"),
        validators=[InputRequired(_l("Enter the first year, for example 2032.")),
                    NumberRange(2000, 2100, _l("Enter a year between 2000 and 2100."))],
        render_kw={"inputmode": "numeric"},
    )
    horizon_years = IntegerField(
        _l("Horizon (years)"),
        validators=[InputRequired(_l("Enter the number of years.")),
                    NumberRange(1, 30, _l("Enter between 1 and 30 years."))],
        render_kw={"inputmode": "numeric"},
    )
    note = TextAreaField(_l("Why these items"), validators=[Optional(), Length(max=5000)])
