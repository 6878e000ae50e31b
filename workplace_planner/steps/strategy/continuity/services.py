"""Operations of the business impact analysis. Verb-named; they never commit (the view does).

The scenario and roadmap rules live in ``scenarios`` (pure functions); this module turns the
database objects into the plain facts those functions take.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from workplace_planner import audit, paging
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.strategy.continuity import scenarios
from workplace_planner.steps.strategy.continuity.choices import (
    CATEGORIES,
    MTD_BANDS,
    WINDOWS,
    ScenarioKind,
    Situation,
)
from workplace_planner.steps.strategy.continuity.forms import impact_field_name
from workplace_planner.steps.strategy.continuity.models import (
    BiaEntry,
    bia_entry_systems,
    empty_impacts,
    highest_impact,
    is_complete,
)
from workplace_planner.steps.strategy.technology.choices import Target
from workplace_planner.steps.strategy.technology.models import (
    RoadmapItem,
    System,
    roadmap_item_systems,
)


def _in_programme(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


# ----------------------------------------------------------------------------- entries
def list_entries(programme) -> list[BiaEntry]:
    return list(db.session.scalars(
        _in_programme(BiaEntry, programme)
        .options(selectinload(BiaEntry.systems), selectinload(BiaEntry.participants),
                 selectinload(BiaEntry.personas))
        .order_by(func.lower(BiaEntry.name))
    ))


def list_systems(programme) -> list[System]:
    return list(db.session.scalars(_in_programme(System, programme).order_by(System.name)))


def list_personas(programme) -> list:
    from workplace_planner.steps.strategy.employee.models import Persona

    return list(db.session.scalars(_in_programme(Persona, programme).order_by(Persona.name)))


def _pick(candidates, ids) -> list:
    wanted = set(ids or ())
    return [c for c in candidates if c.id in wanted]


def clean_impacts(impacts: dict | None) -> dict[str, list[int | None]]:
    """Every category with one score (1-5) or None per window; anything else is dropped."""
    result = empty_impacts()
    for category in result:
        scores = list((impacts or {}).get(category) or [])
        for index in range(len(WINDOWS)):
            score = scores[index] if index < len(scores) else None
            result[category][index] = score if isinstance(score, int) and 1 <= score <= 5 \
                else None
    return result


def check_impacts(impacts: dict) -> None:
    """Impact never decreases as an outage lasts longer: refused next to the first score
    that drops below an earlier one."""
    for category in CATEGORIES:
        highest = 0
        for index, score in enumerate(impacts.get(category.value, [])):
            if score is None:
                continue
            if score < highest:
                raise DomainError(
                    _l("Impact does not decrease as an outage lasts longer: give at least "
                       "%(score)d here, as at an earlier moment.", score=highest),
                    field=impact_field_name(category, WINDOWS[index]),
                )
            highest = score


def check_durations(mtd_hours, rto_hours) -> None:
    if mtd_hours is not None and rto_hours is not None and rto_hours > mtd_hours:
        raise DomainError(
            _l("The RTO cannot be longer than the maximum tolerable downtime: the process "
               "must work again before the damage becomes unacceptable."),
            field="rto_hours",
        )


def _unique_name(programme, name: str, entry=None) -> None:
    found = db.session.scalar(
        _in_programme(BiaEntry, programme).where(func.lower(BiaEntry.name) == name.lower())
    )
    if found is not None and found is not entry:
        raise DomainError(_l("The BIA already has a process with this name."), field="name")


TEXT_FIELDS = ("name", "description", "owner", "fallback")


def _apply(programme, entry: BiaEntry, links: dict, fields: dict) -> None:
    fields = dict(fields)
    for name in TEXT_FIELDS:
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    fields["impacts"] = clean_impacts(fields.get("impacts"))
    _unique_name(programme, fields["name"], entry)
    check_durations(fields.get("mtd_hours"), fields.get("rto_hours"))
    check_impacts(fields["impacts"])
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.systems = _pick(list_systems(programme), links.get("system_ids"))
    entry.participants = _pick(programme.participants, links.get("participant_ids"))
    entry.personas = _pick(list_personas(programme), links.get("persona_ids"))


def create_entry(programme, links: dict, **fields) -> BiaEntry:
    entry = BiaEntry(programme_id=programme.id, organisation_id=programme.organisation_id)
    with db.session.no_autoflush:
        _apply(programme, entry, links, fields)
    db.session.add(entry)
    audit.record_created(entry)
    return entry


def update_entry(entry: BiaEntry, version, programme, links: dict, **fields) -> None:
    check_version(entry, version)
    with db.session.no_autoflush:
        _apply(programme, entry, links, fields)
        audit.record_changes(entry)


def delete_entry(entry: BiaEntry) -> None:
    audit.record_deleted(entry)
    db.session.delete(entry)


# ----------------------------------------------------------------------------- facts
def system_facts(system: System) -> scenarios.SystemFacts:
    return scenarios.SystemFacts(
        id=system.id, name=system.name, domain=system.domain, hosting=system.hosting,
        target_hosting=system.target_hosting, retired=system.target is Target.RETIRE,
        supplier=system.supplier or "",
    )


def process_facts(entry: BiaEntry) -> scenarios.ProcessFacts:
    return scenarios.ProcessFacts(
        id=entry.id, name=entry.name, system_ids=frozenset(s.id for s in entry.systems),
        mtd_hours=entry.mtd_hours, rto_hours=entry.rto_hours, has_fallback=entry.has_fallback,
    )


def internet_dependency(entry: BiaEntry, situation: Situation) -> list[System]:
    """The systems of the entry that depend on the internet in the situation."""
    return [s for s in entry.systems if system_facts(s).on_internet(situation)]


# ----------------------------------------------------------------------------- scenarios
@dataclass(frozen=True)
class ScenarioResult:
    kind: ScenarioKind
    situation: Situation
    outage_hours: int | None
    affected: list[System]
    outcomes: list[scenarios.Outcome]
    entries: dict[int, BiaEntry]

    @property
    def without_fallback(self) -> list[scenarios.Outcome]:
        return [o for o in self.outcomes if o.without_fallback]


def run_scenario(programme, kind: ScenarioKind, situation: Situation,
                 system_id: int | None = None, outage_hours: int | None = None
                 ) -> ScenarioResult:
    systems = list_systems(programme)
    entries = list_entries(programme)
    facts = [system_facts(s) for s in systems]
    affected = scenarios.affected_systems(facts, kind, situation, system_id)
    outcomes = scenarios.stopped_processes(
        [process_facts(e) for e in entries], facts, affected, outage_hours
    )
    return ScenarioResult(kind, situation, outage_hours,
                          [s for s in systems if s.id in affected], outcomes,
                          {e.id: e for e in entries})


def saas_systems(programme, situation: Situation) -> list[System]:
    return [s for s in list_systems(programme)
            if system_facts(s).hosting_in(situation) is not None
            and system_facts(s).hosting_in(situation).value == "saas"]


def _roadmap_items(programme) -> list[tuple[int, str, list[int]]]:
    """(id, title, linked system ids) of every roadmap item, in roadmap order: two plain
    queries, no ORM objects."""
    rows = db.session.execute(
        select(RoadmapItem.id, RoadmapItem.title)
        .where(RoadmapItem.programme_id == programme.id,
               RoadmapItem.organisation_id == programme.organisation_id)
        .order_by(RoadmapItem.start_quarter.is_(None), RoadmapItem.start_quarter,
                  RoadmapItem.title, RoadmapItem.id)
    ).all()
    links = _links(roadmap_item_systems.c.roadmap_item_id, roadmap_item_systems.c.system_id,
                   RoadmapItem, programme)
    return [(item_id, title, links.get(item_id, [])) for item_id, title in rows]


def _links(left, right, model, programme) -> dict[int, list[int]]:
    """A link table of the programme's ``model`` rows as {row id: [linked ids]}."""
    found: dict[int, list[int]] = {}
    for owner_id, linked_id in db.session.execute(
        select(left, right).join(model, model.id == left)
        .where(model.programme_id == programme.id,
               model.organisation_id == programme.organisation_id)
    ):
        found.setdefault(owner_id, []).append(linked_id)
    return found


