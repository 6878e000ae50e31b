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

The rows are read as plain columns, one query per kind of row (scenarios, lines joined with
what they link to, the lines' personas, headcounts, personas; the participants through the
programme), never as ORM objects: a case of a thousand lines builds in milliseconds, and every
page computes from what the database holds now. ``tests/test_business_case_scenarios.py``
checks that the result is exactly what the ORM objects and their relationships give.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import or_, select

from workplace_planner.business_case import INPUT_FORMAT
from workplace_planner.extensions import db
from workplace_planner.steps.strategy.employee.models import (
    DeviceKit,
    LicenceBundle,
    Persona,
    PersonaHeadcount,
)
from workplace_planner.steps.strategy.organisation.models import (
    Assumption,
    BusinessCase,
    CaseLine,
    CloudResource,
    Scenario,
    line_personas,
)
from workplace_planner.steps.strategy.technology.models import RoadmapItem
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
class ScenarioRow:
    """A scenario as the engine input was built from it: its own columns and its lines' ids in
    the engine's order (the pages load the few lines they show as objects)."""
    id: int
    name: str
    description: str
    is_baseline: bool
    line_ids: list[int] = field(default_factory=list)


@dataclass
class EngineInput:
    data: dict
    # (scenario index, line index) → the line's id, to put engine messages next to the field.
    lines: dict[tuple[int, int], int] = field(default_factory=dict)
    scenarios: list[ScenarioRow] = field(default_factory=list)


@dataclass(slots=True)
class LineRow:
    """What the engine input needs of a line and its links, read as plain columns.

    A link is None when the line has none (or it points at nothing): ``roadmap`` is the
    item's (start quarter, end quarter), ``kit`` the device kit's (price, life in years),
    ``assumption`` its (statement, value, source); ``personas`` are (id, headcount) in the
    order of the persona names."""
    id: int
    scenario_id: int
    name: str
    kind: str
    category: str
    driver_type: str
    amount: Decimal | None
    year: int | None
    price_per_user_month: Decimal | None
    users: Decimal | None
    fte: Decimal | None
    cost_per_fte: Decimal | None
    units: Decimal | None
    unit_price: Decimal | None
    growth_pct: Decimal | None
    depreciation_years: int | None
    start_year: int | None
    end_year: int | None
    indexation_pct: Decimal | None
    vat: str
    nature: str | None
    range_low_pct: Decimal | None
    range_high_pct: Decimal | None
    note: str | None
    roadmap_timing: str
    assumption: tuple[str, str, str] | None
    roadmap: tuple[int | None, int | None] | None
    bundle_price: Decimal | None
    kit: tuple[Decimal, int] | None
    cloud_price: Decimal | None
    personas: list[tuple[int, int]] = field(default_factory=list)


# The line's own columns, in the names of ``LineRow``'s fields.
LINE_FIELDS = (
    "id", "scenario_id", "name", "kind", "category", "driver_type", "amount", "year",
    "price_per_user_month", "users", "fte", "cost_per_fte", "units", "unit_price", "growth_pct",
    "depreciation_years", "start_year", "end_year", "indexation_pct", "vat", "nature",
    "range_low_pct", "range_high_pct", "note", "roadmap_timing",
)
LINE_COLUMNS = tuple(getattr(CaseLine, name) for name in LINE_FIELDS)
LINK_COLUMNS = (
    Assumption.id, Assumption.statement, Assumption.value, Assumption.source,
    RoadmapItem.id, RoadmapItem.start_quarter, RoadmapItem.end_quarter,
    LicenceBundle.id, LicenceBundle.price_per_user_month,
    DeviceKit.id, DeviceKit.price, DeviceKit.life_years,
    CloudResource.id, CloudResource.unit_price,
)


def _programme_scenarios(programme_id: int):
    return select(Scenario.id).where(Scenario.programme_id == programme_id)


def load_scenarios(programme_id: int) -> list[ScenarioRow]:
    """The programme's scenarios in the engine's order: the baseline first (one query)."""
    return [
        ScenarioRow(id, name, description, is_baseline)
        for id, name, description, is_baseline in db.session.execute(
            select(Scenario.id, Scenario.name, Scenario.description, Scenario.is_baseline)
            .where(Scenario.programme_id == programme_id)
            .order_by(Scenario.is_baseline.desc(), Scenario.position, Scenario.id)
        )
    ]


def _lines_of(programme_id: int):
    return select(CaseLine.id).where(CaseLine.scenario_id.in_(_programme_scenarios(programme_id)))


def load_headcounts(programme_id: int) -> dict[int, int]:
    """persona id → its headcount (the sum over its municipalities, as ``Persona.headcount``)
    for every persona of the programme or linked to one of its lines (one query)."""
    persona_ids = select(Persona.id).where(or_(
        Persona.programme_id == programme_id,
        Persona.id.in_(select(line_personas.c.persona_id)
                       .where(line_personas.c.line_id.in_(_lines_of(programme_id)))),
    ))
    totals: dict[int, int] = defaultdict(int)
    for persona_id, headcount in db.session.execute(
        select(PersonaHeadcount.persona_id, PersonaHeadcount.headcount)
        .where(PersonaHeadcount.persona_id.in_(persona_ids))
    ):
        totals[persona_id] += headcount
    return totals


