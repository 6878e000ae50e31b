"""Forms of the business case. Amounts and percentages are text inputs in the user's notation
("1.234,50", "2,25"); years are plain whole numbers."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from workplace_planner.business_case import CATEGORIES
from workplace_planner.fields import DecimalAmountField, _LocaleNumberField
from workplace_planner.i18n import format_number
from workplace_planner.organisation.forms import VersionedForm
from workplace_planner.programmes.forms import CheckboxListField

MAX_AMOUNT = Decimal("1000000000")
YEAR = NumberRange(2000, 2100, _l("Enter a year between 2000 and 2100."))

CATEGORY_LABELS = {
    "operations": _l("Operations and maintenance"),
    "acquisition": _l("Acquisition of systems"),
    "cloud": _l("Cloud resources"),
    "licences": _l("Licences"),
    "internal_staff": _l("Internal staff"),
    "external_services": _l("External services"),
    "devices": _l("Devices"),
    "migration": _l("One-off migration and project"),
    "training": _l("Training and adoption"),
    "other": _l("Other"),
}
assert tuple(CATEGORY_LABELS) == CATEGORIES
DRIVER_LABELS = {
    "fixed": _l("Fixed amount per year"),
    "one_off": _l("One-off amount in one year"),
    "per_user": _l("Per user per month"),
    "per_fte": _l("Per FTE per year"),
    "usage": _l("Usage: units × unit price, with growth"),
    "investment": _l("Investment, depreciated (capital charges)"),
}
# The fields each driver needs (the form refuses the line without them).
DRIVER_FIELDS = {
    "fixed": ("amount",),
    "one_off": ("amount", "year"),
    "per_user": ("price_per_user_month",),
    "per_fte": ("fte", "cost_per_fte"),
    "usage": ("units", "unit_price"),
    "investment": ("year",),
}
KIND_LABELS = {"cost": _l("Cost"), "benefit": _l("Benefit (avoided cost, time saved)")}
VAT_LABELS = {
    "compensable": _l("Compensable through the BCF (no VAT cost)"),
    "non_compensable": _l("Non-compensable: VAT is a cost"),
    "exempt": _l("Exempt: no VAT charged"),
}
NATURE_LABELS = {
    "": _l("Derived from the driver and category"),
    "one_off": _l("One-off"),
    "structural": _l("Structural"),
}
TIMING_LABELS = {
    "during": _l("During the item (its first to its last year)"),
    "from_start": _l("From the item's first year to the end of the horizon"),
    "from_end": _l("From the item's last year to the end of the horizon"),
}
DEPRECIATION_LABELS = {
    "next_year": _l("The year after purchase (usual municipal practice)"),
    "same_year": _l("The year of purchase"),
}
ALLOCATION_LABELS = {
    "headcount": _l("Employees per municipality"),
    "inhabitants": _l("Inhabitants per municipality"),
}


class PercentageField(_LocaleNumberField):
    """A percentage as people type it: "2,25" means 2.25 %."""

    invalid_message = _l("Enter a percentage, for example 2.25.")

    def format(self, value) -> str:
        return format_number(Decimal(value).normalize(), decimals=None)

    def convert(self, number: Decimal) -> Decimal:
        if number != number.quantize(Decimal("0.0001")):
            raise ValueError(str(_l("At most four decimals.")))
        return number


class QuantityField(_LocaleNumberField):
    """Users, units or FTE: a number that may have decimals (0,5 FTE)."""

    def format(self, value) -> str:
        return format_number(Decimal(value).normalize(), decimals=None)

    def convert(self, number: Decimal) -> Decimal:
        if number != number.quantize(Decimal("0.0001")):
            raise ValueError(str(_l("At most four decimals.")))
        return number


def _choices(labels: dict) -> list:
    return list(labels.items())


class ParametersForm(VersionedForm):
    name = StringField(_l("Name of the business case"),
                       validators=[DataRequired(_l("Enter a name.")), Length(max=200)])
    start_year = IntegerField(_l("First year (budget year T)"),
                              validators=[InputRequired(_l("Enter a year.")), YEAR],
                              render_kw={"inputmode": "numeric"})
    horizon_years = IntegerField(
        _l("Horizon (years)"),
        validators=[InputRequired(_l("Enter the number of years.")),
                    NumberRange(1, 60, _l("Enter 1 to 60 years."))],
        render_kw={"inputmode": "numeric"},
    )
    discount_rate_pct = PercentageField(
        _l("Discount rate (%)"), validators=[InputRequired(_l("Enter a percentage."))],
        minimum=Decimal("-99"), maximum=Decimal("100"),
        description=_l("The Dutch government standard is 2.25 % real (since 2021). Cash flows "
                       "here are indexed (nominal): for a nominal rate use about "
                       "(1 + 2.25 %) × (1 + price index) − 1."),
    )
    discount_rate_assumption_id = SelectField(_l("Source of the discount rate"), coerce=int)
    price_index_pct = PercentageField(
        _l("Price index (% per year)"), validators=[InputRequired(_l("Enter a percentage."))],
        minimum=Decimal("-50"), maximum=Decimal("100"),
        description=_l("The default yearly indexation of every line; a line may have its own."),
    )
    price_index_assumption_id = SelectField(_l("Source of the price index"), coerce=int)
    vat_rate_pct = PercentageField(
        _l("VAT rate (%)"), validators=[InputRequired(_l("Enter a percentage."))],
        minimum=Decimal(0), maximum=Decimal(100),
        description=_l("Added to lines whose VAT is not compensable through the BCF."),
    )
    vat_rate_assumption_id = SelectField(_l("Source of the VAT rate"), coerce=int)
    interest_rate_pct = PercentageField(
        _l("Internal interest rate (%)"), validators=[InputRequired(_l("Enter a percentage."))],
        minimum=Decimal("-50"), maximum=Decimal(100),
        description=_l("The omslagrente: interest in the capital charges of investments."),
    )
    interest_rate_assumption_id = SelectField(_l("Source of the internal interest rate"),
                                              coerce=int)
    depreciation_start = SelectField(_l("Depreciation starts"),
                                     choices=_choices(DEPRECIATION_LABELS))
    allocation_key = SelectField(
        _l("Allocation key for participating municipalities"),
        choices=_choices(ALLOCATION_LABELS),
    )
    simulations = IntegerField(
        _l("Monte Carlo draws"),
        validators=[InputRequired(_l("Enter a number.")),
                    NumberRange(0, 20000, _l("Enter 0 to 20000; 0 skips the simulation."))],
        render_kw={"inputmode": "numeric"},
    )
    seed = IntegerField(
        _l("Random seed"),
        validators=[InputRequired(_l("Enter a number.")),
                    NumberRange(0, 2**31 - 1, _l("Enter a whole number of 0 or more."))],
        render_kw={"inputmode": "numeric"},
        description=_l("The same seed gives the same simulation, so every figure can be "
                       "repeated."),
    )
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])

    ASSUMPTION_FIELDS = ("discount_rate_assumption_id", "price_index_assumption_id",
                         "vat_rate_assumption_id", "interest_rate_assumption_id")

    def set_assumptions(self, assumptions) -> None:
        choices = [(0, _l("None chosen"))] + [(a.id, a.statement) for a in assumptions]
        for name in self.ASSUMPTION_FIELDS:
            getattr(self, name).choices = choices

    def values(self) -> dict:
        values = {
            name: getattr(self, name).data
            for name in ("name", "start_year", "horizon_years", "discount_rate_pct",
                         "price_index_pct", "vat_rate_pct", "interest_rate_pct",
                         "depreciation_start", "allocation_key", "simulations", "seed")
        }
        values["name"] = values["name"].strip()
        values["note"] = (self.note.data or "").strip()
        for name in self.ASSUMPTION_FIELDS:
            values[name] = getattr(self, name).data or None
        return values


class ScenarioForm(VersionedForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter a name.")),
                                               Length(max=200)],
                       description=_l("For example 'Current situation (on-premise)' or "
                                      "'Cloud workplace'."))
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    is_baseline = BooleanField(
        _l("This is the baseline: the current situation the alternatives are compared with")
    )


class LineForm(VersionedForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter a name.")),
                                               Length(max=200)])
    kind = SelectField(_l("Cost or benefit"), choices=_choices(KIND_LABELS))
    category = SelectField(_l("Category"), choices=_choices(CATEGORY_LABELS))
    driver_type = SelectField(_l("How the amount is computed"), choices=_choices(DRIVER_LABELS))
    amount = DecimalAmountField(
        _l("Amount (€, ex VAT, at first-year prices)"), validators=[Optional()],
        minimum=0, maximum=MAX_AMOUNT,
        description=_l("For a fixed amount: per year. For an investment linked to a device "
                       "kit, leave empty: kit price × quantity."),
    )
    year = IntegerField(_l("Year (one-off or purchase)"), validators=[Optional(), YEAR],
                        render_kw={"inputmode": "numeric"})
    price_per_user_month = DecimalAmountField(
        _l("Price per user per month (€)"), validators=[Optional()], minimum=0,
        maximum=Decimal(100000),
        description=_l("Leave empty when a licence bundle is chosen below: its price is used."),
    )
    users = QuantityField(_l("Number of users"), validators=[Optional()], minimum=0,
                          maximum=Decimal(10_000_000),
                          description=_l("Or link personas below: their current headcount "
                                         "counts."))
    persona_ids = CheckboxListField(_l("Personas (users = their headcount)"), coerce=int,
                                    validators=[Optional()])
    fte = QuantityField(_l("FTE"), validators=[Optional()], minimum=0,
                        maximum=Decimal(100000))
    cost_per_fte = DecimalAmountField(_l("Cost per FTE per year (€)"), validators=[Optional()],
                                      minimum=0, maximum=MAX_AMOUNT)
    units = QuantityField(_l("Units (or quantity of device kits)"), validators=[Optional()],
                          minimum=0, maximum=Decimal("1e12"))
    unit_price = QuantityField(
        _l("Price per unit per year (€)"), validators=[Optional()], minimum=0,
        maximum=MAX_AMOUNT,
        description=_l("Leave empty when a cloud resource is chosen below: its price is used."),
    )
    growth_pct = PercentageField(_l("Volume growth (% per year)"), validators=[Optional()],
                                 minimum=Decimal("-99"), maximum=Decimal(1000))
    depreciation_years = IntegerField(
        _l("Depreciation period (years)"),
        validators=[Optional(), NumberRange(1, 100, _l("Enter 1 to 100 years."))],
        render_kw={"inputmode": "numeric"},
        description=_l("Empty with a device kit: the kit's life."),
    )
    start_year = IntegerField(_l("First year"), validators=[Optional(), YEAR],
                              render_kw={"inputmode": "numeric"},
                              description=_l("Empty: from the first year of the horizon."))
    end_year = IntegerField(_l("Last year"), validators=[Optional(), YEAR],
                            render_kw={"inputmode": "numeric"},
                            description=_l("Empty: to the last year of the horizon."))
    indexation_pct = PercentageField(
        _l("Own indexation (% per year)"), validators=[Optional()], minimum=Decimal("-50"),
        maximum=Decimal(100), description=_l("Empty: the case's price index."),
    )
    vat = SelectField(_l("VAT"), choices=_choices(VAT_LABELS))
    nature = SelectField(_l("One-off or structural"), choices=_choices(NATURE_LABELS))
    range_low_pct = PercentageField(
        _l("Low estimate (percentage of the amount)"), validators=[Optional()], minimum=Decimal(0),
        maximum=Decimal(100),
        description=_l("For the sensitivity analysis and the simulation, e.g. 90."),
    )
    range_high_pct = PercentageField(
        _l("High estimate (percentage of the amount)"), validators=[Optional()],
        minimum=Decimal(100), maximum=Decimal(10000), description=_l("For example 125."),
    )
    assumption_id = SelectField(_l("Assumption"), coerce=int,
                                description=_l("The statement and source behind this line."))
    roadmap_item_id = SelectField(_l("Roadmap item"), coerce=int,
                                  description=_l("The line's years follow the item."))
    roadmap_timing = SelectField(_l("Years from the roadmap item"),
                                 choices=_choices(TIMING_LABELS))
    follow_up_id = SelectField(_l("Governance follow-up"), coerce=int)
    licence_bundle_id = SelectField(_l("Licence bundle"), coerce=int)
    device_kit_id = SelectField(_l("Device kit"), coerce=int)
    cloud_resource_id = SelectField(_l("Cloud resource"), coerce=int)
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=5000)])

    LINKS = ("assumption_id", "roadmap_item_id", "follow_up_id", "licence_bundle_id",
             "device_kit_id", "cloud_resource_id")

    def set_choices(self, options: dict) -> None:
        none = [(0, _l("None"))]
        self.assumption_id.choices = none + [
            (a.id, a.statement) for a in options["assumptions"]]
        self.roadmap_item_id.choices = none + [(i.id, i.title) for i in options["roadmap_items"]]
        self.follow_up_id.choices = none + [(f.id, f.title) for f in options["follow_ups"]]
        self.licence_bundle_id.choices = none + [
            (b.id, b.name) for b in options["licence_bundles"]]
        self.device_kit_id.choices = none + [(k.id, k.name) for k in options["device_kits"]]
        self.cloud_resource_id.choices = none + [
            (c.id, f"{c.name} ({c.unit})") for c in options["cloud_resources"]]
        self.persona_ids.choices = [(p.id, p.name) for p in options["personas"]]

    def load(self, line) -> None:
        """Show a stored line (links as ids, nothing linked as 0)."""
        for name in self.LINKS:
            getattr(self, name).data = getattr(line, name) or 0
        self.nature.data = line.nature or ""
        self.persona_ids.data = [p.id for p in line.personas]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if not valid:
            return False
        needed = list(DRIVER_FIELDS.get(self.driver_type.data, ()))
        if self.driver_type.data == "per_user":
            if self.licence_bundle_id.data:
                needed.remove("price_per_user_month")  # the bundle gives the price
            if self.users.data is None and not self.persona_ids.data:
                self.users.errors = [str(_l("Enter the number of users or link personas."))]
                valid = False
        if self.driver_type.data == "usage" and self.cloud_resource_id.data:
            needed.remove("unit_price")
        if self.driver_type.data == "investment":
            if self.device_kit_id.data:
                if self.units.data is None and not self.persona_ids.data:
                    self.units.errors = [str(_l(
                        "Enter the quantity of kits, or link personas (one kit each)."))]
                    valid = False
            else:
                needed.extend(("amount", "depreciation_years"))
        if self.roadmap_item_id.data and "year" in needed:
            needed.remove("year")  # the roadmap item gives the year
        for name in needed:
            field = getattr(self, name)
            if field.data is None:
                field.errors = [str(_l("This driver needs this field."))]
                valid = False
        if (self.range_low_pct.data is None) != (self.range_high_pct.data is None):
            target = self.range_high_pct if self.range_high_pct.data is None else \
                self.range_low_pct
            target.errors = [str(_l("Give both the low and the high estimate, or neither."))]
            valid = False
        if (self.start_year.data and self.end_year.data
                and self.end_year.data < self.start_year.data):
            self.end_year.errors = [str(_l("The last year is before the first year."))]
            valid = False
        return valid

    def values(self) -> dict:
        values = {
            name: getattr(self, name).data
            for name in ("kind", "category", "driver_type", "amount", "year",
                         "price_per_user_month", "users", "fte", "cost_per_fte", "units",
                         "unit_price", "growth_pct", "depreciation_years", "start_year",
                         "end_year", "indexation_pct", "vat", "range_low_pct",
                         "range_high_pct", "roadmap_timing")
        }
        values["name"] = self.name.data.strip()
        values["nature"] = self.nature.data or None
        values["note"] = (self.note.data or "").strip()
        for name in self.LINKS:
            values[name] = getattr(self, name).data or None
        return values


class AssumptionForm(VersionedForm):
    statement = StringField(
        _l("Statement"), validators=[DataRequired(_l("Enter the assumption.")),
                                     Length(max=300)],
        description=_l("What is assumed, e.g. 'Microsoft 365 E3 costs €28.20 per user per "
                       "month'."),
    )
    value = StringField(_l("Value"), validators=[Optional(), Length(max=200)])
    source = StringField(
        _l("Source"), validators=[Optional(), Length(max=500)],
        description=_l("Where it comes from. Leave empty when it is the team's own "
                       "assumption: it is then shown as 'assumption'."),
    )
    owner = StringField(_l("Owner"), validators=[Optional(), Length(max=200)])
    dated = DateField(_l("Date"), validators=[Optional()])

    def values(self) -> dict:
        return {
            "statement": self.statement.data.strip(),
            "value": (self.value.data or "").strip(),
            "source": (self.source.data or "").strip(),
            "owner": (self.owner.data or "").strip(),
            "dated": self.dated.data,
        }


class CloudResourceForm(VersionedForm):
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter a name.")),
                                               Length(max=120)])
    unit = StringField(_l("Unit"), validators=[DataRequired(_l("Enter the unit.")),
                                               Length(max=60)],
                       description=_l("For example 'GB storage' or 'virtual machine'."))
    unit_price = QuantityField(_l("Price per unit per year (€, ex VAT)"),
                               validators=[InputRequired(_l("Enter the price."))],
                               minimum=0, maximum=MAX_AMOUNT)
    source = StringField(_l("Source"), validators=[Optional(), Length(max=300)],
                         description=_l("Where the price comes from, or 'assumption'."))

    def values(self) -> dict:
        return {"name": self.name.data.strip(), "unit": self.unit.data.strip(),
                "unit_price": self.unit_price.data, "source": (self.source.data or "").strip()}


class BenefitForm(VersionedForm):
    title = StringField(_l("Benefit"), validators=[DataRequired(_l("Enter the benefit.")),
                                                   Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    weight = SelectField(
        _l("Weight"), coerce=int,
        choices=[(1, _l("1 – small")), (2, "2"), (3, _l("3 – considerable")), (4, "4"),
                 (5, _l("5 – decisive"))],
    )
    scenario_id = SelectField(_l("Scenario"), coerce=int)
    assumption_id = SelectField(_l("Assumption"), coerce=int)

    def set_choices(self, scenarios, assumptions) -> None:
        self.scenario_id.choices = [(0, _l("Every alternative"))] + [
            (s.id, s.name) for s in scenarios]
        self.assumption_id.choices = [(0, _l("None"))] + [
            (a.id, a.statement) for a in assumptions]

    def values(self) -> dict:
        return {"title": self.title.data.strip(),
                "description": (self.description.data or "").strip(),
                "weight": self.weight.data, "scenario_id": self.scenario_id.data or None,
                "assumption_id": self.assumption_id.data or None}


class VersionForm(FlaskForm):
    label = StringField(_l("Label"), validators=[Optional(), Length(max=200)],
                        description=_l("For example 'For the management team, 12 March'."))


class RelabelForm(VersionedForm):
    label = StringField(_l("Label"), validators=[Optional(), Length(max=200)])


class DecisionForm(FlaskForm):
    note = TextAreaField(_l("Note with the decision"), validators=[Optional(), Length(max=5000)],
                         description=_l("Required when you send the version back."))


class CommentForm(FlaskForm):
    body = TextAreaField(_l("Comment"), validators=[DataRequired(_l("Write a comment.")),
                                                    Length(max=5000)])
    subject = SelectField(_l("About"), validators=[Optional()])

    def set_choices(self, lines, assumptions) -> None:
        self.subject.choices = [("", _l("The business case as a whole"))] + [
            (f"line-{line.id}", f"{_l('Line')}: {line.scenario.name} – {line.name}")
            for line in lines
        ] + [(f"assumption-{a.id}", f"{_l('Assumption')}: {a.statement}") for a in assumptions]


class ImportForm(FlaskForm):
    file = FileField(
        _l("Business case file (.json)"),
        validators=[FileRequired(_l("Choose a file.")),
                    FileAllowed(["json"], _l("Upload a .json file."))],
    )
    confirm = BooleanField(
        _l("Replace the scenarios, lines and parameters of this business case"),
        validators=[DataRequired(_l("Confirm that the current scenarios and lines are "
                                    "replaced."))],
    )
