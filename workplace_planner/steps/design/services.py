"""Operations of step 2, Design. Verb-named; they never commit (the view does)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from workplace_planner import audit
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.design.models import ArchitectureDomain, Procurement, WorkplaceProfile
from workplace_planner.steps.strategy.employee.choices import DEVICES, WORK_LOCATIONS
from workplace_planner.steps.strategy.employee.models import DeviceKit, LicenceBundle, Persona
from workplace_planner.steps.strategy.technology import quarters
from workplace_planner.steps.strategy.technology.choices import DOMAINS, HOSTINGS, Domain
from workplace_planner.steps.strategy.technology.models import (
    GovernanceDecision,
    RoadmapItem,
    System,
)

MOBILE_DEVICES = {"phone", "tablet"}
PORTABLE_DEVICES = {"phone", "tablet", "laptop"}


def _of(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


def _new(model, programme, **fields):
    obj = model(programme_id=programme.id, organisation_id=programme.organisation_id, **fields)
    db.session.add(obj)
    return obj


def _pick(objects, ids):
    wanted = {int(i) for i in ids or ()}
    return [o for o in objects if o.id in wanted]


def list_personas(programme, *options) -> list[Persona]:
    return list(db.session.scalars(
        _of(Persona, programme).order_by(Persona.name).options(*options)))


def list_device_kits(programme) -> list[DeviceKit]:
    return list(db.session.scalars(_of(DeviceKit, programme).order_by(DeviceKit.name)))


def list_licence_bundles(programme) -> list[LicenceBundle]:
    return list(db.session.scalars(_of(LicenceBundle, programme).order_by(LicenceBundle.name)))


def list_roadmap_items(programme, *options) -> list[RoadmapItem]:
    return list(db.session.scalars(
        _of(RoadmapItem, programme).order_by(RoadmapItem.start_quarter, RoadmapItem.title)
        .options(*options)))


def list_decisions(programme) -> list[GovernanceDecision]:
    return list(db.session.scalars(
        _of(GovernanceDecision, programme).order_by(GovernanceDecision.id)))


# ----------------------------------------------------------------------------- profiles
def split_applications(text: str) -> list[str]:
    """'Office, Teams; zaaksysteem' (commas, semicolons or lines) → the names, trimmed."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def _key(name: str) -> str:
    return " ".join(name.lower().split())


@dataclass
class ProfileCheck:
    persona: Persona
    profile: WorkplaceProfile | None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.profile is not None and not self.problems


def check_profile(persona: Persona, profile: WorkplaceProfile | None) -> ProfileCheck:
    """The profile against what the persona records: devices needed, where they work, the
    applications they use, and the licence and device kit of step 1."""
    result = ProfileCheck(persona, profile)
    if profile is None:
        result.problems.append(str(_l("No workplace profile yet.")))
        return result
    devices = set(profile.device_types or ())
    problems = result.problems
    for device in persona.devices_needed or ():
        if device in DEVICES and device not in devices:
            problems.append(str(_l("The persona needs a %(device)s; the profile has none.",
                                   device=str(DEVICES[device]).lower())))
    locations = set(persona.work_locations or ())
    if ("field" in locations or persona.mobility == "field") and not devices & MOBILE_DEVICES:
        problems.append(str(_l(
            "The persona works in the field, but the profile has no phone or tablet.")))
    elif (locations & {"on_the_road", "home"} or persona.mobility in ("mobile", "hybrid")) \
            and not devices & PORTABLE_DEVICES:
        where = ", ".join(str(WORK_LOCATIONS[k]).lower() for k in WORK_LOCATIONS
                          if k in locations & {"on_the_road", "home"})
        problems.append(str(_l(
            "The persona works away from the office (%(where)s), but the profile has no "
            "portable device.", where=where or str(_l("mobile")))))
    offered = {_key(a) for a in split_applications(profile.applications)}
    for application in split_applications(persona.applications):
        if _key(application) not in offered:
            problems.append(str(_l("The persona uses %(application)s; the profile lacks it.",
                                   application=application)))
    if persona.device_kit is not None and persona.device_kit not in profile.device_kits:
        problems.append(str(_l(
            "The persona's device kit (%(kit)s) is not in the profile.",
            kit=persona.device_kit.name)))
    if (persona.licence_bundle is not None and profile.licence_bundle is not None
            and persona.licence_bundle.id != profile.licence_bundle.id):
        problems.append(str(_l(
            "The profile's licence (%(profile)s) differs from the persona's licence profile "
            "(%(persona)s).", profile=profile.licence_bundle.name,
            persona=persona.licence_bundle.name)))
    return result


