"""Orchestration: a validated :class:`Case` in, a :class:`CaseResult` out.

Money rule: every line's amount per year is rounded to whole cents once (drivers.round_cents);
capital charges are computed in cents (capital.py); everything else is an exact integer sum of
those cents. Discounted figures (NPV, discounted TCO) are computed from the cent-rounded yearly
figures that the result shows, and rounded to cents at the end, so anyone can re-check them
from the published years. Monte Carlo percentiles are rounded to cents at the end only.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from . import metrics
from .allocation import largest_remainder, share_weights
from .capital import capital_schedule
from .drivers import LineMatrix, line_matrix, round_cents, to_euros
from .model import (
    CATEGORIES,
    DISTRIBUTIONS,
    CapitalCharges,
    Case,
    CaseResult,
    InvestmentDriver,
    LineCost,
    MonteCarloResult,
    PerUserDriver,
    Scenario,
    ScenarioResult,
    SensitivityEntry,
    VersusBaseline,
    ViewResult,
)
from .montecarlo import simulate
from .sensitivity import tornado_npvs, tornado_order

CONVENTIONS = {
    "amounts": "All input amounts exclude VAT and are at start_year price level.",
    "indexation": "Year y is multiplied by (1 + indexation)^(y - start_year); a line without "
                  "its own indexation uses price_index.",
    "usage_growth": "usage units grow by (1 + growth)^(y - first active year), on top of "
                    "indexation.",
    "vat": "compensable: VAT is recovered through the BTW-compensatiefonds and is no cost; "
           "exempt: no VAT; non_compensable: vat_rate x amount is added to the cost (for an "
           "investment also to the depreciation base).",
    "rounding": "Each line's amount per year is rounded to whole cents (half away from zero); "
                "all totals are exact sums of those cents.",
    "cash_view": "Investments count in full in the year they are paid.",
    "budget_view": "Investments are replaced by capital charges: straight-line depreciation "
                   "(last year takes the cent remainder) plus interest_rate x book value at "
                   "the start of the year; depreciation starts per depreciation_start.",
    "one_off": "one_off and investment drivers and category migration are one-off (unless a "
               "line's nature says otherwise); in the budget view capital charges are "
               "structural.",
    "flows": "Incremental flow per year = (baseline costs - scenario costs) + (scenario "
             "benefits - baseline benefits), cash view.",
    "discounting": "NPV = sum of flow_t / (1 + discount_rate)^t, t = 0 for start_year "
                   "(the first year is not discounted).",
    "irr": "All real roots of NPV(r) = 0 in (-99 %, +1000 %); irr is given only when there "
           "is exactly one (status unique); none: no root; ambiguous: several, all listed.",
    "payback": "Years from the start of start_year, interpolated linearly inside the year in "
               "which the cumulative flow turns >= 0; 0 if never negative; null if not within "
               "the horizon. Sustained: the last crossing after which it stays >= 0.",
    "roi": "ROI = (sum of incremental flows) / incremental investment, undiscounted over the "
           "horizon; incremental investment = scenario one-off costs - baseline one-off "
           "costs (cash view). Undefined when that is 0 or less.",
    "tco": "TCO = sum of cash-view costs over the horizon (benefits not deducted); "
           "discounted like NPV.",
    "allocation": "Each year's budget-view cost split over participants by the allocation "
                  "key in whole cents, largest remainder, ties to the participant listed "
                  "first; sums exactly to the total.",
    "licence_cost_per_persona": "Costs of per_user licence lines that list personas, split "
                                "over those personas pro rata headcount (largest remainder).",
    "monte_carlo": "Per draw each line with a range gets an independent multiplier "
                   "(PERT or triangular with min low, mode 1, max high); P10/P50/P90 are "
                   "percentiles of NPV (linear interpolation).",
}


def compute_case(
    case: Case,
    simulations: int | None = None,
    seed: int | None = None,
    distribution: str = "pert",
) -> CaseResult:
    """Compute every figure of the business case.

    ``simulations``: number of Monte Carlo draws (None or 0: no Monte Carlo). ``seed``: for
    reproducible draws; when None a seed is chosen and reported in the result.
    """
    if distribution not in DISTRIBUTIONS:
        raise ValueError(f"distribution must be one of {DISTRIBUTIONS}, got {distribution!r}")
    if simulations is not None and simulations < 0:
        raise ValueError("simulations must be 0 or more")

    discount = metrics.discount_factors(case.discount_rate, case.horizon_years)
    computed = {s.id: _ScenarioFigures(case, s) for s in case.scenarios}
    baseline = computed[case.baseline.id]
    alternatives = [computed[s.id] for s in case.scenarios if not s.baseline]

    versus = {alt.scenario.id: _versus_baseline(alt, baseline, case, discount)
              for alt in alternatives}
    sensitivity = {alt.scenario.id: _sensitivity(alt, baseline, case) for alt in alternatives}
    monte_carlo: dict[str, MonteCarloResult] = {}
    if simulations and alternatives:
        if seed is None:
            seed = int(np.random.SeedSequence().generate_state(1)[0])
        monte_carlo = _monte_carlo(alternatives, baseline, case, simulations, seed, distribution)

    scenarios = []
    for s in case.scenarios:
        figures = computed[s.id]
        scenarios.append(ScenarioResult(
            id=s.id,
            name=s.name,
            baseline=s.baseline,
            cash=figures.cash_view,
            budget=figures.budget_view,
            tco=int(figures.cash_costs.sum()) / 100.0,
            tco_discounted=_round((figures.cash_costs / 100.0) @ discount),
            tco_budget=int(figures.budget_costs.sum()) / 100.0,
            licence_cost_per_persona=figures.licence_cost_per_persona(),
            cloud_costs=figures.cloud_costs(),
            allocation=_allocate(case, figures.budget_costs),
            allocation_cash=_allocate(case, figures.cash_costs),
            versus_baseline=versus.get(s.id),
            sensitivity=sensitivity.get(s.id),
            monte_carlo=monte_carlo.get(s.id),
        ))

    return CaseResult(
        years=case.years,
        baseline_id=case.baseline.id,
        parameters={
            "start_year": case.start_year,
            "horizon_years": case.horizon_years,
            "discount_rate": case.discount_rate,
            "price_index": case.price_index,
            "vat_rate": case.vat_rate,
            "interest_rate": case.interest_rate,
            "depreciation_start": case.depreciation_start,
            "allocation_key": case.allocation_key,
        },
        scenarios=tuple(scenarios),
        conventions=dict(CONVENTIONS),
    )


def _round(euros: float) -> float:
    return int(round_cents(euros)) / 100.0


class _ScenarioFigures:
    """The cent matrices of one scenario and the views built from them."""

    def __init__(self, case: Case, scenario: Scenario):
        self.case = case
        self.scenario = scenario
        self.matrix: LineMatrix = line_matrix(case, scenario.lines)
        m = self.matrix
        self.cash_cents = m.cents
        self.budget_cents = m.cents.copy()
        years = case.horizon_years
        depreciation = np.zeros(years, dtype=np.int64)
        interest = np.zeros(years, dtype=np.int64)
        if m.is_investment.any():
            rows = np.flatnonzero(m.is_investment)
            drivers: list[InvestmentDriver] = [scenario.lines[i].driver for i in rows]
            schedule = capital_schedule(
                m.cents[rows].sum(axis=1),  # the purchase, VAT-treated and indexed, in cents
                np.array([d.year - case.start_year for d in drivers]),
                np.array([d.depreciation_years for d in drivers]),
                case.interest_rate,
                case.depreciation_start,
                years,
            )
            self.budget_cents[rows] = schedule.charges
            depreciation = schedule.depreciation.sum(axis=0)
            interest = schedule.interest.sum(axis=0)
        self.cash_view, self.cash_costs, self.cash_benefits, self.cash_one_off_costs = _view(
            self.cash_cents, m, m.one_off_cash, None
        )
        capital = CapitalCharges(to_euros(depreciation), to_euros(interest),
                                 to_euros(depreciation + interest))
        self.budget_view, self.budget_costs, _, _ = _view(
            self.budget_cents, m, m.one_off_budget, capital
        )

    def licence_cost_per_persona(self) -> dict[str, tuple[float, ...]]:
        """Per persona and year, the per_user licence lines' costs pro rata headcount."""
        headcount = {p.id: p.headcount for p in self.case.personas}
        totals = {p.id: np.zeros(self.case.horizon_years, dtype=np.int64)
                  for p in self.case.personas}
        groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for i, line in enumerate(self.scenario.lines):
            if (line.kind == "cost" and line.category == "licences"
                    and isinstance(line.driver, PerUserDriver) and line.driver.personas):
                groups[line.driver.personas].append(i)
        for personas, rows in groups.items():
            weights = [headcount[p] for p in personas]
            cents = self.cash_cents[rows]  # (lines, years)
            split = largest_remainder(cents.reshape(-1), weights)  # per line-year, per persona
            split = split.reshape(len(rows), -1, len(personas)).sum(axis=0)
            for j, persona in enumerate(personas):
                totals[persona] += split[:, j]
        return {pid: to_euros(cents) for pid, cents in totals.items() if pid in headcount}

    def cloud_costs(self) -> tuple[LineCost, ...]:
        return tuple(
            LineCost(line.id, line.name, line.driver.type, to_euros(self.cash_cents[i]))
            for i, line in enumerate(self.scenario.lines)
            if line.category == "cloud" and line.kind == "cost"
        )


