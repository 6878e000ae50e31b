"""Operations of the risk assessment. Verb-named; they never commit (the view does).

Levels come from the programme's matrix (``matrix.level_for``); nothing here stores a level.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workplace_planner import audit, paging
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import StaleVersion, check_version
from workplace_planner.steps.strategy.risks import checks, figures, matrix
from workplace_planner.steps.strategy.risks.choices import (
    LEVELS,
    MEASURE_STATUSES,
    Aspect,
    MeasureStatus,
    Treatment,
)
from workplace_planner.steps.strategy.risks.models import (
    Risk,
    RiskAcceptance,
    RiskMatrix,
    RiskMeasure,
)
from workplace_planner.steps.strategy.technology import quarters
from workplace_planner.steps.strategy.technology.choices import ItemStatus
from workplace_planner.steps.strategy.technology.models import (
    RoadmapItem,
    System,
    roadmap_item_systems,
)

DEFAULT_LIKELIHOOD_LABELS = (_l("Rare"), _l("Unlikely"), _l("Possible"), _l("Likely"),
                             _l("Almost certain"))
DEFAULT_IMPACT_LABELS = (_l("Negligible"), _l("Minor"), _l("Moderate"), _l("Major"),
                         _l("Catastrophic"))
SCORE_FIELDS = ("inherent_likelihood", "inherent_impact", "residual_likelihood",
                "residual_impact")

FINDING_MESSAGES = {
    checks.RESIDUAL_ABOVE_INHERENT: _l("The residual risk is higher than the inherent risk."),
    checks.LOWERED_WITHOUT_MEASURE: _l(
        "The residual risk is lower than the inherent risk, but there is no measure."),
    checks.ACCEPTANCE_MISSING: _l(
        "The treatment is to accept, but nobody has accepted the risk yet."),
    checks.ACCEPTANCE_INVALID: _l(
        "The acceptance is no longer valid: it has expired or needs renewal."),
    checks.MEASURE_OVERDUE: _l("A measure is past its due date and not done:"),
    checks.REVIEW_OVERDUE: _l("The review date has passed:"),
    checks.ITEM_WITHOUT_ASSESSMENT: _l("This change affects systems but has no risk yet:"),
}


def _in_programme(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


def _clean(value) -> str:
    return (value or "").strip()


# ----------------------------------------------------------------------------- matrix
def get_matrix(programme) -> RiskMatrix:
    """The programme's matrix; an unsaved default one when nobody has changed it yet."""
    found = db.session.scalar(_in_programme(RiskMatrix, programme))
    if found is not None:
        return found
    return RiskMatrix(
        programme_id=programme.id, organisation_id=programme.organisation_id,
        likelihood_labels=[], impact_labels=[], levels=[list(r) for r in matrix.DEFAULT_LEVELS],
    )


def saved_matrix(programme) -> RiskMatrix | None:
    return db.session.scalar(_in_programme(RiskMatrix, programme))


def levels_of(risk_matrix: RiskMatrix) -> list[list[str]]:
    levels = risk_matrix.levels
    return levels if matrix.is_valid(levels) else [list(r) for r in matrix.DEFAULT_LEVELS]


def _labels(stored, defaults) -> list[str]:
    stored = list(stored or [])
    return [stored[n] if n < len(stored) and stored[n] else str(defaults[n])
            for n in range(matrix.SIZE)]


def likelihood_labels(risk_matrix) -> list[str]:
    return _labels(risk_matrix.likelihood_labels, DEFAULT_LIKELIHOOD_LABELS)


def impact_labels(risk_matrix) -> list[str]:
    return _labels(risk_matrix.impact_labels, DEFAULT_IMPACT_LABELS)


def save_matrix(programme, version, likelihood: list[str], impact: list[str],
                levels: list[list[str]]) -> RiskMatrix:
    """Store the labels and the cell levels; every risk is re-levelled by it at once."""
    if not matrix.is_valid(levels):
        raise DomainError(_l("Every cell needs a level."))
    found = saved_matrix(programme)
    if found is None:
        found = RiskMatrix(programme_id=programme.id, organisation_id=programme.organisation_id)
        db.session.add(found)
    elif version is None:  # the form was opened before anyone saved a matrix; now someone has
        raise StaleVersion()
    else:
        check_version(found, version)
    found.likelihood_labels = [_clean(v) for v in likelihood]
    found.impact_labels = [_clean(v) for v in impact]
    found.levels = [list(row) for row in levels]
    return found


@dataclass(frozen=True)
class Levels:
    """The levels of one risk under a matrix."""

    inherent: str | None
    residual: str | None

    @property
    def current(self) -> str | None:
        """What the risk carries now: the residual level once assessed, else the inherent."""
        return self.residual or self.inherent