def load_lines(programme_id: int, headcounts: dict[int, int]) -> dict[int, list[LineRow]]:
    """scenario id → its lines in their order (position, id), with what their links supply
    (two queries: the lines with their links, the lines' personas)."""
    personas_of: dict[int, list[int]] = defaultdict(list)
    for line_id, persona_id in db.session.execute(
        select(line_personas.c.line_id, Persona.id)
        .join(Persona, Persona.id == line_personas.c.persona_id)
        .where(line_personas.c.line_id.in_(_lines_of(programme_id)))
        .order_by(line_personas.c.line_id, Persona.name, Persona.id)
    ):
        personas_of[line_id].append(persona_id)
    query = (
        select(*LINE_COLUMNS, *LINK_COLUMNS)
        .outerjoin(Assumption, Assumption.id == CaseLine.assumption_id)
        .outerjoin(RoadmapItem, RoadmapItem.id == CaseLine.roadmap_item_id)
        .outerjoin(LicenceBundle, LicenceBundle.id == CaseLine.licence_bundle_id)
        .outerjoin(DeviceKit, DeviceKit.id == CaseLine.device_kit_id)
        .outerjoin(CloudResource, CloudResource.id == CaseLine.cloud_resource_id)
        .where(CaseLine.scenario_id.in_(_programme_scenarios(programme_id)))
        .order_by(CaseLine.scenario_id, CaseLine.position, CaseLine.id)
    )
    lines: dict[int, list[LineRow]] = defaultdict(list)
    own = len(LINE_COLUMNS)
    for row in db.session.execute(query):
        (assumption_id, statement, value, source, item_id, start_quarter, end_quarter,
         bundle_id, bundle_price, kit_id, kit_price, kit_life, cloud_id,
         cloud_price) = row[own:]
        line = LineRow(
            **dict(zip(LINE_FIELDS, row[:own], strict=True)),
            assumption=(statement, value, source) if assumption_id is not None else None,
            roadmap=(start_quarter, end_quarter) if item_id is not None else None,
            bundle_price=bundle_price if bundle_id is not None else None,
            kit=(kit_price, kit_life) if kit_id is not None else None,
            cloud_price=cloud_price if cloud_id is not None else None,
            personas=[(p, headcounts.get(p, 0)) for p in personas_of.get(row[0], ())],
        )
        lines[line.scenario_id].append(line)
    return lines


def roadmap_years(line: LineRow, end_year: int) -> tuple[int, int] | None:
    """(first, last) active year from the linked roadmap item, or None (not linked/scheduled)."""
    if line.roadmap is None:
        return None
    start_quarter, end_quarter = line.roadmap
    if start_quarter is None or end_quarter is None:
        return None
    first, last = year_of(start_quarter), year_of(end_quarter)
    if line.roadmap_timing == "from_start":
        return first, max(end_year, first)
    if line.roadmap_timing == "from_end":
        return last, max(end_year, last)
    return first, last


def device_quantity(line: LineRow) -> Decimal | None:
    if line.units is not None:
        return Decimal(line.units)
    if line.personas:
        return Decimal(sum(headcount for _id, headcount in line.personas))
    return None


def investment_amount(line: LineRow) -> Decimal | None:
    if line.kit is not None:
        quantity = device_quantity(line)
        if quantity is None:
            return None
        return (Decimal(line.kit[0]) * quantity).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
    return line.amount


def _put(target: dict, key: str, value) -> None:
    if value is not None:
        target[key] = value


def driver_of(line: LineRow, years: tuple[int, int] | None) -> dict:
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
                line.kit[1] if line.kit is not None else None
            )
            _put(driver, "depreciation_years", period)
    elif kind == "per_user":
        price = line.bundle_price if line.bundle_price is not None else line.price_per_user_month
        _put(driver, "price_per_user_month", number(price))
        if line.personas:
            driver["personas"] = [persona_key(persona_id) for persona_id, _n in line.personas]
        else:
            _put(driver, "users", number(line.users))
    elif kind == "per_fte":
        _put(driver, "fte", number(line.fte))
        _put(driver, "cost_per_fte", number(line.cost_per_fte))
    elif kind == "usage":
        price = line.cloud_price if line.cloud_price is not None else line.unit_price
        _put(driver, "units", number(line.units))
        _put(driver, "unit_price", number(price))
        _put(driver, "growth", rate(line.growth_pct))
    return driver


def line_dict(line: LineRow, end_year: int) -> dict:
    years = roadmap_years(line, end_year)
    data: dict = {
        "id": f"line-{line.id}",
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
        statement, value, source = line.assumption
        data["assumption"] = statement + (f" ({value})" if value else "")
        data["source"] = source or "aanname"
    if line.note:
        data["note"] = line.note
    return data


def _personas(programme_id: int, headcounts: dict[int, int]) -> list[dict]:
    """Every persona of the programme with its current headcount, by name."""
    return [
        {"id": persona_key(id), "name": name, "headcount": headcounts.get(id, 0)}
        for id, name in db.session.execute(
            select(Persona.id, Persona.name).where(Persona.programme_id == programme_id)
            .order_by(Persona.name, Persona.id)
        )
    ]


def build(business_case: BusinessCase) -> EngineInput:
    """The engine input of a programme's business case, and where each line came from
    (at most six queries, whatever the number of lines)."""
    programme = business_case_programme(business_case)
    scenarios = load_scenarios(business_case.programme_id)
    headcounts = load_headcounts(business_case.programme_id)
    lines = load_lines(business_case.programme_id, headcounts)
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
        "personas": _personas(business_case.programme_id, headcounts),
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
    end_year = business_case.end_year
    for s_index, scenario in enumerate(scenarios):
        entries = []
        for l_index, line in enumerate(lines.get(scenario.id, ())):
            entries.append(line_dict(line, end_year))
            scenario.line_ids.append(line.id)
            result.lines[(s_index, l_index)] = line.id
        entry = {
            "id": scenario_key(scenario.id),
            "name": scenario.name,
            "baseline": scenario.is_baseline,
            "lines": entries,
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