def _process_facts(programme) -> list[scenarios.ProcessFacts]:
    """The facts of every process, in the order of the register, without loading entries."""
    rows = db.session.execute(
        select(BiaEntry.id, BiaEntry.name, BiaEntry.mtd_hours, BiaEntry.rto_hours,
               BiaEntry.has_fallback)
        .where(BiaEntry.programme_id == programme.id,
               BiaEntry.organisation_id == programme.organisation_id)
        .order_by(func.lower(BiaEntry.name), BiaEntry.id)
    ).all()
    links = _links(bia_entry_systems.c.bia_entry_id, bia_entry_systems.c.system_id, BiaEntry,
                   programme)
    return [scenarios.ProcessFacts(id=i, name=name, system_ids=frozenset(links.get(i, ())),
                                   mtd_hours=mtd, rto_hours=rto, has_fallback=bool(fallback))
            for i, name, mtd, rto, fallback in rows]


def _roadmap_rules(programme, recovery_hours: int) -> scenarios.RoadmapRules:
    return scenarios.RoadmapRules([system_facts(s) for s in list_systems(programme)],
                                  _process_facts(programme), recovery_hours)


def roadmap_effect(programme, recovery_hours: int = scenarios.DEFAULT_RECOVERY_HOURS
                   ) -> list[scenarios.ItemEffect]:
    """The effect of every roadmap item that changes a process (``roadmap_effect_page`` for
    the page)."""
    rules = _roadmap_rules(programme, recovery_hours)
    return [effect for item in _roadmap_items(programme)
            if (effect := rules.effect(*item)) is not None]