def _view(cents: np.ndarray, m: LineMatrix, one_off: np.ndarray,
          capital: CapitalCharges | None):
    """A cash or budget view from (lines, years) cents; also returns the raw cost cents."""
    categories = np.arange(len(CATEGORIES))
    in_category = (m.category[:, None] == categories[None, :])  # (lines, categories)
    is_cost = ~m.is_benefit
    costs_by_category = (in_category & is_cost[:, None]).T.astype(np.int64) @ cents
    benefits_by_category = (in_category & m.is_benefit[:, None]).T.astype(np.int64) @ cents
    costs = costs_by_category.sum(axis=0)
    benefits = benefits_by_category.sum(axis=0)
    one_off_costs = cents[is_cost & one_off].sum(axis=0)
    one_off_benefits = cents[m.is_benefit & one_off].sum(axis=0)
    view = ViewResult(
        costs=to_euros(costs),
        benefits=to_euros(benefits),
        net=to_euros(benefits - costs),
        costs_by_category={c: to_euros(costs_by_category[i]) for i, c in enumerate(CATEGORIES)},
        benefits_by_category={
            c: to_euros(benefits_by_category[i]) for i, c in enumerate(CATEGORIES)
        },
        one_off_costs=to_euros(one_off_costs),
        structural_costs=to_euros(costs - one_off_costs),
        one_off_benefits=to_euros(one_off_benefits),
        structural_benefits=to_euros(benefits - one_off_benefits),
        capital_charges=capital,
    )
    return view, costs, benefits, one_off_costs


