"""Forms of the business impact analysis. Choices that depend on the programme (systems,
personas, municipalities) are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps.strategy.continuity.choices import (
    CATEGORIES,
    LEVELS,
    SCORES,
    WINDOW_LABELS,
    WINDOWS,
)
from workplace_planner.steps.strategy.continuity.durations import DurationField

TEXT = 5000


def impact_field_name(category, window: int) -> str:
    return f"impact_{getattr(category, 'value', category)}_{window}"


def _level(label):
    return SelectField(
        label, validators=[Optional()],
        choices=[("", _l("Not classified"))] + [(k.value, v) for k, v in LEVELS.items()],
    )


class BiaEntryForm(VersionedForm):
    name = StringField(
        _l("Process or service"),
        validators=[DataRequired(_l("Enter the name of the process or service.")),
                    Length(max=200)],
        description=_l("For example: civil affairs desk, permits, payroll."),
    )
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=TEXT)])
    owner = StringField(
        _l("Owner"), validators=[Optional(), Length(max=200)],
        description=_l("The person or team accountable for the process, e.g. team Publiekszaken."),
    )
    participants = CheckboxListField(
        _l("Participating municipalities it concerns"), coerce=int, validators=[Optional()]
    )
    personas = CheckboxListField(
        _l("Personas who carry it out"), coerce=int, validators=[Optional()]
    )
    systems = CheckboxListField(
        _l("Systems and services it depends on"), coerce=int, validators=[Optional()],
        description=_l("Systems hosted in the public cloud or as SaaS depend on the internet."),
    )
    mtd_hours = DurationField(
        _l("Maximum tolerable downtime"), validators=[Optional()],
        description=_l("How long the process may be down before the damage is unacceptable. "
                       "Type a duration such as 4 hours, 1 day or 1 week."),
    )
    rto_hours = DurationField(
        _l("Recovery time objective (RTO)"), validators=[Optional()],
        description=_l("How soon the process must work again; at most the maximum tolerable "
                       "downtime. Type a duration such as 4 hours, 1 day or 1 week."),
    )
    rpo_hours = DurationField(
        _l("Recovery point objective (RPO)"), validators=[Optional()],
        description=_l("How much recent work may be lost, e.g. 1 hour or 1 day."),
    )
    has_fallback = BooleanField(_l("A fallback or workaround exists"))
    fallback = TextAreaField(
        _l("Fallback or workaround"), validators=[Optional(), Length(max=TEXT)],
        description=_l("How the work goes on during an outage, or what is still missing."),
    )
    availability = _level(_l("Availability"))
    integrity = _level(_l("Integrity"))
    confidentiality = _level(_l("Confidentiality"))

    def impact_rows(self):
        """[(category, label, [field per window])] for the impact grid."""
        return [
            (category, label, [self[impact_field_name(category, w)] for w in WINDOWS])
            for category, label in CATEGORIES.items()
        ]

    def impacts_data(self) -> dict[str, list[int | None]]:
        return {
            category.value: [self[impact_field_name(category, w)].data or None for w in WINDOWS]
            for category in CATEGORIES
        }


# Short options: the scale is explained above the grid (and in the labels' context).
_SCORE_CHOICES = [(0, _l("None"))] + [(n, str(n)) for n in SCORES]
for _category, _category_label in CATEGORIES.items():
    for _window in WINDOWS:
        setattr(BiaEntryForm, impact_field_name(_category, _window), SelectField(
            _l("%(category)s after %(window)s", category=_category_label,
               window=WINDOW_LABELS[_window]),
            coerce=int, validators=[Optional()], choices=_SCORE_CHOICES, default=0,
        ))