def needs_summary(persona: Persona) -> str:
    """One sentence of what the persona records, shown beside its profile form."""
    from workplace_planner.steps.strategy.employee.choices import labels

    return str(_l(
        "The persona works at: %(locations)s; needs: %(devices)s; uses: %(applications)s.",
        locations=", ".join(labels(WORK_LOCATIONS, persona.work_locations)) or "—",
        devices=", ".join(labels(DEVICES, persona.devices_needed)) or "—",
        applications=", ".join(split_applications(persona.applications)) or "—"))


def profiles_by_persona(programme, *options) -> dict[int, WorkplaceProfile]:
    return {p.persona_id: p
            for p in db.session.scalars(_of(WorkplaceProfile, programme).options(*options))}


def profile_checks(programme, with_headcounts: bool = False) -> list[ProfileCheck]:
    """The check of every persona's profile; ``with_headcounts`` loads the personas'
    headcounts too (the profiles page shows them)."""
    profiles = profiles_by_persona(programme, selectinload(WorkplaceProfile.device_kits),
                                   joinedload(WorkplaceProfile.licence_bundle))
    options = [joinedload(Persona.device_kit), joinedload(Persona.licence_bundle)]
    if with_headcounts:
        options.append(selectinload(Persona.headcounts))
    return [check_profile(p, profiles.get(p.id)) for p in list_personas(programme, *options)]


def save_profile(programme, persona, version, kit_ids=(), **fields) -> WorkplaceProfile:
    """Create or update the workplace profile of a persona."""
    profile = profiles_by_persona(programme).get(persona.id)
    if profile is None:
        profile = _new(WorkplaceProfile, programme, persona=persona)
        created = True
    else:
        check_version(profile, version)
        created = False
    licence_id = fields.pop("licence_bundle_id", None)
    profile.licence_bundle = next(
        (b for b in list_licence_bundles(programme) if b.id == licence_id), None)
    for name, value in fields.items():
        setattr(profile, name, value.strip() if type(value) is str else value)
    profile.device_kits = _pick(list_device_kits(programme), kit_ids)
    with db.session.no_autoflush:
        if created:
            db.session.flush()
            audit.record_created(profile)
        else:
            audit.record_changes(profile)
    return profile


def propose_profile(persona: Persona) -> dict:
    """A first profile from what the persona records: their devices, applications, licence and
    device kit; MFA and a managed device always."""
    return {
        "device_types": list(dict.fromkeys([*(persona.devices_needed or ())])),
        "applications": ", ".join(split_applications(persona.applications)),
        "licence_bundle_id": persona.licence_bundle_id,
        "kit_ids": [persona.device_kit_id] if persona.device_kit_id else [],
    }


# ----------------------------------------------------------------------------- architecture
@dataclass
class DomainView:
    domain: Domain
    label: object
    record: ArchitectureDomain | None
    systems: list[System]
    movements: list[tuple[str, str, int]]  # (now, target, count)
    derived_items: list[RoadmapItem]  # items linked to the domain's systems

    @property
    def items(self) -> list[RoadmapItem]:
        linked = list(self.record.roadmap_items) if self.record else []
        return linked + [i for i in self.derived_items if i not in linked]


def architecture(programme) -> list[DomainView]:
    """Per domain: its systems now → target (from the inventory and the ambition), the chosen
    solution and principles, and the roadmap items that realise it."""
    systems = list(db.session.scalars(_of(System, programme).order_by(System.name)))
    records = {r.domain: r for r in db.session.scalars(
        _of(ArchitectureDomain, programme).options(selectinload(ArchitectureDomain.roadmap_items)))}
    items = list_roadmap_items(programme, selectinload(RoadmapItem.systems))
    views = []
    for domain in Domain:
        in_domain = [s for s in systems if s.domain is domain]
        if not in_domain and domain not in records:
            continue
        counts: dict[tuple[str, str], int] = {}
        for s in in_domain:
            now = str(HOSTINGS[s.hosting])
            target = (str(HOSTINGS[s.target_hosting]) if s.target_hosting
                      else str(_l("Retired")) if s.target else str(_l("Not decided")))
            counts[(now, target)] = counts.get((now, target), 0) + 1
        ids = {s.id for s in in_domain}
        derived = [i for i in items if any(s.id in ids for s in i.systems)]
        views.append(DomainView(domain, DOMAINS[domain], records.get(domain), in_domain,
                                [(a, b, n) for (a, b), n in counts.items()], derived))
    return views


