"""Demo data: a shared-service organisation of three fictional municipalities with one
programme, and a second organisation that must never see the first one's data."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

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
from workplace_planner.programmes.models import Programme, Status
from workplace_planner.steps import get_step
from workplace_planner.steps.adopt.demo import load_adopt_demo
from workplace_planner.steps.design.demo import load_design_demo
from workplace_planner.steps.evaluate.demo import load_evaluate_demo
from workplace_planner.steps.implement.demo import load_implement_demo
from workplace_planner.steps.operate.demo import load_operate_demo
from workplace_planner.steps.prepare.demo import load_pilot_demo
from workplace_planner.steps.strategy.continuity.demo import load_bia_demo
from workplace_planner.steps.strategy.direction.demo import load_direction_demo
from workplace_planner.steps.strategy.employee.demo import load_employee_demo
from workplace_planner.steps.strategy.organisation.demo import load_business_case_demo
from workplace_planner.steps.strategy.risks.demo import load_risk_demo
from workplace_planner.steps.strategy.technology.demo import load_technology_demo

SHARED_SERVICE = "Servicecentrum Drechtwaard"
OTHER = "Gemeente Oosterhaven"

# (e-mail, role, organisation)
DEMO_USERS = (
    ("admin@demo.example", Role.ADMIN.value, SHARED_SERVICE),
    ("editor@demo.example", Role.EDITOR.value, SHARED_SERVICE),
    ("workshop@demo.example", Role.WORKSHOP_LEAD.value, SHARED_SERVICE),
    ("reviewer@demo.example", Role.REVIEWER.value, SHARED_SERVICE),
    ("admin@other.example", Role.ADMIN.value, OTHER),
)
DEMO_NAMES = {
    "admin@demo.example": "Anouk de Vries",
    "editor@demo.example": "Bram Jansen",
    "workshop@demo.example": "Fatima el Amrani",
    "reviewer@demo.example": "Koen Visser",
    "admin@other.example": "Sanne Bakker",
}
# Fictional municipalities; headcount and inhabitants of a realistic size.
PARTICIPANTS = (
    ("Gemeente Lingewaard-Oost", 640, 46_200),
    ("Gemeente Merwedal", 410, 28_900),
    ("Gemeente Zandvliet", 265, 17_400),
)
AMBITION = (
    "In 2031 werken alle medewerkers van de drie gemeenten plaats- en tijdonafhankelijk op een "
    "veilige, eenvoudige werkplek die past bij hun werk: van de buitendienst met alleen een "
    "telefoon tot de beleidsmedewerker met twee grote schermen. We kiezen cloud waar het kan en "
    "houden eigen systemen waar het moet."
)


def _organisation(name: str, kind: OrganisationKind, **figures) -> Organisation:
    organisation = db.session.scalar(select(Organisation).where(Organisation.name == name))
    if organisation is None:
        organisation = Organisation(name=name, kind=kind, **figures)
        db.session.add(organisation)
        db.session.flush()
    return organisation


def _user(email: str, password: str, organisation: Organisation, role: Role) -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        user = User(email=email, name=DEMO_NAMES[email], password_hash="")
        db.session.add(user)
    user.password_hash = hash_password(password)
    user.active = True
    if user.membership_in(organisation.id) is None:
        db.session.add(Membership(user=user, organisation=organisation, role=role))
    return user


def _progress(programme: Programme, step: str, perspective: str, ticked, status, owner, due):
    cell = programme.progress_for(step, perspective)
    cell.tick(ticked)
    cell.move_to(status)
    cell.owner = owner
    cell.due_date = due


# The demo programme is midway: strategy, design and pilot are done, implementation runs.
# (step, perspective, status, owner's e-mail, due date); a done part has every deliverable.
DEMO_PROGRESS = (
    ("strategy", "employee", Status.DONE, "workshop@demo.example", date(2027, 3, 31)),
    ("strategy", "technology", Status.DONE, "editor@demo.example", date(2027, 4, 30)),
    ("strategy", "organisation", Status.DONE, "admin@demo.example", date(2027, 6, 1)),
    ("design", "employee", Status.DONE, "workshop@demo.example", date(2027, 9, 30)),
    ("design", "technology", Status.DONE, "editor@demo.example", date(2027, 9, 30)),
    ("design", "organisation", Status.DONE, "admin@demo.example", date(2027, 10, 31)),
    ("prepare", "employee", Status.DONE, "workshop@demo.example", date(2028, 3, 31)),
    ("prepare", "technology", Status.DONE, "editor@demo.example", date(2028, 3, 31)),
    ("prepare", "organisation", Status.DONE, "admin@demo.example", date(2028, 3, 31)),
    ("implement", "employee", Status.IN_PROGRESS, "workshop@demo.example", date(2029, 6, 30)),
    ("implement", "technology", Status.IN_PROGRESS, "editor@demo.example", date(2029, 6, 30)),
    ("implement", "organisation", Status.IN_PROGRESS, "admin@demo.example", date(2029, 12, 31)),
)


def load_module_demos(programme: Programme) -> None:
    """Every module's demo content for one programme, in the order they build on each other."""
    load_employee_demo(programme)
    load_technology_demo(programme)
    load_risk_demo(programme)
    load_bia_demo(programme)
    load_business_case_demo(programme)
    load_direction_demo(programme)
    load_design_demo(programme)
    load_pilot_demo(programme)
    load_implement_demo(programme)
    load_adopt_demo(programme)
    load_operate_demo(programme)
    load_evaluate_demo(programme)


def _demo_progress(programme: Programme, users: dict) -> None:
    for step_key, perspective, status, email, due in DEMO_PROGRESS:
        keys = get_step(step_key).deliverable_keys(perspective)
        ticked = keys if status is Status.DONE else keys[:1]
        _progress(programme, step_key, perspective, ticked, status, users[email], due)


def load_demo(password: str) -> str:
    """Create the demo data once; a second run only resets the demo users' passwords."""
    shared = _organisation(SHARED_SERVICE, OrganisationKind.SHARED_SERVICE)
    other = _organisation(
        OTHER, OrganisationKind.MUNICIPALITY, headcount=380, inhabitants=25_600
    )
    for name, headcount, inhabitants in PARTICIPANTS:
        if not any(p.name == name for p in shared.participants):
            shared.participants.append(
                Participant(name=name, headcount=headcount, inhabitants=inhabitants)
            )
    organisations = {SHARED_SERVICE: shared, OTHER: other}
    users = {
        email: _user(email, password, organisations[org], Role(role))
        for email, role, org in DEMO_USERS
    }
    db.session.flush()

    created = []
    if not programmes.list_programmes(shared):
        programme = programmes.create_programme(
            shared,
            "Digitale werkplek 2027–2031",
            2027,
            5,
            AMBITION,
            [p.id for p in shared.participants],
        )
        db.session.flush()
        load_module_demos(programme)
        _demo_progress(programme, users)
        created.append(programme.name)
    if not programmes.list_programmes(other):
        programmes.create_programme(
            other, "Werkplek in de cloud", 2027, 4,
            "Alle kantoortoepassingen als dienst afnemen, met een kleine regieorganisatie.",
        )
        created.append("Werkplek in de cloud")
    db.session.commit()
    if created:
        return "Demo data loaded: " + ", ".join(created) + "."
    return "Demo data was already there; the demo users' passwords have been reset."