def levels_for(risk, levels) -> Levels:
    return Levels(
        matrix.level_for(levels, risk.inherent_likelihood, risk.inherent_impact),
        matrix.level_for(levels, risk.residual_likelihood, risk.residual_impact),
    )


# ----------------------------------------------------------------------------- risks
@dataclass(frozen=True)
class Filters:
    roadmap_item_id: int = 0
    level: str = ""
    owner: str = ""
    treatment: str = ""

    @property
    def active(self) -> bool:
        return any((self.roadmap_item_id, self.level, self.owner, self.treatment))


def list_risks(programme, filters: Filters | None = None, levels=None) -> list[Risk]:
    f = filters or Filters()
    # Everything the pages and checks read, loaded up front: a fixed number of queries.
    query = _in_programme(Risk, programme).options(
        selectinload(Risk.measures), selectinload(Risk.acceptances),
        selectinload(Risk.systems), selectinload(Risk.roadmap_item),
    )
    if f.roadmap_item_id:
        query = query.where(Risk.roadmap_item_id == f.roadmap_item_id)
    if f.treatment:
        query = query.where(Risk.treatment == f.treatment)
    if f.owner:
        query = query.where(Risk.owner.ilike(f"%{f.owner}%"))
    found = list(db.session.scalars(query.order_by(Risk.roadmap_item_id, Risk.id)))
    if f.level:
        levels = levels or levels_of(get_matrix(programme))
        found = [r for r in found if levels_for(r, levels).current == f.level]
    return found


def list_items(programme) -> list[RoadmapItem]:
    return list(db.session.scalars(
        select(RoadmapItem).where(RoadmapItem.programme_id == programme.id)
        .options(selectinload(RoadmapItem.systems))
        .order_by(RoadmapItem.start_quarter.is_(None), RoadmapItem.start_quarter,
                  RoadmapItem.title)
    ))


def list_systems(programme) -> list[System]:
    return list(db.session.scalars(
        select(System).where(System.programme_id == programme.id).order_by(System.name)
    ))


def find_item(programme, item_id) -> RoadmapItem | None:
    if not item_id:
        return None
    return db.session.scalar(
        select(RoadmapItem).where(RoadmapItem.id == item_id,
                                  RoadmapItem.programme_id == programme.id)
    )


def _systems(programme, ids) -> list[System]:
    wanted = set(ids or ())
    return [s for s in list_systems(programme) if s.id in wanted] if wanted else []


def _apply_risk(programme, risk, system_ids, aspects, fields) -> None:
    item = find_item(programme, fields.pop("roadmap_item_id", None))
    if item is None:
        raise DomainError(_l("Choose the roadmap item (change) this risk belongs to."),
                          field="roadmap_item_id")
    threat_key = fields.get("threat_key") or None
    if threat_key is None and not _clean(fields.get("threat_text")):
        raise DomainError(_l("Choose a threat from the list or describe it."),
                          field="threat_text")
    if (fields.get("residual_likelihood") is None) != (fields.get("residual_impact") is None):
        raise DomainError(_l("Give both the residual likelihood and impact, or neither."),
                          field="residual_impact")
    if not aspects:
        raise DomainError(_l("Choose at least one aspect: availability, integrity or "
                             "confidentiality."), field="aspects")
    risk.roadmap_item = item
    risk.roadmap_item_id = item.id
    for name, value in fields.items():
        setattr(risk, name, value.strip() if type(value) is str else value)
    risk.threat_key = threat_key
    for aspect in Aspect:
        setattr(risk, aspect.value, aspect in aspects)
    risk.systems = _systems(programme, system_ids)


def create_risk(programme, system_ids=(), aspects=(), **fields) -> Risk:
    risk = Risk(programme_id=programme.id, organisation_id=programme.organisation_id)
    with db.session.no_autoflush:
        _apply_risk(programme, risk, system_ids, aspects, fields)
    db.session.add(risk)
    audit.record_created(risk)
    return risk


def update_risk(risk, version, programme, system_ids=(), aspects=(), **fields) -> None:
    """Change a risk; a change to its scores after an acceptance marks that acceptance as
    needing renewal. Both go into the history."""
    check_version(risk, version)
    with db.session.no_autoflush:
        before = tuple(getattr(risk, name) for name in SCORE_FIELDS)
        _apply_risk(programme, risk, system_ids, aspects, fields)
        after = tuple(getattr(risk, name) for name in SCORE_FIELDS)
        audit.record_changes(risk)
        current = risk.current_acceptance
        if before != after and current is not None and not current.needs_renewal:
            current.needs_renewal = True
            audit.record_changes(current)


