"""Operations on the vision, KPIs, activity lists, success factors and participants' visions.
Services change objects and never commit; the view commits once per request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.strategy.direction import cooperation, keywords, priority
from workplace_planner.steps.strategy.direction.models import (
    Kpi,
    KpiMeasurement,
    MunicipalActivity,
    ParticipantVision,
    Pillar,
    SuccessFactor,
    Vision,
)
from workplace_planner.steps.strategy.technology import services as technology
from workplace_planner.steps.strategy.technology.models import RoadmapItem


def _in_programme(model, programme):
    return select(model).where(model.programme_id == programme.id,
                               model.organisation_id == programme.organisation_id)


def _new(model, programme, **fields):
    obj = model(programme_id=programme.id, organisation_id=programme.organisation_id)
    _set(obj, **fields)
    db.session.add(obj)
    return obj


def _set(obj, **fields) -> None:
    for name, value in fields.items():
        setattr(obj, name, value.strip() if type(value) is str else value)


def _update(obj, version, **fields) -> None:
    check_version(obj, version)
    _set(obj, **fields)


# ----------------------------------------------------------------------------- vision
def get_vision(programme) -> Vision | None:
    return db.session.scalar(_in_programme(Vision, programme))


def weights_of(programme) -> priority.Weights:
    vision = get_vision(programme)
    return vision.weights if vision else priority.Weights()


def save_vision(programme, version, **fields) -> Vision:
    vision = get_vision(programme)
    if vision is None:
        return _new(Vision, programme, **fields)
    _update(vision, version, **fields)
    return vision


def save_weights(programme, version, customer: int, organisation: int, urgency: int) -> Vision:
    weights = priority.Weights(customer, organisation, urgency)
    if weights.problem():
        raise DomainError(
            _l("The three weights must add up to 100; now they add up to %(total)s.",
               total=sum(w or 0 for w in (customer, organisation, urgency))),
            field="weight_customer",
        )
    return save_vision(programme, version, weight_customer=customer,
                       weight_organisation=organisation, weight_urgency=urgency)


# ----------------------------------------------------------------------------- pillars
def list_pillars(programme) -> list[Pillar]:
    return list(db.session.scalars(
        _in_programme(Pillar, programme).order_by(Pillar.position, Pillar.id)))


def create_pillar(programme, **fields) -> Pillar:
    last = db.session.scalar(
        select(func.max(Pillar.position)).where(Pillar.programme_id == programme.id))
    return _new(Pillar, programme, position=(last or 0) + 1, **fields)


def update_pillar(pillar, version, **fields) -> None:
    _update(pillar, version, **fields)


def delete(obj) -> None:
    db.session.delete(obj)


def find_pillar(programme, pillar_id) -> Pillar | None:
    if not pillar_id:
        return None
    return db.session.scalar(_in_programme(Pillar, programme).where(Pillar.id == pillar_id))


# ----------------------------------------------------------------------------- KPIs
def list_kpis(programme) -> list[Kpi]:
    return list(db.session.scalars(_in_programme(Kpi, programme).order_by(Kpi.id)))


def create_kpi(programme, **fields) -> Kpi:
    return _new(Kpi, programme, **fields)


def update_kpi(kpi, version, **fields) -> None:
    _update(kpi, version, **fields)


def add_measurement(programme, kpi, measured_on: date, value: Decimal,
                    note: str = "") -> KpiMeasurement:
    if any(m.measured_on == measured_on for m in kpi.measurements):
        raise DomainError(_l("There is already a measurement on this date."),
                          field="measured_on")
    measurement = _new(KpiMeasurement, programme, measured_on=measured_on, value=value,
                       note=note)
    kpi.measurements.append(measurement)
    return measurement


@dataclass(frozen=True)
class KpiProgress:
    kpi: Kpi
    latest: Decimal | None
    share: Decimal | None  # how far from baseline to target, in percent (may exceed 100)


def kpi_progress(kpi: Kpi) -> KpiProgress:
    latest = kpi.latest.value if kpi.latest else None
    share = None
    if latest is not None and kpi.baseline is not None and kpi.target is not None \
            and kpi.target != kpi.baseline:
        share = ((latest - kpi.baseline) / (kpi.target - kpi.baseline) * 100).quantize(
            Decimal("1"))
    return KpiProgress(kpi, latest, share)


# ----------------------------------------------------------------------------- activities
def list_activities(programme, participant=None) -> list[MunicipalActivity]:
    query = _in_programme(MunicipalActivity, programme)
    if participant is not None:
        query = query.where(MunicipalActivity.participant_id == participant.id)
    return list(db.session.scalars(query.order_by(MunicipalActivity.id)))


def find_participant(programme, participant_id):
    return next((p for p in programme.participants if p.id == participant_id), None)


def find_item(programme, item_id) -> RoadmapItem | None:
    if not item_id:
        return None
    return db.session.scalar(
        select(RoadmapItem).where(RoadmapItem.id == item_id,
                                  RoadmapItem.programme_id == programme.id))


def find_activity(programme, activity_id) -> MunicipalActivity | None:
    if not activity_id:
        return None
    return db.session.scalar(_in_programme(MunicipalActivity, programme)
                             .where(MunicipalActivity.id == activity_id))


def _check_activity(programme, activity, fields: dict) -> None:
    start, end = fields.get("start_quarter"), fields.get("end_quarter")
    if end is not None and start is None:
        raise DomainError(_l("Choose a start quarter too, or no end quarter."),
                          field="start_quarter")
    if start is not None and end is not None and end < start:
        raise DomainError(_l("The end quarter is before the start quarter."),
                          field="end_quarter")
    linked = fields.get("linked_activity")
    if linked is not None and activity is not None and linked.id == activity.id:
        raise DomainError(_l("An activity cannot be linked to itself."),
                          field="linked_activity_id")


def create_activity(programme, participant, **fields) -> MunicipalActivity:
    _check_activity(programme, None, fields)
    return _new(MunicipalActivity, programme, participant=participant, **fields)


def update_activity(activity, version, programme, **fields) -> None:
    _check_activity(programme, activity, fields)
    _update(activity, version, **fields)


def make_roadmap_item(programme, activity: MunicipalActivity) -> RoadmapItem:
    """Turn the activity into a roadmap item (for its municipality) and link it."""
    if activity.roadmap_item is not None:
        raise DomainError(_l("This activity is already linked to a roadmap item."))
    start, end = activity_period(programme, activity, use_item=False) or (None, None)
    item = technology.create_item(
        programme, {"participant_ids": [activity.participant_id]},
        title=activity.title, description=activity.description,
        start_quarter=start, end_quarter=end, customer_value=activity.customer_value,
        organisation_value=activity.organisation_value, urgency=activity.urgency,
    )
    activity.roadmap_item = item
    return item


def programme_year(programme, today: date | None = None) -> int:
    return cooperation.current_year(programme.start_year, programme.end_year,
                                    (today or date.today()).year)


def activity_period(programme, activity, use_item: bool = True,
                    today: date | None = None) -> tuple[int, int] | None:
    """The quarters an activity runs: its own, else its roadmap item's, else Now/Next/Later."""
    if activity.start_quarter is not None:
        return activity.start_quarter, activity.end_quarter or activity.start_quarter
    item = activity.roadmap_item if use_item else None
    if item is not None and item.start_quarter is not None:
        return item.start_quarter, item.end_quarter or item.start_quarter
    if activity.horizon is not None:
        return cooperation.horizon_period(activity.horizon.value,
                                          programme_year(programme, today), programme.end_year)
    return None


