"""Demo data for the technology perspective: the inventory of three municipalities served by
one shared-service organisation, their ambition, a roadmap of about twenty changes with
dependencies, the workshops that produced it and the governance decisions."""

from __future__ import annotations

from datetime import date

from flask_babel import force_locale

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.technology import governance, services
from workplace_planner.steps.strategy.technology.choices import (
    Domain,
    Hosting,
    ItemStatus,
    Target,
    Topic,
    WorkshopKind,
)
from workplace_planner.steps.strategy.technology.quarters import quarter_index as q

LINGEWAARD, MERWEDAL, ZANDVLIET = (
    "Gemeente Lingewaard-Oost", "Gemeente Merwedal", "Gemeente Zandvliet"
)
ALL = (LINGEWAARD, MERWEDAL, ZANDVLIET)

WORKSHOPS = (
    ("current", WorkshopKind.CURRENT_SITUATION, "Huidige situatie in kaart", date(2027, 1, 19),
     "Ilse Vermeulen",
     "I&A-managers van de drie gemeenten, twee architecten, functioneel beheerders, "
     "servicedesk",
     "Inventaris van 17 systemen en diensten. Grootste pijn: Exchange en de bestandsservers "
     "draaien op versies zonder ondersteuning, en de Citrix-farm is traag op de "
     "buitenlocaties.",
     "De inventaris is leidend voor de roadmap; elke gemeente controleert haar deel binnen "
     "twee weken.",
     "Contracteinddata navragen bij inkoop (Bram)\nTelefoniecontract Zandvliet opzoeken "
     "(Fatima)"),
    ("ambition", WorkshopKind.AMBITION, "Stip op de horizon", date(2027, 2, 9),
     "Ilse Vermeulen",
     "I&A-managers, CIO-office, architecten, informatiebeveiliging (CISO)",
     "Gezamenlijke ambitie: cloud, tenzij. Eigen beheer alleen voor GIS en de "
     "basisregistraties. Per systeem een doel afgesproken.",
     "Citrix verdwijnt zodra alle medewerkers een beheerde laptop hebben.",
     "Principes voorleggen aan de drie gemeentesecretarissen (Anouk)"),
    ("roadmap", WorkshopKind.ROADMAP, "Roadmap in kwartalen", date(2027, 3, 2),
     "Bram Jansen",
     "I&A-managers, projectleiders, architecten, adoptiecoach",
     "Twintig veranderingen op een tijdlijn, met hun afhankelijkheden. Identiteit eerst; "
     "laptops per gemeente na elkaar.",
     "Zandvliet start als laatste met laptops vanwege de verbouwing van het gemeentehuis.",
     "Beveiligingsrisico's per verandering laten beoordelen (CISO)"),
    ("governance", WorkshopKind.GOVERNANCE, "Governance en sourcing", date(2027, 3, 23),
     "Ilse Vermeulen",
     "Directeur servicecentrum, I&A-managers, inkoop, HR",
     "Keuze voor dienstafname met een regieorganisatie bij het servicecentrum, en agile "
     "werken in productteams.",
     "Wie beslist over gemeentespecifieke applicaties is nog open.",
     "Functieprofielen regie opstellen met HR"),
)

