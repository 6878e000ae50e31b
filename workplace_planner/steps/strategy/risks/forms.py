"""Forms of the risk assessment. Choices that depend on the programme (roadmap items, systems)
are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps.strategy.risks import matrix
from workplace_planner.steps.strategy.risks.choices import (
    ACCEPTOR_ROLES,
    ASPECTS,
    CONTROLS,
    LEVELS,
    MEASURE_STATUSES,
    THREATS,
    TREATMENTS,
    control_sort_key,
)

TEXT = 5000


def _options(labels: dict, empty=None) -> list[tuple[str, object]]:
    options = [(getattr(key, "value", key), label) for key, label in labels.items()]
    return ([("", empty)] if empty is not None else []) + options


def _score(label, required: bool):
    choices = [(n, str(n)) for n in matrix.SCALE]
    if required:
        return SelectField(label, coerce=int, choices=choices,
                           validators=[DataRequired(_l("Choose a score from 1 to 5."))])
    return SelectField(label, coerce=int, validators=[Optional()],
                       choices=[(0, _l("Not assessed yet"))] + choices)


def control_options(empty) -> list[tuple[str, str]]:
    return [("", empty)] + [
        (number, f"{number} {CONTROLS[number]}")
        for number in sorted(CONTROLS, key=control_sort_key)
    ]


class RiskForm(VersionedForm):
    roadmap_item_id = SelectField(
        _l("Roadmap item (the change)"), coerce=int,
        validators=[DataRequired(_l("Choose the roadmap item this risk belongs to."))],
    )
    title = StringField(
        _l("Risk"), validators=[DataRequired(_l("Describe the risk in a few words.")),
                                Length(max=200)],
        description=_l("In a few words, e.g. mailboxes taken over after phishing."),
    )
    threat_key = SelectField(
        _l("Threat"), choices=_options(THREATS, _l("Another threat (describe it below)")),
        validators=[Optional()],
    )
    threat_text = StringField(
        _l("Threat in your own words"), validators=[Optional(), Length(max=300)],
        description=_l("Needed when the threat is not in the list; otherwise an addition."),
    )
    vulnerability = TextAreaField(
        _l("Vulnerability"), validators=[Optional(), Length(max=TEXT)],
        description=_l("What makes the threat possible, e.g. no multi-factor log-in yet."),
    )
    aspects = CheckboxListField(_l("Affected aspects (BIV)"), choices=_options(ASPECTS),
                                validators=[Optional()])
    systems = CheckboxListField(_l("Affected systems"), coerce=int, validators=[Optional()])
    inherent_likelihood = _score(_l("Inherent likelihood"), required=True)
    inherent_impact = _score(_l("Inherent impact"), required=True)
    residual_likelihood = _score(_l("Residual likelihood"), required=False)
    residual_impact = _score(_l("Residual impact"), required=False)
    treatment = SelectField(_l("Treatment"), choices=_options(TREATMENTS), default="mitigate")
    owner = StringField(
        _l("Risk owner"), validators=[Optional(), Length(max=200)],
        description=_l("The person or role who answers for this risk."),
    )
    review_on = DateField(_l("Next review"), validators=[Optional()],
                          description=_l("For example 2028-03-31."))


class MeasureForm(VersionedForm):
    description = StringField(
        _l("Measure"), validators=[DataRequired(_l("Describe the measure.")), Length(max=300)],
    )
    control = SelectField(_l("BIO2 / ISO 27002 control"), validators=[Optional()])
    owner = StringField(_l("Owner"), validators=[Optional(), Length(max=200)])
    due_on = DateField(_l("Due date"), validators=[Optional()],
                       description=_l("For example 2028-03-31."))
    status = SelectField(_l("Status"), choices=_options(MEASURE_STATUSES), default="planned")


class AcceptanceForm(VersionedForm):
    accepted_by = StringField(
        _l("Accepted by"),
        validators=[DataRequired(_l("Name the person who accepts the risk.")),
                    Length(max=200)],
    )
    role = SelectField(_l("In the role of"), choices=_options(ACCEPTOR_ROLES))
    decided_on = DateField(
        _l("Date of the decision"),
        validators=[DataRequired(_l("Enter the date, e.g. 2028-03-14."))],
    )
    justification = TextAreaField(
        _l("Justification"),
        validators=[DataRequired(_l("Explain why the risk is acceptable.")),
                    Length(max=TEXT)],
    )
    expires_on = DateField(
        _l("Valid until"),
        validators=[DataRequired(_l("Enter the date the acceptance expires."))],
        description=_l("Accept for a limited time, e.g. one year."),
    )


class MatrixForm(VersionedForm):
    """Labels of the five likelihood and impact steps and a level per cell (``cell_L_I``)."""


def _build_matrix_form() -> None:
    level_choices = _options(LEVELS)
    for n in matrix.SCALE:
        setattr(MatrixForm, f"likelihood_{n}", StringField(
            _l("Likelihood %(n)d", n=n),
            validators=[DataRequired(_l("Give this step a name.")), Length(max=60)]))
        setattr(MatrixForm, f"impact_{n}", StringField(
            _l("Impact %(n)d", n=n),
            validators=[DataRequired(_l("Give this step a name.")), Length(max=60)]))
    for likelihood in matrix.SCALE:
        for impact in matrix.SCALE:
            setattr(MatrixForm, f"cell_{likelihood}_{impact}", SelectField(
                _l("Likelihood %(l)d, impact %(i)d", l=likelihood, i=impact),
                choices=level_choices))


_build_matrix_form()