def delete_risk(risk) -> None:
    audit.record_deleted(risk)
    db.session.delete(risk)


def risk_history(risk) -> list[audit.AuditEntry]:
    """The risk's own history with that of its measures and acceptances, newest first."""
    entries = list(audit.history_for(risk))
    for other in [*risk.measures, *risk.acceptances]:
        entries.extend(audit.history_for(other))
    return sorted(entries, key=lambda e: (e.at, e.id), reverse=True)


# ----------------------------------------------------------------------------- measures
def add_measure(programme, risk, **fields) -> RiskMeasure:
    measure = RiskMeasure(programme_id=programme.id, organisation_id=programme.organisation_id)
    with db.session.no_autoflush:
        for name, value in fields.items():
            setattr(measure, name, value.strip() if type(value) is str else value)
        measure.control = measure.control or None
        risk.measures.append(measure)
        audit.record_changes(risk)
    audit.record_created(measure)
    return measure


def update_measure(measure, version, **fields) -> None:
    check_version(measure, version)
    with db.session.no_autoflush:
        for name, value in fields.items():
            setattr(measure, name, value.strip() if type(value) is str else value)
        measure.control = measure.control or None
        audit.record_changes(measure)


def delete_measure(measure) -> None:
    risk = measure.risk
    with db.session.no_autoflush:
        risk.measures.remove(measure)
        audit.record_changes(risk)


# ----------------------------------------------------------------------------- acceptances
def record_acceptance(programme, risk, **fields) -> RiskAcceptance:
    """Record the decision to accept the risk's residual level as it is now."""
    if not risk.has_residual:
        raise DomainError(_l("Assess the residual likelihood and impact before accepting."))
    if fields["expires_on"] <= fields["decided_on"]:
        raise DomainError(_l("The acceptance must expire after the date of the decision."),
                          field="expires_on")
    acceptance = RiskAcceptance(
        programme_id=programme.id, organisation_id=programme.organisation_id,
        accepted_likelihood=risk.residual_likelihood, accepted_impact=risk.residual_impact,
        needs_renewal=False,
    )
    for name, value in fields.items():
        setattr(acceptance, name, value.strip() if type(value) is str else value)
    with db.session.no_autoflush:
        risk.acceptances.insert(0, acceptance)
    audit.record_created(acceptance)
    return acceptance


# ----------------------------------------------------------------------------- findings
def risk_findings(risk, today: date | None = None) -> list[checks.Finding]:
    return checks.risk_findings(risk, today or date.today())


def programme_findings(programme, risks=None, today: date | None = None):
    risks = list_risks(programme) if risks is None else risks
    return checks.programme_findings(list_items(programme), risks, today or date.today())


def acceptance_valid(acceptance, today: date | None = None) -> bool:
    return acceptance.is_valid(today or date.today())


# ----------------------------------------------------------------------------- views of all
@dataclass(frozen=True)
class Heat:
    inherent: list[list[int]]
    residual: list[list[int]]
    not_assessed: int  # risks without residual scores (left out of the residual side)


def heat(risks) -> Heat:
    return Heat(
        matrix.heat_counts((r.inherent_likelihood, r.inherent_impact) for r in risks),
        matrix.heat_counts((r.residual_likelihood, r.residual_impact) for r in risks),
        sum(1 for r in risks if not r.has_residual),
    )


def risks_per_item(programme, page: int | None = 1, page_size: int = 30
                   ) -> paging.Page[tuple[RoadmapItem, list[Risk]]]:
    """One page of the roadmap items (in roadmap order), each with its risks; only the risks of
    the items on the page are loaded. A page past the end shows the last one."""
    shown = paging.paginate(list_items(programme), page, page_size)
    ids = [item.id for item in shown.items]
    by_item: dict[int, list[Risk]] = {}
    if ids:
        for risk in db.session.scalars(
            _in_programme(Risk, programme).where(Risk.roadmap_item_id.in_(ids))
            .order_by(Risk.roadmap_item_id, Risk.id)
        ):
            by_item.setdefault(risk.roadmap_item_id, []).append(risk)
    return shown.with_items((item, by_item.get(item.id, [])) for item in shown.items)


def timeline_quarters(programme) -> list[int]:
    return quarters.span(programme.start_year, programme.end_year)


def risk_over_time(programme, risks, levels) -> dict[int, dict[str, int]]:
    """Per quarter of the programme: open risk (current level) of the items running then.
    Risks of dropped or finished items and avoided risks are not open."""
    entries = [
        (r.roadmap_item.start_quarter, r.roadmap_item.end_quarter, levels_for(r, levels).current)
        for r in risks
        if r.roadmap_item.status not in (ItemStatus.DROPPED, ItemStatus.DONE)
        and r.treatment is not Treatment.AVOID
    ]
    return figures.risk_over_time(entries, timeline_quarters(programme))