# name, domain, supplier, hosting, end of support, owner, municipalities, strengths,
# pain points, target, replacement hosting, note, workshop
SYSTEMS = (
    ("Exchange 2016", Domain.MAIL, "Microsoft", Hosting.ON_PREMISE, date(2025, 10, 14),
     "Team Infrastructuur", ALL, "Vertrouwd voor beheer en gebruikers.",
     "Geen ondersteuning meer; mailboxen lopen vol; veel tijd kwijt aan patchen.",
     Target.MOVE_TO_SAAS, None, "Naar Exchange Online.", "current"),
    ("Bestandsservers (Windows Server 2016)", Domain.FILES, "Microsoft", Hosting.ON_PREMISE,
     date(2027, 1, 12), "Team Infrastructuur", ALL, "Snel op kantoor.",
     "Mappenstructuur per gemeente anders; thuis alleen via VPN.",
     Target.MOVE_TO_SAAS, None, "Naar SharePoint en OneDrive.", "current"),
    ("Citrix-farm", Domain.DEVICES, "Citrix", Hosting.PRIVATE_CLOUD, date(2028, 12, 31),
     "Team Werkplek", ALL, "Werkt op elk apparaat.",
     "Traag op buitenlocaties; dure licenties; twee beheerders met kennis.",
     Target.RETIRE, None, "Uitfaseren zodra iedereen een beheerde laptop heeft.", "current"),
    ("Vaste desktops", Domain.DEVICES, "Dell", Hosting.ON_PREMISE, date(2028, 6, 30),
     "Team Werkplek", ALL, "Robuust.", "Niet mobiel; flexplekken werken slecht.",
     Target.REPLACE, Hosting.SAAS, "Laptops, beheerd vanuit de cloud.", "current"),
    ("Telefooncentrale", Domain.TELEPHONY, "Mitel", Hosting.ON_PREMISE, date(2028, 3, 31),
     "Team Infrastructuur", ALL, "Stabiel.",
     "Vaste toestellen op flexplekken; geen koppeling met Teams.",
     Target.REPLACE, Hosting.SAAS, "Teams-telefonie met een KCC-module.", "current"),
    ("Zaaksysteem", Domain.BUSINESS_APPLICATIONS, "Zaakwijs B.V.", Hosting.PRIVATE_CLOUD,
     date(2029, 12, 31), "Informatiemanagement", ALL, "Alle zaken op één plek.",
     "Maatwerkkoppelingen; upgrades duren maanden.",
     Target.MOVE_TO_SAAS, None, "De SaaS-versie van dezelfde leverancier.", "current"),
    ("GIS", Domain.BUSINESS_APPLICATIONS, "Esri", Hosting.ON_PREMISE, None,
     "Team Geo-informatie", (LINGEWAARD, MERWEDAL), "Krachtige analyses, eigen kennis.",
     "Zware werkstations nodig.", Target.KEEP, None,
     "Blijft in eigen beheer (principe 3).", "current"),
    ("Active Directory", Domain.IDENTITY, "Microsoft", Hosting.ON_PREMISE, None,
     "Team Infrastructuur", ALL, "Eén account per medewerker.",
     "Geen meerfactorauthenticatie; drie forests na de fusie van het servicecentrum.",
     Target.REPLACE, Hosting.SAAS, "Entra ID, eerst hybride.", "current"),
    ("Office 2016", Domain.COLLABORATION, "Microsoft", Hosting.ON_PREMISE,
     date(2025, 10, 14), "Team Werkplek", ALL, "Bekend bij iedereen.",
     "Geen samenwerken in één document.", Target.MOVE_TO_SAAS, None,
     "Microsoft 365 Apps.", "current"),
    ("Intranet (SharePoint 2013)", Domain.COLLABORATION, "Microsoft", Hosting.ON_PREMISE,
     date(2023, 4, 11), "Communicatie", ALL, "",
     "Verouderd; niemand vindt iets.", Target.MOVE_TO_SAAS, None,
     "Een intranet in SharePoint Online.", "current"),
    ("Netwerk en wifi", Domain.NETWORK, "Cisco", Hosting.ON_PREMISE, date(2030, 12, 31),
     "Team Infrastructuur", ALL, "Recent vervangen.", "", Target.KEEP, None, "", "current"),
    ("VPN", Domain.NETWORK, "Fortinet", Hosting.ON_PREMISE, date(2028, 9, 30),
     "Team Infrastructuur", ALL, "", "Haperende verbinding thuis; veel storingen.",
     Target.RETIRE, None, "Vervangen door zero-trust-toegang.", "current"),
    ("Back-up", Domain.FILES, "Veeam", Hosting.ON_PREMISE, date(2028, 6, 30),
     "Team Infrastructuur", ALL, "Snelle terugzet.", "Tweede kopie staat in hetzelfde pand.",
     Target.MOVE_TO_PUBLIC_CLOUD, None, "Tweede kopie in een Nederlands datacenter.",
     "current"),
    ("Virusscanner", Domain.SECURITY, "Sophos", Hosting.ON_PREMISE, date(2027, 12, 31),
     "Informatiebeveiliging", ALL, "", "Geen zicht op aanvallen; losse beheerconsole.",
     Target.REPLACE, Hosting.SAAS, "EDR met 24/7 monitoring.", "current"),
    ("Financieel systeem", Domain.BUSINESS_APPLICATIONS, "Finvision", Hosting.PRIVATE_CLOUD,
     date(2029, 6, 30), "Team Financiën", ALL, "Voldoet aan het BBV.", "",
     Target.KEEP, None, "Contract loopt tot medio 2029.", "current"),
    ("Burgerzaken (BRP)", Domain.BUSINESS_APPLICATIONS, "Burgerwerk", Hosting.PRIVATE_CLOUD,
     None, "Team Publiekszaken", ALL, "Stabiel en gecertificeerd.", "", Target.KEEP, None,
     "Basisregistratie: blijft in eigen beheer.", "current"),
    ("Parkeervergunningen", Domain.BUSINESS_APPLICATIONS, "Parkeerweb", Hosting.SAAS,
     date(2027, 12, 31), "Team Publiekszaken", (MERWEDAL,), "",
     "Alleen Merwedal gebruikt het; afspraken onduidelijk.", None, None, "", "current"),
)

