"""Demo data for step 4: three migration waves, one per municipality (the first done, the
second running), communication and training from the adoption framework, and the actual
spending of 2027 and 2028."""

from __future__ import annotations

from decimal import Decimal

from workplace_planner.extensions import db
from workplace_planner.steps.implement import services
from workplace_planner.steps.implement.models import TrainingStatus, WaveStatus
from workplace_planner.steps.strategy.technology.quarters import quarter_index as q

# name, municipality, start, end, status, roadmap item titles
WAVES = (
    ("Golf 1: Lingewaard-Oost", "Gemeente Lingewaard-Oost", q(2028, 3), q(2028, 4),
     WaveStatus.DONE, ("Laptops voor Lingewaard-Oost", "Mail naar Exchange Online",
                       "Microsoft 365 Apps uitrollen")),
    ("Golf 2: Merwedal", "Gemeente Merwedal", q(2029, 1), q(2029, 2), WaveStatus.RUNNING,
     ("Laptops voor Merwedal", "Telefonie naar Teams")),
    ("Golf 3: Zandvliet", "Gemeente Zandvliet", q(2029, 3), q(2029, 4), WaveStatus.PLANNED,
     ("Laptops voor Zandvliet", "Bestanden naar SharePoint en OneDrive")),
)
# (year, category, amount, note)
ACTUALS = (
    (2027, "licences", Decimal("398450.12"), "Facturen licentiepartner"),
    (2027, "external_services", Decimal("341200.00"), "Implementatiepartner, fase 1"),
    (2027, "internal_staff", Decimal("158900.50"), "Urenverantwoording projectteam"),
    (2027, "devices", Decimal("612300.00"), "Eerste levering laptops"),
    (2027, "training", Decimal("96450.75"), "E-learning en floor walkers"),
    (2028, "licences", Decimal("431115.40"), ""),
    (2028, "devices", Decimal("254800.00"), "Telefoons buitendienst"),
    (2028, "migration", Decimal("118640.00"), "Migratie mail golf 1"),
)


def load_implement_demo(programme) -> None:
    participants = {p.name: p.id for p in programme.participants}
    items = {i.title: i.id for i in services.list_roadmap_items(programme)}
    personas = services.list_personas(programme)
    waves = []
    for name, municipality, start, end, status, titles in WAVES:
        users = {p.id: p.headcount_for(participants.get(municipality)) for p in personas}
        waves.append(services.create_wave(
            programme,
            {"participant_ids": [participants[municipality]] if municipality in participants
             else [], "item_ids": [items[t] for t in titles if t in items]},
            users, name=name, start_quarter=start, end_quarter=end, status=status, notes=""))
        db.session.flush()
    for measure in services.list_measures(programme):
        for persona in measure.personas:
            services.create_item(programme, measure.id, persona.id, waves[0].id,
                                 status=TrainingStatus.DONE, note="")
            services.create_item(programme, measure.id, persona.id, waves[1].id,
                                 status=TrainingStatus.IN_PROGRESS, note="")
    for year, category, amount, note in ACTUALS:
        services.create_actual(programme, year=year, category=category, amount=amount,
                               note=note)
    db.session.flush()
