"""Operations of step 4, Implement & migrate. Verb-named; they never commit (the view does)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from workplace_planner import audit
from workplace_planner.business_case import CATEGORIES
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.implement.models import (
    BudgetActual,
    CommunicationItem,
    MigrationWave,
    WaveUsers,
)
from workplace_planner.steps.strategy.employee.models import AdoptionMeasure, Persona
from workplace_planner.steps.strategy.organisation import services as business_case
from workplace_planner.steps.strategy.technology.models import RoadmapItem

CENT = Decimal("0.01")


def _of(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


def _pick(objects, ids):
    wanted = {int(i) for i in ids or ()}
    return [o for o in objects if o.id in wanted]


def _set(obj, fields) -> None:
    for name, value in fields.items():
        setattr(obj, name, value.strip() if type(value) is str else value)


def list_personas(programme, headcounts: bool = False, measures: bool = False) -> list[Persona]:
    """The personas by name; ``headcounts`` and ``measures`` load those with them."""
    options = [selectinload(relation) for relation, wanted in (
        (Persona.headcounts, headcounts), (Persona.measures, measures)) if wanted]
    return list(db.session.scalars(
        _of(Persona, programme).order_by(Persona.name).options(*options)))


def list_roadmap_items(programme) -> list[RoadmapItem]:
    return list(db.session.scalars(
        _of(RoadmapItem, programme).order_by(RoadmapItem.start_quarter, RoadmapItem.title)))


def list_measures(programme) -> list[AdoptionMeasure]:
    return list(db.session.scalars(_of(AdoptionMeasure, programme).order_by(AdoptionMeasure.title)))


# ----------------------------------------------------------------------------- waves
def list_waves(programme, links: bool = False) -> list[MigrationWave]:
    """The waves in order, with their users per persona; ``links`` loads their municipalities
    and roadmap items too."""
    options = [selectinload(MigrationWave.users)]
    if links:
        options += [selectinload(MigrationWave.participants),
                    selectinload(MigrationWave.roadmap_items)]
    return list(db.session.scalars(
        _of(MigrationWave, programme).order_by(MigrationWave.start_quarter, MigrationWave.name)
        .options(*options)))


@dataclass
class PersonaProgress:
    persona: Persona
    headcount: int
    planned: int  # over all waves
    migrated: int  # in waves that are done

    @property
    def remaining(self) -> int:
        return self.headcount - self.migrated

    @property
    def unplanned(self) -> int:
        return self.headcount - self.planned


def items_outside(wave) -> list[RoadmapItem]:
    """Roadmap items of the wave planned wholly before or after the wave's period."""
    if wave.start_quarter is None or wave.end_quarter is None:
        return []
    return [i for i in wave.roadmap_items if i.start_quarter is not None and (
        i.start_quarter > wave.end_quarter
        or (i.end_quarter is not None and i.end_quarter < wave.start_quarter))]


def persona_progress(programme, waves=None) -> list[PersonaProgress]:
    waves = list_waves(programme) if waves is None else waves
    rows = []
    for persona in list_personas(programme, headcounts=True):
        planned = sum(w.users_for(persona.id) for w in waves)
        migrated = sum(w.users_for(persona.id) for w in waves if w.status.value == "done")
        rows.append(PersonaProgress(persona, persona.headcount, planned, migrated))
    return rows


def check_wave_users(programme, wave, users: dict[int, int]) -> None:
    """Refuse users per persona that, with the other waves, exceed the persona's headcount."""
    others = [w for w in list_waves(programme) if w is not wave]
    for persona in list_personas(programme, headcounts=True):
        wanted = users.get(persona.id) or 0
        if wanted < 0:
            raise DomainError(_l("Enter 0 or more."), f"users_{persona.id}")
        elsewhere = sum(w.users_for(persona.id) for w in others)
        if wanted + elsewhere > persona.headcount:
            raise DomainError(
                _l("Too many: %(persona)s stands for %(headcount)d employees, and the other "
                   "waves already migrate %(elsewhere)d, so at most %(left)d fit in this wave.",
                   persona=persona.name, headcount=persona.headcount, elsewhere=elsewhere,
                   left=max(persona.headcount - elsewhere, 0)),
                f"users_{persona.id}")