PRINCIPLES = (
    ("Cloud, tenzij", "We nemen diensten af uit de cloud, tenzij wet, veiligheid of kosten "
     "iets anders vragen. De uitzondering leggen we uit."),
    ("Eén identiteit per medewerker", "Elke medewerker logt overal in met hetzelfde account "
     "en meerfactorauthenticatie."),
    ("GIS en basisregistraties in eigen beheer", "Hier zit onze eigen kennis en de "
     "wettelijke verantwoordelijkheid; die houden we dichtbij."),
    ("Standaard boven maatwerk", "We passen onze werkwijze aan de software aan, niet "
     "andersom."),
    ("Samen waar het kan", "De drie gemeenten doen het samen, behalve waar een gemeente een "
     "goede reden heeft om af te wijken."),
)

TECH, EMPLOYEE, ORGANISATION = "technology", "employee", "organisation"
P, IP, IDEA, DONE = (ItemStatus.PLANNED, ItemStatus.IN_PROGRESS, ItemStatus.IDEA,
                     ItemStatus.DONE)
# key, title, perspective, start, end, status, owner, municipalities, systems,
# depends on (keys), personas, description
ITEMS = (
    # The programme is midway: the identity platform is in operation.
    ("identity", "Identiteit naar Entra ID", TECH, q(2027, 2), q(2027, 4), DONE,
     "Team Infrastructuur", ALL, ("Active Directory",), (), (),
     "De drie forests samenvoegen en hybride koppelen met Entra ID."),
    ("mfa", "Meerfactorauthenticatie voor iedereen", TECH, q(2028, 1), q(2028, 1), P,
     "Informatiebeveiliging", ALL, ("Active Directory",), ("identity",), (),
     "Eerst beheerders, dan alle medewerkers; de buitendienst met een app op de telefoon."),
    ("intune", "Apparaatbeheer vanuit de cloud", TECH, q(2028, 1), q(2028, 2), P,
     "Team Werkplek", ALL, ("Vaste desktops",), ("identity",), (),
     "Laptops en telefoons beheren met Intune; Autopilot voor nieuwe apparaten."),
    ("mail", "Mail naar Exchange Online", TECH, q(2028, 1), q(2028, 2), P,
     "Team Infrastructuur", ALL, ("Exchange 2016",), ("identity",), (),
     "Mailboxen per gemeente overzetten, in drie golven."),
    ("office", "Microsoft 365 Apps uitrollen", TECH, q(2028, 3), q(2028, 3), P,
     "Team Werkplek", ALL, ("Office 2016",), ("intune",), (), ""),
    ("teams", "Teams als samenwerkplek", TECH, q(2028, 4), q(2029, 1), P,
     "Team Werkplek", ALL, (), ("mail", "office"), ("Beleidsmedewerker",), ""),
    ("telephony", "Telefonie naar Teams", TECH, q(2029, 1), q(2029, 3), P,
     "Team Infrastructuur", ALL, ("Telefooncentrale",), ("teams",),
     ("Baliemedewerker Burgerzaken",),
     "Let op: start gepland in het kwartaal waarin Teams klaar is."),
    ("files", "Bestanden naar SharePoint en OneDrive", TECH, q(2029, 2), q(2029, 4), P,
     "Informatiemanagement", ALL, ("Bestandsservers (Windows Server 2016)",), ("teams",),
     ("Beleidsmedewerker",), "Eerst opschonen, dan per afdeling migreren."),
    ("laptops_l", "Laptops voor Lingewaard-Oost", TECH, q(2028, 3), q(2028, 4), P,
     "Team Werkplek", (LINGEWAARD,), ("Vaste desktops",), ("intune",), (), ""),
    ("laptops_m", "Laptops voor Merwedal", TECH, q(2029, 1), q(2029, 2), P,
     "Team Werkplek", (MERWEDAL,), ("Vaste desktops",), ("intune",), (), ""),
    ("laptops_z", "Laptops voor Zandvliet", TECH, q(2029, 3), q(2029, 4), P,
     "Team Werkplek", (ZANDVLIET,), ("Vaste desktops",), ("intune",), (),
     "Na de verbouwing van het gemeentehuis."),
    ("zero_trust", "VPN vervangen door zero-trust-toegang", TECH, q(2028, 3), q(2029, 1), P,
     "Informatiebeveiliging", ALL, ("VPN",), ("intune", "mfa"), (), ""),
    ("citrix", "Citrix-farm uitfaseren", TECH, q(2030, 1), q(2030, 2), P,
     "Team Werkplek", ALL, ("Citrix-farm",),
     ("laptops_l", "laptops_m", "laptops_z", "files"), (), ""),
    ("edr", "EDR op alle werkplekken", TECH, q(2028, 3), q(2028, 4), P,
     "Informatiebeveiliging", ALL, ("Virusscanner",), ("intune",), (), ""),
    ("backup", "Back-up naar een Nederlands clouddatacenter", TECH, q(2028, 2), q(2028, 3),
     P, "Team Infrastructuur", ALL, ("Back-up",), (), (), ""),
    ("intranet", "Nieuw intranet in SharePoint Online", TECH, q(2030, 1), q(2030, 3), P,
     "Communicatie", ALL, ("Intranet (SharePoint 2013)",), ("files",), (), ""),
    ("case_system", "Zaaksysteem naar SaaS", TECH, q(2029, 2), q(2030, 2), P,
     "Informatiemanagement", ALL, ("Zaaksysteem",), ("identity",), (), ""),
    ("regie", "Regieorganisatie inrichten", ORGANISATION, q(2027, 2), q(2027, 4), IP,
     "Directeur servicecentrum", (), (), (), (),
     "Contract- en leveranciersmanagement, vraagregie en functioneel eigenaarschap."),
    ("adoption", "Adoptieprogramma Werken in Microsoft 365", EMPLOYEE, q(2029, 2),
     q(2030, 1), P, "Adoptiecoach", ALL, (), ("teams",),
     ("Beleidsmedewerker", "Baliemedewerker Burgerzaken", "Groenbeheerder buitendienst"),
     "Per persona: wat verandert er, waar kun je terecht, wat regel je zelf."),
    ("field_skills", "Digitale vaardigheden in de buitendienst", EMPLOYEE, q(2028, 3),
     q(2028, 4), P, "Adoptiecoach", ALL, (), ("intune",), ("Groenbeheerder buitendienst",),
     "Inloopspreekuur in de werkplaats; telefoon als werkplek."),
    ("archive", "Archief en DMS naar SaaS", TECH, None, None, IDEA, "", ALL, (),
     ("files", "case_system"), (), "Nog te verkennen met het regionaal archief."),
)

