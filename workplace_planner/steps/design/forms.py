"""Forms of step 2, Design. Choices from the programme (kits, items, decisions) are filled in
by the view."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workplace_planner.fields import DecimalAmountField
from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField
from workplace_planner.steps.design.choices import (
    PROCUREMENT_KINDS,
    PROCUREMENT_STATUSES,
    SECURITY_LEVELS,
)
from workplace_planner.steps.strategy.employee.choices import DEVICES

TEXT = 5000


def _options(labels: dict) -> list[tuple[str, object]]:
    return [(getattr(k, "value", k), v) for k, v in labels.items()]


class ProfileForm(VersionedForm):
    device_types = CheckboxListField(
        _l("Devices"), choices=_options(DEVICES), validators=[Optional()],
        description=_l("The kinds of device the persona gets."),
    )
    device_kits = CheckboxListField(
        _l("Device kits from the catalogue"), coerce=int, validators=[Optional()]
    )
    applications = TextAreaField(
        _l("Applications"), validators=[Optional(), Length(max=TEXT)],
        description=_l("Separated by commas or one per line, e.g. Office, Teams, zaaksysteem."),
    )
    licence_bundle_id = SelectField(_l("Licence bundle"), coerce=int, validators=[Optional()])
    mfa = BooleanField(_l("Multi-factor authentication"), default=True)
    managed_device = BooleanField(_l("Only from a managed device"), default=True)
    location_rules = TextAreaField(
        _l("Location rules"), validators=[Optional(), Length(max=TEXT)],
        description=_l("E.g. only from the Netherlands; no access from public computers."),
    )
    security_level = SelectField(_l("Security level"), choices=_options(SECURITY_LEVELS))
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=TEXT)])


class DomainForm(VersionedForm):
    solution = StringField(
        _l("Chosen solution"), validators=[Optional(), Length(max=300)],
        description=_l("E.g. Entra ID with conditional access."),
    )
    principles = TextAreaField(
        _l("Principles"), validators=[Optional(), Length(max=TEXT)],
        description=_l("The principles of the ambition this domain follows."),
    )
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=TEXT)])
    roadmap_items = CheckboxListField(
        _l("Roadmap items that realise it"), coerce=int, validators=[Optional()]
    )


class ProcurementForm(VersionedForm):
    title = StringField(_l("Title"), validators=[
        DataRequired(_l("Give the procurement a title.")), Length(max=200)])
    kind = SelectField(_l("Procedure"), choices=_options(PROCUREMENT_KINDS))
    status = SelectField(_l("Status"), choices=_options(PROCUREMENT_STATUSES))
    supplier = StringField(_l("Supplier"), validators=[Optional(), Length(max=200)])
    decision_id = SelectField(
        _l("Governance decision"), coerce=int, validators=[Optional()],
        description=_l("The sourcing decision this procurement follows from."),
    )
    roadmap_items = CheckboxListField(_l("Roadmap items"), coerce=int, validators=[Optional()])
    publication_date = DateField(_l("Publication"), validators=[Optional()])
    award_date = DateField(_l("Award"), validators=[Optional()])
    contract_start = DateField(_l("Contract start"), validators=[Optional()])
    estimated_value = DecimalAmountField(
        _l("Estimated value"), validators=[Optional()], minimum=0,
        description=_l("In euros, excluding VAT, e.g. 250.000."),
    )
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=TEXT)])