def get_domain_record(programme, domain: Domain) -> ArchitectureDomain | None:
    return db.session.scalar(
        _of(ArchitectureDomain, programme).where(ArchitectureDomain.domain == domain))


def save_domain(programme, domain: Domain, version, item_ids=(), **fields) -> ArchitectureDomain:
    record = get_domain_record(programme, domain)
    if record is None:
        record = _new(ArchitectureDomain, programme, domain=domain)
    else:
        check_version(record, version)
    for name, value in fields.items():
        setattr(record, name, (value or "").strip())
    record.roadmap_items = _pick(list_roadmap_items(programme), item_ids)
    return record


# ----------------------------------------------------------------------------- procurement
def list_procurements(programme) -> list[Procurement]:
    return list(db.session.scalars(
        _of(Procurement, programme).order_by(Procurement.contract_start, Procurement.title)
        .options(selectinload(Procurement.roadmap_items), joinedload(Procurement.decision))))


def quarter_start(index: int) -> date:
    return date(quarters.year_of(index), 3 * (quarters.quarter_of(index) - 1) + 1, 1)


def late_items(procurement: Procurement) -> list[RoadmapItem]:
    """Linked roadmap items that start before the contract does."""
    if procurement.contract_start is None:
        return []
    return [i for i in procurement.roadmap_items if i.start_quarter is not None
            and procurement.contract_start > quarter_start(i.start_quarter)]


def _check_dates(fields) -> None:
    publication, award, start = (fields.get("publication_date"), fields.get("award_date"),
                                 fields.get("contract_start"))
    if publication and award and award < publication:
        raise DomainError(_l("The award cannot come before the publication."), "award_date")
    if award and start and start < award:
        raise DomainError(_l("The contract cannot start before the award."), "contract_start")


def _apply_procurement(procurement, programme, item_ids, decision_id, fields) -> None:
    _check_dates(fields)
    for name, value in fields.items():
        setattr(procurement, name, value.strip() if type(value) is str else value)
    procurement.decision = next(
        (d for d in list_decisions(programme) if d.id == decision_id), None)
    procurement.roadmap_items = _pick(list_roadmap_items(programme), item_ids)


def create_procurement(programme, item_ids=(), decision_id=None, **fields) -> Procurement:
    procurement = _new(Procurement, programme, title=fields.get("title", ""),
                       kind=fields["kind"])
    _apply_procurement(procurement, programme, item_ids, decision_id, fields)
    return procurement


def update_procurement(procurement, version, programme, item_ids=(), decision_id=None,
                       **fields) -> None:
    check_version(procurement, version)
    _apply_procurement(procurement, programme, item_ids, decision_id, fields)


def delete_procurement(procurement) -> None:
    db.session.delete(procurement)


def profile_figures(programme) -> dict:
    checks = profile_checks(programme)
    return {
        "personas": len(checks),
        "profiles": sum(1 for c in checks if c.profile is not None),
        "profiles_ok": sum(1 for c in checks if c.ok),
    }


def architecture_figures(programme) -> dict:
    """What the dashboard counts of ``architecture()``, without building it: the domains that
    have systems or a record, and of those the ones with a chosen solution."""
    with_systems = set(db.session.scalars(
        _of(System, programme).with_only_columns(System.domain).distinct()))
    solutions = dict(db.session.execute(
        _of(ArchitectureDomain, programme)
        .with_only_columns(ArchitectureDomain.domain, ArchitectureDomain.solution)).all())
    domains = (with_systems | set(solutions)) & set(Domain)
    return {
        "domains": len(domains),
        "domains_designed": sum(1 for d in domains if solutions.get(d)),
    }


def procurement_figures(programme) -> dict:
    procurements = list_procurements(programme)
    return {
        "procurements": len(procurements),
        "procurements_late": sum(1 for p in procurements if late_items(p)),
    }


def completion(programme) -> dict:
    """All figures of the step; each dashboard check computes only its own part."""
    return {**profile_figures(programme), **architecture_figures(programme),
            **procurement_figures(programme)}
