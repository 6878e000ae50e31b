"""Operations of step 5, Adopt. Verb-named; they never commit (the view does)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.adopt import rules
from workplace_planner.steps.adopt.models import AdoptionMeasurement, AdoptionTarget
from workplace_planner.steps.strategy.employee.models import Persona


def _in_programme(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


def list_personas(programme, *options) -> list[Persona]:
    return list(db.session.scalars(
        _in_programme(Persona, programme).order_by(Persona.name).options(*options)))


def find_persona(programme, persona_id) -> Persona | None:
    if not persona_id:
        return None
    return db.session.scalar(_in_programme(Persona, programme).where(Persona.id == persona_id))


def _participant(programme, participant_id):
    if not participant_id:
        return None
    found = next((p for p in programme.participants if p.id == participant_id), None)
    if found is None:
        raise DomainError(_l("Choose a municipality of this programme."), field="participant_id")
    return found


# ----------------------------------------------------------------------------- measurements
def list_measurements(programme) -> list[AdoptionMeasurement]:
    return list(db.session.scalars(
        _in_programme(AdoptionMeasurement, programme)
        .order_by(AdoptionMeasurement.measured_on.desc(), AdoptionMeasurement.id.desc())
        .options(joinedload(AdoptionMeasurement.persona),
                 joinedload(AdoptionMeasurement.participant))
    ))


def _apply_measurement(programme, measurement, persona_id, participant_id, **values) -> None:
    persona = find_persona(programme, persona_id)
    if persona is None:
        raise DomainError(_l("Choose a persona of this programme."), field="persona_id")
    measurement.persona = persona
    measurement.participant = _participant(programme, participant_id)
    for name, value in values.items():
        setattr(measurement, name, value.strip() if isinstance(value, str) else value)


def create_measurement(programme, persona_id, participant_id, **values) -> AdoptionMeasurement:
    measurement = AdoptionMeasurement(
        programme_id=programme.id, organisation_id=programme.organisation_id
    )
    with db.session.no_autoflush:
        _apply_measurement(programme, measurement, persona_id, participant_id, **values)
    db.session.add(measurement)
    return measurement


def update_measurement(measurement, version, programme, persona_id, participant_id,
                       **values) -> None:
    check_version(measurement, version)
    with db.session.no_autoflush:
        _apply_measurement(programme, measurement, persona_id, participant_id, **values)


def import_measurements(programme, records: list[dict]) -> tuple[int, int]:
    """Add the measurements of an import; one with the same persona, municipality and date is
    updated. (added, updated)"""
    personas = {p.name.lower(): p for p in list_personas(programme)}
    participants = {p.name.lower(): p for p in programme.participants}
    existing = {(m.persona_id, m.participant_id, m.measured_on): m
                for m in list_measurements(programme)}
    added = updated = 0
    for record in records:
        persona = personas[record["persona"].lower()]
        participant = participants.get((record.get("municipality") or "").lower())
        key = (persona.id, participant.id if participant else None, record["measured_on"])
        measurement = existing.get(key)
        if measurement is None:
            measurement = AdoptionMeasurement(programme_id=programme.id,
                                              organisation_id=programme.organisation_id,
                                              persona=persona, participant=participant,
                                              measured_on=record["measured_on"])
            db.session.add(measurement)
            existing[key] = measurement
            added += 1
        else:
            updated += 1
        measurement.usage_pct = record["usage_pct"]
        measurement.satisfaction = record.get("satisfaction")
        measurement.tickets_per_100 = record.get("tickets_per_100")
        measurement.note = record.get("note") or ""
    return added, updated


def delete_record(record) -> None:
    db.session.delete(record)


# ----------------------------------------------------------------------------- targets
def list_targets(programme) -> list[AdoptionTarget]:
    targets = db.session.scalars(
        _in_programme(AdoptionTarget, programme).options(joinedload(AdoptionTarget.persona)))
    return sorted(targets, key=lambda t: (t.persona is not None, t.persona.name if t.persona
                                          else ""))


def _apply_target(programme, target, persona_id, **values) -> None:
    persona = find_persona(programme, persona_id)
    if persona_id and persona is None:
        raise DomainError(_l("Choose a persona of this programme."), field="persona_id")
    if values["target_date"] <= values["starts_on"]:
        raise DomainError(_l("The target date comes after the go-live date."),
                          field="target_date")
    for other in list_targets(programme):
        if other is not target and other.persona_id == (persona.id if persona else None):
            raise DomainError(
                _l("This persona already has a target; change that one.") if persona
                else _l("The programme already has a target for every persona; change that "
                        "one."),
                field="persona_id",
            )
    target.persona = persona
    for name, value in values.items():
        setattr(target, name, value.strip() if isinstance(value, str) else value)


def create_target(programme, persona_id, **values) -> AdoptionTarget:
    target = AdoptionTarget(programme_id=programme.id, organisation_id=programme.organisation_id)
    with db.session.no_autoflush:
        _apply_target(programme, target, persona_id, **values)
    db.session.add(target)
    return target


def update_target(target, version, programme, persona_id, **values) -> None:
    check_version(target, version)
    with db.session.no_autoflush:
        _apply_target(programme, target, persona_id, **values)


def line_of(target: AdoptionTarget) -> rules.TargetLine:
    return rules.TargetLine(target.starts_on, target.target_date, target.usage_pct,
                            target.satisfaction, target.tickets_per_100)


def reading_of(measurement: AdoptionMeasurement) -> rules.Reading:
    return rules.Reading(measurement.measured_on, measurement.usage_pct,
                         measurement.satisfaction, measurement.tickets_per_100)


# ----------------------------------------------------------------------------- overview
@dataclass
class Series:
    """The measurements of one persona in one municipality (or the whole organisation)."""

    participant: object  # Participant or None
    measurements: list  # oldest first
    behind: list[str] = field(default_factory=list)  # of the latest measurement

    @property
    def latest(self):
        return self.measurements[-1] if self.measurements else None

    @property
    def label(self):
        return self.participant.name if self.participant else _l("Whole organisation")


@dataclass
class PersonaAdoption:
    persona: Persona
    target: AdoptionTarget | None
    series: list[Series]

    @property
    def is_behind(self) -> bool:
        return any(s.behind for s in self.series)

    @property
    def behind_on(self) -> list[str]:
        found = {reason for s in self.series for reason in s.behind}
        return [r for r in (rules.USAGE, rules.SATISFACTION, rules.TICKETS) if r in found]

    @property
    def measurements(self) -> list:
        return sorted((m for s in self.series for m in s.measurements),
                      key=lambda m: (m.measured_on, m.id))

    @property
    def target_is_own(self) -> bool:
        return self.target is not None and self.target.persona_id == self.persona.id


def persona_adoption(programme, persona: Persona, targets=None, measurements=None):
    targets = list_targets(programme) if targets is None else targets
    measurements = list_measurements(programme) if measurements is None else measurements
    own = next((t for t in targets if t.persona_id == persona.id), None)
    general = next((t for t in targets if t.persona_id is None), None)
    target = own or general
    grouped = defaultdict(list)
    for m in measurements:
        if m.persona_id == persona.id:
            grouped[m.participant_id].append(m)
    series = []
    for found in grouped.values():
        found.sort(key=lambda m: (m.measured_on, m.id))
        one = Series(found[0].participant, found)
        if target is not None:
            one.behind = rules.behind_on(reading_of(one.latest), line_of(target))
        series.append(one)
    series.sort(key=lambda s: (s.participant is not None, s.participant.name
                               if s.participant else ""))
    return PersonaAdoption(persona, target, series)


def overview(programme, with_measures: bool = False) -> list[PersonaAdoption]:
    """Adoption of every persona; ``with_measures`` loads the personas' adoption measures of
    step 1 too (the summary table shows them)."""
    targets, measurements = list_targets(programme), list_measurements(programme)
    options = [selectinload(Persona.measures)] if with_measures else []
    return [persona_adoption(programme, p, targets, measurements)
            for p in list_personas(programme, *options)]


def _average(values) -> Decimal | None:
    values = [v for v in values if v is not None]
    if not values:
        return None
    return (sum(values) / len(values)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class SatisfactionChange:
    persona: Persona
    first_on: object
    first: Decimal
    latest_on: object
    latest: Decimal

    @property
    def change(self) -> Decimal:
        return self.latest - self.first


def satisfaction_vs_baseline(programme) -> list[SatisfactionChange]:
    """Per persona: the average satisfaction of its first measurement date (the baseline)
    against that of its latest date; personas with satisfaction measured on one date only are
    left out of the comparison (their baseline is all there is)."""
    by_persona = defaultdict(lambda: defaultdict(list))
    for m in list_measurements(programme):
        if m.satisfaction is not None:
            by_persona[m.persona_id][m.measured_on].append(m.satisfaction)
    changes = []
    for persona in list_personas(programme):
        dates = sorted(by_persona.get(persona.id, {}))
        if len(dates) < 2:
            continue
        first, last = dates[0], dates[-1]
        changes.append(SatisfactionChange(
            persona, first, _average(by_persona[persona.id][first]), last,
            _average(by_persona[persona.id][last]),
        ))
    return changes


def chart_inputs(adoption: PersonaAdoption, labels: dict) -> dict:
    """Plain data for the persona's chart: usage per municipality and the target line."""
    target = adoption.target
    return {
        "title": adoption.persona.name,
        "series": [
            {"label": str(s.label),
             "points": [[m.measured_on.isoformat(), float(m.usage_pct)] for m in s.measurements]}
            for s in adoption.series
        ],
        "target": None if target is None else [
            [target.starts_on.isoformat(), 0.0],
            [target.target_date.isoformat(), float(target.usage_pct)],
        ],
        "labels": {key: str(value) for key, value in labels.items()},
    }
