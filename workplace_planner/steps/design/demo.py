"""Demo data for step 2: a workplace profile per demo persona, the target architecture per
domain and three procurements (one whose contract starts after its roadmap item does)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workplace_planner.extensions import db
from workplace_planner.steps.design import services
from workplace_planner.steps.design.models import (
    ProcurementKind,
    ProcurementStatus,
    SecurityLevel,
)
from workplace_planner.steps.strategy.technology.choices import Domain, Topic

# persona name: (extra applications, security level, location rules)
PROFILES = {
    "Groenbeheerder buitendienst": ("Teams", SecurityLevel.BASIC,
                                    "Alleen vanaf de beheerde telefoon; geen toegang vanaf "
                                    "de gedeelde pc in de kantine."),
    "Baliemedewerker Burgerzaken": ("Office, Teams", SecurityLevel.ELEVATED,
                                    "Burgerzakenapplicatie alleen vanaf de balie-werkplek."),
    "Ruimtelijk planner": ("Office, Teams", SecurityLevel.BASIC, "Alleen vanuit Nederland."),
    "Beleidsmedewerker": ("", SecurityLevel.BASIC, "Alleen vanuit Nederland."),
    "Leidinggevende": ("", SecurityLevel.ELEVATED, "Alleen vanuit Nederland."),
    "Wijkteammedewerker": ("Office", SecurityLevel.HIGH,
                           "Bijzondere persoonsgegevens: alleen vanaf het beheerde apparaat, "
                           "sessie na 15 minuten inactiviteit op slot."),
    "ICT-medewerker": ("Office, Teams", SecurityLevel.HIGH,
                       "Beheeraccounts apart, met phishingbestendige MFA."),
    "Medewerker bedrijfsvoering": ("Teams", SecurityLevel.ELEVATED, "Alleen vanuit Nederland."),
}

# domain: (solution, principles, notes, roadmap item titles)
ARCHITECTURE = {
    Domain.IDENTITY: ("Entra ID met voorwaardelijke toegang en MFA",
                      "Eén identiteit per medewerker.", "Eerst hybride; AD blijft tot 2030.",
                      ("Identiteit naar Entra ID", "Meerfactorauthenticatie voor iedereen")),
    Domain.DEVICES: ("Beheerde laptops en telefoons (Intune, Autopilot)",
                     "Cloud, tenzij. Standaard boven maatwerk.",
                     "Citrix verdwijnt na de laatste laptopgolf.",
                     ("Apparaatbeheer vanuit de cloud", "Laptops voor Lingewaard-Oost",
                      "Laptops voor Merwedal", "Laptops voor Zandvliet")),
    Domain.MAIL: ("Exchange Online", "Cloud, tenzij.", "", ("Mail naar Exchange Online",)),
    Domain.FILES: ("SharePoint en OneDrive; back-up in een Nederlands datacenter",
                   "Cloud, tenzij.", "Eerst opschonen, dan migreren.",
                   ("Bestanden naar SharePoint en OneDrive",)),
    Domain.COLLABORATION: ("Microsoft 365 Apps en Teams", "Samen waar het kan.", "",
                           ("Microsoft 365 Apps uitrollen", "Teams als samenwerkplek")),
    Domain.TELEPHONY: ("Teams-telefonie met KCC-module", "Cloud, tenzij.", "",
                       ("Telefonie naar Teams",)),
    Domain.BUSINESS_APPLICATIONS: ("Zaaksysteem als SaaS; GIS en BRP in eigen beheer",
                                   "GIS en basisregistraties in eigen beheer.", "",
                                   ("Zaaksysteem naar SaaS",)),
    Domain.NETWORK: ("Zero-trust-toegang in plaats van VPN", "Eén identiteit per medewerker.",
                     "", ("VPN vervangen door zero-trust-toegang",)),
    Domain.SECURITY: ("EDR met 24/7 monitoring (SOC)", "", "", ("EDR op alle werkplekken",)),
}

# title, kind, status, supplier, topic of the decision, item titles, publication, award,
# contract start, value
PROCUREMENTS = (
    ("Microsoft 365-licenties (afroep)", ProcurementKind.CALL_OFF, ProcurementStatus.CONTRACTED,
     "Licentiepartner via de rijksbrede raamovereenkomst", Topic.SOURCING,
     ("Mail naar Exchange Online", "Microsoft 365 Apps uitrollen"), None, date(2027, 9, 1),
     date(2027, 11, 1), Decimal("1250000.00")),
    ("Implementatiepartner moderne werkplek", ProcurementKind.FRAMEWORK,
     ProcurementStatus.CONTRACTED, "Werkplek Partners B.V.", Topic.VENDOR_MANAGEMENT,
     ("Apparaatbeheer vanuit de cloud", "Teams als samenwerkplek"), date(2027, 6, 1),
     date(2027, 9, 15), date(2027, 12, 1), Decimal("480000.00")),
    ("Laptops en telefoons", ProcurementKind.TENDER, ProcurementStatus.AWARDED, "",
     Topic.SOURCING, ("Laptops voor Lingewaard-Oost", "Laptops voor Merwedal"),
     date(2027, 12, 1), date(2028, 4, 15), date(2028, 8, 1), Decimal("1900000.00")),
)


def load_design_demo(programme) -> None:
    personas = {p.name: p for p in services.list_personas(programme)}
    for name, (extra, level, rules) in PROFILES.items():
        persona = personas.get(name)
        if persona is None:
            continue
        proposal = services.propose_profile(persona)
        applications = ", ".join(
            dict.fromkeys(services.split_applications(proposal["applications"])
                          + services.split_applications(extra)))
        services.save_profile(
            programme, persona, None, proposal["kit_ids"],
            device_types=proposal["device_types"], applications=applications,
            licence_bundle_id=proposal["licence_bundle_id"], mfa=True, managed_device=True,
            location_rules=rules, security_level=level, notes="")
    items = {i.title: i.id for i in services.list_roadmap_items(programme)}
    for domain, (solution, principles, notes, titles) in ARCHITECTURE.items():
        services.save_domain(programme, domain, None, [items[t] for t in titles if t in items],
                             solution=solution, principles=principles, notes=notes)
    decisions = {d.topic: d.id for d in services.list_decisions(programme)}
    for (title, kind, status, supplier, topic, titles, published, awarded, starts,
         value) in PROCUREMENTS:
        services.create_procurement(
            programme, [items[t] for t in titles if t in items], decisions.get(topic),
            title=title, kind=kind, status=status, supplier=supplier,
            publication_date=published, award_date=awarded, contract_start=starts,
            estimated_value=value, notes="")
    db.session.flush()