# ----------------------------------------------------------------------------- completion
@dataclass
class _RiskFacts:
    """What the completion figures read of a risk (``checks`` takes these as risks)."""

    roadmap_item_id: int
    treatment: Treatment
    has_residual: bool
    acceptances: list


@dataclass(frozen=True)
class _ItemFacts:
    """What the completion figures read of a roadmap item (``systems``: whether it has any)."""

    id: int
    status: ItemStatus
    systems: bool


def completion(programme, today: date | None = None) -> dict:
    """The figures of the step page and the dashboard from plain rows, and the acceptances as
    objects (there are few): the dashboard asks for them on every view."""
    today = today or date.today()
    acceptances: dict[int, list[RiskAcceptance]] = {}
    for acceptance in db.session.scalars(_in_programme(RiskAcceptance, programme)):
        acceptances.setdefault(acceptance.risk_id, []).append(acceptance)
    risks = [
        _RiskFacts(item_id, treatment, likelihood is not None and impact is not None,
                   acceptances.get(risk_id, []))
        for risk_id, item_id, treatment, likelihood, impact in db.session.execute(
            _in_programme(Risk, programme).with_only_columns(
                Risk.id, Risk.roadmap_item_id, Risk.treatment, Risk.residual_likelihood,
                Risk.residual_impact))
    ]
    with_systems = set(db.session.scalars(
        select(roadmap_item_systems.c.roadmap_item_id).distinct()
        .join(RoadmapItem, RoadmapItem.id == roadmap_item_systems.c.roadmap_item_id)
        .where(RoadmapItem.programme_id == programme.id)))
    items = [_ItemFacts(item_id, status, item_id in with_systems)
             for item_id, status in db.session.execute(
                 select(RoadmapItem.id, RoadmapItem.status)
                 .where(RoadmapItem.programme_id == programme.id))]
    changing = [i for i in items if i.systems and i.status is not ItemStatus.DROPPED]
    missing = checks.items_without_assessment(items, risks)
    accepted = [r for r in risks if r.treatment is Treatment.ACCEPT or r.acceptances]
    invalid = [r for r in accepted if checks.acceptance_problem(r, today)]
    return {
        "risks": len(risks),
        "items_changing_systems": len(changing),
        "items_assessed": len(changing) - len(missing),
        "accepted": len(accepted),
        "accepted_invalid": len(invalid),
        "without_residual": sum(1 for r in risks if not r.has_residual),
    }


# ----------------------------------------------------------------------------- carried out
@dataclass(frozen=True)
class CarriedRisk:
    """A risk of a change that is being carried out, with what its measures still need."""

    risk: Risk
    level: str | None  # the current level: residual once assessed, else inherent
    open_measures: list  # RiskMeasure not done yet
    overdue_measures: list  # of those, past their due date

    @property
    def settled(self) -> bool:
        return not self.open_measures


# What templates/steps/strategy/risks/_carried.html needs to name levels and statuses.
CARRIED_LABELS = {"levels": LEVELS, "measure_statuses": MEASURE_STATUSES}


def risks_of_items(programme, item_ids, today: date | None = None) -> list[CarriedRisk]:
    """The risks that belong to these roadmap items, each with its open measures: when a change
    is piloted or finished (steps 3 and 6), its risk assessment comes with it. One query for
    the risks and their measures, whatever the number of items."""
    today = today or date.today()
    item_ids = set(item_ids)
    if not item_ids:
        return []
    levels = levels_of(get_matrix(programme))
    risks = db.session.scalars(
        _in_programme(Risk, programme).where(Risk.roadmap_item_id.in_(item_ids))
        .options(selectinload(Risk.measures), selectinload(Risk.acceptances),
                 selectinload(Risk.systems), selectinload(Risk.roadmap_item))
        .order_by(Risk.roadmap_item_id, Risk.id)
    )
    carried = []
    for risk in risks:
        open_measures = [m for m in risk.measures if m.status is not MeasureStatus.DONE]
        carried.append(CarriedRisk(
            risk=risk,
            level=levels_for(risk, levels).current,
            open_measures=open_measures,
            overdue_measures=[m for m in open_measures if m.due_on and m.due_on < today],
        ))
    return carried


def finished_item_ids(programme) -> list[int]:
    return list(db.session.scalars(
        select(RoadmapItem.id).where(RoadmapItem.programme_id == programme.id,
                                     RoadmapItem.status == ItemStatus.DONE)
    ))