@dataclass(frozen=True)
class Rated:
    activity: MunicipalActivity
    priority: Decimal | None
    period: tuple[int, int] | None


def rated(programme, activities, weights=None, today=None) -> list[Rated]:
    """Activities with their priority and period, highest priority first."""
    weights = weights or weights_of(programme)
    rows = [Rated(a, priority.priority(a.customer_value, a.organisation_value, a.urgency,
                                       weights), activity_period(programme, a, today=today))
            for a in activities]
    rows.sort(key=lambda r: priority.sort_key(r.priority, r.activity.title))
    return rows


def opportunities(programme, rows: list[Rated]) -> list[cooperation.Opportunity]:
    return cooperation.find_opportunities([
        cooperation.Planned(r.activity.id, r.activity.participant_id, r.activity.title,
                            r.period, r.activity.roadmap_item_id, r.activity.linked_activity_id)
        for r in rows
    ])


def matrix(rows: list[Rated], found: list[cooperation.Opportunity]) -> list[tuple[str, dict]]:
    """Rows of the joint roadmap: (activity, {participant id: [Rated]}), by activity name.
    The activities of one cooperation opportunity share a row (named after the opportunity);
    others are grouped by roadmap item, else by their normalised title."""
    in_opportunity = {i: o for o in found for i in o.activity_ids}
    cells: dict[str, tuple[str, dict]] = {}
    for row in rows:
        a = row.activity
        if a.id in in_opportunity:
            name = in_opportunity[a.id].title
        elif a.roadmap_item is not None:
            name = a.roadmap_item.title
        else:
            name = a.title
        key = cooperation.normalise_title(name)
        _name, by_participant = cells.setdefault(key, (name.strip(), {}))
        by_participant.setdefault(a.participant_id, []).append(row)
    return sorted(cells.values(), key=lambda kv: kv[0].casefold())


# ----------------------------------------------------------------------------- success factors
def list_factors(programme) -> list[SuccessFactor]:
    """Overall factors first, then per municipality by name."""
    found = db.session.scalars(_in_programme(SuccessFactor, programme).order_by(SuccessFactor.id))
    return sorted(found, key=lambda f: (f.participant is not None,
                                        f.participant.name if f.participant else ""))


def create_factor(programme, **fields) -> SuccessFactor:
    return _new(SuccessFactor, programme, **fields)


def update_factor(factor, version, **fields) -> None:
    _update(factor, version, **fields)


# ----------------------------------------------------------------------------- visions
def participant_visions(programme) -> dict[int, ParticipantVision]:
    return {v.participant_id: v for v in db.session.scalars(
        _in_programme(ParticipantVision, programme))}


def save_participant_vision(programme, participant, version, statement: str,
                            typed_keywords: str) -> ParticipantVision:
    found = participant_visions(programme).get(participant.id)
    fields = {"statement": statement, "keywords": typed_keywords}
    if found is None:
        return _new(ParticipantVision, programme, participant=participant, **fields)
    _update(found, version, **fields)
    return found


def compare_visions(programme) -> tuple[dict[str, list[str]], keywords.Comparison]:
    stored = participant_visions(programme)
    words = {}
    for p in programme.participants:
        vision = stored.get(p.id)
        if vision is not None:
            words[p.name] = keywords.keywords(vision.statement, vision.keywords)
    return words, keywords.compare(words)
