"""Demo data for step 6: the run organisation being set up, four contracts (the servicedesk
contract must be renewed or tendered soon) and the first months of service levels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from workplace_planner.extensions import db
from workplace_planner.steps.operate import rules, services
from workplace_planner.steps.operate.models import (
    Direction,
    Frequency,
    RegieTask,
    Sourcing,
)
from workplace_planner.steps.strategy.technology import services as technology

INTERNAL, EXTERNAL = Sourcing.INTERNAL, Sourcing.EXTERNAL
ROLES = (
    ("Regisseur werkplekdiensten", D(2), INTERNAL, "",
     "Volgt uit het governancebesluit: regie bij het servicecentrum."),
    ("Contractmanager", D(1), INTERNAL, "", ""),
    ("Functioneel beheer Microsoft 365", D("1.5"), INTERNAL, "",
     "Twee oud-beheerders van de bestandsservers, omgeschoold."),
    ("Servicedesk eerste lijn", D(6), EXTERNAL, "Servicedesk Partners B.V.",
     "Bereikbaar van 7.00 tot 18.00 uur, ook voor de buitendienst."),
    ("Security Operations Center (24/7)", D("1.2"), EXTERNAL, "SOC Nederland B.V.", ""),
)
TASKS = (
    ("Serviceoverleg met de werkplekleverancier", "Regisseur werkplekdiensten",
     Frequency.MONTHLY, "SLA-rapportage, storingen en wijzigingen bespreken."),
    ("SLA-rapportage aan de stuurgroep", "Contractmanager", Frequency.QUARTERLY, ""),
    ("Licentieaantallen afstemmen op de formatie", "Functioneel beheer Microsoft 365",
     Frequency.QUARTERLY, "Instroom en uitstroom van de drie gemeenten verwerken."),
    ("Wijzigingen van Microsoft volgen", "Functioneel beheer Microsoft 365", Frequency.WEEKLY,
     "Berichtencentrum en roadmap; impact per persona inschatten."),
    ("Leveranciersbeoordeling", "Contractmanager", Frequency.YEARLY, ""),
)


def _contracts(today: date):
    # The servicedesk contract ends in seven months with three months' notice: its renewal
    # decision falls within the six months the pages flag.
    ends = rules.add_months(today, 7)
    return (
        ("Licentiepartner Nederland B.V.", "Microsoft 365-licenties (Enterprise Agreement)",
         ("Exchange 2016", "Office 2016", "Intranet (SharePoint 2013)"),
         date(2027, 7, 1), date(2030, 6, 30), 3, None, D("498000"), "Contractmanager",
         "Aantallen jaarlijks bij te stellen (true-up)."),
        ("Servicedesk Partners B.V.", "Servicedesk en werkplekbeheer", ("Vaste desktops",),
         rules.add_months(ends, -36), ends, 3, None, D("612000"), "Contractmanager",
         "Verlengen of opnieuw aanbesteden: besluit nodig vóór de opzegtermijn ingaat."),
        ("SOC Nederland B.V.", "Security Operations Center", ("Virusscanner",),
         date(2028, 1, 1), date(2031, 12, 31), 6, None, D("142000"), "Informatiebeveiliging",
         ""),
        ("Telecom Noord B.V.", "Teams-telefonie met KCC-module", ("Telefooncentrale",),
         date(2028, 10, 1), date(2032, 9, 30), 6, date(2032, 1, 31), D("86400"),
         "Contractmanager", ""),
    )


# contract subject, name, direction, norm, unit, [(month, value, note)]
LEVELS = (
    ("Servicedesk en werkplekbeheer", "Beschikbaarheid werkplekdiensten", Direction.AT_LEAST,
     D("99.5"), "procent",
     [(date(2028, 2, 1), D("99.7"), ""), (date(2028, 3, 1), D("99.2"),
                                          "Storing aanmeldservice op 14 maart."),
      (date(2028, 4, 1), D("99.8"), "")]),
    ("Servicedesk en werkplekbeheer", "Oplostijd prioriteit-1-storingen", Direction.AT_MOST,
     D(4), "uur",
     [(date(2028, 2, 1), D("3.5"), ""), (date(2028, 3, 1), D(5), ""),
      (date(2028, 4, 1), D(3), "")]),
    ("Servicedesk en werkplekbeheer", "Tevredenheid over de servicedesk", Direction.AT_LEAST,
     D("7.5"), "rapportcijfer",
     [(date(2028, 2, 1), D("7.2"), ""), (date(2028, 3, 1), D("7.6"), ""),
      (date(2028, 4, 1), D("7.8"), "")]),
    ("Security Operations Center", "Reactietijd op kritieke meldingen", Direction.AT_MOST,
     D(15), "minuten",
     [(date(2028, 3, 1), D(12), ""), (date(2028, 4, 1), D(9), "")]),
)


def load_operate_demo(programme, today: date | None = None) -> None:
    today = today or date.today()
    for name, fte, sourcing, supplier, note in ROLES:
        services.save_role(programme, name=name, fte=fte, sourcing=sourcing,
                           supplier=supplier, note=note)
    for title, owner, frequency, note in TASKS:
        services.save_record(programme, RegieTask, title=title, owner=owner,
                             frequency=frequency, note=note)
    systems = {s.name: s.id for s in technology.list_systems(programme)}
    contracts = {}
    for (supplier, subject, system_names, starts_on, ends_on, notice, renewal_on, value, owner,
         note) in _contracts(today):
        contracts[subject] = services.save_contract(
            programme, system_ids=[systems[n] for n in system_names if n in systems],
            supplier=supplier, subject=subject, starts_on=starts_on, ends_on=ends_on,
            notice_months=notice, renewal_on=renewal_on, annual_value=value, owner=owner,
            note=note,
        )
    db.session.flush()
    for subject, name, direction, norm, unit, values in LEVELS:
        level = services.save_service_level(programme, contracts[subject], name=name,
                                            norm=norm, unit=unit, direction=direction)
        db.session.flush()
        for period_start, value, note in values:
            services.save_level_measurement(programme, level, period_start=period_start,
                                            value=value, note=note)
