"""Operations on the business case. They never commit (the view does, once per request), and
every figure comes from the engine (``compute``), never from here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import selectinload

from workplace_planner import audit, paging
from workplace_planner.business_case import (
    CaseResult,
    CaseValidationError,
    ValidationIssue,
    compute_case,
    load_case,
)
from workplace_planner.content_cache import ContentCache, inputs_hash
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.programmes.models import IllegalTransition, Programme
from workplace_planner.stale import check_version
from workplace_planner.steps.strategy.employee.models import DeviceKit, LicenceBundle, Persona
from workplace_planner.steps.strategy.organisation import engine_input
from workplace_planner.steps.strategy.organisation.models import (
    Assumption,
    BusinessCase,
    CaseLine,
    CaseVersion,
    CloudResource,
    Comment,
    QualitativeBenefit,
    Scenario,
    VersionStatus,
)
from workplace_planner.steps.strategy.technology.models import FollowUp, RoadmapItem

# Defaults, each with its source (docs: /reference/defaults.md of the product brief).
DEFAULT_PARAMETERS = {
    "discount_rate": (
        Decimal("2.25"),
        "Discontovoet (reëel) voor kosten-batenanalyses van de Rijksoverheid",
        "rwseconomie.nl/discontovoet; rapport Werkgroep discontovoet 2020 (sinds 1-1-2021)",
        date(2021, 1, 1),
    ),
    "price_index": (
        Decimal("2.3"),
        "Prijsindex (IMOC/CPI) voor de jaarlijkse indexatie",
        "CBS over de IMOC; CPB-raming 2026 (indicatief)",
        date(2026, 1, 1),
    ),
    "vat_rate": (
        Decimal("21"),
        "Btw-tarief op niet-compensabele btw",
        "Rijksfinanciën, memorie van toelichting BTW-compensatiefonds",
        date(2026, 1, 1),
    ),
    "interest_rate": (
        Decimal("1.5"),
        "Omslagrente voor de kapitaallasten",
        "",  # per municipality: the team's assumption until finance gives the figure
        None,
    ),
}
PARAMETERS = ("discount_rate", "price_index", "vat_rate", "interest_rate")
LINE_FIELDS = (
    "name", "kind", "category", "driver_type", "amount", "year", "price_per_user_month",
    "users", "fte", "cost_per_fte", "units", "unit_price", "growth_pct", "depreciation_years",
    "start_year", "end_year", "indexation_pct", "vat", "nature", "range_low_pct",
    "range_high_pct", "note", "assumption_id", "roadmap_item_id", "roadmap_timing",
    "follow_up_id", "licence_bundle_id", "device_kit_id", "cloud_resource_id",
)
# Engine path element → the line form's field (to put the engine's message next to it).
ENGINE_FIELDS = {
    "amount": "amount", "year": "year", "price_per_user_month": "price_per_user_month",
    "users": "users", "personas": "persona_ids", "fte": "fte", "cost_per_fte": "cost_per_fte",
    "units": "units", "unit_price": "unit_price", "growth": "growth_pct",
    "depreciation_years": "depreciation_years", "start_year": "start_year",
    "end_year": "end_year", "indexation": "indexation_pct", "range": "range_low_pct",
    "low": "range_low_pct", "high": "range_high_pct", "nature": "nature", "vat": "vat",
    "name": "name", "kind": "kind", "category": "category", "type": "driver_type",
    "driver": "driver_type",
}
PARAMETER_FIELDS = {
    "start_year": "start_year", "horizon_years": "horizon_years",
    "discount_rate": "discount_rate_pct", "price_index": "price_index_pct",
    "vat_rate": "vat_rate_pct", "interest_rate": "interest_rate_pct",
    "depreciation_start": "depreciation_start", "allocation_key": "allocation_key",
}


# ----------------------------------------------------------------------------- the case
def get_business_case(programme: Programme) -> BusinessCase | None:
    return db.session.scalar(
        select(BusinessCase).where(BusinessCase.programme_id == programme.id)
    )


def _owned(programme: Programme, model, **values):
    return model(organisation_id=programme.organisation_id, programme_id=programme.id, **values)


def start_business_case(programme: Programme) -> BusinessCase:
    """The case with the programme's years and sourced defaults, each in the register."""
    existing = get_business_case(programme)
    if existing is not None:
        return existing
    business_case = _owned(
        programme, BusinessCase, name=programme.name,
        start_year=programme.start_year, horizon_years=programme.horizon_years,
        discount_rate_pct=Decimal(0), price_index_pct=Decimal(0), vat_rate_pct=Decimal(0),
        interest_rate_pct=Decimal(0), depreciation_start="next_year",
        allocation_key="headcount", simulations=2000, seed=42,
    )
    for key in PARAMETERS:
        value, statement, source, dated = DEFAULT_PARAMETERS[key]
        assumption = _owned(
            programme, Assumption, statement=statement,
            value=f"{value} %".replace(".", ","), source=source, owner="", dated=dated,
        )
        db.session.add(assumption)
        setattr(business_case, f"{key}_pct", value)
        setattr(business_case, f"{key}_assumption", assumption)
    db.session.add(business_case)
    audit.record_created(business_case)
    return business_case