def _apply_wave(wave, programme, links, users, fields) -> None:
    start, end = fields.get("start_quarter"), fields.get("end_quarter")
    if start and end and end < start:
        raise DomainError(_l("The wave cannot end before it starts."), "end_quarter")
    check_wave_users(programme, wave, users)
    _set(wave, fields)
    wave.participants = _pick(programme.participants, links.get("participant_ids"))
    wave.roadmap_items = _pick(list_roadmap_items(programme), links.get("item_ids"))
    existing = {u.persona_id: u for u in wave.users}
    for persona in list_personas(programme):
        count = users.get(persona.id) or 0
        if persona.id in existing:
            if count:
                existing[persona.id].users = count
            else:
                wave.users.remove(existing[persona.id])
        elif count:
            wave.users.append(WaveUsers(organisation_id=programme.organisation_id,
                                        persona=persona, users=count))


def create_wave(programme, links, users, **fields) -> MigrationWave:
    wave = MigrationWave(programme_id=programme.id, organisation_id=programme.organisation_id)
    _apply_wave(wave, programme, links, users, fields)
    db.session.add(wave)
    return wave


def update_wave(wave, version, programme, links, users, **fields) -> None:
    check_version(wave, version)
    _apply_wave(wave, programme, links, users, fields)


def delete_wave(wave) -> None:
    db.session.delete(wave)


# ----------------------------------------------------------------------------- communication
def list_communication(programme) -> list[CommunicationItem]:
    return list(db.session.scalars(_of(CommunicationItem, programme).order_by(
        CommunicationItem.persona_id, CommunicationItem.wave_id, CommunicationItem.id)
        .options(joinedload(CommunicationItem.measure), joinedload(CommunicationItem.wave))))


def communication_by_persona(programme) -> list[tuple[Persona, list[AdoptionMeasure],
                                                      list[CommunicationItem]]]:
    """Per persona: the adoption measures of step 1 meant for them, and what is planned."""
    items = list_communication(programme)
    return [(p, list(p.measures), [i for i in items if i.persona_id == p.id])
            for p in list_personas(programme, measures=True)]


def _apply_item(item, programme, measure_id, persona_id, wave_id, fields) -> None:
    measure = next((m for m in list_measures(programme) if m.id == measure_id), None)
    persona = next((p for p in list_personas(programme) if p.id == persona_id), None)
    if measure is None:
        raise DomainError(_l("Choose an adoption measure."), "measure_id")
    if persona is None:
        raise DomainError(_l("Choose a persona."), "persona_id")
    if persona not in measure.personas:
        raise DomainError(
            _l("The adoption framework does not plan %(measure)s for %(persona)s; add the "
               "persona to the measure in step 1 first.", measure=measure.title,
               persona=persona.name), "persona_id")
    item.measure, item.persona = measure, persona
    item.wave = next((w for w in list_waves(programme) if w.id == wave_id), None)
    _set(item, fields)


def create_item(programme, measure_id, persona_id, wave_id=None, **fields) -> CommunicationItem:
    item = CommunicationItem(programme_id=programme.id, organisation_id=programme.organisation_id)
    _apply_item(item, programme, measure_id, persona_id, wave_id, fields)
    db.session.add(item)
    return item


def update_item(item, version, programme, measure_id, persona_id, wave_id=None,
                **fields) -> None:
    check_version(item, version)
    _apply_item(item, programme, measure_id, persona_id, wave_id, fields)


def delete_item(item) -> None:
    db.session.delete(item)


# ----------------------------------------------------------------------------- budget
def list_actuals(programme) -> list[BudgetActual]:
    return list(db.session.scalars(
        _of(BudgetActual, programme).order_by(BudgetActual.year, BudgetActual.category,
                                              BudgetActual.id)))


def _check_category(fields) -> None:
    if fields.get("category") not in CATEGORIES:
        raise DomainError(_l("Choose a category of the business case."), "category")


def create_actual(programme, **fields) -> BudgetActual:
    """Record money spent; its history (who recorded or changed what) is kept in the audit
    trail, as finance expects of actuals."""
    _check_category(fields)
    actual = BudgetActual(programme_id=programme.id, organisation_id=programme.organisation_id)
    _set(actual, fields)
    db.session.add(actual)
    audit.record_created(actual)
    return actual