# topic, question, options, choice key, choice, rationale, consequences, decided on, adopt all
DECISIONS = (
    (Topic.SOURCING, "Nemen we de werkplek af als dienst of doen we het zelf?",
     [{"name": "Als dienst", "pros": "Minder eigen beheer; altijd actueel.",
       "cons": "Afhankelijk van leveranciers; regie nodig."},
      {"name": "Hybride", "pros": "Flexibel.", "cons": "Twee werelden beheren."},
      {"name": "Zelf doen", "pros": "Volledige controle.",
       "cons": "Schaarse kennis; hoge beheerlast."}],
     "as_a_service", "Werkplek, mail, bestanden en telefonie als dienst; GIS en "
     "basisregistraties in eigen beheer.",
     "Past bij 'cloud, tenzij' en bij de krappe arbeidsmarkt voor beheerders.",
     "Een regieorganisatie is nodig; beheerders krijgen een nieuwe rol.", date(2027, 3, 23),
     True),
    (Topic.VENDOR_MANAGEMENT, "Waar beleggen we de regie?",
     [{"name": "Per gemeente", "pros": "Dichtbij.", "cons": "Drie keer hetzelfde werk."},
      {"name": "Bij het servicecentrum", "pros": "Eén aanspreekpunt voor leveranciers.",
       "cons": "Gemeenten moeten afspraken maken over mandaat."}],
     "shared_regie", "Het servicecentrum voert de regie voor alle drie de gemeenten.",
     "Schaal en kennis op één plek.", "", date(2027, 3, 23), True),
    (Topic.WAY_OF_WORKING, "Hoe werken we na de overgang?",
     [{"name": "Klassiek", "pros": "Bekend.", "cons": "Traag bij veel kleine wijzigingen."},
      {"name": "Agile", "pros": "Sneller waarde; gemeenten schuiven aan.",
       "cons": "Andere rollen en cultuur."}],
     "agile", "Productteams voor werkplek en samenwerken, met een producteigenaar.",
     "Cloud-diensten veranderen elk kwartaal; jaarplanning is te traag.", "",
     date(2027, 3, 23), False),
    (Topic.OWNERSHIP, "Wie beslist over gemeentespecifieke applicaties?",
     [{"name": "Centraal", "pros": "Eenvoudig.", "cons": "Gemeenten voelen zich niet gehoord."},
      {"name": "Gefedereerd", "pros": "Eigenaarschap bij de gemeente.",
       "cons": "Risico op wildgroei."}],
     None, "", "", "", None, False),
)


