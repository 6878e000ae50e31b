"""Operations of the technology perspective. Verb-named; they never commit (the view does)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from workplace_planner import audit
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.strategy.technology import quarters
from workplace_planner.steps.strategy.technology.choices import (
    CORE_TOPICS,
    Domain,
    Hosting,
    ItemStatus,
    Target,
)
from workplace_planner.steps.strategy.technology.models import (
    Ambition,
    FollowUp,
    GovernanceDecision,
    Milestone,
    Principle,
    RoadmapItem,
    System,
    Workshop,
    roadmap_dependencies,
)


def _in_programme(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


def _participants(programme, ids):
    wanted = set(ids or ())
    return [p for p in programme.participants if p.id in wanted]


def _clean(value) -> str:
    return (value or "").strip()


def _set(obj, **fields) -> None:
    for name, value in fields.items():
        # Plain text is trimmed; enums (which are str subclasses) are kept as they are.
        setattr(obj, name, value.strip() if type(value) is str else value)


# ----------------------------------------------------------------------------- workshops
def list_workshops(programme) -> list[Workshop]:
    return list(
        db.session.scalars(
            _in_programme(Workshop, programme).order_by(Workshop.held_on, Workshop.id)
        )
    )


def create_workshop(programme, participant_ids=(), **fields) -> Workshop:
    workshop = Workshop(
        programme_id=programme.id, organisation_id=programme.organisation_id
    )
    _set(workshop, **fields)
    workshop.participants = _participants(programme, participant_ids)
    db.session.add(workshop)
    return workshop


def update_workshop(workshop, version, programme, participant_ids=(), **fields) -> None:
    check_version(workshop, version)
    _set(workshop, **fields)
    workshop.participants = _participants(programme, participant_ids)


def delete_workshop(workshop) -> None:
    db.session.delete(workshop)


def workshop_products(workshop) -> dict:
    """What the workshop produced, for its page: systems, roadmap items, decisions, ambition."""
    def of(model):
        return list(db.session.scalars(select(model).where(model.workshop_id == workshop.id)))

    return {
        "systems": of(System),
        "roadmap_items": of(RoadmapItem),
        "decisions": of(GovernanceDecision),
        "ambitions": of(Ambition),
    }


def workshop_choices(programme, none_label) -> list[tuple[int, str]]:
    return [(0, none_label)] + [
        (w.id, f"{w.held_on.isoformat()} · {w.title}") for w in list_workshops(programme)
    ]


def find_workshop(programme, workshop_id) -> Workshop | None:
    if not workshop_id:
        return None
    return db.session.scalar(_in_programme(Workshop, programme).where(Workshop.id == workshop_id))


# ----------------------------------------------------------------------------- systems
def list_systems(programme) -> list[System]:
    return list(
        db.session.scalars(
            _in_programme(System, programme).order_by(System.domain, System.name)
        )
    )


def _check_target(target, replacement_hosting) -> None:
    if target is Target.REPLACE and replacement_hosting is None:
        raise DomainError(
            _l("Say where the replacement will run."), field="replacement_hosting"
        )


def _unique_name(programme, name: str, system=None) -> None:
    query = _in_programme(System, programme).where(func.lower(System.name) == name.lower())
    found = db.session.scalar(query)
    if found is not None and found is not system:
        raise DomainError(_l("The inventory already has a system with this name."), field="name")


def create_system(programme, participant_ids=(), **fields) -> System:
    _unique_name(programme, _clean(fields.get("name")))
    _check_target(fields.get("target"), fields.get("replacement_hosting"))
    system = System(programme_id=programme.id, organisation_id=programme.organisation_id)
    _set(system, **fields)
    if system.target is not Target.REPLACE:
        system.replacement_hosting = None
    system.participants = _participants(programme, participant_ids)
    db.session.add(system)
    return system


def update_system(system, version, programme, participant_ids=(), **fields) -> None:
    check_version(system, version)
    with db.session.no_autoflush:
        _unique_name(programme, _clean(fields.get("name")), system)
        _check_target(fields.get("target"), fields.get("replacement_hosting"))
        _set(system, **fields)
        if system.target is not Target.REPLACE:
            system.replacement_hosting = None
        system.participants = _participants(programme, participant_ids)


def delete_system(system) -> None:
    db.session.delete(system)


def import_systems(programme, records: list[dict]) -> tuple[int, int]:
    """Add the systems of an import; a system whose name exists is updated. (added, updated)"""
    existing = {s.name.lower(): s for s in list_systems(programme)}
    by_name = {p.name.lower(): p for p in programme.participants}
    added = updated = 0
    for record in records:
        fields = dict(record)
        names = fields.pop("municipalities", None)
        participants = None
        if names is not None:
            participants = [by_name[n.lower()] for n in names]
        system = existing.get(fields["name"].lower())
        if system is None:
            system = System(programme_id=programme.id, organisation_id=programme.organisation_id)
            db.session.add(system)
            existing[fields["name"].lower()] = system
            added += 1
        else:
            updated += 1
        _set(system, **{k: v for k, v in fields.items() if v is not None or k in OPTIONAL})
        if system.target is not Target.REPLACE:
            system.replacement_hosting = None
        if participants is not None:
            system.participants = participants
    return added, updated


# Columns an import may empty on purpose.
OPTIONAL = frozenset({"end_of_support", "target", "replacement_hosting"})


def check_import_targets(records: list[dict]) -> list[tuple[int, str, str]]:
    """Row errors the column parsers cannot see: a replacement needs a hosting."""
    return [
        (index, "replacement_hosting", str(_l("Say where the replacement will run.")))
        for index, record in enumerate(records)
        if record.get("target") is Target.REPLACE and not record.get("replacement_hosting")
    ]


# ----------------------------------------------------------------------------- ambition
def get_ambition(programme) -> Ambition | None:
    return db.session.scalar(_in_programme(Ambition, programme))


def save_ambition(programme, version, statement: str, workshop) -> Ambition:
    ambition = get_ambition(programme)
    if ambition is None:
        ambition = Ambition(programme_id=programme.id, organisation_id=programme.organisation_id)
        db.session.add(ambition)
    else:
        check_version(ambition, version)
    ambition.statement = _clean(statement)
    ambition.workshop = workshop
    return ambition


def list_principles(programme) -> list[Principle]:
    return list(
        db.session.scalars(
            _in_programme(Principle, programme).order_by(Principle.position, Principle.id)
        )
    )


def create_principle(programme, title: str, explanation: str) -> Principle:
    last = db.session.scalar(
        select(func.max(Principle.position)).where(Principle.programme_id == programme.id)
    )
    principle = Principle(
        programme_id=programme.id, organisation_id=programme.organisation_id,
        title=_clean(title), explanation=_clean(explanation), position=(last or 0) + 1,
    )
    db.session.add(principle)
    return principle


def update_principle(principle, version, title: str, explanation: str) -> None:
    check_version(principle, version)
    principle.title = _clean(title)
    principle.explanation = _clean(explanation)


def delete_principle(principle) -> None:
    db.session.delete(principle)


@dataclass(frozen=True)
class DomainMovement:
    domain: Domain
    now: dict  # Hosting -> count
    target: dict  # Hosting | "retired" | "open" -> count
    total: int
    changing: int  # systems whose target differs from keeping them where they are


def domain_movement(systems: list[System]) -> list[DomainMovement]:
    """Per domain: how many systems run where now, and where once the ambition is reached."""
    rows = []
    for domain in Domain:
        members = [s for s in systems if s.domain is domain]
        if not members:
            continue
        target = Counter()
        for s in members:
            if s.target is None:
                target["open"] += 1
            elif s.target is Target.RETIRE:
                target["retired"] += 1
            else:
                target[s.target_hosting] += 1
        rows.append(
            DomainMovement(
                domain=domain,
                now=Counter(s.hosting for s in members),
                target=target,
                total=len(members),
                changing=sum(1 for s in members if s.target not in (None, Target.KEEP)),
            )
        )
    return rows


# ----------------------------------------------------------------------------- roadmap
@dataclass(frozen=True)
class Filters:
    status: str = ""
    perspective: str = ""
    participant_id: int = 0
    system_id: int = 0
    owner: str = ""
    text: str = ""

    @property
    def active(self) -> bool:
        return any((self.status, self.perspective, self.participant_id, self.system_id,
                    self.owner, self.text))


def items_planned_between(programme, first_quarter: int, last_quarter: int
                          ) -> list[RoadmapItem]:
    """The items planned to run (partly) in these quarters, in roadmap order, with only their
    municipalities loaded: the one-A4 summary asks for this year's items on every view."""
    end = func.coalesce(RoadmapItem.end_quarter, RoadmapItem.start_quarter)
    return list(db.session.scalars(
        _in_programme(RoadmapItem, programme)
        .where(RoadmapItem.start_quarter <= last_quarter, end >= first_quarter)
        .order_by(RoadmapItem.start_quarter, RoadmapItem.title)
        .options(selectinload(RoadmapItem.participants))
    ))