def save_parameters(business_case: BusinessCase, version, **values) -> None:
    check_version(business_case, version)
    with db.session.no_autoflush:
        for key, value in values.items():
            setattr(business_case, key, value)
        if business_case.horizon_years < 1 or business_case.horizon_years > 60:
            raise DomainError(_l("A horizon of 1 to 60 years."), field="horizon_years")
        audit.record_changes(business_case)
    _refuse_invalid_case(business_case, PARAMETER_FIELDS, lambda path, _built: len(path) == 1)


def _refuse_invalid_case(business_case, fields: dict, concerns) -> None:
    """Ask the engine: an error that ``concerns(path, built input)`` what was just saved
    becomes a DomainError next to the field (other problems are listed on the results page)."""
    db.session.flush()
    built = engine_input.build(business_case)
    try:
        load_case(built.data)
    except CaseValidationError as error:
        for issue in error.errors:
            if concerns(issue.path, built):
                name = next(
                    (fields[p] for p in reversed(issue.path) if isinstance(p, str) and p in fields),
                    None,
                )
                raise DomainError(f"{issue.field}: {issue.message}", field=name) from error


# ----------------------------------------------------------------------------- computing
def _line_index(path) -> tuple[int, int] | None:
    """(scenario index, line index) of an engine path into a line, else None."""
    if len(path) >= 4 and path[0] == "scenarios" and path[2] == "lines":
        return path[1], path[3]
    return None


@dataclass
class Outcome:
    business_case: BusinessCase
    scenarios: list[engine_input.ScenarioRow]
    data: dict
    result: CaseResult | None = None
    issues: list[ValidationIssue] = field(default_factory=list)
    lines: dict = field(default_factory=dict)  # (scenario index, line index) → line id
    # The lines the issues are about, as objects (loaded only when there are issues).
    issue_lines: dict[int, CaseLine] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.result is not None

    def line_for(self, issue: ValidationIssue) -> CaseLine | None:
        index = _line_index(issue.path)
        line_id = self.lines.get(index) if index is not None else None
        return self.issue_lines.get(line_id) if line_id is not None else None


# Engine results by the hash of the engine's input: viewing a page again, or another page of
# the same case, does not compute (or simulate) the same case again.
_results = ContentCache(64)


def compute_data(data: dict, simulations: int | None = None, seed: int | None = None):
    key = inputs_hash("business-case", [data, simulations or None, seed])
    return _results.get_or_make(
        key, lambda: compute_case(load_case(data), simulations=simulations or None, seed=seed)
    )


