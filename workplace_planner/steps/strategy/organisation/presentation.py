"""Labels and chart choices shared by the pages, the PDF and the exports (no figures here)."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from workplace_planner.business_case import load_case
from workplace_planner.business_case.compute import monte_carlo_npv_draws
from workplace_planner.steps.strategy.organisation import charts
from workplace_planner.steps.strategy.organisation.forms import (
    CATEGORY_LABELS,
    DRIVER_LABELS,
    KIND_LABELS,
    NATURE_LABELS,
    TIMING_LABELS,
    VAT_LABELS,
)

IRR_STATUS = {
    "unique": _l("one internal rate of return"),
    "none": _l("no internal rate of return: the incremental flows never change sign"),
    "ambiguous": _l("several internal rates of return (the flows change sign more than once): "
                    "read the NPV instead"),
}
LABELS = {
    "categories": CATEGORY_LABELS,
    "drivers": DRIVER_LABELS,
    "kinds": KIND_LABELS,
    "vat": VAT_LABELS,
    "natures": NATURE_LABELS,
    "timing": TIMING_LABELS,
    "irr": IRR_STATUS,
    "views": {"cash": _l("Cash view (kasstroom)"), "budget": _l("Budget view (begroting)")},
}
SIZE = {"width": 8.0, "height": 4.2}


def total_of(values) -> Decimal:
    """The exact sum of engine amounts (each already whole cents) over the horizon."""
    return sum((Decimal(f"{v:.2f}") for v in values), Decimal("0.00"))


# Tables of single lines (cloud costs) show this many, largest first; the rest as one row.
LINES_SHOWN = 10


def condensed(line_costs, limit: int = LINES_SHOWN) -> list[tuple[str, list]]:
    """(name, amounts per year) of the ``limit`` lines with the largest total, in their own
    order, then one row that adds up the others to the cent: long line lists stay readable
    and the column totals stay right."""
    line_costs = list(line_costs)
    if len(line_costs) <= limit:
        return [(c.name, list(c.amounts)) for c in line_costs]
    ranked = sorted(range(len(line_costs)), key=lambda i: -total_of(line_costs[i].amounts))
    keep = set(ranked[:limit])
    rows = [(c.name, list(c.amounts)) for i, c in enumerate(line_costs) if i in keep]
    rest = [c for i, c in enumerate(line_costs) if i not in keep]
    summed = [sum((Decimal(f"{c.amounts[y]:.2f}") for c in rest), Decimal("0.00"))
              for y in range(len(rest[0].amounts))]
    rows.append((_("%(n)d other lines", n=len(rest)), summed))
    return rows


def chart(name, result, scenario, view, language, outcome, business_case):
    """(cache name, inputs, draw, size) for one chart, or None when it does not apply."""
    alternatives = [s for s in result.scenarios if not s.baseline]
    if name == "categories":
        scenario = scenario or result.scenarios[0]
        view = view if view in ("cash", "budget") else "cash"
        inputs = charts.category_inputs(result, scenario, view, CATEGORY_LABELS)
        texts = {"axis": _("Costs per year"), "benefits": _("Benefits")}
        return (f"bc-categories-{language}", inputs,
                charts.draw_categories(inputs, texts, language), SIZE)
    if name == "comparison":
        inputs = charts.comparison_inputs(result)
        texts = {"axis": _("Costs per year"), "cash": _("cash"), "budget": _("budget")}
        return (f"bc-comparison-{language}", inputs,
                charts.draw_comparison(inputs, texts, language), SIZE)
    scenario = scenario if scenario and not scenario.baseline else (
        alternatives[0] if alternatives else None)
    if scenario is None:
        return None
    if name == "cumulative":
        inputs = charts.cumulative_inputs(result, scenario)
        texts = {"flow": _("Incremental cash flow of the year"),
                 "cumulative": _("Cumulative incremental cash flow"),
                 "payback": _("Payback point"),
                 "payback_at": _("payback after %(years)s years",
                                 years=_years(scenario.versus_baseline.payback_years,
                                              language))}
        return (f"bc-cumulative-{language}", inputs,
                charts.draw_cumulative(inputs, texts, language), SIZE)
    if name == "tornado":
        inputs = charts.tornado_inputs(scenario, _("baseline"))
        texts = {"axis": _("Net present value"), "low": _("Low estimate"),
                 "high": _("High estimate")}
        size = {"width": 8.0, "height": max(2.5, 0.45 * len(inputs["bars"]) + 1.4)}
        return (f"bc-tornado-{language}", inputs,
                charts.draw_tornado(inputs, texts, language), size)
    if name == "distribution":
        if scenario.monte_carlo is None:
            return None
        mc = scenario.monte_carlo
        draws = monte_carlo_npv_draws(load_case(outcome.data), mc.simulations, mc.seed,
                                      mc.distribution)[scenario.id]
        inputs = charts.distribution_inputs(draws, mc)
        texts = {"axis": _("Net present value"), "count": _("Number of draws")}
        return (f"bc-distribution-{language}", inputs,
                charts.draw_distribution(inputs, texts, language), SIZE)
    return None


def _years(value, language) -> str:
    from workplace_planner.i18n import format_number

    return "" if value is None else format_number(round(value, 2), language=language)