def list_items(programme, filters: Filters | None = None) -> list[RoadmapItem]:
    query = _in_programme(RoadmapItem, programme)
    f = filters or Filters()
    if f.status:
        query = query.where(RoadmapItem.status == f.status)
    if f.perspective:
        query = query.where(RoadmapItem.perspective == f.perspective)
    if f.participant_id:
        query = query.where(RoadmapItem.participants.any(id=f.participant_id))
    if f.system_id:
        query = query.where(RoadmapItem.systems.any(id=f.system_id))
    if f.owner:
        query = query.where(func.lower(RoadmapItem.owner).contains(f.owner.lower()))
    if f.text:
        needle = f.text.lower()
        query = query.where(
            func.lower(RoadmapItem.title).contains(needle)
            | func.lower(RoadmapItem.description).contains(needle)
        )
    query = query.order_by(
        RoadmapItem.start_quarter.is_(None), RoadmapItem.start_quarter, RoadmapItem.title
    ).options(  # the lists show these for every item: load them in one query each, not per item
        selectinload(RoadmapItem.systems),
        selectinload(RoadmapItem.participants),
        selectinload(RoadmapItem.personas),
        selectinload(RoadmapItem.dependencies),
        selectinload(RoadmapItem.milestones),
    )
    return list(db.session.scalars(query))


