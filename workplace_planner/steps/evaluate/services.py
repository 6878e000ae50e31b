"""Operations of step 7, Evaluate & evolve. Verb-named; they never commit (the view does)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import inspect, select
from sqlalchemy.orm import joinedload, selectinload

from workplace_planner import audit
from workplace_planner.auth.models import Organisation
from workplace_planner.business_case import load_case
from workplace_planner.business_case.compute import line_figures
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.programmes import services as programmes
from workplace_planner.stale import check_version
from workplace_planner.steps.evaluate.models import (
    CarriedOverItem,
    CycleRefresh,
    LessonLearned,
    RealisedBenefit,
)
from workplace_planner.steps.strategy.employee.models import Persona, PersonaHeadcount
from workplace_planner.steps.strategy.organisation import services as business_case
from workplace_planner.steps.strategy.technology.choices import ItemStatus
from workplace_planner.steps.strategy.technology.models import Milestone, RoadmapItem, System

CENT = Decimal("0.01")


def _in_programme(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


def _cents(value: float) -> Decimal:
    """An engine amount (euros, already whole cents) as an exact Decimal."""
    return Decimal(f"{value:.2f}")


def delete_record(record) -> None:
    db.session.delete(record)


# ----------------------------------------------------------------------------- benefits
def approved_version(programme):
    """The baseline of the evaluation: the newest approved business-case version, or None."""
    return business_case.latest_approved(programme)


def benefit_lines(version) -> list[dict]:
    """The benefit lines of every alternative in the version: key, name, category, scenario."""
    if version is None:
        return []
    lines = []
    for scenario in version.snapshot["case"]["scenarios"]:
        if scenario.get("baseline"):
            continue
        for index, line in enumerate(scenario["lines"]):
            if line["kind"] == "benefit":
                lines.append({"key": line.get("id") or f"L{index + 1}", "name": line["name"],
                              "category": line["category"], "scenario": scenario["id"],
                              "scenario_name": scenario.get("name") or scenario["id"]})
    return lines


def list_realised(programme) -> list[RealisedBenefit]:
    return list(db.session.scalars(
        _in_programme(RealisedBenefit, programme)
        .order_by(RealisedBenefit.year, RealisedBenefit.line_name, RealisedBenefit.id)
    ))


def save_realised(programme, record=None, version=None, *, year, line_key, category, amount,
                  note="", baseline=None) -> RealisedBenefit:
    lines = {line["key"]: line for line in benefit_lines(baseline)}
    if line_key:
        line = lines.get(line_key)
        if line is None:
            raise DomainError(_l("Choose a benefit line of the approved business case."),
                              field="line_key")
        line_name, category = line["name"], line["category"]
    else:
        if not category:
            raise DomainError(_l("Choose a benefit line or a category."), field="category")
        line_name = ""
    if record is None:
        record = RealisedBenefit(programme_id=programme.id,
                                 organisation_id=programme.organisation_id)
        db.session.add(record)
    else:
        check_version(record, version)
    record.year, record.line_key, record.line_name = year, line_key or None, line_name
    record.category, record.amount, record.note = category, amount, (note or "").strip()
    return record


@dataclass
class Row:
    """Planned and realised of one benefit line (or category) per year."""

    key: str
    name: str
    category: str
    planned: list[Decimal]
    realised: list[Decimal]

    @property
    def difference(self) -> list[Decimal]:
        return [r - p for p, r in zip(self.planned, self.realised, strict=True)]


@dataclass
class BenefitComparison:
    version: object
    scenarios: list[tuple[str, str]]  # (id, name) of the alternatives
    scenario: str | None
    years: list[int]
    planned: list[Decimal]
    realised: list[Decimal]
    rows: list[Row] = field(default_factory=list)

    @property
    def difference(self) -> list[Decimal]:
        return [r - p for p, r in zip(self.planned, self.realised, strict=True)]

    @property
    def totals(self) -> tuple[Decimal, Decimal, Decimal]:
        planned, realised = sum(self.planned, Decimal("0.00")), sum(self.realised,
                                                                    Decimal("0.00"))
        return planned, realised, realised - planned


def compare_benefits(programme, version, scenario_id: str | None = None,
                     realised=None) -> BenefitComparison | None:
    """Planned benefits of the approved version (cash view, the chosen alternative: by
    default the first) against the benefits realised, per year and per line, to the cent.
    None when there is no approved version."""
    if version is None:
        return None
    realised = list_realised(programme) if realised is None else realised
    data = version.snapshot["case"]
    case = load_case(data)
    years = [case.start_year + t for t in range(case.horizon_years)]
    alternatives = [(s.id, s.name) for s in case.scenarios if not s.baseline]
    known = {key for key, _name in alternatives}
    scenario = scenario_id if scenario_id in known else (alternatives[0][0] if alternatives
                                                         else None)
    zero = [Decimal("0.00")] * len(years)
    rows: dict[str, Row] = {}
    if scenario is not None:
        chosen = next(s for s in case.scenarios if s.id == scenario)
        figures = {f["line_id"]: f for f in line_figures(case)[scenario]}
        for line in chosen.lines:
            if line.kind == "benefit":
                rows[line.id] = Row(line.id, line.name, line.category,
                                    [_cents(v) for v in figures[line.id]["cash"]], list(zero))
    index = {year: i for i, year in enumerate(years)}
    for record in realised:
        if record.year not in index:
            continue
        key = record.line_key or f"category:{record.category}"
        row = rows.get(key)
        if row is None:
            row = rows[key] = Row(key, record.line_name, record.category, list(zero),
                                  list(zero))
        row.realised[index[record.year]] += record.amount
    ordered = list(rows.values())
    planned = [sum((r.planned[i] for r in ordered), Decimal("0.00")) for i in range(len(years))]
    realised_total = [sum((r.realised[i] for r in ordered), Decimal("0.00"))
                      for i in range(len(years))]
    return BenefitComparison(version, alternatives, scenario, years, planned, realised_total,
                             ordered)


def benefit_chart_inputs(comparison: BenefitComparison, labels: dict) -> dict:
    return {
        "years": comparison.years,
        "planned": [float(v) for v in comparison.planned],
        "realised": [float(v) for v in comparison.realised],
        "labels": {key: str(value) for key, value in labels.items()},
    }


# ----------------------------------------------------------------------------- lessons
def list_lessons(programme) -> list[LessonLearned]:
    return list(db.session.scalars(
        _in_programme(LessonLearned, programme)
        .order_by(LessonLearned.perspective, LessonLearned.category, LessonLearned.title)
    ))


def save_lesson(programme, lesson=None, version=None, **values) -> LessonLearned:
    if lesson is None:
        lesson = LessonLearned(programme_id=programme.id,
                               organisation_id=programme.organisation_id)
        db.session.add(lesson)
    else:
        check_version(lesson, version)
    for name, value in values.items():
        setattr(lesson, name, value.strip() if type(value) is str else value)
    return lesson


# ----------------------------------------------------------------------------- next cycle
def unfinished_items(programme, dependencies: bool = False) -> list[RoadmapItem]:
    """The roadmap items that are not done (dropped ones included: they may be picked up);
    ``dependencies`` loads what each depends on with them."""
    options = [selectinload(RoadmapItem.dependencies)] if dependencies else []
    return list(db.session.scalars(
        _in_programme(RoadmapItem, programme)
        .where(RoadmapItem.status != ItemStatus.DONE)
        .order_by(RoadmapItem.start_quarter.is_(None), RoadmapItem.start_quarter,
                  RoadmapItem.title)
        .options(*options)
    ))


def refreshes_of(programme) -> list[CycleRefresh]:
    return list(db.session.scalars(
        _in_programme(CycleRefresh, programme).order_by(CycleRefresh.started_at)
        .options(joinedload(CycleRefresh.next_programme),
                 selectinload(CycleRefresh.items).joinedload(CarriedOverItem.to_item))))


def carried_into(programme) -> list[CarriedOverItem]:
    """The items of this programme that were carried over from a previous cycle."""
    return list(db.session.scalars(
        select(CarriedOverItem).join(RoadmapItem, CarriedOverItem.to_item_id == RoadmapItem.id)
        .where(RoadmapItem.programme_id == programme.id,
               CarriedOverItem.organisation_id == programme.organisation_id)
        .order_by(CarriedOverItem.id)
        .options(joinedload(CarriedOverItem.to_item),
                 joinedload(CarriedOverItem.refresh).joinedload(CycleRefresh.programme))
    ))


def destinations(programme) -> dict[int, CarriedOverItem]:
    """Old item id → where it went, for the items of this programme that were carried over."""
    return {c.from_item_id: c for refresh in refreshes_of(programme) for c in refresh.items
            if c.from_item_id is not None}


# Columns never copied: identity, ownership, bookkeeping and links to objects of the old
# programme that the next cycle does not take along.
_NOT_COPIED = {"id", "programme_id", "organisation_id", "version", "created_at", "updated_at",
               "workshop_id", "licence_bundle_id", "device_kit_id"}


def _copy_columns(source, target) -> None:
    for column in inspect(type(source)).columns:
        if column.key not in _NOT_COPIED:
            value = getattr(source, column.key)
            setattr(target, column.key, list(value) if isinstance(value, list) else value)


def _owned_by(programme, model):
    return model(programme_id=programme.id, organisation_id=programme.organisation_id)


def start_next_cycle(programme, item_ids, *, name: str, start_year: int, horizon_years: int,
                     user=None, note: str = ""):
    """Start the next cycle: a new programme of the same organisation and municipalities,
    into which the chosen unfinished roadmap items are copied with their systems, personas,
    municipalities, open milestones and the dependencies among them. The systems and personas
    they link to are copied along (by name, once). Each copy is recorded as carried over; the
    old item records where it went. Everything in the session: the view commits once."""
    candidates = {item.id: item for item in unfinished_items(programme, dependencies=True)}
    wanted = list(dict.fromkeys(item_ids or ()))
    if not wanted:
        raise DomainError(_l("Choose at least one roadmap item to carry over."), field="items")
    unknown = [i for i in wanted if i not in candidates]
    if unknown:
        raise DomainError(_l("Only unfinished roadmap items of this programme can be carried "
                             "over."), field="items")
    organisation = db.session.get(Organisation, programme.organisation_id)
    with db.session.no_autoflush:
        following = programmes.create_programme(
            organisation, name, start_year, horizon_years, programme.ambition,
            [p.id for p in programme.participants],
        )
    db.session.flush()
    refresh = _owned_by(programme, CycleRefresh)
    refresh.next_programme_id = following.id
    refresh.started_by_id = getattr(user, "id", None)
    refresh.note = (note or "").strip()
    db.session.add(refresh)

    systems: dict[int, System] = {}
    personas: dict[int, Persona] = {}

    def system_copy(system):
        if system.id not in systems:
            copy = _owned_by(following, System)
            _copy_columns(system, copy)
            copy.participants = list(system.participants)
            db.session.add(copy)
            systems[system.id] = copy
        return systems[system.id]

    def persona_copy(persona):
        if persona.id not in personas:
            copy = _owned_by(following, Persona)
            _copy_columns(persona, copy)
            copy.headcounts = [
                PersonaHeadcount(organisation_id=following.organisation_id,
                                 participant_id=h.participant_id, headcount=h.headcount)
                for h in persona.headcounts
            ]
            db.session.add(copy)
            personas[persona.id] = copy
        return personas[persona.id]

    copies: dict[int, RoadmapItem] = {}
    with db.session.no_autoflush:
        for item_id in wanted:
            item = candidates[item_id]
            copy = _owned_by(following, RoadmapItem)
            _copy_columns(item, copy)
            copy.systems = [system_copy(s) for s in item.systems]
            copy.personas = [persona_copy(p) for p in item.personas]
            copy.participants = list(item.participants)
            copy.milestones = [
                Milestone(organisation_id=following.organisation_id, title=m.title,
                          quarter=m.quarter, reached=False)
                for m in item.milestones if not m.reached
            ]
            db.session.add(copy)
            copies[item_id] = copy
        for item_id, copy in copies.items():
            copy.dependencies = [copies[d.id] for d in candidates[item_id].dependencies
                                 if d.id in copies]
    db.session.flush()
    for item_id, copy in copies.items():
        refresh.items.append(CarriedOverItem(
            organisation_id=programme.organisation_id, from_item_id=item_id,
            to_item_id=copy.id, title=copy.title,
        ))
        audit.record_created(copy)
    return following, refresh


def satisfaction_changes(programme):
    from workplace_planner.steps.adopt import services as adopt

    return adopt.satisfaction_vs_baseline(programme)


def lessons_by_perspective(lessons) -> dict[str, list]:
    grouped = defaultdict(list)
    for lesson in lessons:
        grouped[lesson.perspective].append(lesson)
    return grouped
