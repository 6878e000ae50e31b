"""The business-case model: frozen dataclasses in, frozen dataclasses out.

Inputs (``Case`` and what it contains) are built by :func:`parsing.load_case`, which validates
them; the engine trusts a ``Case`` and does not re-validate it. Results hold money in euros as
floats that are already rounded to whole cents (see ``docs/business-case-format.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

INPUT_FORMAT = "workplace-planner/business-case/v1"
RESULT_FORMAT = "workplace-planner/business-case-result/v1"

# Order matters: it is the order of categories in every output.
CATEGORIES = (
    "operations",
    "acquisition",
    "cloud",
    "licences",
    "internal_staff",
    "external_services",
    "devices",
    "migration",
    "training",
    "other",
)
KINDS = ("cost", "benefit")
VAT_TREATMENTS = ("compensable", "non_compensable", "exempt")
DEPRECIATION_STARTS = ("next_year", "same_year")
NATURES = ("one_off", "structural")
ALLOCATION_KEYS = ("headcount", "inhabitants")
DISTRIBUTIONS = ("pert", "triangular")


# --------------------------------------------------------------------------- drivers
@dataclass(frozen=True)
class FixedDriver:
    """``amount`` in every active year."""

    amount: float
    type: ClassVar[str] = "fixed"


@dataclass(frozen=True)
class OneOffDriver:
    """``amount`` once, in ``year``."""

    amount: float
    year: int
    type: ClassVar[str] = "one_off"


@dataclass(frozen=True)
class PerUserDriver:
    """``price_per_user_month`` x 12 x users (``users``, or the listed personas' headcount)."""

    price_per_user_month: float
    users: float | None = None
    personas: tuple[str, ...] = ()
    type: ClassVar[str] = "per_user"


@dataclass(frozen=True)
class PerFteDriver:
    """``fte`` x ``cost_per_fte`` per active year."""

    fte: float
    cost_per_fte: float
    type: ClassVar[str] = "per_fte"


@dataclass(frozen=True)
class UsageDriver:
    """``units`` x ``unit_price``; units grow by ``growth`` a year from the first active year."""

    units: float
    unit_price: float
    growth: float = 0.0
    type: ClassVar[str] = "usage"


@dataclass(frozen=True)
class InvestmentDriver:
    """``amount`` paid in ``year``; depreciated straight-line over ``depreciation_years``."""

    amount: float
    year: int
    depreciation_years: int
    type: ClassVar[str] = "investment"


Driver = FixedDriver | OneOffDriver | PerUserDriver | PerFteDriver | UsageDriver | InvestmentDriver
DRIVER_TYPES: dict[str, type] = {
    cls.type: cls
    for cls in (
        FixedDriver, OneOffDriver, PerUserDriver, PerFteDriver, UsageDriver, InvestmentDriver
    )
}


# --------------------------------------------------------------------------- inputs
@dataclass(frozen=True)
class Range:
    """Multipliers of a line's amount: ``low`` <= 1 <= ``high`` (1 is the most likely value)."""

    low: float
    high: float


@dataclass(frozen=True)
class Line:
    id: str
    name: str
    kind: str  # "cost" | "benefit"
    category: str
    driver: Driver
    start_year: int | None = None  # None: from the first year of the horizon
    end_year: int | None = None  # None: to the last year of the horizon
    indexation: float | None = None  # None: the case's price_index
    vat: str = "compensable"
    range: Range | None = None
    nature: str | None = None  # None: derived (see drivers.is_one_off)
    assumption: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Scenario:
    id: str
    name: str
    baseline: bool
    lines: tuple[Line, ...]
    note: str | None = None


@dataclass(frozen=True)
class Persona:
    id: str
    headcount: int
    name: str | None = None


@dataclass(frozen=True)
class Participant:
    id: str
    headcount: int | None = None
    inhabitants: int | None = None
    name: str | None = None


@dataclass(frozen=True)
class Case:
    start_year: int
    horizon_years: int
    discount_rate: float
    price_index: float
    vat_rate: float
    interest_rate: float
    scenarios: tuple[Scenario, ...]
    depreciation_start: str = "next_year"
    personas: tuple[Persona, ...] = ()
    participants: tuple[Participant, ...] = ()
    # "headcount", "inhabitants", or fixed shares per participant id (summing to 1).
    allocation_key: str | dict[str, float] | None = None
    name: str | None = None
    note: str | None = None

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.start_year, self.start_year + self.horizon_years))

    @property
    def end_year(self) -> int:
        return self.start_year + self.horizon_years - 1

    @property
    def baseline(self) -> Scenario:
        return next(s for s in self.scenarios if s.baseline)


# --------------------------------------------------------------------------- results
Series = tuple[float, ...]  # one value per year of the horizon, euros rounded to cents


@dataclass(frozen=True)
class CapitalCharges:
    depreciation: Series
    interest: Series
    total: Series


@dataclass(frozen=True)
class ViewResult:
    """One scenario in the cash view or the budget view."""

    costs: Series
    benefits: Series
    net: Series  # benefits - costs
    costs_by_category: dict[str, Series]
    benefits_by_category: dict[str, Series]
    one_off_costs: Series
    structural_costs: Series
    one_off_benefits: Series
    structural_benefits: Series
    capital_charges: CapitalCharges | None = None  # budget view only


@dataclass(frozen=True)
class LineCost:
    line_id: str
    name: str
    driver: str
    amounts: Series


@dataclass(frozen=True)
class IrrResult:
    status: str  # "unique" | "none" | "ambiguous"
    value: float | None
    roots: tuple[float, ...]


@dataclass(frozen=True)
class VersusBaseline:
    flows: Series
    cumulative_flows: Series
    npv: float
    irr: IrrResult
    payback_years: float | None
    sustained_payback_years: float | None
    discounted_payback_years: float | None
    roi: float | None
    roi_status: str  # "defined" | "no_incremental_investment"
    incremental_investment: float
    net_benefit: float


@dataclass(frozen=True)
class SensitivityEntry:
    scenario_id: str  # the scenario the line belongs to (the baseline or this alternative)
    line_id: str
    name: str
    low: float
    high: float
    npv_low: float
    npv_high: float
    swing: float  # |npv_high - npv_low|


@dataclass(frozen=True)
class MonteCarloResult:
    simulations: int
    seed: int
    distribution: str
    npv_p10: float
    npv_p50: float
    npv_p90: float
    npv_mean: float
    probability_npv_positive: float
    probability_payback_within_horizon: float
    probability_sustained_payback_within_horizon: float


@dataclass(frozen=True)
class ScenarioResult:
    id: str
    name: str
    baseline: bool
    cash: ViewResult
    budget: ViewResult
    tco: float
    tco_discounted: float
    tco_budget: float
    licence_cost_per_persona: dict[str, Series]
    cloud_costs: tuple[LineCost, ...]
    allocation: dict[str, Series] | None = None  # budget-view costs per participant
    allocation_cash: dict[str, Series] | None = None
    versus_baseline: VersusBaseline | None = None
    sensitivity: tuple[SensitivityEntry, ...] | None = None
    monte_carlo: MonteCarloResult | None = None


@dataclass(frozen=True)
class CaseResult:
    years: tuple[int, ...]
    baseline_id: str
    parameters: dict[str, object]
    scenarios: tuple[ScenarioResult, ...]
    conventions: dict[str, str] = field(default_factory=dict)

    def scenario(self, scenario_id: str) -> ScenarioResult:
        return next(s for s in self.scenarios if s.id == scenario_id)
