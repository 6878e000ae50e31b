"""Demo data for step 3: one pilot in Lingewaard-Oost with four champions and three
criteria, all met, decided "go"."""

from __future__ import annotations

from datetime import date

from workplace_planner.extensions import db
from workplace_planner.steps.prepare import services
from workplace_planner.steps.prepare.models import PilotDecision

PILOT = dict(
    name="Pilot moderne werkplek Lingewaard-Oost",
    description="Vijfenveertig medewerkers werken acht weken met een beheerde laptop of "
                "telefoon, Exchange Online en MFA, voordat de eerste migratiegolf start.",
    size=45, starts_on=date(2028, 1, 15), ends_on=date(2028, 3, 15),
)
PERSONAS = ("Beleidsmedewerker", "Groenbeheerder buitendienst", "Leidinggevende")
ITEMS = ("Apparaatbeheer vanuit de cloud", "Mail naar Exchange Online",
         "Meerfactorauthenticatie voor iedereen")
CHAMPIONS = (
    ("Marloes Verbeek", "Beleidsadviseur wonen", "Beleidsmedewerker"),
    ("Henk de Groot", "Voorman groenploeg", "Groenbeheerder buitendienst"),
    ("Yasmina Bouzid", "Teamleider publiekszaken", "Leidinggevende"),
    ("Jeroen Smits", "Adviseur economie", "Beleidsmedewerker"),
)
CRITERIA = (
    ("Inloggen met MFA lukt zonder hulp", "Minstens 90 procent van de deelnemers",
     "94 procent", True),
    ("Storingen die het werk stilleggen", "Geen enkele langer dan vier uur",
     "Eén storing van twee uur", True),
    ("Tevredenheid van de deelnemers", "Gemiddeld een 7 of hoger", "7,6", True),
)


def load_pilot_demo(programme) -> None:
    personas = {p.name: p for p in services.list_personas(programme)}
    items = {i.title: i.id for i in services.list_roadmap_items(programme)}
    lingewaard = [p.id for p in programme.participants if p.name == "Gemeente Lingewaard-Oost"]
    pilot = services.create_pilot(
        programme,
        {"persona_ids": [personas[n].id for n in PERSONAS if n in personas],
         "participant_ids": lingewaard, "item_ids": [items[t] for t in ITEMS if t in items]},
        **PILOT)
    db.session.flush()
    for name, role, persona in CHAMPIONS:
        services.create_champion(
            programme, persona_id=personas[persona].id if persona in personas else None,
            participant_id=lingewaard[0] if lingewaard else None, pilot_id=pilot.id,
            name=name, role=role)
    for criterion, norm, outcome, met in CRITERIA:
        services.add_criterion(pilot, criterion=criterion, norm=norm, outcome=outcome, met=met)
    pilot.decide(PilotDecision.GO, date(2028, 3, 22),
                 "Alle criteria gehaald; de eerste migratiegolf start in het derde kwartaal.")
    db.session.flush()