def compute(business_case: BusinessCase, monte_carlo: bool = True) -> Outcome:
    built = engine_input.build(business_case)
    outcome = Outcome(business_case, built.scenarios, built.data, lines=built.lines)
    if not built.scenarios or not any(s.is_baseline for s in built.scenarios):
        return outcome
    try:
        outcome.result = compute_data(
            built.data,
            simulations=business_case.simulations if monte_carlo else None,
            seed=business_case.seed,
        )
    except CaseValidationError as error:
        outcome.issues = error.errors
        wanted = {outcome.lines.get(_line_index(issue.path)) for issue in outcome.issues}
        wanted.discard(None)
        if wanted:
            outcome.issue_lines = {line.id: line for line in db.session.scalars(
                select(CaseLine).where(CaseLine.id.in_(wanted))
                .options(selectinload(CaseLine.scenario))
            )}
    return outcome


# ----------------------------------------------------------------------------- scenarios
def list_scenarios(programme: Programme) -> list[Scenario]:
    return list(
        db.session.scalars(
            select(Scenario).where(Scenario.programme_id == programme.id)
            .order_by(Scenario.is_baseline.desc(), Scenario.position, Scenario.id)
        )
    )


def _unique_name(programme, model, attribute: str, name: str, exclude_id=None, field="name"):
    column = getattr(model, attribute)
    query = select(model.id).where(
        model.programme_id == programme.id, func.lower(column) == name.strip().lower()
    )
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)
    if db.session.scalar(query) is not None:
        raise DomainError(_l("This name is already used in this programme."), field=field)


def save_scenario(programme, scenario: Scenario | None, version=None, *, name: str,
                  description: str, is_baseline: bool) -> Scenario:
    name = name.strip()
    _unique_name(programme, Scenario, "name", name, scenario.id if scenario else None)
    if scenario is None:
        position = db.session.scalar(
            select(func.coalesce(func.max(Scenario.position), 0))
            .where(Scenario.programme_id == programme.id)
        )
        scenario = _owned(programme, Scenario, name=name, description=description,
                          is_baseline=False, position=position + 1)
        db.session.add(scenario)
        audit.record_created(scenario)
        created = True
    else:
        check_version(scenario, version)
        scenario.name, scenario.description = name, description
        created = False
    if is_baseline:
        make_baseline(programme, scenario)
    elif scenario.is_baseline and not created:
        raise DomainError(
            _l("A business case needs a baseline: make another scenario the baseline instead."),
            field="is_baseline",
        )
    if not created:
        audit.record_changes(scenario)
    return scenario


def make_baseline(programme, scenario: Scenario) -> None:
    """Exactly one baseline: the others stop being it."""
    for other in list_scenarios(programme):
        if other.id != scenario.id and other.is_baseline:
            other.is_baseline = False
            audit.record_changes(other)
    scenario.is_baseline = True


def delete_scenario(scenario: Scenario) -> None:
    for line in scenario.lines:
        audit.record_deleted(line)
    audit.record_deleted(scenario)
    db.session.delete(scenario)


# ----------------------------------------------------------------------------- lines
def new_line(programme, scenario: Scenario) -> CaseLine:
    position = max((line.position for line in scenario.lines), default=0) + 1
    return _owned(programme, CaseLine, scenario=scenario, position=position,
                  kind="cost", vat="compensable", roadmap_timing="during")


def _check_links(programme, line: CaseLine, persona_ids: list[int]) -> list[Persona]:
    links = {
        "assumption_id": Assumption, "roadmap_item_id": RoadmapItem,
        "follow_up_id": FollowUp, "licence_bundle_id": LicenceBundle,
        "device_kit_id": DeviceKit, "cloud_resource_id": CloudResource,
    }
    for attribute, model in links.items():
        value = getattr(line, attribute)
        if value is not None:
            found = db.session.get(model, value)
            if found is None or found.programme_id != programme.id:
                raise DomainError(_l("Choose from the list."), field=attribute)
    personas = []
    if persona_ids:
        personas = list(db.session.scalars(
            select(Persona).where(Persona.programme_id == programme.id,
                                  Persona.id.in_(persona_ids))
        ))
        if len(personas) != len(set(persona_ids)):
            raise DomainError(_l("Choose from the list."), field="persona_ids")
    return personas


