"""Demo data for the business impact analysis: ten processes of the three demo municipalities,
linked to the demo inventory and personas, with impacts, downtime objectives and fallbacks
(some still missing: that is what a first BIA usually shows)."""

from __future__ import annotations

from workplace_planner.steps.strategy.continuity import services
from workplace_planner.steps.strategy.continuity.choices import Level
from workplace_planner.steps.strategy.technology.demo import ALL, LINGEWAARD, MERWEDAL

L, M, H = Level.LOW, Level.MEDIUM, Level.HIGH
DAY, WEEK = 24, 168

# name, owner, municipalities (() = all), systems, personas,
# impacts (citizens, finance, legal, reputation, safety) after 4 h / 1 day / 3 days / 1 week,
# MTD, RTO, RPO (hours), has fallback, fallback, BIV, description
PROCESSES = (
    ("Burgerzaken: balie en reisdocumenten", "Team Publiekszaken", ALL,
     ("Burgerzaken (BRP)", "Active Directory", "Vaste desktops"),
     ("Baliemedewerker Burgerzaken",),
     ([3, 4, 4, 5], [1, 2, 2, 3], [2, 3, 4, 4], [3, 4, 4, 5], [1, 1, 2, 2]),
     DAY, 8, 1, True,
     "Afspraken verzetten en inwoners bellen; spoedaanvragen reisdocumenten via de "
     "buurgemeente volgens de onderlinge afspraak.", (H, H, H),
     "Paspoorten, identiteitskaarten, rijbewijzen, verhuizingen en uittreksels."),
    ("Klantcontactcentrum (KCC)", "Team Dienstverlening", ALL,
     ("Telefooncentrale", "Zaaksysteem", "Intranet (SharePoint 2013)", "Active Directory"),
     ("Baliemedewerker Burgerzaken",),
     ([3, 4, 5, 5], [1, 1, 2, 2], [1, 2, 2, 3], [3, 4, 5, 5], [1, 2, 2, 3]),
     4, 4, 4, True,
     "Keuzemenu met een ingesproken bericht; terugbelverzoeken op papier, later invoeren.",
     (H, M, M), "Telefoon, chat en e-mail van inwoners en ondernemers; het eerste loket."),
    ("Omgevingsvergunningen", "Team Vergunningen", ALL,
     ("Zaaksysteem", "GIS", "Exchange 2016", "Active Directory"), ("Ruimtelijk planner",),
     ([1, 2, 3, 4], [1, 1, 2, 3], [1, 2, 3, 5], [1, 2, 3, 4], [None, None, 1, 1]),
     3 * DAY, 8, 4, True,
     "Termijnen handmatig bijhouden in een lijst; een vergunning van rechtswege voorkomen "
     "door het verdagingsbesluit op papier te nemen.", (M, H, M),
     "Aanvragen onder de Omgevingswet; wettelijke beslistermijnen van 8 weken."),
    ("Parkeervergunningen", "Team Publiekszaken", (MERWEDAL,),
     ("Parkeervergunningen", "Active Directory"), ("Baliemedewerker Burgerzaken",),
     ([1, 2, 2, 3], [1, 1, 2, 2], [None, 1, 1, 2], [1, 2, 2, 3], [None, None, None, None]),
     3 * DAY, DAY, DAY, False, "", (M, M, L),
     "Bewoners- en bedrijfsvergunningen in Merwedal; loopt volledig bij de SaaS-leverancier."),
    ("Sociaal domein: Wmo, jeugd en schuldhulp", "Team Sociaal Domein", ALL,
     ("Zaaksysteem", "Exchange 2016", "Bestandsservers (Windows Server 2016)",
      "Active Directory"), ("Wijkteammedewerker",),
     ([2, 3, 4, 5], [1, 1, 2, 3], [2, 3, 3, 4], [2, 3, 4, 4], [2, 3, 4, 5]),
     DAY, 4, 1, False,
     "Nog niet uitgewerkt. Crisissituaties lopen via de telefoon van het wijkteam en Veilig "
     "Thuis, maar dossiers zijn dan niet in te zien.", (H, H, H),
     "Keukentafelgesprekken, beschikkingen en ketenoverleg met zeer gevoelige gegevens."),
    ("Salarisadministratie", "Team HR", ALL,
     ("Financieel systeem", "Bestandsservers (Windows Server 2016)", "Active Directory"),
     ("Medewerker bedrijfsvoering",),
     ([None, None, 1, 2], [1, 1, 3, 4], [1, 1, 2, 3], [1, 1, 3, 4], [None, None, None, 1]),
     3 * DAY, DAY, DAY, True,
     "De salarisbetaling van de vorige maand opnieuw laten uitvoeren door de bank; "
     "verschillen in de maand erna verrekenen.", (M, H, H),
     "Salarissen van ruim 1.300 medewerkers; de betaling staat op de 23e van de maand."),
    ("Financiële administratie en betalingen", "Team Financiën", ALL,
     ("Financieel systeem", "Exchange 2016", "Active Directory"),
     ("Medewerker bedrijfsvoering", "Leidinggevende"),
     ([None, 1, 1, 2], [1, 2, 3, 3], [None, 1, 2, 3], [None, 1, 2, 3], [None, None, None, None]),
     WEEK, 3 * DAY, DAY, False, "", (M, H, M),
     "Facturen van leveranciers, fiattering en betalingen; betaaltermijn van 30 dagen."),
    ("GIS en kaartproductie", "Team Geo-informatie", (LINGEWAARD, MERWEDAL),
     ("GIS", "Bestandsservers (Windows Server 2016)", "Citrix-farm"), ("Ruimtelijk planner",),
     ([None, 1, 1, 2], [None, 1, 1, 2], [None, 1, 2, 2], [None, 1, 1, 2], [1, 1, 2, 3]),
     WEEK, 3 * DAY, DAY, False, "", (L, H, L),
     "Kaarten voor vergunningen, het omgevingsplan en de hulpdiensten."),
    ("Buitendienst: meldingen openbare ruimte", "Team Openbare Ruimte", ALL,
     ("Zaaksysteem", "Telefooncentrale", "Active Directory"), ("Groenbeheerder buitendienst",),
     ([1, 2, 3, 4], [1, 1, 1, 2], [1, 1, 2, 3], [1, 2, 3, 4], [2, 3, 3, 4]),
     DAY, 8, 4, True,
     "Meldingen telefonisch doorgeven aan de voorman; werkbonnen op papier. Gladheid en "
     "gevaarlijke situaties gaan altijd voor.", (M, M, L),
     "Meldingen van bewoners over groen, afval, verlichting en gevaarlijke situaties."),
    ("Raadsondersteuning en griffie", "Griffie", ALL,
     ("Office 2016", "Exchange 2016", "Bestandsservers (Windows Server 2016)",
      "Intranet (SharePoint 2013)"), ("Beleidsmedewerker",),
     ([None, 1, 2, 3], [None, None, 1, 1], [1, 1, 3, 4], [1, 2, 3, 4], [None, None, None, None]),
     3 * DAY, DAY, 4, False, "", (M, H, L),
     "Vergaderstukken voor raad en commissies; die moeten op tijd openbaar zijn."),
)


def load_bia_demo(programme) -> None:
    systems = {s.name: s.id for s in services.list_systems(programme)}
    personas = {p.name: p.id for p in services.list_personas(programme)}
    participants = {p.name: p.id for p in programme.participants}
    categories = ("citizens", "finance", "legal", "reputation", "safety")
    for (name, owner, municipalities, system_names, persona_names, impacts, mtd, rto, rpo,
         has_fallback, fallback, biv, description) in PROCESSES:
        concerns = () if municipalities == ALL else municipalities
        links = {
            "system_ids": [systems[s] for s in system_names if s in systems],
            "persona_ids": [personas[p] for p in persona_names if p in personas],
            "participant_ids": [participants[m] for m in concerns if m in participants],
        }
        services.create_entry(
            programme, links, name=name, owner=owner, description=description,
            mtd_hours=mtd, rto_hours=rto, rpo_hours=rpo, has_fallback=has_fallback,
            fallback=fallback, impacts=dict(zip(categories, impacts, strict=True)),
            availability=biv[0], integrity=biv[1], confidentiality=biv[2],
        )