def load_technology_demo(programme) -> None:
    participants = {p.name: p for p in programme.participants}

    def ids(names):
        return [participants[n].id for n in names if n in participants]

    workshops = {}
    for key, kind, title, held_on, facilitator, roles, outcomes, decisions, follow in WORKSHOPS:
        workshops[key] = services.create_workshop(
            programme, ids(ALL), kind=kind, title=title, held_on=held_on,
            facilitator=facilitator, participant_roles=roles, outcomes=outcomes,
            decisions=decisions, follow_ups=follow,
        )
    systems = {}
    for (name, domain, supplier, hosting, end, owner, users, strengths, pains, target,
         replacement, note, workshop) in SYSTEMS:
        systems[name] = services.create_system(
            programme, ids(users), name=name, domain=domain, supplier=supplier,
            hosting=hosting, end_of_support=end, owner=owner, strengths=strengths,
            pain_points=pains, target=target, replacement_hosting=replacement,
            target_note=note, workshop=workshops[workshop],
        )
    services.save_ambition(programme, None, AMBITION, workshops["ambition"])
    for title, explanation in PRINCIPLES:
        services.create_principle(programme, title, explanation)
    db.session.flush()

    personas = {p.name: p.id for p in services.list_personas(programme)}
    items = {}
    for (key, title, perspective, start, end, status, owner, users, system_names, depends,
         persona_names, description) in ITEMS:
        links = {
            "dependency_ids": [items[d].id for d in depends],
            "system_ids": [systems[s].id for s in system_names],
            "participant_ids": ids(users),
            "persona_ids": [personas[n] for n in persona_names if n in personas],
        }
        items[key] = services.create_item(
            programme, links, title=title, description=description, perspective=perspective,
            start_quarter=start, end_quarter=end, status=status, owner=owner,
            workshop=workshops["roadmap"],
        )
    services.add_milestone(items["identity"], "Forests samengevoegd", q(2027, 3))
    services.add_milestone(items["identity"], "Alle accounts gesynchroniseerd", q(2027, 4))
    services.add_milestone(items["mail"], "Eerste gemeente over", q(2028, 1))

    for (topic, question, options, choice_key, choice, rationale, consequences, decided_on,
         adopt) in DECISIONS:
        decision = services.create_decision(
            programme, topic=topic, question=question, options=options, choice_key=choice_key,
            choice=choice, rationale=rationale, consequences=consequences,
            decided_on=decided_on, workshop=workshops["governance"],
        )
        db.session.flush()
        if adopt:
            # The follow-ups are stored as text: in Dutch, the language of the demo.
            with force_locale("nl"):
                for proposal in governance.proposals(decision, programme):
                    services.adopt_proposal(programme, decision, proposal)


AMBITION = (
    "In 2031 werken de medewerkers van de drie gemeenten op een beheerde laptop of telefoon, "
    "met één account, overal veilig. Mail, bestanden, samenwerken en telefonie nemen we af "
    "als dienst; GIS en de basisregistraties houden we in eigen beheer. Citrix, de eigen "
    "mailservers en de bestandsservers zijn dan uitgezet."
)

