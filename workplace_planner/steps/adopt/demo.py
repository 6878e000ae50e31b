"""Demo data for step 5: the first adoption measurements of the two pilot groups. The green
maintenance workers in Merwedal lag behind their own target line; the policy advisers in
Lingewaard-Oost are on track."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from workplace_planner.steps.adopt import services

POLICY, FIELD = "Beleidsmedewerker", "Groenbeheerder buitendienst"
LINGEWAARD, MERWEDAL = "Gemeente Lingewaard-Oost", "Gemeente Merwedal"

# persona (None: every persona), go-live, target date, usage, satisfaction, tickets, note
TARGETS = (
    (None, date(2028, 1, 15), date(2028, 12, 31), D(85), D(7), D(4),
     "Afgesproken in de stuurgroep bij de start van de pilot."),
    (FIELD, date(2028, 2, 1), date(2028, 9, 30), D(70), D("6.5"), D(6),
     "Lager dan het algemene doel: de buitendienst werkt alleen met de telefoon."),
)
# persona, municipality, date, usage, satisfaction, tickets, note
MEASUREMENTS = (
    (POLICY, LINGEWAARD, date(2028, 2, 15), D(38), D("6.8"), D("5.2"),
     "Eerste meting na twee weken pilot; enquête onder 48 pilotdeelnemers."),
    (POLICY, LINGEWAARD, date(2028, 4, 15), D(61), D("7.4"), D("3.1"), ""),
    (FIELD, MERWEDAL, date(2028, 3, 1), D(12), D("5.9"), D("9.4"),
     "Telefoonhouders in de werkbussen ontbraken nog."),
    (FIELD, MERWEDAL, date(2028, 4, 15), D(18), D("6.1"), D("8.0"),
     "Inloopspreekuur in de werkplaats loopt pas sinds april."),
)


def load_adopt_demo(programme) -> None:
    personas = {p.name: p for p in services.list_personas(programme)}
    participants = {p.name: p for p in programme.participants}
    for name, starts_on, target_date, usage, satisfaction, tickets, note in TARGETS:
        services.create_target(
            programme, personas[name].id if name else None, starts_on=starts_on,
            target_date=target_date, usage_pct=usage, satisfaction=satisfaction,
            tickets_per_100=tickets, note=note,
        )
    for name, municipality, measured_on, usage, satisfaction, tickets, note in MEASUREMENTS:
        services.create_measurement(
            programme, personas[name].id, participants[municipality].id,
            measured_on=measured_on, usage_pct=usage, satisfaction=satisfaction,
            tickets_per_100=tickets, note=note,
        )