def save_line(programme, scenario: Scenario, line: CaseLine | None, version=None,
              persona_ids: list[int] | None = None, **values) -> CaseLine:
    """Create or change a line; the engine checks the whole case and a problem with this line
    comes back next to its field."""
    created = line is None
    if created:
        line = new_line(programme, scenario)
        db.session.add(line)
    else:
        check_version(line, version)
    with db.session.no_autoflush:
        for key, value in values.items():
            if key in LINE_FIELDS:
                setattr(line, key, value)
        line.personas = _check_links(programme, line, persona_ids or [])
        if not created:
            audit.record_changes(line)
    if created:
        audit.record_created(line)
    business_case = get_business_case(programme)

    def concerns(path, built: engine_input.EngineInput) -> bool:
        index = _line_index(path)
        return index is not None and built.lines.get(index) == line.id

    _refuse_invalid_case(business_case, ENGINE_FIELDS, concerns)
    return line


def line_ids(scenario_id: int) -> list[int]:
    """The ids of a scenario's lines in their order (as in the engine input)."""
    return list(db.session.scalars(
        select(CaseLine.id).where(CaseLine.scenario_id == scenario_id)
        .order_by(CaseLine.position, CaseLine.id)
    ))


def page_of_line(line: CaseLine, page_size: int) -> int | None:
    """The page of its scenario's lines that the line is on (None: it is not in it any more)."""
    ids = line_ids(line.scenario_id)
    return paging.page_number(ids.index(line.id), page_size) if line.id in ids else None


def lines_with_links(ids: list[int]) -> list[CaseLine]:
    """These lines (a page of them) as objects with what they link to, in the order given."""
    if not ids:
        return []
    found = {line.id: line for line in db.session.scalars(
        select(CaseLine).where(CaseLine.id.in_(ids)).options(
            selectinload(CaseLine.personas), selectinload(CaseLine.assumption),
            selectinload(CaseLine.roadmap_item), selectinload(CaseLine.licence_bundle),
            selectinload(CaseLine.device_kit), selectinload(CaseLine.cloud_resource),
            selectinload(CaseLine.follow_up),
        )
    )}
    return [found[i] for i in ids if i in found]


def delete_line(line: CaseLine) -> None:
    audit.record_deleted(line)
    db.session.delete(line)


def move_line(line: CaseLine, target: Scenario) -> None:
    line.scenario = target
    audit.record_changes(line)


# ----------------------------------------------------------------------------- assumptions
def list_assumptions(programme) -> list[Assumption]:
    return list(db.session.scalars(
        select(Assumption).where(Assumption.programme_id == programme.id)
        .order_by(Assumption.id)
    ))


@dataclass(frozen=True)
class Use:
    kind: str  # "parameter", "line", "benefit"
    label: object  # text, or a lazy string for a parameter
    line: CaseLine | None = None
    key: str = ""  # the parameter's key (language-independent), for snapshots


PARAMETER_LABELS = {
    "discount_rate": _l("Discount rate"),
    "price_index": _l("Price index"),
    "vat_rate": _l("VAT rate"),
    "interest_rate": _l("Internal interest rate"),
}


def assumption_uses(programme) -> dict[int, list[Use]]:
    """Where each assumption is used: parameters, lines, qualitative benefits (3 queries)."""
    uses: dict[int, list[Use]] = defaultdict(list)
    business_case = get_business_case(programme)
    if business_case is not None:
        for key in PARAMETERS:
            assumption_id = getattr(business_case, f"{key}_assumption_id")
            if assumption_id:
                uses[assumption_id].append(Use("parameter", PARAMETER_LABELS[key], key=key))
    for line, scenario_name in db.session.execute(
        select(CaseLine, Scenario.name).join(Scenario, CaseLine.scenario_id == Scenario.id)
        .where(CaseLine.programme_id == programme.id, CaseLine.assumption_id.is_not(None))
        .order_by(Scenario.position, CaseLine.position)
    ):
        uses[line.assumption_id].append(Use("line", f"{scenario_name}: {line.name}", line))
    for benefit in db.session.scalars(
        select(QualitativeBenefit).where(
            QualitativeBenefit.programme_id == programme.id,
            QualitativeBenefit.assumption_id.is_not(None),
        )
    ):
        uses[benefit.assumption_id].append(Use("benefit", benefit.title))
    return uses