ROADMAP_PAGE_SIZE = 25


@dataclass(frozen=True)
class RoadmapEffect:
    """One page of the roadmap effect, with the totals over all items."""

    page: paging.Page[scenarios.ItemEffect]
    changing: int  # roadmap items that change a process's internet dependency
    flagging: int  # of those, the items that flag at least one process
    flagged_processes: int  # distinct processes flagged by at least one item
    only_flagged: bool


def roadmap_effect_page(programme, recovery_hours: int = scenarios.DEFAULT_RECOVERY_HOURS,
                        page: int | None = 1, only_flagged: bool = False,
                        page_size: int = ROADMAP_PAGE_SIZE) -> RoadmapEffect:
    """The items that change a process (only those that flag one, if asked), one page of
    them with their processes; which items change or flag something is decided from the
    systems alone, so the processes are worked out for the shown page only. A page past
    the end shows the last one."""
    rules = _roadmap_rules(programme, recovery_hours)
    changing = [item for item in _roadmap_items(programme) if rules.changes(item[2])]
    flagging = [item for item in changing if rules.flags(item[2])]
    flagged = set().union(*(rules.flagged_processes(item[2]) for item in flagging))
    shown = paging.paginate(flagging if only_flagged else changing, page, page_size)
    return RoadmapEffect(
        shown.with_items(rules.effect(*item) for item in shown.items),
        len(changing), len(flagging), len(flagged), only_flagged,
    )


# ----------------------------------------------------------------------------- overviews
def matrix(programme) -> tuple[list[BiaEntry], list[System]]:
    """The processes and the systems at least one of them depends on."""
    entries = list_entries(programme)
    used = {s.id for e in entries for s in e.systems}
    return entries, [s for s in list_systems(programme) if s.id in used]


def heat_map(entries) -> dict:
    """Processes by highest impact (5..1, then not scored) × maximum-tolerable-downtime band
    (up to 4 hours, 1 day, 3 days, 1 week, longer, unknown): the names in every cell."""
    rows = [5, 4, 3, 2, 1, None]
    columns = list(range(len(MTD_BANDS) + 1)) + [None]
    cells = {(r, c): [] for r in rows for c in columns}
    for entry in entries:
        band = scenarios.mtd_band(entry.mtd_hours, MTD_BANDS)
        cells[(entry.highest_impact, band)].append(entry)
    return {"rows": rows, "columns": columns, "cells": cells}


def impact_profile(entry: BiaEntry) -> dict[str, list[int | None]]:
    return clean_impacts(entry.impacts)


def completion(programme) -> dict:
    """The BIA's figures for the step page and the dashboard, from plain rows (the dashboard
    asks for them on every view): processes, complete, scored, depending on the internet now
    or after the roadmap, and of those without a fallback."""
    rows = db.session.execute(
        select(BiaEntry.id, BiaEntry.owner, BiaEntry.mtd_hours, BiaEntry.rto_hours,
               BiaEntry.impacts, BiaEntry.has_fallback)
        .where(BiaEntry.programme_id == programme.id,
               BiaEntry.organisation_id == programme.organisation_id)
    ).all()
    systems_of = _links(bia_entry_systems.c.bia_entry_id, bia_entry_systems.c.system_id,
                        BiaEntry, programme)
    on_internet = {f.id for f in map(system_facts, list_systems(programme))
                   if f.on_internet(Situation.NOW) or f.on_internet(Situation.TARGET)}
    internet = [row for row in rows if on_internet.intersection(systems_of.get(row.id, ()))]
    return {
        "entries": len(rows),
        "complete": sum(1 for r in rows if is_complete(r.owner, r.mtd_hours, r.rto_hours)),
        "scored": sum(1 for r in rows if highest_impact(r.impacts) is not None),
        "internet": len(internet),
        "internet_without_fallback": sum(1 for r in internet if not r.has_fallback),
    }
