"""CSV of the budget tables, and import of a case in the engine's JSON format."""

from __future__ import annotations

import re
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from workplace_planner import audit, tabular
from workplace_planner.business_case import CATEGORIES
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.organisation import services
from workplace_planner.steps.strategy.organisation.forms import CATEGORY_LABELS
from workplace_planner.steps.strategy.organisation.models import Assumption, CaseLine, Scenario


def safe_filename(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-").lower() or "programme"


def cents(value: float) -> Decimal:
    """An engine amount (already rounded to cents) as an exact decimal."""
    return Decimal(f"{value:.2f}")


def budget_rows(result) -> list[dict]:
    """One row per scenario, view and figure; one column per year (engine figures only)."""
    rows = []
    for scenario in result.scenarios:
        for view in ("cash", "budget"):
            figures = getattr(scenario, view)

            def add(kind, label, values, scenario=scenario, view=view):
                row = {"scenario": scenario.name, "view": view, "row": kind, "label": label}
                row.update({str(y): cents(v) for y, v in zip(result.years, values, strict=True)})
                rows.append(row)

            for category in CATEGORIES:
                values = figures.costs_by_category[category]
                if any(values):
                    add(f"cost:{category}", str(CATEGORY_LABELS[category]), values)
            if figures.capital_charges is not None:
                add("capital_charges", _("of which capital charges"),
                    figures.capital_charges.total)
            add("one_off_costs", _("One-off costs"), figures.one_off_costs)
            add("structural_costs", _("Structural costs"), figures.structural_costs)
            add("costs", _("Total costs"), figures.costs)
            add("benefits", _("Benefits"), figures.benefits)
            add("net", _("Net (benefits − costs)"), figures.net)
        if scenario.versus_baseline is not None:
            add("incremental_flow", _("Incremental cash flow versus the baseline"),
                scenario.versus_baseline.flows)
            add("cumulative_flow", _("Cumulative incremental cash flow"),
                scenario.versus_baseline.cumulative_flows)
    return rows


def budget_csv(result) -> bytes:
    columns = [
        tabular.Column("scenario", _l("Scenario")),
        tabular.Column("view", _l("View")),
        tabular.Column("row", _l("Row")),
        tabular.Column("label", _l("Label")),
    ] + [tabular.Column(str(y), str(y)) for y in result.years]
    return tabular.write_csv(columns, budget_rows(result))


# ----------------------------------------------------------------------------- import
def _pct(value) -> Decimal | None:
    if value is None:
        return None
    return (Decimal(repr(float(value))) * 100).quantize(Decimal("0.0001"))


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(repr(value) if isinstance(value, float)
                                              else str(value))


def _persona_map(programme, data: dict) -> dict[str, Persona]:
    personas = list(db.session.scalars(
        select(Persona).where(Persona.programme_id == programme.id)))
    by_key = {f"persona-{p.id}": p for p in personas}
    by_name = {p.name.strip().lower(): p for p in personas}
    found, missing = {}, []
    for entry in data.get("personas", []):
        persona = by_key.get(entry["id"]) or by_name.get(
            str(entry.get("name") or entry["id"]).strip().lower())
        if persona is None:
            missing.append(entry.get("name") or entry["id"])
        else:
            found[entry["id"]] = persona
    if missing:
        raise DomainError(
            _l("These personas are not in this programme: %(names)s. Add them (same name) "
               "first: their headcount comes from the programme.", names=", ".join(missing)),
            field="file",
        )
    return found


def import_case(programme, data: dict) -> None:
    """Replace the parameters, scenarios and lines by a validated case (``load_case`` first).
    Personas are matched by id or name; their headcount stays the programme's. Texts of
    assumptions become entries of the register (reused when the same statement exists)."""
    key = data.get("allocation_key")
    if isinstance(key, dict):
        raise DomainError(_l("Fixed allocation shares cannot be imported yet; use headcount "
                             "or inhabitants."), field="file")
    personas = _persona_map(programme, data)
    business_case = services.start_business_case(programme)
    services.save_parameters(
        business_case, None, name=data.get("name") or business_case.name,
        start_year=data["start_year"], horizon_years=data["horizon_years"],
        discount_rate_pct=_pct(data["discount_rate"]), price_index_pct=_pct(data["price_index"]),
        vat_rate_pct=_pct(data["vat_rate"]), interest_rate_pct=_pct(data.get("interest_rate", 0)),
        depreciation_start=data.get("depreciation_start", "next_year"),
        allocation_key=key or business_case.allocation_key,
        note=data.get("note") or business_case.note,
    )
    for scenario in services.list_scenarios(programme):
        services.delete_scenario(scenario)
    db.session.flush()
    register = {a.statement: a for a in services.list_assumptions(programme)}
    for position, entry in enumerate(data["scenarios"], start=1):
        scenario = Scenario(
            organisation_id=programme.organisation_id, programme_id=programme.id,
            name=entry.get("name") or entry["id"], description=entry.get("note") or "",
            is_baseline=bool(entry.get("baseline")), position=position,
        )
        db.session.add(scenario)
        audit.record_created(scenario)
        for line_position, line in enumerate(entry["lines"], start=1):
            driver = line["driver"]
            assumption = None
            if line.get("assumption"):
                statement = line["assumption"][:300]
                assumption = register.get(statement)
                if assumption is None:
                    source = line.get("source") or ""
                    assumption = Assumption(
                        organisation_id=programme.organisation_id, programme_id=programme.id,
                        statement=statement, value="",
                        source="" if source.strip().lower() == "aanname" else source[:500],
                        owner="", dated=None,
                    )
                    db.session.add(assumption)
                    register[statement] = assumption
            rng = line.get("range") or {}
            created = CaseLine(
                organisation_id=programme.organisation_id, programme_id=programme.id,
                scenario=scenario, position=line_position, name=line["name"],
                kind=line["kind"], category=line["category"], driver_type=driver["type"],
                amount=_dec(driver.get("amount")), year=driver.get("year"),
                price_per_user_month=_dec(driver.get("price_per_user_month")),
                users=_dec(driver.get("users")), fte=_dec(driver.get("fte")),
                cost_per_fte=_dec(driver.get("cost_per_fte")), units=_dec(driver.get("units")),
                unit_price=_dec(driver.get("unit_price")), growth_pct=_pct(driver.get("growth")),
                depreciation_years=driver.get("depreciation_years"),
                start_year=line.get("start_year"), end_year=line.get("end_year"),
                indexation_pct=_pct(line.get("indexation")),
                vat=line.get("vat", "compensable"), nature=line.get("nature"),
                range_low_pct=_pct(rng.get("low")), range_high_pct=_pct(rng.get("high")),
                note=line.get("note") or "", assumption=assumption, roadmap_timing="during",
            )
            created.personas = [personas[p] for p in driver.get("personas", [])]
            db.session.add(created)
            audit.record_created(created)
    db.session.flush()
