"""Operations of the business impact analysis. Verb-named; they never commit (the view does).

The scenario and roadmap rules live in ``scenarios`` (pure functions); this module turns the
database objects into the plain facts those functions take.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from workplace_planner import audit
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
from workplace_planner.steps.strategy.continuity.models import BiaEntry, empty_impacts
from workplace_planner.steps.strategy.technology.choices import Target
from workplace_planner.steps.strategy.technology.models import RoadmapItem, System


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


def roadmap_effect(programme, recovery_hours: int = scenarios.DEFAULT_RECOVERY_HOURS
                   ) -> list[scenarios.ItemEffect]:
    items = db.session.scalars(
        _in_programme(RoadmapItem, programme).options(selectinload(RoadmapItem.systems))
        .order_by(RoadmapItem.start_quarter.is_(None), RoadmapItem.start_quarter,
                  RoadmapItem.title)
    )
    return scenarios.roadmap_effect(
        [(i.id, i.title, [s.id for s in i.systems]) for i in items],
        [system_facts(s) for s in list_systems(programme)],
        [process_facts(e) for e in list_entries(programme)],
        recovery_hours,
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
    entries = list_entries(programme)
    internet = [e for e in entries if internet_dependency(e, Situation.NOW)
                or internet_dependency(e, Situation.TARGET)]
    return {
        "entries": len(entries),
        "complete": sum(1 for e in entries if e.is_complete),
        "scored": sum(1 for e in entries if e.is_scored),
        "internet": len(internet),
        "internet_without_fallback": [e for e in internet if not e.has_fallback],
    }
