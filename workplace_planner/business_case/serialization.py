"""Results -> the JSON-able dict of format ``workplace-planner/business-case-result/v1``,
and a validated case -> its input dict (for storing it, or sending it back to a form).

Money values are floats in euros with at most two decimals (already rounded to cents);
``null`` stands for "not applicable / not within horizon", never NaN.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from .model import (
    INPUT_FORMAT,
    RESULT_FORMAT,
    Case,
    CaseResult,
    Line,
    MonteCarloResult,
    ScenarioResult,
    ViewResult,
)


def _series(values) -> list[float]:
    return [float(v) for v in values]


def _view(view: ViewResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "costs": _series(view.costs),
        "benefits": _series(view.benefits),
        "net": _series(view.net),
        "costs_by_category": {k: _series(v) for k, v in view.costs_by_category.items()},
        "benefits_by_category": {k: _series(v) for k, v in view.benefits_by_category.items()},
        "one_off_costs": _series(view.one_off_costs),
        "structural_costs": _series(view.structural_costs),
        "one_off_benefits": _series(view.one_off_benefits),
        "structural_benefits": _series(view.structural_benefits),
    }
    if view.capital_charges is not None:
        out["capital_charges"] = {
            "depreciation": _series(view.capital_charges.depreciation),
            "interest": _series(view.capital_charges.interest),
            "total": _series(view.capital_charges.total),
        }
    return out


def _monte_carlo(mc: MonteCarloResult) -> dict[str, Any]:
    return {f.name: getattr(mc, f.name) for f in fields(mc)}


def _scenario(s: ScenarioResult) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "name": s.name,
        "baseline": s.baseline,
        "cash": _view(s.cash),
        "budget": _view(s.budget),
        "tco": s.tco,
        "tco_discounted": s.tco_discounted,
        "tco_budget": s.tco_budget,
        "licence_cost_per_persona": {k: _series(v) for k, v in s.licence_cost_per_persona.items()},
        "cloud_costs": [
            {"line_id": c.line_id, "name": c.name, "driver": c.driver,
             "amounts": _series(c.amounts)}
            for c in s.cloud_costs
        ],
    }
    if s.allocation is not None:
        out["allocation"] = {k: _series(v) for k, v in s.allocation.items()}
        out["allocation_cash"] = {k: _series(v) for k, v in (s.allocation_cash or {}).items()}
    if s.versus_baseline is not None:
        v = s.versus_baseline
        out["versus_baseline"] = {
            "flows": _series(v.flows),
            "cumulative_flows": _series(v.cumulative_flows),
            "npv": v.npv,
            "irr": v.irr.value,
            "irr_status": v.irr.status,
            "irr_roots": list(v.irr.roots),
            "payback_years": v.payback_years,
            "sustained_payback_years": v.sustained_payback_years,
            "discounted_payback_years": v.discounted_payback_years,
            "roi": v.roi,
            "roi_status": v.roi_status,
            "incremental_investment": v.incremental_investment,
            "net_benefit": v.net_benefit,
        }
    if s.sensitivity is not None:
        out["sensitivity"] = [
            {"scenario_id": e.scenario_id, "line_id": e.line_id, "name": e.name,
             "low": e.low, "high": e.high, "npv_low": e.npv_low, "npv_high": e.npv_high,
             "swing": e.swing}
            for e in s.sensitivity
        ]
    if s.monte_carlo is not None:
        out["monte_carlo"] = _monte_carlo(s.monte_carlo)
    return out


def result_to_dict(result: CaseResult) -> dict[str, Any]:
    """The result in output format v1 (see docs/business-case-format.md)."""
    return {
        "format": RESULT_FORMAT,
        "years": list(result.years),
        "baseline": result.baseline_id,
        "parameters": dict(result.parameters),
        "conventions": dict(result.conventions),
        "scenarios": [_scenario(s) for s in result.scenarios],
    }


def _line_to_dict(line: Line) -> dict[str, Any]:
    driver = {"type": line.driver.type}
    for f in fields(line.driver):
        value = getattr(line.driver, f.name)
        if f.name == "personas":
            if value:
                driver["personas"] = list(value)
        elif value is not None:
            driver[f.name] = value
    out: dict[str, Any] = {"id": line.id, "name": line.name, "kind": line.kind,
                           "category": line.category, "driver": driver, "vat": line.vat}
    for key in ("start_year", "end_year", "indexation", "nature", "assumption", "note"):
        if getattr(line, key) is not None:
            out[key] = getattr(line, key)
    if line.range is not None:
        out["range"] = {"low": line.range.low, "high": line.range.high}
    return out


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case in input format v1; ``load_case(case_to_dict(c)) == c``."""
    out: dict[str, Any] = {
        "format": INPUT_FORMAT,
        "start_year": case.start_year,
        "horizon_years": case.horizon_years,
        "discount_rate": case.discount_rate,
        "price_index": case.price_index,
        "vat_rate": case.vat_rate,
        "interest_rate": case.interest_rate,
        "depreciation_start": case.depreciation_start,
        "personas": [_drop_none({"id": p.id, "name": p.name, "headcount": p.headcount})
                     for p in case.personas],
        "participants": [
            _drop_none({"id": p.id, "name": p.name, "headcount": p.headcount,
                        "inhabitants": p.inhabitants})
            for p in case.participants
        ],
        "scenarios": [
            _drop_none({"id": s.id, "name": s.name, "baseline": s.baseline, "note": s.note,
                        "lines": [_line_to_dict(line) for line in s.lines]})
            for s in case.scenarios
        ],
    }
    if case.allocation_key is not None:
        out["allocation_key"] = case.allocation_key
    for key in ("name", "note"):
        if getattr(case, key) is not None:
            out[key] = getattr(case, key)
    return out


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
