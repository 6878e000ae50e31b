"""Operations of step 3, Prepare & pilot. Verb-named; they never commit (the view does)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workplace_planner import audit
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.prepare.models import Champion, PilotCriterion, PilotGroup
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.risks import services as risks
from workplace_planner.steps.strategy.technology.models import RoadmapItem


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


def list_personas(programme) -> list[Persona]:
    return list(db.session.scalars(_of(Persona, programme).order_by(Persona.name)))


def list_roadmap_items(programme) -> list[RoadmapItem]:
    return list(db.session.scalars(
        _of(RoadmapItem, programme).order_by(RoadmapItem.start_quarter, RoadmapItem.title)))


def list_pilots(programme, *relations) -> list[PilotGroup]:
    """The pilot groups in order; ``relations`` (e.g. ``PilotGroup.champions``) are loaded
    with them."""
    return list(db.session.scalars(
        _of(PilotGroup, programme).order_by(PilotGroup.starts_on, PilotGroup.name)
        .options(*(selectinload(relation) for relation in relations))))


def piloted_risks(programme, pilots) -> list:
    """The risks of the roadmap items the pilots try out, with their open measures: those
    must be in place before go-live."""
    return risks.risks_of_items(programme, {i.id for p in pilots for i in p.roadmap_items})


def list_champions(programme) -> list[Champion]:
    return list(db.session.scalars(
        _of(Champion, programme).order_by(Champion.name).options(
            selectinload(Champion.participant), selectinload(Champion.persona),
            selectinload(Champion.pilot_group))))


def _check_period(fields) -> None:
    starts, ends = fields.get("starts_on"), fields.get("ends_on")
    if starts and ends and ends < starts:
        raise DomainError(_l("The pilot cannot end before it starts."), "ends_on")


def _apply_pilot(pilot, programme, links, fields) -> None:
    _check_period(fields)
    _set(pilot, fields)
    pilot.personas = _pick(list_personas(programme), links.get("persona_ids"))
    pilot.participants = _pick(programme.participants, links.get("participant_ids"))
    pilot.roadmap_items = _pick(list_roadmap_items(programme), links.get("item_ids"))


def create_pilot(programme, links, **fields) -> PilotGroup:
    pilot = PilotGroup(programme_id=programme.id, organisation_id=programme.organisation_id)
    db.session.add(pilot)
    _apply_pilot(pilot, programme, links, fields)
    return pilot


def update_pilot(pilot, version, programme, links, **fields) -> None:
    check_version(pilot, version)
    _apply_pilot(pilot, programme, links, fields)


def delete_pilot(pilot) -> None:
    db.session.delete(pilot)


def decide_pilot(pilot, version, decision, on, note="") -> None:
    check_version(pilot, version)
    pilot.decide(decision, on, note)
    with db.session.no_autoflush:
        audit.record_changes(pilot)


def _champion_links(champion, programme, persona_id, participant_id, pilot_id) -> None:
    champion.persona = next((p for p in list_personas(programme) if p.id == persona_id), None)
    champion.participant = next(
        (p for p in programme.participants if p.id == participant_id), None)
    champion.pilot_group = next((p for p in list_pilots(programme) if p.id == pilot_id), None)


def create_champion(programme, persona_id=None, participant_id=None, pilot_id=None,
                    **fields) -> Champion:
    champion = Champion(programme_id=programme.id, organisation_id=programme.organisation_id)
    db.session.add(champion)
    _set(champion, fields)
    _champion_links(champion, programme, persona_id, participant_id, pilot_id)
    return champion


def update_champion(champion, version, programme, persona_id=None, participant_id=None,
                    pilot_id=None, **fields) -> None:
    check_version(champion, version)
    _set(champion, fields)
    _champion_links(champion, programme, persona_id, participant_id, pilot_id)


def delete_champion(champion) -> None:
    db.session.delete(champion)


def add_criterion(pilot, **fields) -> PilotCriterion:
    criterion = PilotCriterion(programme_id=pilot.programme_id,
                               organisation_id=pilot.organisation_id)
    _set(criterion, fields)
    pilot.criteria.append(criterion)
    return criterion


def update_criterion(target, version, **fields) -> None:
    check_version(target, version)
    _set(target, fields)


def delete_criterion(criterion) -> None:
    db.session.delete(criterion)


def champion_figures(programme) -> dict:
    pilots = list_pilots(programme, PilotGroup.champions)
    return {
        "pilots": len(pilots),
        "pilots_with_champions": sum(1 for p in pilots if p.champions),
    }


def item_figures(programme) -> dict:
    pilots = list_pilots(programme, PilotGroup.roadmap_items)
    return {"pilot_items": len({i.id for p in pilots for i in p.roadmap_items})}


def decision_figures(programme) -> dict:
    pilots = list_pilots(programme, PilotGroup.criteria)
    return {
        "pilots": len(pilots),
        "pilots_with_criteria": sum(1 for p in pilots if p.criteria),
        "pilots_decided": sum(1 for p in pilots if p.decision.value != "pending"),
        "pilots_go": sum(1 for p in pilots if p.decision.value == "go"),
    }


def completion(programme) -> dict:
    """All figures of the step; each dashboard check computes only its own part."""
    return {**champion_figures(programme), **item_figures(programme),
            **decision_figures(programme), "champions": len(list_champions(programme))}