def _allocate(case: Case, cost_cents: np.ndarray) -> dict[str, tuple[float, ...]] | None:
    if not case.participants:
        return None
    key = case.allocation_key
    if isinstance(key, dict):
        weights = share_weights([key[p.id] for p in case.participants])
    else:
        weights = [getattr(p, key) for p in case.participants]
    split = largest_remainder(cost_cents, weights)  # (years, participants)
    return {p.id: to_euros(split[:, j]) for j, p in enumerate(case.participants)}


def _flow_cents(alt: _ScenarioFigures, baseline: _ScenarioFigures) -> np.ndarray:
    return (baseline.cash_costs - alt.cash_costs) + (alt.cash_benefits - baseline.cash_benefits)


def _versus_baseline(alt: _ScenarioFigures, baseline: _ScenarioFigures, case: Case,
                     discount: np.ndarray) -> VersusBaseline:
    flow_cents = _flow_cents(alt, baseline)
    flows = flow_cents / 100.0
    first, sustained = metrics.payback(flows)
    investment = int(alt.cash_one_off_costs.sum() - baseline.cash_one_off_costs.sum())
    net = int(flow_cents.sum())
    return VersusBaseline(
        flows=to_euros(flow_cents),
        cumulative_flows=to_euros(np.cumsum(flow_cents)),
        npv=_round(flows @ discount),
        irr=metrics.irr(flows),
        payback_years=first,
        sustained_payback_years=sustained,
        discounted_payback_years=metrics.discounted_payback(flows, case.discount_rate),
        roi=net / investment if investment > 0 else None,
        roi_status="defined" if investment > 0 else "no_incremental_investment",
        incremental_investment=investment / 100.0,
        net_benefit=net / 100.0,
    )


def _compared_lines(alt: _ScenarioFigures, baseline: _ScenarioFigures, ranged_only: bool):
    """The lines that move this alternative's flows, with their sign in the flow."""
    out = []
    for figures, flip in ((baseline, 1), (alt, -1)):
        for i, line in enumerate(figures.scenario.lines):
            if ranged_only and (line.range is None or line.range.low == line.range.high):
                continue
            sign = (1 if line.kind == "cost" else -1) * flip
            out.append((figures, i, line, sign))
    return out