def dependency_edges(programme) -> dict[int, set[int]]:
    """item id -> the ids it depends on, for the whole programme in one query."""
    rows = db.session.execute(
        select(roadmap_dependencies.c.item_id, roadmap_dependencies.c.depends_on_id)
        .join(RoadmapItem, RoadmapItem.id == roadmap_dependencies.c.item_id)
        .where(RoadmapItem.programme_id == programme.id)
    )
    edges: dict[int, set[int]] = defaultdict(set)
    for item_id, depends_on_id in rows:
        edges[item_id].add(depends_on_id)
    return edges


def find_cycle(edges: dict[int, set[int]], item_id: int, new_dependencies) -> list[int] | None:
    """The ids along a cycle that ``item_id`` depending on ``new_dependencies`` would close,
    starting and ending with ``item_id``; None when there is none."""
    graph = {k: set(v) for k, v in edges.items()}
    graph[item_id] = set(new_dependencies)
    # Depth-first from the item, following "depends on"; a path back to it is the cycle.
    stack = [(item_id, [item_id])]
    seen = set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(graph.get(node, ()), reverse=True):
            if nxt == item_id:
                return [*path, item_id]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def _check_dependencies(programme, item, dependencies: list[RoadmapItem]) -> None:
    if any(d is item or (item.id is not None and d.id == item.id) for d in dependencies):
        raise DomainError(_l("An item cannot depend on itself."), field="dependencies")
    if item.id is None:  # a new item: nothing depends on it yet, so no cycle is possible
        return
    cycle = find_cycle(dependency_edges(programme), item.id, [d.id for d in dependencies])
    if cycle:
        titles = {i.id: i.title for i in list_items(programme)}
        titles[item.id] = item.title
        raise DomainError(
            _l("This would make a cycle: %(cycle)s. Remove one of these dependencies.",
               cycle=" → ".join(titles[i] for i in cycle)),
            field="dependencies",
        )


def _items_by_id(programme, ids) -> list[RoadmapItem]:
    wanted = set(ids or ())
    if not wanted:
        return []
    return list(
        db.session.scalars(_in_programme(RoadmapItem, programme).where(RoadmapItem.id.in_(wanted)))
    )


