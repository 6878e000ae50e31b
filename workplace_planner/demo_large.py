"""A large programme for benchmarks: five municipalities with 5,000 employees, 40 personas,
300 roadmap items, 200 risks, 100 BIA entries and 1,000 business-case lines.

It starts from the ordinary demo content of every module (so every page has something real to
show) and grows it to size by varying what is there: extra personas for other departments,
extra roadmap changes spread over the horizon, business-case lines copied from valid ones with
other amounts. Headcounts are spread so that each municipality's personas add up exactly to its
workforce. ``scale`` shrinks every count (the query-count test builds the same shape twice at
different sizes); the content is seeded, so every run builds the same programme.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import inspect, select

from workplace_planner.auth.models import (
    Membership,
    Organisation,
    OrganisationKind,
    Participant,
    Role,
    User,
)
from workplace_planner.auth.passwords import hash_password
from workplace_planner.extensions import db
from workplace_planner.programmes import services as programmes
from workplace_planner.programmes.models import Programme

LARGE_ORGANISATION = "Werkplekcoöperatie Rivierenland"
LARGE_PROGRAMME = "Digitale werkplek Rivierenland 2027–2031"
# name, employees, inhabitants: 5,000 employees in all. The first three carry the names of the
# small demo's municipalities (in another organisation), because the modules' demo content
# refers to them by name.
LARGE_PARTICIPANTS = (
    ("Gemeente Lingewaard-Oost", 1_640, 118_400),
    ("Gemeente Merwedal", 1_210, 86_900),
    ("Gemeente Zandvliet", 905, 63_200),
    ("Gemeente Maasveld", 730, 49_800),
    ("Gemeente Dijkzicht", 515, 34_100),
)
LARGE_USERS = (
    ("admin@large.example", "Lotte Hendriks", Role.ADMIN),
    ("editor@large.example", "Ruben de Graaf", Role.EDITOR),
    ("reviewer@large.example", "Noor Smits", Role.REVIEWER),
)


@dataclass(frozen=True)
class Size:
    personas: int = 40
    roadmap_items: int = 300
    risks: int = 200
    bia_entries: int = 100
    case_lines: int = 1_000
    pilots: int = 10  # with their champions and criteria
    contracts: int = 30  # with their service levels and measurements

    def scaled(self, scale: float) -> Size:
        return Size(*(max(1, round(n * scale)) for n in (
            self.personas, self.roadmap_items, self.risks, self.bia_entries, self.case_lines,
            self.pilots, self.contracts,
        )))


FULL = Size()

DEPARTMENTS = (
    "Publiekszaken", "Vergunningen", "Sociaal domein", "Financiën", "HRM", "Openbare ruimte",
    "Klantcontactcentrum", "Informatievoorziening", "Griffie", "Handhaving", "Belastingen",
    "Ruimtelijke ordening", "Communicatie", "Inkoop", "Juridische zaken", "Wijkteams",
)
CHANGE_VERBS = (
    "Invoeren", "Uitrollen", "Migreren van", "Vervangen van", "Uitfaseren van", "Inrichten van",
    "Aanbesteden van", "Beveiligen van", "Standaardiseren van", "Automatiseren van",
)
CHANGE_SUBJECTS = (
    "meervoudige authenticatie", "beheerde laptops", "Teams-telefonie", "SharePoint-sites",
    "het zaaksysteem", "de mobiele werkplek buitendienst", "printen op afroep",
    "de servicedesk-selfservice", "het identiteitsbeheer", "de netwerkverbindingen",
    "de back-up naar de cloud", "het GIS-platform", "de vergaderruimtes", "e-learning",
    "het archief", "de koppelingen met ketenpartners", "dataclassificatie", "de intranetsite",
)


def _clone(obj, **changes):
    """A new object with every column of ``obj`` copied except its identity and bookkeeping."""
    mapper = inspect(type(obj))
    skip = {"id", "version", "created_at", "updated_at"}
    values = {
        attribute.key: getattr(obj, attribute.key)
        for attribute in mapper.column_attrs
        if attribute.key not in skip
    }
    values.update(changes)
    return type(obj)(**values)


def _spread(total: int, weights: list[float]) -> list[int]:
    """``total`` split by ``weights`` in whole numbers that add up exactly (largest remainder)."""
    shares = [total * w / sum(weights) for w in weights]
    whole = [int(s) for s in shares]
    for index in sorted(range(len(shares)), key=lambda i: whole[i] - shares[i])[
        : total - sum(whole)
    ]:
        whole[index] += 1
    return whole


def _organisation_and_users(password: str) -> Organisation:
    organisation = Organisation(name=LARGE_ORGANISATION, kind=OrganisationKind.SHARED_SERVICE)
    for name, employees, inhabitants in LARGE_PARTICIPANTS:
        organisation.participants.append(
            Participant(name=name, headcount=employees, inhabitants=inhabitants)
        )
    db.session.add(organisation)
    for email, name, role in LARGE_USERS:
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(email=email, name=name, password_hash="")
            db.session.add(user)
        user.password_hash = hash_password(password)
        db.session.add(Membership(user=user, organisation=organisation, role=role))
    db.session.flush()
    return organisation


def _grow_personas(programme: Programme, size: Size, rng: random.Random) -> None:
    from workplace_planner.steps.strategy.employee.models import Persona, PersonaHeadcount

    personas = list(db.session.scalars(
        select(Persona).where(Persona.programme_id == programme.id).order_by(Persona.id)
    ))
    base = list(personas)
    index = 0
    while len(personas) < size.personas:
        model = base[index % len(base)]
        department = DEPARTMENTS[(index // len(base)) % len(DEPARTMENTS)]
        persona = _clone(model, name=f"{model.name} ({department})"[:120], department=department)
        db.session.add(persona)
        personas.append(persona)
        index += 1
    db.session.flush()
    # Every municipality's personas add up exactly to its workforce.
    db.session.execute(db.delete(PersonaHeadcount).where(
        PersonaHeadcount.persona_id.in_([p.id for p in personas])
    ))
    for participant in programme.participants:
        weights = [rng.uniform(0.3, 3.0) for _ in personas]
        for persona, count in zip(personas, _spread(participant.headcount, weights), strict=True):
            db.session.add(PersonaHeadcount(
                organisation_id=programme.organisation_id, persona_id=persona.id,
                participant_id=participant.id, headcount=count,
            ))
    db.session.flush()


def _grow_roadmap(programme: Programme, size: Size, rng: random.Random) -> None:
    from workplace_planner.steps.strategy.employee.models import Persona
    from workplace_planner.steps.strategy.technology.models import RoadmapItem, System
    from workplace_planner.steps.strategy.technology.quarters import quarter_index

    items = list(db.session.scalars(
        select(RoadmapItem).where(RoadmapItem.programme_id == programme.id)
        .order_by(RoadmapItem.id)
    ))
    systems = list(db.session.scalars(select(System).where(System.programme_id == programme.id)))
    personas = list(db.session.scalars(
        select(Persona).where(Persona.programme_id == programme.id)
    ))
    participants = list(programme.participants)
    first = quarter_index(programme.start_year, 1)
    last = quarter_index(programme.end_year, 4)
    base = list(items)
    number = 0
    while len(items) < size.roadmap_items:
        model = base[number % len(base)]
        verb, subject = rng.choice(CHANGE_VERBS), rng.choice(CHANGE_SUBJECTS)
        start = rng.randint(first, last - 1)
        item = _clone(
            model,
            title=f"{verb} {subject} ({participants[number % len(participants)].name})"[:200],
            start_quarter=start, end_quarter=min(last, start + rng.randint(0, 5)),
        )
        item.systems = rng.sample(systems, k=min(len(systems), rng.randint(0, 2)))
        item.personas = rng.sample(personas, k=min(len(personas), rng.randint(0, 3)))
        item.participants = rng.sample(participants, k=rng.randint(1, len(participants)))
        # Only on items made earlier: the dependency graph stays free of cycles.
        if rng.random() < 0.3:
            item.dependencies = [rng.choice(items)]
        db.session.add(item)
        items.append(item)
        number += 1
    db.session.flush()


def _grow_case_lines(programme: Programme, size: Size, rng: random.Random) -> None:
    from decimal import Decimal

    from workplace_planner.steps.strategy.organisation.models import CaseLine

    lines = list(db.session.scalars(
        select(CaseLine).where(CaseLine.programme_id == programme.id).order_by(CaseLine.id)
    ))
    base = list(lines)
    number = 0
    while len(lines) < size.case_lines:
        model = base[number % len(base)]
        factor = Decimal(rng.randint(20, 180)) / 100
        changes = {"name": f"{model.name} — deel {number // len(base) + 2}"[:200],
                   "position": len(lines)}
        for money in ("amount", "price_per_user_month", "cost_per_fte", "unit_price"):
            value = getattr(model, money)
            if value is not None:
                changes[money] = (value * factor).quantize(Decimal("0.01"))
        line = _clone(model, **changes)
        line.personas = list(model.personas)
        db.session.add(line)
        lines.append(line)
        number += 1
    db.session.flush()


def _grow_risks(programme: Programme, size: Size, rng: random.Random) -> None:
    """More risks, each on a roadmap item of the grown roadmap, with their measures."""
    from workplace_planner.steps.strategy.risks.models import Risk
    from workplace_planner.steps.strategy.technology.models import RoadmapItem

    risks = list(db.session.scalars(
        select(Risk).where(Risk.programme_id == programme.id).order_by(Risk.id)
    ))
    items = list(db.session.scalars(
        select(RoadmapItem).where(RoadmapItem.programme_id == programme.id)
    ))
    base = list(risks)
    while len(risks) < size.risks:
        model = base[len(risks) % len(base)]
        item = rng.choice(items)
        risk = _clone(model, roadmap_item_id=item.id,
                      title=f"{model.title} ({item.title})"[:200],
                      inherent_likelihood=rng.randint(1, 5), inherent_impact=rng.randint(1, 5))
        risk.systems = list(item.systems) or list(model.systems)
        risk.measures = [_clone(m, risk_id=None) for m in model.measures]
        db.session.add(risk)
        risks.append(risk)
    db.session.flush()


def _grow_bia(programme: Programme, size: Size, rng: random.Random) -> None:
    """More processes: the demo's processes as carried out in the other departments."""
    from workplace_planner.steps.strategy.continuity.models import BiaEntry

    entries = list(db.session.scalars(
        select(BiaEntry).where(BiaEntry.programme_id == programme.id).order_by(BiaEntry.id)
    ))
    base = list(entries)
    participants = list(programme.participants)
    while len(entries) < size.bia_entries:
        number = len(entries) - len(base)
        model = base[number % len(base)]
        department = DEPARTMENTS[(number // len(base)) % len(DEPARTMENTS)]
        entry = _clone(model, name=f"{model.name} — {department} {number // len(base) + 1}"[:200])
        entry.systems = list(model.systems)
        entry.personas = list(model.personas)
        entry.participants = rng.sample(participants, k=rng.randint(1, len(participants)))
        db.session.add(entry)
        entries.append(entry)
    db.session.flush()


def _grow_pilots(programme: Programme, size: Size, rng: random.Random) -> None:
    """More pilot groups, each with its champions and go/no-go criteria."""
    from workplace_planner.steps.prepare.models import PilotGroup

    pilots = list(db.session.scalars(
        select(PilotGroup).where(PilotGroup.programme_id == programme.id).order_by(PilotGroup.id)
    ))
    base = list(pilots)
    participants = list(programme.participants)
    while base and len(pilots) < size.pilots:
        model = base[len(pilots) % len(base)]
        participant = participants[len(pilots) % len(participants)]
        pilot = _clone(model, name=f"{model.name} — {participant.name} {len(pilots)}"[:200])
        pilot.personas, pilot.participants = list(model.personas), [participant]
        pilot.roadmap_items = list(model.roadmap_items)
        pilot.champions = [_clone(c, pilot_group_id=None) for c in model.champions]
        pilot.criteria = [_clone(c, pilot_group_id=None) for c in model.criteria]
        db.session.add(pilot)
        pilots.append(pilot)
    db.session.flush()


def _grow_contracts(programme: Programme, size: Size, rng: random.Random) -> None:
    """More contracts, each with its service levels and their monthly measurements."""
    from workplace_planner.steps.operate.models import ServiceContract

    contracts = list(db.session.scalars(
        select(ServiceContract).where(ServiceContract.programme_id == programme.id)
        .order_by(ServiceContract.id)
    ))
    base = list(contracts)
    while base and len(contracts) < size.contracts:
        model = base[len(contracts) % len(base)]
        contract = _clone(model, subject=f"{model.subject} (perceel {len(contracts)})"[:200])
        contract.systems = list(model.systems)
        for level in model.service_levels:
            copy = _clone(level, service_contract_id=None)
            copy.measurements = [_clone(m, service_level_id=None) for m in level.measurements]
            contract.service_levels.append(copy)
        db.session.add(contract)
        contracts.append(contract)
    db.session.flush()


# Each grows one module's content to its size.
GROWERS: list[Callable[[Programme, Size, random.Random], None]] = [
    _grow_personas,
    _grow_roadmap,
    _grow_risks,
    _grow_bia,
    _grow_case_lines,
    _grow_pilots,
    _grow_contracts,
]


def load_large_demo(password: str, scale: float = 1.0, seed: int = 2027) -> Programme:
    """Create the large organisation and its programme (once; a second run changes nothing
    but the users' passwords)."""
    from workplace_planner.demo import load_module_demos

    existing = db.session.scalar(
        select(Organisation).where(Organisation.name == LARGE_ORGANISATION)
    )
    if existing is not None:
        for email, _name, _role in LARGE_USERS:
            user = db.session.scalar(select(User).where(User.email == email))
            if user is not None:
                user.password_hash = hash_password(password)
        db.session.commit()
        return db.session.scalar(
            select(Programme).where(Programme.organisation_id == existing.id)
        )
    organisation = _organisation_and_users(password)
    programme = programmes.create_programme(
        organisation, LARGE_PROGRAMME, 2027, 5,
        "Eén veilige, eenvoudige werkplek voor de vijf gemeenten van Rivierenland.",
        [p.id for p in organisation.participants],
    )
    db.session.flush()
    load_module_demos(programme)
    size, rng = FULL.scaled(scale), random.Random(seed)
    for grow in GROWERS:
        grow(programme, size, rng)
    db.session.commit()
    return programme
