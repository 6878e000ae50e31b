"""Operations on personas, interviews, adoption measures and catalogues. They never commit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from workplace_planner.auth.models import Organisation, Participant
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.programmes.models import Programme
from workplace_planner.stale import check_version
from workplace_planner.steps.strategy.employee.models import (
    AdoptionMeasure,
    DeviceKit,
    Interview,
    LicenceBundle,
    Persona,
    PersonaHeadcount,
)

PERSONA_FIELDS = (
    "name", "role", "department", "quote", "description", "goals", "frustrations", "tasks",
    "applications", "work_locations", "devices_used", "devices_needed", "adoption_channels",
    "digital_skill", "mobility", "licence_bundle_id", "device_kit_id",
)


# ----------------------------------------------------------------------------- workforce
def headcount_columns(programme: Programme) -> list[Participant | None]:
    """Where headcount is counted: per participating municipality, or once (None) for an
    organisation without participants in this programme."""
    return list(programme.participants) or [None]


@dataclass(frozen=True)
class WorkforceRow:
    participant: Participant | None
    workforce: int | None  # the employees there, as the organisation recorded them
    covered: int  # the sum of the personas' headcount there

    @property
    def difference(self) -> int | None:
        return None if self.workforce is None else self.covered - self.workforce


@dataclass(frozen=True)
class Workforce:
    rows: list[WorkforceRow]

    @property
    def workforce(self) -> int | None:
        known = [r.workforce for r in self.rows]
        return None if any(w is None for w in known) else sum(known)

    @property
    def covered(self) -> int:
        return sum(r.covered for r in self.rows)

    @property
    def status(self) -> str:
        """'unknown', 'exact', 'more' or 'less'."""
        if self.workforce is None:
            return "unknown"
        if any(r.difference for r in self.rows):
            return "more" if self.covered > self.workforce else (
                "less" if self.covered < self.workforce else "mixed"
            )
        return "exact"


def list_personas(programme: Programme) -> list[Persona]:
    return list(
        db.session.scalars(
            select(Persona)
            .where(Persona.programme_id == programme.id)
            .options(
                selectinload(Persona.headcounts),
                selectinload(Persona.interviews),
                selectinload(Persona.measures),
                selectinload(Persona.licence_bundle),
                selectinload(Persona.device_kit),
            )
            .order_by(Persona.name)
        )
    )


def workforce(programme: Programme, personas: list[Persona] | None = None) -> Workforce:
    personas = list_personas(programme) if personas is None else personas
    organisation = db.session.get(Organisation, programme.organisation_id)
    rows = []
    for participant in headcount_columns(programme):
        pid = participant.id if participant else None
        covered = sum(p.headcount_for(pid) for p in personas)
        known = participant.headcount if participant else organisation.headcount
        rows.append(WorkforceRow(participant, known, covered))
    return Workforce(rows)


# ----------------------------------------------------------------------------- personas
def _check_name_free(programme: Programme, name: str, exclude_id: int | None = None) -> None:
    query = select(Persona.id).where(Persona.programme_id == programme.id, Persona.name == name)
    if exclude_id is not None:
        query = query.where(Persona.id != exclude_id)
    if db.session.scalar(query) is not None:
        raise DomainError(_l("There is already a persona with this name."), "name")


def _check_catalogue(programme: Programme, licence_bundle_id, device_kit_id) -> None:
    for model, object_id, field in (
        (LicenceBundle, licence_bundle_id, "licence_bundle_id"),
        (DeviceKit, device_kit_id, "device_kit_id"),
    ):
        if object_id and db.session.scalar(
            select(model.id).where(model.id == object_id, model.programme_id == programme.id)
        ) is None:
            raise DomainError(_l("Choose an item from this programme's catalogue."), field)


def _set_headcounts(persona: Persona, programme: Programme, headcounts: dict) -> None:
    """``headcounts``: participant id (or None) -> number of employees."""
    allowed = {p.id if p else None for p in headcount_columns(programme)}
    if set(headcounts) - allowed:
        raise DomainError(_l("Unknown participating municipality."))
    if sum(headcounts.values()) <= 0:
        raise DomainError(_l("A persona stands for at least one employee."))
    existing = {h.participant_id: h for h in persona.headcounts}
    for participant_id, number in headcounts.items():
        row = existing.pop(participant_id, None)
        if row is None:
            persona.headcounts.append(
                PersonaHeadcount(
                    participant_id=participant_id,
                    headcount=number,
                    organisation_id=programme.organisation_id,
                )
            )
        else:
            row.headcount = number
    for stale in existing.values():  # e.g. a participant removed from the programme
        persona.headcounts.remove(stale)


def create_persona(programme: Programme, headcounts: dict, **fields) -> Persona:
    fields["name"] = fields["name"].strip()
    _check_name_free(programme, fields["name"])
    _check_catalogue(programme, fields.get("licence_bundle_id"), fields.get("device_kit_id"))
    persona = Persona(
        programme_id=programme.id,
        organisation_id=programme.organisation_id,
        **{k: v for k, v in fields.items() if k in PERSONA_FIELDS},
    )
    db.session.add(persona)
    _set_headcounts(persona, programme, headcounts)
    return persona


def update_persona(persona: Persona, programme: Programme, version, headcounts, **fields):
    check_version(persona, version)
    fields["name"] = fields["name"].strip()
    _check_name_free(programme, fields["name"], exclude_id=persona.id)
    _check_catalogue(programme, fields.get("licence_bundle_id"), fields.get("device_kit_id"))
    for key, value in fields.items():
        if key in PERSONA_FIELDS:
            setattr(persona, key, value)
    _set_headcounts(persona, programme, headcounts)


def duplicate_persona(persona: Persona, programme: Programme) -> Persona:
    """A copy to start a similar persona from: same description and headcounts, new name,
    no interviews (evidence belongs to the original)."""
    copy_name = str(_l("%(name)s (copy)", name=persona.name))
    number = 2
    name = copy_name
    while db.session.scalar(
        select(Persona.id).where(Persona.programme_id == programme.id, Persona.name == name)
    ):
        name = f"{copy_name} {number}"
        number += 1
    fields = {key: getattr(persona, key) for key in PERSONA_FIELDS}
    fields["name"] = name[:120]
    for key in ("work_locations", "devices_used", "devices_needed", "adoption_channels"):
        fields[key] = list(fields[key] or [])
    copy = create_persona(
        programme, {h.participant_id: h.headcount for h in persona.headcounts}, **fields
    )
    copy.measures = list(persona.measures)
    return copy


def delete_persona(persona: Persona) -> None:
    db.session.delete(persona)


# ----------------------------------------------------------------------------- catalogues
def list_catalogue(programme: Programme, model) -> list:
    return list(
        db.session.scalars(
            select(model).where(model.programme_id == programme.id).order_by(model.name)
        )
    )


def _check_catalogue_name(programme, model, name, exclude_id=None):
    query = select(model.id).where(model.programme_id == programme.id, model.name == name)
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)
    if db.session.scalar(query) is not None:
        raise DomainError(_l("The catalogue already has an item with this name."), "name")


def save_catalogue_item(programme: Programme, model, item=None, version=None, **fields):
    fields["name"] = fields["name"].strip()
    _check_catalogue_name(programme, model, fields["name"], item.id if item else None)
    if item is None:
        item = model(programme_id=programme.id, organisation_id=programme.organisation_id)
        db.session.add(item)
    else:
        check_version(item, version)
    for key, value in fields.items():
        setattr(item, key, value)
    return item


def delete_catalogue_item(item) -> None:
    db.session.delete(item)  # personas keep their data; their link is cleared (SET NULL)


def licence_cost_per_month(persona: Persona) -> Decimal | None:
    if persona.licence_bundle is None:
        return None
    return persona.licence_bundle.price_per_user_month * persona.headcount


# ----------------------------------------------------------------------------- interviews
def list_interviews(programme: Programme) -> list[Interview]:
    return list(
        db.session.scalars(
            select(Interview)
            .where(Interview.programme_id == programme.id)
            .options(selectinload(Interview.personas), selectinload(Interview.participant))
            .order_by(Interview.held_on.desc(), Interview.id.desc())
        )
    )


def _personas_by_id(programme: Programme, ids) -> list[Persona]:
    wanted = set(ids or ())
    if not wanted:
        return []
    found = list(
        db.session.scalars(
            select(Persona).where(Persona.programme_id == programme.id, Persona.id.in_(wanted))
        )
    )
    if len(found) != len(wanted):
        raise DomainError(_l("Choose personas of this programme."), "personas")
    return found


def _participant_in(programme: Programme, participant_id):
    if not participant_id:
        return None
    if participant_id not in {p.id for p in programme.participants}:
        raise DomainError(_l("Choose a participating municipality of this programme."),
                          "participant_id")
    return participant_id


def save_interview(programme: Programme, interview=None, version=None, persona_ids=(),
                   **fields) -> Interview:
    if interview is None:
        interview = Interview(programme_id=programme.id, organisation_id=programme.organisation_id)
        db.session.add(interview)
    else:
        check_version(interview, version)
    fields["participant_id"] = _participant_in(programme, fields.get("participant_id"))
    for key, value in fields.items():
        setattr(interview, key, value)
    interview.personas = _personas_by_id(programme, persona_ids)
    return interview


# ----------------------------------------------------------------------------- adoption
def list_measures(programme: Programme) -> list[AdoptionMeasure]:
    return list(
        db.session.scalars(
            select(AdoptionMeasure)
            .where(AdoptionMeasure.programme_id == programme.id)
            .options(selectinload(AdoptionMeasure.personas))
            .order_by(AdoptionMeasure.title)
        )
    )


def save_measure(programme: Programme, measure=None, version=None, persona_ids=(),
                 **fields) -> AdoptionMeasure:
    if measure is None:
        measure = AdoptionMeasure(
            programme_id=programme.id, organisation_id=programme.organisation_id
        )
        db.session.add(measure)
    else:
        check_version(measure, version)
    for key, value in fields.items():
        setattr(measure, key, value)
    measure.personas = _personas_by_id(programme, persona_ids)
    return measure


@dataclass(frozen=True)
class Coverage:
    personas: list[Persona]
    measures: list[AdoptionMeasure]
    reached: set[tuple[int, int]]  # (persona id, measure id)

    def reaches(self, persona: Persona, measure: AdoptionMeasure) -> bool:
        return (persona.id, measure.id) in self.reached

    @property
    def unreached(self) -> list[Persona]:
        reached_personas = {persona_id for persona_id, _ in self.reached}
        return [p for p in self.personas if p.id not in reached_personas]


def coverage(programme: Programme) -> Coverage:
    personas = list_personas(programme)
    measures = list_measures(programme)
    reached = {(p.id, m.id) for m in measures for p in m.personas}
    return Coverage(personas, measures, reached)


def interview_counts(programme: Programme) -> dict[int, int]:
    from workplace_planner.steps.strategy.employee.models import interview_personas

    rows = db.session.execute(
        select(interview_personas.c.persona_id, func.count())
        .join(Interview, Interview.id == interview_personas.c.interview_id)
        .where(Interview.programme_id == programme.id)
        .group_by(interview_personas.c.persona_id)
    )
    return dict(rows.all())