def _systems_by_id(programme, ids) -> list[System]:
    wanted = set(ids or ())
    if not wanted:
        return []
    return list(db.session.scalars(_in_programme(System, programme).where(System.id.in_(wanted))))


def _check_quarters(start, end) -> None:
    if start is not None and end is not None and end < start:
        raise DomainError(_l("The end quarter is before the start quarter."), field="end_quarter")


def _apply_item(programme, item, links: dict, fields: dict) -> None:
    _check_quarters(fields.get("start_quarter"), fields.get("end_quarter"))
    dependencies = _items_by_id(programme, links.get("dependency_ids"))
    _check_dependencies(programme, item, dependencies)
    _set(item, **fields)
    item.dependencies = dependencies
    item.systems = _systems_by_id(programme, links.get("system_ids"))
    item.participants = _participants(programme, links.get("participant_ids"))
    if "persona_ids" in links:
        item.personas = personas_by_id(programme, links["persona_ids"])


def personas_by_id(programme, ids) -> list:
    wanted = set(ids or ())
    if not wanted:
        return []
    from workplace_planner.steps.strategy.employee.models import Persona

    return list(db.session.scalars(_in_programme(Persona, programme).where(Persona.id.in_(wanted))))


def list_personas(programme) -> list:
    from workplace_planner.steps.strategy.employee.models import Persona

    return list(db.session.scalars(_in_programme(Persona, programme).order_by(Persona.name)))


def create_item(programme, links: dict, **fields) -> RoadmapItem:
    item = RoadmapItem(programme_id=programme.id, organisation_id=programme.organisation_id)
    with db.session.no_autoflush:
        _apply_item(programme, item, links, fields)
    db.session.add(item)
    audit.record_created(item)
    return item


def update_item(item, version, programme, links: dict, **fields) -> None:
    """Change an item, its links and dependencies; the change goes into its history."""
    check_version(item, version)
    with db.session.no_autoflush:
        _apply_item(programme, item, links, fields)
        audit.record_changes(item)


def delete_item(item) -> None:
    audit.record_deleted(item)
    db.session.delete(item)


@dataclass(frozen=True)
class Conflict:
    item: RoadmapItem
    dependency: RoadmapItem

    @property
    def earliest_start(self) -> int:
        return self.dependency.end_quarter + 1


def schedule_conflicts(items: list[RoadmapItem]) -> list[Conflict]:
    """Items planned to start before (or in the quarter that) what they depend on ends.
    Reported, never corrected: moving an item is the planner's call."""
    conflicts = []
    for item in items:
        if item.start_quarter is None or item.status is ItemStatus.DROPPED:
            continue
        for dependency in item.dependencies:
            if dependency.status is ItemStatus.DROPPED or dependency.end_quarter is None:
                continue
            if item.start_quarter <= dependency.end_quarter:
                conflicts.append(Conflict(item, dependency))
    return conflicts


def add_milestone(item, title: str, quarter: int | None) -> Milestone:
    milestone = Milestone(
        organisation_id=item.organisation_id, title=_clean(title), quarter=quarter
    )
    item.milestones.append(milestone)
    return milestone


def set_milestone_reached(milestone, reached: bool) -> None:
    milestone.reached = reached


def delete_milestone(milestone) -> None:
    milestone.item.milestones.remove(milestone)


# Now / Next / Later: "next" is the coming half year.
NEXT_QUARTERS = 2


def reference_quarter(programme, today: date | None = None) -> int:
    """The quarter the board looks from: today, or the programme's first quarter if later."""
    return max(quarters.of_date(today or date.today()), quarters.quarter_index(
        programme.start_year, 1))


def board(items: list[RoadmapItem], as_of: int) -> dict[str, list[RoadmapItem]]:
    columns = {"now": [], "next": [], "later": [], "finished": []}
    for item in items:
        if item.status in (ItemStatus.DONE, ItemStatus.DROPPED):
            columns["finished"].append(item)
        elif item.status is ItemStatus.IN_PROGRESS or (
            item.start_quarter is not None and item.start_quarter <= as_of
        ):
            columns["now"].append(item)
        elif item.start_quarter is not None and item.start_quarter <= as_of + NEXT_QUARTERS:
            columns["next"].append(item)
        else:
            columns["later"].append(item)
    return columns


