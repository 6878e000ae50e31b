"""Forms of step 6, Operate. System choices are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from workplace_planner.fields import DecimalAmountField, LocaleIntegerField
from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps.operate.models import DIRECTIONS, FREQUENCIES, SOURCINGS


def _options(labels: dict) -> list[tuple[str, object]]:
    return [(key.value, label) for key, label in labels.items()]


def _text(label, required=None, max_length=200, description=None):
    validators = [DataRequired(required)] if required else [Optional()]
    return StringField(label, validators=[*validators, Length(max=max_length)],
                       description=description)


def _note():
    return TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])


def _date(label, description=None):
    return DateField(label, validators=[DataRequired(_l("Enter the date, e.g. 2028-03-14."))],
                     description=description)


class RunRoleForm(VersionedForm):
    name = _text(_l("Role"), _l("Enter the role, e.g. functional administrator."))
    fte = DecimalAmountField(_l("FTE"), validators=[InputRequired(_l("Enter the FTE."))],
                             minimum=0, maximum=10000)
    sourcing = SelectField(_l("Internal or external"), choices=_options(SOURCINGS))
    supplier = _text(_l("Supplier"), description=_l("Only for an external role."))
    note = _note()


class RegieTaskForm(VersionedForm):
    title = _text(_l("Task"), _l("Enter the task, e.g. monthly service review."))
    owner = _text(_l("Owner"), _l("Enter who is responsible."))
    frequency = SelectField(_l("Frequency"), choices=_options(FREQUENCIES))
    note = _note()


class ContractForm(VersionedForm):
    supplier = _text(_l("Supplier"), _l("Enter the supplier."))
    subject = _text(_l("Subject"), _l("Enter what the contract is about."))
    systems = CheckboxListField(
        _l("Systems it covers"), coerce=int, validators=[Optional()],
        description=_l("From the inventory of the current situation (step 1)."),
    )
    starts_on = _date(_l("Start date"))
    ends_on = _date(_l("End date"))
    notice_months = LocaleIntegerField(
        _l("Notice period (months)"), validators=[Optional()], minimum=0, maximum=120
    )
    renewal_on = DateField(
        _l("Renewal decision by"), validators=[Optional()],
        description=_l("Empty: the end date minus the notice period."),
    )
    annual_value = DecimalAmountField(
        _l("Value per year (€)"), validators=[InputRequired(_l("Enter the value per year."))],
        minimum=0, maximum=10**11,
    )
    owner = _text(_l("Contract manager"))
    note = _note()


class ServiceLevelForm(VersionedForm):
    name = _text(_l("Service level"), _l("Enter the service level, e.g. availability."))
    direction = SelectField(_l("The value must be"), choices=_options(DIRECTIONS))
    norm = DecimalAmountField(_l("Norm"), validators=[InputRequired(_l("Enter the norm."))],
                              minimum=0, maximum=10**9)
    unit = _text(_l("Unit"), _l("Enter the unit, e.g. percent or hours."), max_length=40)


class LevelMeasurementForm(VersionedForm):
    period_start = _date(_l("Month"), _l("Any day of the month; the month is what counts."))
    value = DecimalAmountField(_l("Measured value"),
                               validators=[InputRequired(_l("Enter the measured value."))],
                               minimum=0, maximum=10**9)
    note = _note()
