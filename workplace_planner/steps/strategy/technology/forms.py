"""Forms of the technology perspective. Choices that depend on the programme (workshops,
systems, items, quarters) are filled in by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from workplace_planner.fields import DecimalAmountField
from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps import PERSPECTIVES
from workplace_planner.steps.strategy.technology.choices import (
    COST_CATEGORIES,
    DOMAINS,
    FOLLOW_UP_STATUSES,
    HOSTINGS,
    ITEM_STATUSES,
    TARGETS,
    TOPICS,
    WORKSHOP_KINDS,
)
from workplace_planner.steps.strategy.technology.governance import CHOICES

TEXT = 5000


def _options(labels: dict, empty=None) -> list[tuple[str, object]]:
    options = [(key.value if hasattr(key, "value") else key, label)
               for key, label in labels.items()]
    return ([("", empty)] if empty is not None else []) + options


def _name(label, message, max_length=200):
    return StringField(label, validators=[DataRequired(message), Length(max=max_length)])


def _text(label, description=None):
    return TextAreaField(label, validators=[Optional(), Length(max=TEXT)],
                         description=description)


def _workshop_field():
    return SelectField(
        _l("Recorded in workshop"), coerce=int, validators=[Optional()],
        description=_l("The workshop where this was worked out."),
    )


class WorkshopForm(VersionedForm):
    kind = SelectField(_l("Kind of workshop"), choices=_options(WORKSHOP_KINDS))
    title = _name(_l("Title"), _l("Give the workshop a title."))
    held_on = DateField(
        _l("Date"), validators=[DataRequired(_l("Enter the date, e.g. 2027-03-14."))]
    )
    facilitator = StringField(_l("Facilitator"), validators=[Optional(), Length(max=200)])
    participant_roles = _text(
        _l("Participants (roles)"),
        _l("The roles present, e.g. I&A manager, architect, functional administrator."),
    )
    participants = CheckboxListField(
        _l("Participating municipalities"), coerce=int, validators=[Optional()]
    )
    outcomes = _text(_l("Outcomes"))
    decisions = _text(_l("Decisions"))
    follow_ups = _text(_l("Follow-ups"), _l("One per line: what, who, when."))


class SystemForm(VersionedForm):
    name = _name(_l("Name"), _l("Enter the name of the system or service."))
    domain = SelectField(_l("Domain"), choices=_options(DOMAINS))
    supplier = StringField(_l("Supplier"), validators=[Optional(), Length(max=200)])
    hosting = SelectField(_l("Hosting now"), choices=_options(HOSTINGS))
    end_of_support = DateField(
        _l("End of support or contract"), validators=[Optional()],
        description=_l("The earliest of the two, e.g. 2028-06-30."),
    )
    owner = StringField(
        _l("Owner"), validators=[Optional(), Length(max=200)],
        description=_l("The person or team responsible, e.g. team Werkplek."),
    )
    participants = CheckboxListField(
        _l("Used by"), coerce=int, validators=[Optional()]
    )
    strengths = _text(_l("Strengths"))
    pain_points = _text(_l("Pain points"))
    target = SelectField(
        _l("Target in the ambition"), choices=_options(TARGETS, _l("Not decided yet")),
        validators=[Optional()],
    )
    replacement_hosting = SelectField(
        _l("Hosting of the replacement"), choices=_options(HOSTINGS, _l("Not applicable")),
        validators=[Optional()], description=_l("Only when the target is to replace it."),
    )
    target_note = _text(_l("Note on the target"))
    workshop_id = _workshop_field()


class AmbitionForm(VersionedForm):
    statement = TextAreaField(
        _l("Ambition statement"),
        validators=[DataRequired(_l("Write the ambition in a few sentences.")),
                    Length(max=TEXT)],
        description=_l("The point on the horizon: lean on the cloud, or keep own systems?"),
    )
    workshop_id = _workshop_field()


class PrincipleForm(VersionedForm):
    title = _name(_l("Principle"), _l("Enter the principle, e.g. cloud first."))
    explanation = _text(_l("Explanation"), _l("What it means, and the exceptions."))


def _score(label):
    return SelectField(
        label, coerce=int, validators=[Optional()],
        choices=[(0, _l("Not scored"))] + [(n, str(n)) for n in range(1, 6)],
    )


class RoadmapItemForm(VersionedForm):
    title = _name(_l("Title"), _l("Give the change a title."))
    description = _text(_l("Description"))
    perspective = SelectField(
        _l("Perspective"), choices=[(p.key, p.name) for p in PERSPECTIVES],
        default="technology",
    )
    status = SelectField(_l("Status"), choices=_options(ITEM_STATUSES), default="idea")
    start_quarter = SelectField(_l("Start quarter"), coerce=int, validators=[Optional()])
    end_quarter = SelectField(
        _l("End quarter"), coerce=int, validators=[Optional()],
        description=_l("The last quarter of work: an item ending in Q2 is done by 30 June."),
    )
    owner = StringField(
        _l("Owner"), validators=[Optional(), Length(max=200)],
        description=_l("The person or team accountable for the change."),
    )
    dependencies = CheckboxListField(
        _l("Depends on"), coerce=int, validators=[Optional()],
        description=_l("Changes that must be finished before this one can start."),
    )
    systems = CheckboxListField(_l("Systems it changes"), coerce=int, validators=[Optional()])
    participants = CheckboxListField(
        _l("Participating municipalities"), coerce=int, validators=[Optional()]
    )
    personas = CheckboxListField(_l("Personas it touches"), coerce=int, validators=[Optional()])
    customer_value = _score(_l("Value for the customer (1-5)"))
    organisation_value = _score(_l("Value for the organisation (1-5)"))
    urgency = _score(_l("Urgency (1-5)"))
    workshop_id = _workshop_field()


class MilestoneForm(FlaskForm):
    title = _name(_l("Milestone"), _l("Enter the milestone."))
    quarter = SelectField(_l("Quarter"), coerce=int, validators=[Optional()])


class OptionForm(Form):
    """One option weighed in a governance decision (a sub-form: no CSRF of its own)."""

    name = StringField(_l("Option"), validators=[Optional(), Length(max=200)])
    pros = TextAreaField(_l("Pros"), validators=[Optional(), Length(max=2000)])
    cons = TextAreaField(_l("Cons"), validators=[Optional(), Length(max=2000)])


def choice_key_options(empty):
    options = [("", empty)]
    for topic, known in CHOICES.items():
        for key, label in known.items():
            options.append((key, f"{TOPICS[topic]}: {label}"))
    return options


class DecisionForm(VersionedForm):
    topic = SelectField(_l("Topic"), choices=_options(TOPICS))
    question = _name(
        _l("Question"), _l("Enter the question the workshop answered."), max_length=300
    )
    options = FieldList(FormField(OptionForm), min_entries=3, max_entries=6)
    choice_key = SelectField(
        _l("Choice (known pattern)"), validators=[Optional()],
        description=_l("Pick the pattern closest to the choice: the tool then proposes its "
                       "consequences."),
    )
    choice = _text(_l("Choice"), _l("What was chosen, in your own words."))
    rationale = _text(_l("Rationale"))
    consequences = _text(_l("Consequences"))
    decided_on = DateField(
        _l("Decided on"), validators=[Optional()],
        description=_l("Leave empty while the decision is still open."),
    )
    workshop_id = _workshop_field()

    def validate_choice_key(self, field):
        if field.data and field.data not in CHOICES.get(self.topic.data, {}):
            raise ValidationError(_l("This pattern belongs to another topic."))

    def validate_decided_on(self, field):
        if field.data and not (self.choice.data or "").strip():
            raise ValidationError(_l("Describe the choice before giving a decision date."))

    def option_records(self) -> list[dict]:
        return [
            {"name": o["name"].strip(), "pros": o["pros"].strip(), "cons": o["cons"].strip()}
            for o in self.options.data
            if (o["name"] or "").strip()
        ]


class FollowUpForm(VersionedForm):
    title = _name(_l("Follow-up"), _l("Enter the follow-up."))
    description = _text(_l("Description"))
    owner = StringField(_l("Owner"), validators=[Optional(), Length(max=200)])
    status = SelectField(_l("Status"), choices=_options(FOLLOW_UP_STATUSES), default="open")
    cost_category = SelectField(
        _l("Cost category"), choices=_options(COST_CATEGORIES, _l("No cost line")),
        validators=[Optional()],
    )
    fte = DecimalAmountField(_l("FTE"), validators=[Optional()], minimum=0, maximum=1000)
    yearly_amount = DecimalAmountField(
        _l("Amount per year (€)"), validators=[Optional()], minimum=0, maximum=10**11
    )
    one_off_amount = DecimalAmountField(
        _l("One-off amount (€)"), validators=[Optional()], minimum=0, maximum=10**11
    )
    assumption = _text(_l("Assumption"), _l("Where the figures come from."))


class ImportForm(FlaskForm):
    file = FileField(
        _l("File (.csv or .xlsx)"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["csv", "xlsx"], _l("Upload a .csv or .xlsx file.")),
        ],
    )