def _create_or_update(programme, model, obj, version, values: dict):
    """Add a new object of the programme, or change an existing one after checking the version
    the form carried; either way the audit trail records it."""
    if obj is None:
        obj = _owned(programme, model, **values)
        db.session.add(obj)
        audit.record_created(obj)
        return obj
    check_version(obj, version)
    with db.session.no_autoflush:  # a flush would clear the history the audit trail reads
        for key, value in values.items():
            setattr(obj, key, value)
        audit.record_changes(obj)
    return obj


def save_assumption(programme, assumption: Assumption | None, version=None, **values):
    return _create_or_update(programme, Assumption, assumption, version, values)


def delete_assumption(programme, assumption: Assumption) -> None:
    if assumption_uses(programme).get(assumption.id):
        raise DomainError(
            _l("This assumption is still used: link those lines to another one first.")
        )
    audit.record_deleted(assumption)
    db.session.delete(assumption)


# ----------------------------------------------------------------------------- catalogue
def list_cloud_resources(programme) -> list[CloudResource]:
    return list(db.session.scalars(
        select(CloudResource).where(CloudResource.programme_id == programme.id)
        .order_by(CloudResource.name)
    ))


def save_cloud_resource(programme, resource: CloudResource | None, version=None, **values):
    _unique_name(programme, CloudResource, "name", values["name"],
                 resource.id if resource else None)
    return _create_or_update(programme, CloudResource, resource, version, values)


def delete_cloud_resource(resource: CloudResource) -> None:
    audit.record_deleted(resource)
    db.session.delete(resource)


def catalogue(programme, model) -> list:
    return list(db.session.scalars(
        select(model).where(model.programme_id == programme.id).order_by(model.name)
    ))


def choices_for_lines(programme) -> dict:
    """Everything a line can link to, in this programme."""
    return {
        "assumptions": list_assumptions(programme),
        "personas": catalogue(programme, Persona),
        "roadmap_items": list(db.session.scalars(
            select(RoadmapItem).where(RoadmapItem.programme_id == programme.id)
            .order_by(RoadmapItem.start_quarter, RoadmapItem.title)
        )),
        "follow_ups": list(db.session.scalars(
            select(FollowUp).where(FollowUp.programme_id == programme.id).order_by(FollowUp.id)
        )),
        "licence_bundles": catalogue(programme, LicenceBundle),
        "device_kits": catalogue(programme, DeviceKit),
        "cloud_resources": list_cloud_resources(programme),
    }


# ----------------------------------------------------------------------------- benefits
def list_benefits(programme) -> list[QualitativeBenefit]:
    return list(db.session.scalars(
        select(QualitativeBenefit).where(QualitativeBenefit.programme_id == programme.id)
        .order_by(QualitativeBenefit.weight.desc(), QualitativeBenefit.id)
    ))


def save_benefit(programme, benefit: QualitativeBenefit | None, version=None, **values):
    return _create_or_update(programme, QualitativeBenefit, benefit, version, values)


def delete_benefit(benefit: QualitativeBenefit) -> None:
    audit.record_deleted(benefit)
    db.session.delete(benefit)


# ----------------------------------------------------------------------------- versions
def list_versions(programme) -> list[CaseVersion]:
    return list(db.session.scalars(
        select(CaseVersion).where(CaseVersion.programme_id == programme.id)
        .order_by(CaseVersion.number.desc())
    ))


def snapshot(programme, business_case: BusinessCase) -> dict:
    """Everything a reviewer approves: the engine input, the register and the qualitative
    benefits, as they are now."""
    uses = assumption_uses(programme)
    return {
        "case": engine_input.engine_input(business_case),
        "simulations": business_case.simulations,
        "seed": business_case.seed,
        "assumptions": [
            {"id": a.id, "statement": a.statement, "value": a.value, "source": a.source,
             "owner": a.owner, "dated": a.dated.isoformat() if a.dated else None,
             "used_by": [u.key or u.label for u in uses.get(a.id, [])]}
            for a in list_assumptions(programme)
        ],
        "qualitative_benefits": [
            {"title": b.title, "description": b.description, "weight": b.weight,
             "scenario": b.scenario.name if b.scenario else None}
            for b in list_benefits(programme)
        ],
    }


