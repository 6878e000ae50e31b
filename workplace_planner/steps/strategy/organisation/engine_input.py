"""The business case in the database → the engine's input format (business-case/v1).

This is the only place where database objects become engine input; every figure the app shows,
exports or prints comes from ``compute_case`` on this input. Links are resolved here, at compute
time, so the case always follows what it is linked to:

- a ``per_user`` line linked to personas gets ``personas`` (their ids), and the case lists every
  persona of the programme with its *current* headcount: a persona change moves the line;
- a line linked to a licence bundle takes the bundle's price per user per month, a ``usage`` line
  linked to a cloud resource the resource's unit price;
- an ``investment`` line linked to a device kit buys kit price × quantity (the quantity is the
  line's units, or else the headcount of its personas) and depreciates over the kit's life unless
  the line gives its own period;
- a line linked to a scheduled roadmap item takes its years from the item (``roadmap_timing``).

Ids in the input are stable and readable: ``scenario-<id>``, ``line-<id>``, ``persona-<id>``,
``participant-<id>``, so versions can be compared line by line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workplace_planner.business_case import INPUT_FORMAT
from workplace_planner.extensions import db
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.organisation.models import (
    BusinessCase,
    CaseLine,
    Scenario,
)
from workplace_planner.steps.strategy.technology.quarters import year_of

HUNDRED = Decimal(100)


def rate(percentage: Decimal | None) -> float | None:
    """2.25 (%) → 0.0225, exactly as the decimal reads."""
    return None if percentage is None else float(Decimal(percentage) / HUNDRED)


def number(value: Decimal | int | None) -> float | int | None:
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def persona_key(persona_id: int) -> str:
    return f"persona-{persona_id}"


def scenario_key(scenario_id: int) -> str:
    return f"scenario-{scenario_id}"


def participant_key(participant_id: int) -> str:
    return f"participant-{participant_id}"


@dataclass
class EngineInput:
    data: dict
    # (scenario index, line index) → the line, to put engine messages next to the right field.
    lines: dict[tuple[int, int], CaseLine] = field(default_factory=dict)
    scenarios: list[Scenario] = field(default_factory=list)


def load_scenarios(programme_id: int) -> list[Scenario]:
    return list(
        db.session.scalars(
            select(Scenario)
            .where(Scenario.programme_id == programme_id)
            .options(
                selectinload(Scenario.lines).selectinload(CaseLine.personas)
                .selectinload(Persona.headcounts),
                selectinload(Scenario.lines).selectinload(CaseLine.assumption),
                selectinload(Scenario.lines).selectinload(CaseLine.roadmap_item),
                selectinload(Scenario.lines).selectinload(CaseLine.licence_bundle),
                selectinload(Scenario.lines).selectinload(CaseLine.device_kit),
                selectinload(Scenario.lines).selectinload(CaseLine.cloud_resource),
            )
            .order_by(Scenario.is_baseline.desc(), Scenario.position, Scenario.id)
        )
    )


def roadmap_years(line: CaseLine, end_year: int) -> tuple[int, int] | None:
    """(first, last) active year from the linked roadmap item, or None (not linked/scheduled)."""
    item = line.roadmap_item
    if item is None or item.start_quarter is None or item.end_quarter is None:
        return None
    first, last = year_of(item.start_quarter), year_of(item.end_quarter)
    if line.roadmap_timing == "from_start":
        return first, max(end_year, first)
    if line.roadmap_timing == "from_end":
        return last, max(end_year, last)
    return first, last


def device_quantity(line: CaseLine) -> Decimal | None:
    if line.units is not None:
        return Decimal(line.units)
    if line.personas:
        return Decimal(sum(p.headcount for p in line.personas))
    return None


def investment_amount(line: CaseLine) -> Decimal | None:
    if line.device_kit is not None:
        quantity = device_quantity(line)
        if quantity is None:
            return None
        return (Decimal(line.device_kit.price) * quantity).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    return line.amount


def _put(target: dict, key: str, value) -> None:
    if value is not None:
        target[key] = value


def driver_of(line: CaseLine, years: tuple[int, int] | None) -> dict:
    kind = line.driver_type
    driver: dict = {"type": kind}
    if kind == "fixed":
        _put(driver, "amount", number(line.amount))
    elif kind in ("one_off", "investment"):
        amount = investment_amount(line) if kind == "investment" else line.amount
        _put(driver, "amount", number(amount))
        # Linked to a roadmap item: bought in the item's first year (or last, "from_end").
        _put(driver, "year", years[0] if years else line.year)
        if kind == "investment":
            period = line.depreciation_years or (
                line.device_kit.life_years if line.device_kit is not None else None
            )
            _put(driver, "depreciation_years", period)
    elif kind == "per_user":
        price = (
            line.licence_bundle.price_per_user_month
            if line.licence_bundle is not None else line.price_per_user_month
        )
        _put(driver, "price_per_user_month", number(price))
        if line.personas:
            driver["personas"] = [persona_key(p.id) for p in line.personas]
        else:
            _put(driver, "users", number(line.users))
    elif kind == "per_fte":
        _put(driver, "fte", number(line.fte))
        _put(driver, "cost_per_fte", number(line.cost_per_fte))
    elif kind == "usage":
        price = (
            line.cloud_resource.unit_price
            if line.cloud_resource is not None else line.unit_price
        )
        _put(driver, "units", number(line.units))
        _put(driver, "unit_price", number(price))
        _put(driver, "growth", rate(line.growth_pct))
    return driver


def line_dict(line: CaseLine, end_year: int) -> dict:
    years = roadmap_years(line, end_year)
    data: dict = {
        "id": line.engine_id,
        "name": line.name,
        "kind": line.kind,
        "category": line.category,
        "driver": driver_of(line, years),
        "vat": line.vat,
    }
    if line.driver_type not in ("one_off", "investment"):
        start, end = years if years else (line.start_year, line.end_year)
        _put(data, "start_year", start)
        _put(data, "end_year", end)
    _put(data, "indexation", rate(line.indexation_pct))
    if line.range_low_pct is not None and line.range_high_pct is not None:
        data["range"] = {"low": rate(line.range_low_pct), "high": rate(line.range_high_pct)}
    _put(data, "nature", line.nature)
    if line.assumption is not None:
        data["assumption"] = line.assumption.statement + (
            f" ({line.assumption.value})" if line.assumption.value else ""
        )
        data["source"] = line.assumption.source or "aanname"
    if line.note:
        data["note"] = line.note
    return data


def build(business_case: BusinessCase, scenarios: list[Scenario] | None = None) -> EngineInput:
    """The engine input of a programme's business case, and where each line came from."""
    programme = business_case_programme(business_case)
    if scenarios is None:
        scenarios = load_scenarios(business_case.programme_id)
    personas = list(
        db.session.scalars(
            select(Persona)
            .where(Persona.programme_id == business_case.programme_id)
            .options(selectinload(Persona.headcounts))
            .order_by(Persona.name, Persona.id)
        )
    )
    data: dict = {
        "format": INPUT_FORMAT,
        "name": business_case.name,
        "start_year": business_case.start_year,
        "horizon_years": business_case.horizon_years,
        "discount_rate": rate(business_case.discount_rate_pct),
        "price_index": rate(business_case.price_index_pct),
        "vat_rate": rate(business_case.vat_rate_pct),
        "interest_rate": rate(business_case.interest_rate_pct),
        "depreciation_start": business_case.depreciation_start,
        "personas": [
            {"id": persona_key(p.id), "name": p.name, "headcount": p.headcount}
            for p in personas
        ],
    }
    if business_case.note:
        data["note"] = business_case.note
    participants = list(programme.participants) if programme is not None else []
    if participants:
        data["participants"] = [
            {"id": participant_key(p.id), "name": p.name,
             "headcount": p.headcount or 0, "inhabitants": p.inhabitants or 0}
            for p in participants
        ]
        data["allocation_key"] = business_case.allocation_key
    result = EngineInput(data=data, scenarios=scenarios)
    data["scenarios"] = []
    for s_index, scenario in enumerate(scenarios):
        lines = []
        for l_index, line in enumerate(scenario.lines):
            lines.append(line_dict(line, business_case.end_year))
            result.lines[(s_index, l_index)] = line
        entry = {
            "id": scenario_key(scenario.id),
            "name": scenario.name,
            "baseline": scenario.is_baseline,
            "lines": lines,
        }
        if scenario.description:
            entry["note"] = scenario.description
        data["scenarios"].append(entry)
    return result


def business_case_programme(business_case: BusinessCase):
    from workplace_planner.programmes.models import Programme

    return db.session.get(Programme, business_case.programme_id)


def engine_input(business_case: BusinessCase) -> dict:
    """The engine's input dict (format workplace-planner/business-case/v1)."""
    return build(business_case).data
