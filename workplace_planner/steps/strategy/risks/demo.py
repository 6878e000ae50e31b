"""Demo data for the risk assessment: Dutch risks for the demo roadmap's changes, with
measures that refer to BIO2 / ISO 27002 controls, some accepted (one acceptance needs renewal,
one has expired), and a few loose ends so that every check has something to show.

Dates are relative to today, so an overdue measure stays overdue whenever the demo is loaded.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.risks import services
from workplace_planner.steps.strategy.risks.choices import (
    AcceptorRole,
    Aspect,
    MeasureStatus,
    Treatment,
)
from workplace_planner.steps.strategy.technology.models import RoadmapItem

AV, IN, CO = Aspect.AVAILABILITY, Aspect.INTEGRITY, Aspect.CONFIDENTIALITY
PLANNED, BUSY, DONE = MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS, MeasureStatus.DONE
MITIGATE, ACCEPT, TRANSFER = Treatment.MITIGATE, Treatment.ACCEPT, Treatment.TRANSFER
CISO = "CISO Servicecentrum"

# item title, risk title, threat key, own words, vulnerability, aspects, systems,
# inherent (L, I), residual (L, I) or None, treatment, owner, review in days from today,
# measures: (description, control, owner, due in days from today, status)
RISKS = (
    ("Identiteit naar Entra ID", "Accounts overgenomen tijdens de hybride koppeling",
     "account_takeover", "",
     "Nog geen meerfactorauthenticatie; oude accounts uit drie forests worden meegesynchroniseerd.",
     (IN, CO), ("Active Directory",), (4, 5), (2, 4), MITIGATE, CISO, 90,
     (("Verouderde en dubbele accounts opschonen vóór de synchronisatie", "5.18",
       "Team Infrastructuur", -120, DONE),
      ("Beheeraccounts alleen cloud-only, met phishingbestendige MFA", "8.2",
       "Team Infrastructuur", 60, BUSY))),
    ("Identiteit naar Entra ID", "Tenant verkeerd ingericht", "tenant_misconfiguration", "",
     "Weinig ervaring met voorwaardelijke toegang en gastaccounts in Entra ID.",
     (AV, IN, CO), ("Active Directory",), (3, 4), (2, 3), MITIGATE, CISO, 120,
     (("Basisconfiguratie vastleggen en jaarlijks extern laten toetsen", "8.9",
       "Informatiebeveiliging", 150, PLANNED),
      ("Wijzigingen in de tenant via wijzigingsbeheer met vier-ogen", "8.32",
       "Team Infrastructuur", 30, BUSY))),
    ("Meerfactorauthenticatie voor iedereen", "Inlogcodes van de buitendienst gephisht",
     "phishing", "",
     "Medewerkers van de buitendienst lezen mail alleen op de telefoon en herkennen "
     "nepberichten slecht.",
     (CO,), ("Active Directory",), (4, 4), (2, 3), MITIGATE, "Informatiebeveiliging", 180,
     (("Authenticator-app met nummervergelijking in plaats van sms", "8.5",
       "Informatiebeveiliging", 200, PLANNED),
      ("Bewustwordingscampagne met een oefenmail per gemeente", "6.3",
       "Adoptiecoach", -45, BUSY))),
    ("Apparaatbeheer vanuit de cloud", "Privé-apparaten met toegang tot mail en bestanden",
     "unmanaged_devices", "",
     "Medewerkers gebruiken nu al privételefoons voor mail; niemand weet welke.",
     (IN, CO), ("Vaste desktops",), (4, 4), (2, 3), MITIGATE, "Team Werkplek", 150,
     (("Toegang alleen vanaf apparaten die aan het beleid voldoen", "8.1",
       "Team Werkplek", 90, PLANNED),
      ("App-beveiliging op privételefoons: werkgegevens blijven in de werkapps", "8.1",
       "Team Werkplek", 120, PLANNED))),
    ("Mail naar Exchange Online", "Mailboxen verloren of beschadigd bij de migratie",
     "migration_data_loss", "",
     "Grote archieven en gedeelde mailboxen; drie golven in korte tijd.",
     (AV, IN), ("Exchange 2016",), (3, 4), (1, 3), MITIGATE, "Team Infrastructuur", 200,
     (("Proefmigratie per gemeente met steekproefcontrole door de afdelingen", "8.32",
       "Team Infrastructuur", -30, DONE),
      ("Back-up van de oude mailboxen drie maanden bewaren na de overgang", "8.13",
       "Team Infrastructuur", 100, PLANNED))),
    ("Mail naar Exchange Online", "Mail bereikbaar voor buitenlandse overheden",
     "foreign_jurisdiction", "",
     "De leverancier valt onder Amerikaans recht, ook met opslag in de EU.",
     (CO,), ("Exchange 2016",), (2, 4), (2, 4), ACCEPT, "Gemeentesecretarissen", 300,
     (("Geen bijzondere persoonsgegevens in mail: die gaan via het zaaksysteem", "5.34",
       "Informatiemanagement", 120, BUSY),)),
    ("Bestanden naar SharePoint en OneDrive", "Datalek door delen met een open link",
     "sharing_leak", "",
     "Standaard mag iedereen met de link een bestand openen; medewerkers kennen het "
     "verschil niet.",
     (CO,), ("Bestandsservers (Windows Server 2016)",), (4, 4), (2, 3), MITIGATE,
     "Informatiemanagement", 200,
     (("Extern delen alleen met benoemde personen; links verlopen na 30 dagen", "5.14",
       "Team Werkplek", 200, PLANNED),
      ("Gevoeligheidslabels op documenten met persoonsgegevens", "8.12",
       "Informatiemanagement", 320, PLANNED))),
    ("Bestanden naar SharePoint en OneDrive", "Medewerkers wijken uit naar eigen cloudopslag",
     "shadow_it", "",
     "Tijdens de migratie zijn mappen tijdelijk alleen-lezen.",
     (CO,), ("Bestandsservers (Windows Server 2016)",), (3, 3), (2, 2), MITIGATE,
     "Informatiemanagement", 200, ()),
    ("Telefonie naar Teams", "Gemeente onbereikbaar als internet uitvalt", "internet_outage",
     "", "Telefonie hangt na de overgang volledig af van één internetverbinding per locatie.",
     (AV,), ("Telefooncentrale",), (2, 5), (1, 4), MITIGATE, "Team Infrastructuur", -20,
     (("Tweede internetverbinding via een andere aanbieder", "8.14", "Team Infrastructuur",
       200, PLANNED),
      ("Uitwijk: het KCC-nummer doorschakelen naar mobiele toestellen", "5.30",
       "Klantcontactcentrum", 230, PLANNED))),
    ("VPN vervangen door zero-trust-toegang", "Storing bij de leverancier van de "
     "toegangsdienst", "supplier_failure", "",
     "Alle toegang van buiten loopt straks via één dienst.",
     (AV,), ("VPN",), (2, 4), (2, 3), TRANSFER, "Regieorganisatie", 250,
     (("Beschikbaarheid, boeteclausule en exit vastleggen in het contract", "5.20",
       "Inkoop", 100, PLANNED),
      ("Prestaties van de leverancier elk kwartaal bespreken in het regieoverleg", "5.22",
       "Regieorganisatie", 160, PLANNED))),
    ("EDR op alle werkplekken", "Ransomware via een werkplek", "ransomware", "",
     "Aanvallen worden nu pas gezien als bestanden versleuteld zijn.",
     (AV, IN, CO), ("Virusscanner",), (3, 5), (2, 4), ACCEPT, CISO, 120,
     (("EDR met 24/7 monitoring door een SOC", "8.16", "Informatiebeveiliging", 150,
       PLANNED),
      ("Offline kopie van de back-up", "8.13", "Team Infrastructuur", -10, DONE))),
    ("Back-up naar een Nederlands clouddatacenter", "Terugzetten duurt te lang na een "
     "grote storing", "cloud_outage", "",
     "De hersteltijd vanuit het datacenter is nooit gemeten.",
     (AV,), ("Back-up",), (3, 4), (2, 3), MITIGATE, "Team Infrastructuur", 160,
     (("Hersteltest per kwartaal met gemeten hersteltijd", "8.13", "Team Infrastructuur",
       100, PLANNED),
      ("Lokale kopie van de kritieke systemen", "5.30", "Team Infrastructuur", 140,
       PLANNED))),
    ("Zaaksysteem naar SaaS", "Geen weg terug bij de leverancier van het zaaksysteem",
     "vendor_lock_in", "",
     "Maatwerkkoppelingen en een eigen gegevensformaat.",
     (AV, IN), ("Zaaksysteem",), (3, 3), (3, 3), ACCEPT, "Informatiemanagement", 200,
     (("Exportformaat en exitbegeleiding vastleggen in de overeenkomst", "5.23",
       "Inkoop", 180, PLANNED),)),
    ("Laptops voor Lingewaard-Oost", "Laptop met gevoelige gegevens kwijt of gestolen",
     "lost_device", "", "Medewerkers nemen de laptop mee naar huis en op locatie.",
     (CO,), ("Vaste desktops",), (4, 3), (1, 3), MITIGATE, "Team Werkplek", 220,
     (("Schijfversleuteling verplicht vanuit het apparaatbeheer", "8.1", "Team Werkplek",
       -60, DONE),
      ("Op afstand wissen bij verlies, met een meldpunt bij de servicedesk", "8.1",
       "Servicedesk", 80, BUSY))),
    ("Laptops voor Merwedal", "Laptop met gevoelige gegevens kwijt of gestolen",
     "lost_device", "", "Medewerkers nemen de laptop mee naar huis en op locatie.",
     (CO,), ("Vaste desktops",), (4, 3), (1, 3), MITIGATE, "Team Werkplek", 400,
     (("Schijfversleuteling verplicht vanuit het apparaatbeheer", "8.1", "Team Werkplek",
       300, PLANNED),)),
    ("Laptops voor Zandvliet", "Laptop met gevoelige gegevens kwijt of gestolen",
     "lost_device", "", "Medewerkers nemen de laptop mee naar huis en op locatie.",
     (CO,), ("Vaste desktops",), (4, 3), (1, 3), MITIGATE, "Team Werkplek", 500,
     (("Schijfversleuteling verplicht vanuit het apparaatbeheer", "8.1", "Team Werkplek",
       450, PLANNED),)),
    ("Citrix-farm uitfaseren", "Kennis van Citrix verdwijnt voordat de farm uit is", None,
     "Vertrek van de twee beheerders die Citrix kennen",
     "De farm draait nog twee jaar op de kennis van twee mensen.",
     (AV,), ("Citrix-farm",), (3, 3), None, MITIGATE, "Team Werkplek", 300, ()),
)

# risk title -> (accepted by, role, decided days ago, valid for days, justification)
ACCEPTANCES = {
    "Mail bereikbaar voor buitenlandse overheden": (
        "Marieke de Graaf", AcceptorRole.MANAGEMENT_TEAM, 60, 365,
        "DPIA uitgevoerd; mail bevat geen bijzondere persoonsgegevens en de leverancier slaat "
        "de gegevens op in de EU. Opnieuw bekijken als de rechtspraak verandert."),
    "Ransomware via een werkplek": (
        "Jeroen Bakker", AcceptorRole.CISO, 120, 365,
        "Met EDR, monitoring en een offline back-up is dit het niveau dat past bij de BIO2. "
        "Verder verlagen kost meer dan het oplevert."),
    "Geen weg terug bij de leverancier van het zaaksysteem": (
        "Directeur servicecentrum", AcceptorRole.PROCESS_OWNER, 400, 365,
        "Geen alternatief op de markt dat de koppelingen ondersteunt; exitafspraken volgen bij "
        "de verlenging."),
}
# A score change after the acceptance: the ransomware acceptance needs renewal.
RESCORED = {"Ransomware via een werkplek": {"residual_impact": 5}}


def load_risk_demo(programme) -> None:
    today = date.today()
    items = {i.title: i for i in db.session.scalars(
        select(RoadmapItem).where(RoadmapItem.programme_id == programme.id))}
    systems = {s.name: s.id for s in services.list_systems(programme)}
    risks = {}
    for (item_title, title, threat_key, threat_text, vulnerability, aspects, system_names,
         inherent, residual, treatment, owner, review_in, measures) in RISKS:
        item = items.get(item_title)
        if item is None:
            continue
        risk = services.create_risk(
            programme, [systems[n] for n in system_names if n in systems], aspects,
            roadmap_item_id=item.id, title=title, threat_key=threat_key,
            threat_text=threat_text, vulnerability=vulnerability,
            inherent_likelihood=inherent[0], inherent_impact=inherent[1],
            residual_likelihood=residual[0] if residual else None,
            residual_impact=residual[1] if residual else None,
            treatment=treatment, owner=owner, review_on=today + timedelta(days=review_in),
        )
        for description, control, measure_owner, due_in, status in measures:
            services.add_measure(programme, risk, description=description, control=control,
                                 owner=measure_owner, due_on=today + timedelta(days=due_in),
                                 status=status)
        risks[title] = risk
    for title, (by, role, days_ago, valid_for, why) in ACCEPTANCES.items():
        if title in risks:
            decided = today - timedelta(days=days_ago)
            services.record_acceptance(
                programme, risks[title], accepted_by=by, role=role, decided_on=decided,
                justification=why, expires_on=decided + timedelta(days=valid_for),
            )
    db.session.flush()
    for title, changes in RESCORED.items():
        risk = risks.get(title)
        if risk is None:
            continue
        fields = {
            "roadmap_item_id": risk.roadmap_item_id, "title": risk.title,
            "threat_key": risk.threat_key, "threat_text": risk.threat_text,
            "vulnerability": risk.vulnerability + " Een hersteltest van de back-up mislukte.",
            "inherent_likelihood": risk.inherent_likelihood,
            "inherent_impact": risk.inherent_impact,
            "residual_likelihood": risk.residual_likelihood,
            "residual_impact": risk.residual_impact, "treatment": risk.treatment,
            "owner": risk.owner, "review_on": risk.review_on, **changes,
        }
        services.update_risk(risk, None, programme, [s.id for s in risk.systems],
                             risk.aspects, **fields)
