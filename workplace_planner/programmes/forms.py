from flask_babel import lazy_gettext as _l
from wtforms import (
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.models import STATUS_LABELS, Status


class CheckboxListField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ProgrammeForm(VersionedForm):
    name = StringField(
        _l("Name"), validators=[DataRequired(_l("Enter a name.")), Length(max=200)]
    )
    start_year = IntegerField(
        _l("Start year"),
        validators=[
            DataRequired(_l("Enter the first year, for example 2027.")),
            NumberRange(2000, 2100, _l("Enter a year between 2000 and 2100.")),
        ],
        render_kw={"inputmode": "numeric"},
    )
    horizon_years = IntegerField(
        _l("Horizon (years)"),
        validators=[
            DataRequired(_l("Enter the number of years.")),
            NumberRange(1, 30, _l("Enter between 1 and 30 years.")),
        ],
        default=5,
        render_kw={"inputmode": "numeric"},
    )
    ambition = TextAreaField(
        _l("Ambition"),
        validators=[Optional(), Length(max=5000)],
        description=_l("The point on the horizon, in a few sentences."),
    )
    participants = CheckboxListField(
        _l("Participating municipalities"), coerce=int, validators=[Optional()]
    )


class StepProgressForm(VersionedForm):
    status = RadioField(
        _l("Status"),
        choices=[(status.value, STATUS_LABELS[status]) for status in Status],
    )
    owner_id = SelectField(_l("Owner"), coerce=int, validators=[Optional()])
    due_date = DateField(
        _l("Due date"),
        validators=[Optional()],
        description=_l("Day, month and year."),
    )
    deliverables = CheckboxListField(_l("Deliverables"), validators=[Optional()])
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=20000)])