def item_history(item) -> list[audit.AuditEntry]:
    return audit.history_for(item)


# ----------------------------------------------------------------------------- governance
def list_decisions(programme) -> list[GovernanceDecision]:
    decisions = db.session.scalars(_in_programme(GovernanceDecision, programme))
    order = {topic: n for n, topic in enumerate(CORE_TOPICS)}
    return sorted(decisions, key=lambda d: (order.get(d.topic, 99), d.id))


def create_decision(programme, **fields) -> GovernanceDecision:
    decision = GovernanceDecision(
        programme_id=programme.id, organisation_id=programme.organisation_id
    )
    _set(decision, **fields)
    db.session.add(decision)
    return decision


def update_decision(decision, version, **fields) -> None:
    check_version(decision, version)
    _set(decision, **fields)


def delete_decision(decision) -> None:
    db.session.delete(decision)


def adopt_proposal(programme, decision, proposal) -> FollowUp:
    """Turn a proposed consequence into a follow-up of the decision (once)."""
    if any(f.rule_key == proposal.key for f in decision.follow_ups):
        raise DomainError(_l("This proposal is already a follow-up."))
    follow_up = FollowUp(
        programme_id=programme.id,
        organisation_id=programme.organisation_id,
        title=str(proposal.title),
        description=str(proposal.description),
        rule_key=proposal.key,
        cost_category=proposal.cost_category,
        fte=proposal.fte,
        yearly_amount=proposal.yearly_amount,
        one_off_amount=proposal.one_off_amount,
        assumption=str(proposal.assumption),
    )
    decision.follow_ups.append(follow_up)
    return follow_up


def add_follow_up(programme, decision, **fields) -> FollowUp:
    follow_up = FollowUp(programme_id=programme.id, organisation_id=programme.organisation_id)
    _set(follow_up, **fields)
    decision.follow_ups.append(follow_up)
    return follow_up


def update_follow_up(follow_up, version, **fields) -> None:
    check_version(follow_up, version)
    _set(follow_up, **fields)


def delete_follow_up(follow_up) -> None:
    follow_up.decision.follow_ups.remove(follow_up)


def cost_lines(programme) -> list[FollowUp]:
    """Follow-ups with a cost line that is not dismissed: what the business case can take over."""
    from workplace_planner.steps.strategy.technology.choices import FollowUpStatus

    follow_ups = db.session.scalars(
        _in_programme(FollowUp, programme)
        .where(FollowUp.status != FollowUpStatus.DISMISSED, FollowUp.cost_category.is_not(None))
        .order_by(FollowUp.decision_id, FollowUp.id)
    )
    return [f for f in follow_ups if f.has_cost_line]


# ----------------------------------------------------------------------------- completion
def completion(programme) -> dict:
    """The figures behind the dashboard checks, in a constant number of queries."""
    systems, with_target = db.session.execute(
        select(func.count(System.id), func.count(System.target)).where(
            System.programme_id == programme.id
        )
    ).one()
    items, unready = db.session.execute(
        select(
            func.count(RoadmapItem.id),
            func.count(RoadmapItem.id).filter(
                RoadmapItem.start_quarter.is_(None)
                | RoadmapItem.end_quarter.is_(None)
                | (func.trim(RoadmapItem.owner) == "")
            ),
        ).where(
            RoadmapItem.programme_id == programme.id,
            RoadmapItem.status != ItemStatus.DROPPED,
        )
    ).one()
    decided_topics = set(
        db.session.scalars(
            select(GovernanceDecision.topic).where(
                GovernanceDecision.programme_id == programme.id,
                GovernanceDecision.decided_on.is_not(None),
                func.trim(GovernanceDecision.choice) != "",
            )
        )
    )
    workshops = db.session.scalar(
        select(func.count(Workshop.id)).where(Workshop.programme_id == programme.id)
    )
    return {
        "systems": systems,
        "systems_with_target": with_target,
        "items": items,
        "items_unready": unready,
        "topics_decided": [t for t in CORE_TOPICS if t in decided_topics],
        "topics_open": [t for t in CORE_TOPICS if t not in decided_topics],
        "workshops": workshops,
    }


def hosting_counts(systems) -> dict[Hosting, int]:
    return Counter(s.hosting for s in systems)