def update_actual(actual, version, **fields) -> None:
    check_version(actual, version)
    _check_category(fields)
    _set(actual, fields)
    with db.session.no_autoflush:
        audit.record_changes(actual)


def delete_actual(actual) -> None:
    audit.record_deleted(actual)
    db.session.delete(actual)


@dataclass
class BudgetRow:
    year: int
    category: str
    planned: Decimal
    actual: Decimal

    @property
    def difference(self) -> Decimal:
        """Actual minus planned: positive is overspending."""
        return self.actual - self.planned


@dataclass
class BudgetComparison:
    version: object  # the approved CaseVersion
    scenario_id: str
    scenario_name: str
    scenarios: list[tuple[str, str]]  # the alternatives to choose from
    years: list[int]
    rows: list[BudgetRow]  # per year and category, categories with a plan or an actual
    totals: list[BudgetRow]  # per year, category ""
    outside: list[BudgetActual]  # actuals in years outside the horizon

    @property
    def total(self) -> BudgetRow:
        return BudgetRow(0, "", sum((t.planned for t in self.totals), Decimal(0)),
                         sum((t.actual for t in self.totals), Decimal(0)))


def _cents(value: float) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def budget_comparison(programme, scenario_id: str | None = None) -> BudgetComparison | None:
    """Planned (the cash view of the approved business-case version, costs per year and
    category of the chosen scenario; by default its first alternative) against the actuals.
    None when no version is approved."""
    version = business_case.latest_approved(programme)
    if version is None:
        return None
    result = business_case.version_result(version)
    alternatives = [s for s in result.scenarios if not s.baseline] or list(result.scenarios)
    scenario = next((s for s in alternatives if s.id == scenario_id), alternatives[0])
    actuals = list_actuals(programme)
    spent: dict[tuple[int, str], Decimal] = {}
    for a in actuals:
        spent[(a.year, a.category)] = spent.get((a.year, a.category), Decimal(0)) + a.amount
    rows, totals = [], []
    for index, year in enumerate(result.years):
        year_rows = []
        for category in CATEGORIES:
            planned = _cents(scenario.cash.costs_by_category.get(category, (0.0,) * len(
                result.years))[index])
            actual = spent.get((year, category), Decimal("0.00"))
            if planned or actual:
                year_rows.append(BudgetRow(year, category, planned, actual))
        rows.extend(year_rows)
        totals.append(BudgetRow(year, "", sum((r.planned for r in year_rows), Decimal("0.00")),
                                sum((r.actual for r in year_rows), Decimal("0.00"))))
    outside = [a for a in actuals if a.year not in result.years]
    return BudgetComparison(version, scenario.id, scenario.name,
                            [(s.id, s.name) for s in alternatives], list(result.years), rows,
                            totals, outside)


def wave_figures(programme) -> dict:
    waves = list_waves(programme)
    progress = persona_progress(programme, waves)
    return {
        "waves": len(waves),
        "waves_done": sum(1 for w in waves if w.status.value == "done"),
        "personas": len(progress),
        "personas_planned": sum(1 for p in progress if p.headcount and p.unplanned == 0),
        "employees": sum(p.headcount for p in progress),
        "migrated": sum(p.migrated for p in progress),
    }


def communication_figures(programme, personas: int | None = None) -> dict:
    """``personas``: how many personas there are, when the caller has counted them."""
    items = list_communication(programme)
    return {
        "personas": len(list_personas(programme)) if personas is None else personas,
        "communication": len(items),
        "communication_done": sum(1 for i in items if i.status.value == "done"),
        "personas_with_communication": len({i.persona_id for i in items}),
    }


def budget_figures(programme) -> dict:
    return {
        "actuals": len(list_actuals(programme)),
        "approved_version": business_case.latest_approved(programme),
    }


def completion(programme) -> dict:
    """All figures of the step; each dashboard check computes only its own part."""
    waves = wave_figures(programme)
    return {**waves, **communication_figures(programme, waves["personas"]),
            **budget_figures(programme)}