def _sensitivity(alt: _ScenarioFigures, baseline: _ScenarioFigures,
                 case: Case) -> tuple[SensitivityEntry, ...]:
    lines = _compared_lines(alt, baseline, ranged_only=True)
    if not lines:
        return ()
    amounts = np.stack([f.matrix.amounts[i] for f, i, _, _ in lines])
    cents = np.stack([f.cash_cents[i] for f, i, _, _ in lines])
    signs = np.array([s for *_, s in lines], dtype=np.int64)
    lows = np.array([line.range.low for _, _, line, _ in lines])
    highs = np.array([line.range.high for _, _, line, _ in lines])
    npv_low, npv_high = tornado_npvs(_flow_cents(alt, baseline), amounts, cents, signs, lows,
                                     highs, case.discount_rate)
    low_cents, high_cents = round_cents(npv_low), round_cents(npv_high)
    swing_cents = np.abs(high_cents - low_cents)  # from the rounded NPVs, so it adds up
    order = tornado_order(low_cents, high_cents).tolist()
    low_cents, high_cents, swing_cents = (a.tolist() for a in (low_cents, high_cents, swing_cents))
    return tuple(
        SensitivityEntry(
            scenario_id=lines[k][0].scenario.id,
            line_id=lines[k][2].id,
            name=lines[k][2].name,
            low=lines[k][2].range.low,
            high=lines[k][2].range.high,
            npv_low=low_cents[k] / 100.0,
            npv_high=high_cents[k] / 100.0,
            swing=swing_cents[k] / 100.0,
        )
        for k in order
    )


def monte_carlo_npv_draws(case: Case, simulations: int, seed: int,
                          distribution: str = "pert") -> dict[str, np.ndarray]:
    """The NPV of every Monte Carlo draw per alternative (scenario id → array), for drawing the
    distribution. The same draws as ``compute_case`` with the same simulations, seed and
    distribution, so its P10/P50/P90 are the percentiles of these arrays."""
    computed = {s.id: _ScenarioFigures(case, s) for s in case.scenarios}
    baseline = computed[case.baseline.id]
    alternatives = [computed[s.id] for s in case.scenarios if not s.baseline]
    if not simulations or not alternatives:
        return {}
    sim = _simulation(alternatives, baseline, case, simulations, seed, distribution)
    return {alt.scenario.id: sim.npv[:, a].copy() for a, alt in enumerate(alternatives)}


def _monte_carlo(alternatives: list[_ScenarioFigures], baseline: _ScenarioFigures, case: Case,
                 simulations: int, seed: int, distribution: str) -> dict[str, MonteCarloResult]:
    sim = _simulation(alternatives, baseline, case, simulations, seed, distribution)
    out = {}
    for a, alt in enumerate(alternatives):
        p10, p50, p90 = np.percentile(sim.npv[:, a], [10, 50, 90])
        out[alt.scenario.id] = MonteCarloResult(
            simulations=simulations,
            seed=seed,
            distribution=distribution,
            npv_p10=_round(p10),
            npv_p50=_round(p50),
            npv_p90=_round(p90),
            npv_mean=_round(sim.npv[:, a].mean()),
            probability_npv_positive=float((sim.npv[:, a] > 0).mean()),
            probability_payback_within_horizon=float(sim.paid_back[:, a].mean()),
            probability_sustained_payback_within_horizon=float(sim.sustained[:, a].mean()),
        )
    return out


def _simulation(alternatives: list[_ScenarioFigures], baseline: _ScenarioFigures, case: Case,
                simulations: int, seed: int, distribution: str):
    # Every ranged line of the case once (baseline first), so a baseline line gets the same
    # draw in every alternative's comparison.
    ranged = [(f, i, line) for f in [baseline, *alternatives]
              for i, line in enumerate(f.scenario.lines)
              if line.range is not None and line.range.low != line.range.high]
    years = case.horizon_years
    amounts = (np.stack([f.matrix.amounts[i] for f, i, _ in ranged])
               if ranged else np.zeros((0, years)))
    signs = np.zeros((len(alternatives), len(ranged)))
    for a, alt in enumerate(alternatives):
        for k, (f, _, line) in enumerate(ranged):
            if f is baseline:
                signs[a, k] = 1 if line.kind == "cost" else -1
            elif f is alt:
                signs[a, k] = -1 if line.kind == "cost" else 1
    base_flows = np.stack([_flow_cents(alt, baseline) / 100.0 for alt in alternatives])
    lows = np.array([line.range.low for *_, line in ranged])
    highs = np.array([line.range.high for *_, line in ranged])
    return simulate(base_flows, amounts, signs, lows, highs, case.discount_rate, simulations,
                    seed, distribution)


def line_figures(case: Case) -> dict[str, list[dict]]:
    """Per scenario id, every line's own amounts per year in both views (euros, whole cents)
    and whether it counts as one-off in each: the figures every total is the exact sum of.
    Used to store the computed value next to each per-line formula in the Excel export."""
    out = {}
    for s in case.scenarios:
        figures = _ScenarioFigures(case, s)
        m = figures.matrix
        out[s.id] = [
            {
                "line_id": line.id,
                "cash": to_euros(figures.cash_cents[i]),
                "budget": to_euros(figures.budget_cents[i]),
                "one_off_cash": bool(m.one_off_cash[i]),
                "one_off_budget": bool(m.one_off_budget[i]),
            }
            for i, line in enumerate(s.lines)
        ]
    return out