def create_version(programme, business_case: BusinessCase, user, label: str) -> CaseVersion:
    data = snapshot(programme, business_case)
    try:
        load_case(data["case"])
    except CaseValidationError as error:
        raise DomainError(
            _l("The business case has %(count)d problem(s); solve them before making a version.",
               count=len(error.errors))
        ) from error
    number = (db.session.scalar(
        select(func.max(CaseVersion.number)).where(CaseVersion.programme_id == programme.id)
    ) or 0) + 1
    version = _owned(programme, CaseVersion, number=number, label=label.strip(),
                     status=VersionStatus.DRAFT, snapshot=data,
                     created_by_id=user.id if user else None)
    db.session.add(version)
    audit.record_created(version)
    return version


def _transition(version: CaseVersion, move) -> None:
    try:
        move()
    except IllegalTransition:
        raise
    audit.record_changes(version)


def submit_version(version: CaseVersion, user) -> None:
    _transition(version, lambda: version.submit(user))


def approve_version(version: CaseVersion, user, note: str) -> None:
    _transition(version, lambda: version.approve(user, note))


def send_back_version(version: CaseVersion, user, note: str) -> None:
    _transition(version, lambda: version.send_back(user, note))


def relabel_version(version: CaseVersion, version_number, label: str) -> None:
    check_version(version, version_number)
    version.relabel(label.strip())
    audit.record_changes(version)


def delete_version(version: CaseVersion) -> None:
    version.ensure_editable()
    audit.record_deleted(version)
    db.session.delete(version)


def version_result(version: CaseVersion, monte_carlo: bool = False) -> CaseResult:
    snap = version.snapshot
    return compute_data(snap["case"], simulations=snap.get("simulations") if monte_carlo else None,
                        seed=snap.get("seed"))


def latest_approved(programme) -> CaseVersion | None:
    return db.session.scalar(
        select(CaseVersion).where(CaseVersion.programme_id == programme.id,
                                  CaseVersion.status == VersionStatus.APPROVED)
        .order_by(CaseVersion.number.desc()).limit(1)
    )


@dataclass
class LineChange:
    scenario: str
    name: str
    change: str  # "added", "removed", "changed"
    fields: list[str] = field(default_factory=list)


@dataclass
class ScenarioEffect:
    name: str
    npv_old: float | None
    npv_new: float | None
    payback_old: float | None
    payback_new: float | None
    tco_old: float | None
    tco_new: float | None


@dataclass
class Comparison:
    old: CaseVersion
    new: CaseVersion
    parameters: list[tuple[str, object, object]]
    lines: list[LineChange]
    effects: list[ScenarioEffect]


def _lines_by_id(case: dict) -> dict[tuple[str, str], tuple[str, dict]]:
    return {
        (s["id"], line["id"]): (s.get("name", s["id"]), line)
        for s in case["scenarios"] for line in s["lines"]
    }


