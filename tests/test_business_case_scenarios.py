"""The scenarios page of the business case pages the lines of one scenario at a time, with
totals over all lines; the engine input, read as plain columns, is exactly what the ORM
objects give."""

from __future__ import annotations

import html
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from workplace_planner.extensions import db
from workplace_planner.i18n import format_money


# ----------------------------------------------------------------------------- the reference
def _reference_input(business_case) -> dict:
    """The engine input built the straightforward way: from ORM objects and their
    relationships (how ``engine_input.build`` worked before it read plain columns)."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from workplace_planner.business_case import INPUT_FORMAT
    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps.strategy.employee.models import Persona
    from workplace_planner.steps.strategy.organisation.models import CaseLine, Scenario
    from workplace_planner.steps.strategy.technology.quarters import year_of

    def rate(value):
        return None if value is None else float(Decimal(value) / Decimal(100))

    def number(value):
        if value is None:
            return None
        value = Decimal(value)
        return int(value) if value == value.to_integral_value() else float(value)

    def put(target, key, value):
        if value is not None:
            target[key] = value

    end_year = business_case.end_year

    def years_of(line):
        item = line.roadmap_item
        if item is None or item.start_quarter is None or item.end_quarter is None:
            return None
        first, last = year_of(item.start_quarter), year_of(item.end_quarter)
        if line.roadmap_timing == "from_start":
            return first, max(end_year, first)
        if line.roadmap_timing == "from_end":
            return last, max(end_year, last)
        return first, last

    def investment(line):
        if line.device_kit is None:
            return line.amount
        if line.units is not None:
            quantity = Decimal(line.units)
        elif line.personas:
            quantity = Decimal(sum(p.headcount for p in line.personas))
        else:
            return None
        return (Decimal(line.device_kit.price) * quantity).quantize(Decimal("0.01"),
                                                                    rounding=ROUND_HALF_UP)

    def driver(line, years):
        kind = line.driver_type
        out = {"type": kind}
        if kind == "fixed":
            put(out, "amount", number(line.amount))
        elif kind in ("one_off", "investment"):
            put(out, "amount", number(investment(line) if kind == "investment" else line.amount))
            put(out, "year", years[0] if years else line.year)
            if kind == "investment":
                put(out, "depreciation_years", line.depreciation_years or (
                    line.device_kit.life_years if line.device_kit is not None else None))
        elif kind == "per_user":
            put(out, "price_per_user_month", number(
                line.licence_bundle.price_per_user_month if line.licence_bundle is not None
                else line.price_per_user_month))
            if line.personas:
                out["personas"] = [f"persona-{p.id}" for p in line.personas]
            else:
                put(out, "users", number(line.users))
        elif kind == "per_fte":
            put(out, "fte", number(line.fte))
            put(out, "cost_per_fte", number(line.cost_per_fte))
        elif kind == "usage":
            put(out, "units", number(line.units))
            put(out, "unit_price", number(line.cloud_resource.unit_price
                                          if line.cloud_resource is not None
                                          else line.unit_price))
            put(out, "growth", rate(line.growth_pct))
        return out

    def line_dict(line):
        years = years_of(line)
        out = {"id": f"line-{line.id}", "name": line.name, "kind": line.kind,
               "category": line.category, "driver": driver(line, years), "vat": line.vat}
        if line.driver_type not in ("one_off", "investment"):
            start, end = years if years else (line.start_year, line.end_year)
            put(out, "start_year", start)
            put(out, "end_year", end)
        put(out, "indexation", rate(line.indexation_pct))
        if line.range_low_pct is not None and line.range_high_pct is not None:
            out["range"] = {"low": rate(line.range_low_pct), "high": rate(line.range_high_pct)}
        put(out, "nature", line.nature)
        if line.assumption is not None:
            out["assumption"] = line.assumption.statement + (
                f" ({line.assumption.value})" if line.assumption.value else "")
            out["source"] = line.assumption.source or "aanname"
        if line.note:
            out["note"] = line.note
        return out

    db.session.expire_all()
    programme = db.session.get(Programme, business_case.programme_id)
    scenarios = db.session.scalars(
        select(Scenario).where(Scenario.programme_id == programme.id)
        .options(selectinload(Scenario.lines).selectinload(CaseLine.personas)
                 .selectinload(Persona.headcounts))
        .order_by(Scenario.is_baseline.desc(), Scenario.position, Scenario.id)
    )
    personas = db.session.scalars(
        select(Persona).where(Persona.programme_id == programme.id)
        .order_by(Persona.name, Persona.id)
    )
    data = {
        "format": INPUT_FORMAT, "name": business_case.name,
        "start_year": business_case.start_year, "horizon_years": business_case.horizon_years,
        "discount_rate": rate(business_case.discount_rate_pct),
        "price_index": rate(business_case.price_index_pct),
        "vat_rate": rate(business_case.vat_rate_pct),
        "interest_rate": rate(business_case.interest_rate_pct),
        "depreciation_start": business_case.depreciation_start,
        "personas": [{"id": f"persona-{p.id}", "name": p.name, "headcount": p.headcount}
                     for p in personas],
    }
    if business_case.note:
        data["note"] = business_case.note
    if programme.participants:
        data["participants"] = [
            {"id": f"participant-{p.id}", "name": p.name, "headcount": p.headcount or 0,
             "inhabitants": p.inhabitants or 0} for p in programme.participants]
        data["allocation_key"] = business_case.allocation_key
    data["scenarios"] = []
    for scenario in scenarios:
        entry = {"id": f"scenario-{scenario.id}", "name": scenario.name,
                 "baseline": scenario.is_baseline,
                 "lines": [line_dict(line) for line in scenario.lines]}
        if scenario.description:
            entry["note"] = scenario.description
        data["scenarios"].append(entry)
    return data


def _business_case(ids):
    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps.strategy.organisation import services

    return services.get_business_case(db.session.get(Programme, ids["programme"]))


def test_the_engine_input_is_exactly_what_the_orm_objects_give(demo, ids):
    from workplace_planner.steps.strategy.organisation import engine_input

    with demo.app_context():
        business_case = _business_case(ids)
        built = engine_input.build(business_case)
        assert built.data == _reference_input(business_case)
        # Every link the builder resolves is used by the demo.
        drivers = [line["driver"] for s in built.data["scenarios"] for line in s["lines"]]
        assert any("personas" in d for d in drivers)
        assert any(d["type"] == "investment" and "depreciation_years" in d for d in drivers)
        assert any(d["type"] == "usage" for d in drivers)
        lines = [line for s in built.data["scenarios"] for line in s["lines"]]
        assert all("assumption" in line for line in lines)
        # Where each line sits: (scenario index, line index) → its id, in the input's order.
        for (s_index, l_index), line_id in built.lines.items():
            assert built.data["scenarios"][s_index]["lines"][l_index]["id"] == f"line-{line_id}"
            assert built.scenarios[s_index].line_ids[l_index] == line_id


def test_the_engine_input_follows_every_kind_of_link_as_the_orm_does(demo, ids):
    """Edge cases the demo does not have: roadmap timings, a kit counted by headcount or by
    units, a usage line without a resource, an unscheduled roadmap item, a changed
    headcount."""
    from sqlalchemy import select

    from workplace_planner.steps.strategy.employee.models import DeviceKit, Persona
    from workplace_planner.steps.strategy.organisation import engine_input
    from workplace_planner.steps.strategy.organisation.models import CaseLine, Scenario
    from workplace_planner.steps.strategy.technology.models import RoadmapItem

    with demo.app_context():
        business_case = _business_case(ids)
        programme_id = business_case.programme_id
        lines = list(db.session.scalars(
            select(CaseLine).join(Scenario).where(Scenario.programme_id == programme_id)
            .order_by(CaseLine.id)))
        items = list(db.session.scalars(
            select(RoadmapItem).where(RoadmapItem.programme_id == programme_id)
            .order_by(RoadmapItem.id)))
        kit = db.session.scalar(select(DeviceKit).where(DeviceKit.programme_id == programme_id))
        personas = list(db.session.scalars(
            select(Persona).where(Persona.programme_id == programme_id).order_by(Persona.id)))
        scheduled = [i for i in items if i.start_quarter is not None]
        for line, timing in zip(lines, ("during", "from_start", "from_end") * 3, strict=False):
            line.roadmap_item = scheduled[lines.index(line) % len(scheduled)]
            line.roadmap_timing = timing
        unscheduled = next((i for i in items if i.start_quarter is None), None)
        if unscheduled is not None:
            lines[-1].roadmap_item = unscheduled
        investments = [line for line in lines if line.driver_type == "investment"]
        investments[0].device_kit, investments[0].units = kit, Decimal("12.5")
        investments[-1].device_kit, investments[-1].units = kit, None
        investments[-1].personas = personas[:3]
        investments[-1].depreciation_years = None
        usage = next(line for line in lines if line.driver_type == "usage")
        usage.cloud_resource, usage.unit_price = None, Decimal("0.1234")
        per_user = next(line for line in lines if line.driver_type == "per_user")
        per_user.licence_bundle, per_user.personas = None, []
        per_user.users, per_user.price_per_user_month = Decimal("42.5"), Decimal("7.15")
        lines[1].assumption, lines[2].note = None, "Met een toelichting"
        personas[0].headcounts[0].headcount += 7
        db.session.commit()
        built = engine_input.build(business_case)
        assert built.data == _reference_input(business_case)


# ----------------------------------------------------------------------------- the page
def _add_lines(ids, count: int) -> tuple[int, list[int]]:
    """``count`` more fixed lines in the alternative scenario: (its id, all its line ids)."""
    from sqlalchemy import func, select

    from workplace_planner.steps.strategy.organisation.models import CaseLine, Scenario

    scenario = db.session.scalar(select(Scenario).where(
        Scenario.programme_id == ids["programme"], Scenario.is_baseline.is_(False)))
    position = db.session.scalar(select(func.max(CaseLine.position))
                                 .where(CaseLine.scenario_id == scenario.id))
    for number in range(1, count + 1):
        db.session.add(CaseLine(
            organisation_id=scenario.organisation_id, programme_id=scenario.programme_id,
            scenario=scenario, name=f"Printerpool locatie {number}", kind="cost",
            category="operations", driver_type="fixed", amount=Decimal(1000 + number),
            vat="compensable", roadmap_timing="during", position=position + number,
        ))
    db.session.commit()
    return scenario.id, list(db.session.scalars(
        select(CaseLine.id).where(CaseLine.scenario_id == scenario.id)
        .order_by(CaseLine.position, CaseLine.id)))


def _rows(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr class="utrecht-table__row" id="line-(\d+)">', page)]


def _figure(page: str, name: str) -> str:
    return html.unescape(re.search(rf'data-figure="{name}">([^<]+)<', page).group(1))


def test_a_long_scenario_is_paged_and_the_totals_count_every_line(login, demo, ids):
    from workplace_planner.steps.strategy.organisation import services, views

    with demo.app_context():
        scenario_id, line_ids = _add_lines(ids, 60)
        outcome = services.compute(_business_case(ids), monte_carlo=False)
        tco = format_money(outcome.result.scenario(f"scenario-{scenario_id}").tco, cents=True,
                           language="nl")
        baseline = outcome.scenarios[0]
    assert len(line_ids) > views.LINES_PER_PAGE
    client = login("reviewer")
    base = f"/programmes/{ids['programme']}/business-case/scenarios"
    first = client.get(f"{base}?scenario={scenario_id}").get_data(as_text=True)
    assert _rows(first) == line_ids[:views.LINES_PER_PAGE]
    assert 'class="wp-pagination"' in first
    next_link = html.unescape(re.search(r'rel="next" href="([^"]+)"', first).group(1))
    second = client.get(next_link).get_data(as_text=True)
    assert _rows(second) == line_ids[views.LINES_PER_PAGE:]
    assert 'rel="next"' not in second and 'rel="prev"' in second
    # The totals are over all lines of the scenario, whichever page is shown.
    for page in (first, second):
        assert _figure(page, f"lines-{scenario_id}") == str(len(line_ids))
        assert _figure(page, f"tco-{scenario_id}") == tco
    # The other scenario keeps its own paging: its first page, all of its lines.
    other = client.get(f"{base}?scenario={baseline.id}").get_data(as_text=True)
    assert _rows(other) == baseline.line_ids
    assert 'class="wp-pagination"' not in other
    assert client.get(base).get_data(as_text=True).count("<tr class=\"utrecht-table__row\" "
                                                         "id=\"line-") == len(baseline.line_ids)


def test_after_saving_a_line_the_editor_is_back_at_its_page(login, demo, ids):
    from workplace_planner.steps.strategy.organisation import views

    with demo.app_context():
        scenario_id, line_ids = _add_lines(ids, 60)
    last = line_ids[-1]
    client = login("editor")
    base = f"/programmes/{ids['programme']}/business-case"
    form = client.get(f"{base}/lines/{last}/edit").get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', form).group(1)
    response = client.post(f"{base}/lines/{last}/edit", data={
        "version": version, "name": "Printerpool stadhuis", "kind": "cost",
        "category": "operations", "driver_type": "fixed", "amount": "2.500,00",
        "vat": "compensable", "nature": "", "roadmap_timing": "during", "assumption_id": "0",
        "roadmap_item_id": "0", "follow_up_id": "0", "licence_bundle_id": "0",
        "device_kit_id": "0", "cloud_resource_id": "0",
    })
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]
    location = response.headers["Location"]
    assert f"scenario={scenario_id}" in location and location.endswith(f"#line-{last}")
    assert "page=2" in location
    page = client.get(location).get_data(as_text=True)
    assert last in _rows(page) and "Printerpool stadhuis" in page
    # A link to a line from elsewhere (the assumptions register) lands on the same page.
    shown = client.get(f"{base}/lines/{last}")
    assert shown.status_code == 302 and shown.headers["Location"] == location
    assert len(line_ids) > views.LINES_PER_PAGE


@pytest.mark.parametrize("query", ["scenario=999999", "page=99", "scenario=x&page=-1"])
def test_an_unknown_scenario_or_page_shows_the_nearest_one(login, ids, query):
    client = login("reviewer")
    response = client.get(f"/programmes/{ids['programme']}/business-case/scenarios?{query}")
    assert response.status_code == 200
    assert _rows(response.get_data(as_text=True))


def test_a_problem_with_a_line_links_to_that_line(login, demo, ids):
    from sqlalchemy import select

    from workplace_planner.steps.strategy.organisation.models import CaseLine, Scenario

    with demo.app_context():
        line = db.session.scalar(
            select(CaseLine).join(Scenario).where(Scenario.programme_id == ids["programme"],
                                                  CaseLine.driver_type == "fixed")
            .order_by(CaseLine.id))
        line.start_year = 2090  # outside the horizon: the engine refuses the case
        db.session.commit()
        line_id, name, scenario = line.id, line.name, line.scenario.name
    page = login("reviewer").get(f"/programmes/{ids['programme']}/business-case")
    text = html.unescape(page.get_data(as_text=True))
    assert f'/lines/{line_id}/edit">{scenario} – {name}</a>' in text