def compare_versions(old: CaseVersion, new: CaseVersion) -> Comparison:
    """What changed between two snapshots, and its effect on NPV, payback and TCO (both
    computed by the engine from the snapshots)."""
    a, b = old.snapshot["case"], new.snapshot["case"]
    keys = ("start_year", "horizon_years", "discount_rate", "price_index", "vat_rate",
            "interest_rate", "depreciation_start", "allocation_key")
    parameters = [(k, a.get(k), b.get(k)) for k in keys if a.get(k) != b.get(k)]
    personas_a = {p["id"]: p for p in a.get("personas", [])}
    for p in b.get("personas", []):
        before = personas_a.get(p["id"])
        if before is None or before["headcount"] != p["headcount"]:
            parameters.append((f"headcount {p.get('name', p['id'])}",
                               before["headcount"] if before else None, p["headcount"]))
    old_lines, new_lines = _lines_by_id(a), _lines_by_id(b)
    changes = []
    for key, (scenario, line) in new_lines.items():
        if key not in old_lines:
            changes.append(LineChange(scenario, line["name"], "added"))
        elif old_lines[key][1] != line:
            before = old_lines[key][1]
            changed = sorted(
                k for k in set(before) | set(line)
                if k != "driver" and before.get(k) != line.get(k)
            ) + sorted(
                f"driver.{k}" for k in set(before["driver"]) | set(line["driver"])
                if before["driver"].get(k) != line["driver"].get(k)
            )
            changes.append(LineChange(scenario, line["name"], "changed", changed))
    for key, (scenario, line) in old_lines.items():
        if key not in new_lines:
            changes.append(LineChange(scenario, line["name"], "removed"))
    result_old, result_new = version_result(old), version_result(new)
    effects = []
    ids = [s["id"] for s in b["scenarios"]] + [
        s["id"] for s in a["scenarios"] if s["id"] not in {x["id"] for x in b["scenarios"]}
    ]
    for scenario_id in ids:
        before = next((s for s in result_old.scenarios if s.id == scenario_id), None)
        after = next((s for s in result_new.scenarios if s.id == scenario_id), None)
        vb, va = (before.versus_baseline if before else None), (
            after.versus_baseline if after else None)
        effects.append(ScenarioEffect(
            name=(after or before).name,
            npv_old=vb.npv if vb else None, npv_new=va.npv if va else None,
            payback_old=vb.payback_years if vb else None,
            payback_new=va.payback_years if va else None,
            tco_old=before.tco if before else None, tco_new=after.tco if after else None,
        ))
    return Comparison(old, new, parameters, changes, effects)


# ----------------------------------------------------------------------------- comments
def add_comment(programme, user, body: str, version: CaseVersion | None = None,
                line: CaseLine | None = None, assumption: Assumption | None = None) -> Comment:
    body = body.strip()
    if not body:
        raise DomainError(_l("Write a comment."), field="body")
    subject = line.name if line else (assumption.statement if assumption else "")
    comment = Comment(
        organisation_id=programme.organisation_id, programme_id=programme.id,
        version_id=version.id if version else None, line_id=line.id if line else None,
        assumption_id=assumption.id if assumption else None, subject=subject, body=body,
        author_id=user.id if user else None,
    )
    db.session.add(comment)
    return comment


def list_comments(programme, version: CaseVersion | None = None) -> list[Comment]:
    query = select(Comment).where(Comment.programme_id == programme.id)
    if version is not None:
        query = query.where(Comment.version_id == version.id)
    return list(db.session.scalars(query.order_by(Comment.created_at, Comment.id)))


def comments_by_subject(programme) -> tuple[dict[int, list], dict[int, list]]:
    lines, assumptions = defaultdict(list), defaultdict(list)
    for comment in list_comments(programme):
        if comment.line_id:
            lines[comment.line_id].append(comment)
        if comment.assumption_id:
            assumptions[comment.assumption_id].append(comment)
    return lines, assumptions


# ----------------------------------------------------------------------------- history
AUDITED = (BusinessCase, Scenario, CaseLine, Assumption, CloudResource, QualitativeBenefit,
           CaseVersion)


def history(programme, limit: int = 300) -> list[audit.AuditEntry]:
    """Who changed what and when in this programme's business case, newest first.

    Audit entries carry the organisation, not the programme: an entry is shown when its object
    belongs to this programme, or when it records the removal of an object that no longer
    exists (the organisation's own data either way)."""
    entry = audit.AuditEntry
    conditions = []
    for model in AUDITED:
        mine = select(model.id).where(model.programme_id == programme.id)
        existing = select(model.id)
        conditions.append(and_(entry.object_type == model.__name__, or_(
            entry.object_id.in_(mine),
            and_(entry.action == "deleted", entry.object_id.not_in(existing)),
        )))
    return list(db.session.scalars(
        select(entry).where(entry.organisation_id == programme.organisation_id, or_(*conditions))
        .order_by(entry.at.desc(), entry.id.desc()).limit(limit)
    ))
