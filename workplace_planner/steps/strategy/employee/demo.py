"""Demo personas for the three demo municipalities, with interviews and adoption measures.
Headcounts add up to each municipality's workforce (640, 410 and 265)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from workplace_planner.steps.strategy.employee import services
from workplace_planner.steps.strategy.employee.models import DeviceKit, LicenceBundle

SOURCE_LICENCES = "axeti.com licence-mix guide, reseller prices 2026 (indicatief)"
LICENCES = (
    ("Microsoft 365 E3 + Teams", Decimal("28.20"), SOURCE_LICENCES),
    ("Microsoft 365 E5 + Teams", Decimal("44.60"), SOURCE_LICENCES),
    ("Microsoft 365 F3", Decimal("5.58"), SOURCE_LICENCES),
)
DEVICES = (
    ("Laptop met dock", Decimal("1100"), 4, "aanname; afschrijving 3-4 jaar (Woerden, Maassluis)"),
    ("Smartphone", Decimal("450"), 3, "aanname"),
    ("Vaste werkplek met twee schermen", Decimal("1400"), 5, "aanname"),
    ("Robuuste tablet", Decimal("750"), 3, "aanname"),
    ("GIS-werkstation met grote schermen", Decimal("2900"), 5, "aanname"),
)

# name, role, department, quote, headcounts per municipality (in demo order), details
PERSONAS = (
    ("Groenbeheerder buitendienst", "Medewerker groen en reiniging", "Openbare ruimte",
     "Mijn rooster en mijn loonstrook wil ik gewoon op mijn telefoon zien.",
     (95, 60, 38),
     dict(description="Werkt in ploegen buiten, begint om 7 uur op de werf en komt zelden op "
                      "het gemeentehuis. Deelt een pc in de kantine met twintig collega's.",
          goals="Snel zien welk werk er klaarstaat; meldingen van bewoners direct afhandelen.",
          frustrations="Inloggen op de gedeelde pc duurt lang; wachtwoorden vergeten.",
          tasks="Maaien, snoeien, meldingen openbare ruimte afhandelen, rooster bekijken.",
          applications="Meldingenapp openbare ruimte, roosterapp, HR-selfservice",
          work_locations=["field"], devices_used=["shared_device"],
          devices_needed=["phone"], digital_skill=2, mobility="field",
          adoption_channels=["floor_walkers", "video"],
          licence="Microsoft 365 F3", kit="Smartphone")),
    ("Baliemedewerker Burgerzaken", "Medewerker Burgerzaken", "Publiekszaken",
     "Als het systeem hapert, staat er een rij aan de balie.",
     (48, 30, 18),
     dict(description="Helpt inwoners aan de balie met paspoorten, rijbewijzen en "
                      "verhuizingen; werkt op afspraak en met vaste tijden.",
          goals="Inwoners in één keer goed helpen, zonder wachttijd door techniek.",
          frustrations="Storingen tijdens openingstijden; aparte inlog per landelijke voorziening.",
          tasks="Reisdocumenten, rijbewijzen, BRP-mutaties, afspraken.",
          applications="Burgerzakenapplicatie, BRP, afsprakensysteem, kassasysteem",
          work_locations=["counter"], devices_used=["desktop"], devices_needed=["desktop"],
          digital_skill=3, mobility="desk", adoption_channels=["classroom", "floor_walkers"],
          licence="Microsoft 365 E3 + Teams", kit="Vaste werkplek met twee schermen")),
    ("Ruimtelijk planner", "Adviseur ruimtelijke ordening (GIS)", "Ruimte",
     "Ik kijk de hele dag naar kaarten; een klein scherm is voor mij onwerkbaar.",
     (22, 14, 8),
     dict(description="Bereidt omgevingsplannen voor en toetst aanvragen aan de kaart. "
                      "Werkt met zware kaartlagen en 3D-modellen.",
          goals="Snel kaartlagen combineren en delen met collega's en initiatiefnemers.",
          frustrations="Trage kaartviewer via Citrix; grote bestanden mailen.",
          tasks="Kaartanalyses, omgevingsplan, overleg met initiatiefnemers.",
          applications="GIS-pakket, omgevingsloket, 3D-viewer",
          work_locations=["office", "home"], devices_used=["desktop", "large_screen"],
          devices_needed=["laptop", "large_screen"], digital_skill=5, mobility="hybrid",
          adoption_channels=["e_learning", "champions"],
          licence="Microsoft 365 E5 + Teams", kit="GIS-werkstation met grote schermen")),
    ("Beleidsmedewerker", "Beleidsadviseur", "Beleid en strategie",
     "Ik wil overal kunnen werken en samen aan één document schrijven.",
     (210, 135, 88),
     dict(description="Werkt hybride, schrijft nota's en adviezen en overlegt veel, ook met "
                      "partners buiten de gemeente.",
          goals="Samenwerken in gedeelde documenten; vergaderen waar en wanneer het past.",
          frustrations="Versies van documenten per mail; geen toegang tot bestanden thuis.",
          tasks="Nota's schrijven, overleg, collegevoorstellen voorbereiden.",
          applications="Office, Teams, zaaksysteem, documentmanagement",
          work_locations=["office", "home"], devices_used=["desktop"],
          devices_needed=["laptop"], digital_skill=4, mobility="hybrid",
          adoption_channels=["e_learning", "intranet"],
          licence="Microsoft 365 E3 + Teams", kit="Laptop met dock")),
    ("Leidinggevende", "Teamleider", "Diverse afdelingen",
     "Ik zit van overleg naar overleg en moet tussendoor kunnen beslissen.",
     (55, 35, 22),
     dict(description="Stuurt een team van tien tot twintig medewerkers aan en zit veel in "
                      "overleg, op verschillende locaties.",
          goals="Snel goedkeuren en informatie vinden, ook onderweg.",
          frustrations="Goedkeuringen blijven liggen omdat ze alleen op kantoor kunnen.",
          tasks="Aansturen, goedkeuren, overleg, personeelszaken.",
          applications="Office, Teams, HR-systeem, financieel systeem (fiattering)",
          work_locations=["office", "home", "on_the_road"], devices_used=["laptop", "phone"],
          devices_needed=["laptop", "phone"], digital_skill=3, mobility="mobile",
          adoption_channels=["walk_in"],
          licence="Microsoft 365 E3 + Teams", kit="Laptop met dock")),
    ("Wijkteammedewerker", "Consulent sociaal domein", "Sociaal domein",
     "Bij mensen thuis wil ik het gesprek voeren, niet achter een laptop zitten typen.",
     (120, 78, 50),
     dict(description="Bezoekt inwoners thuis voor Wmo, jeugd en schuldhulp, en werkt vanuit "
                      "wijkcentra. Werkt met zeer gevoelige persoonsgegevens.",
          goals="Gespreksverslag direct en veilig vastleggen; snel overleggen met ketenpartners.",
          frustrations="Dubbel werk: aantekeningen op papier en later overtypen.",
          tasks="Keukentafelgesprekken, beschikkingen voorbereiden, ketenoverleg.",
          applications="Zaaksysteem sociaal domein, beveiligde mail, Teams",
          work_locations=["on_the_road", "home", "office"], devices_used=["laptop"],
          devices_needed=["tablet", "phone"], digital_skill=3, mobility="mobile",
          adoption_channels=["classroom", "champions"],
          licence="Microsoft 365 E3 + Teams", kit="Robuuste tablet")),
    ("ICT-medewerker", "Applicatie- en systeembeheerder", "Informatievoorziening",
     "Geef ons de rechten en de tijd, dan regelen we het zelf.",
     (30, 20, 11),
     dict(description="Beheert applicaties en de werkplek, lost storingen op en begeleidt "
                      "collega's bij nieuwe toepassingen.",
          goals="Minder brandjes blussen, meer tijd voor verbetering.",
          frustrations="Veel handwerk bij uitrol; verouderde servers.",
          tasks="Beheer, uitrol, storingen, advies.",
          applications="Beheerconsoles, ITSM, scripting",
          work_locations=["office", "home"], devices_used=["desktop", "laptop"],
          devices_needed=["laptop", "large_screen"], digital_skill=5, mobility="hybrid",
          adoption_channels=["e_learning"],
          licence="Microsoft 365 E5 + Teams", kit="Laptop met dock")),
    ("Medewerker bedrijfsvoering", "Medewerker financiën en HR", "Bedrijfsvoering",
     "Ik werk met veel spreadsheets en wil dat die overal kloppen.",
     (60, 38, 30),
     dict(description="Verwerkt facturen, salarissen en mutaties; werkt deels thuis.",
          goals="Betrouwbare cijfers, minder handwerk.",
          frustrations="Exports uit verschillende systemen handmatig combineren.",
          tasks="Facturen, salarisadministratie, rapportages.",
          applications="Financieel systeem, HR-systeem, Excel",
          work_locations=["office", "home"], devices_used=["desktop"],
          devices_needed=["laptop"], digital_skill=4, mobility="hybrid",
          adoption_channels=["e_learning", "intranet"],
          licence="Microsoft 365 E3 + Teams", kit="Laptop met dock")),
)

INTERVIEWS = (
    (date(2027, 1, 12), "Fatima el Amrani", "Voorman groenploeg", 0,
     ["Groenbeheerder buitendienst"],
     "Pc in de kantine wordt vooral voor het rooster gebruikt; telefoon is privé."),
    (date(2027, 1, 13), "Fatima el Amrani", "Baliemedewerker reisdocumenten", 0,
     ["Baliemedewerker Burgerzaken"], "Storingen bij opstarten 's ochtends kosten tijd."),
    (date(2027, 1, 19), "Bram Jansen", "GIS-specialist", 1, ["Ruimtelijk planner"],
     "Citrix is te traag voor kaartlagen; wil lokaal kunnen rekenen."),
    (date(2027, 1, 20), "Fatima el Amrani", "Beleidsadviseur economie", 1, ["Beleidsmedewerker"],
     "Werkt drie dagen thuis; documenten staan op de netwerkschijf."),
    (date(2027, 1, 26), "Fatima el Amrani", "Wijkconsulent Wmo", 2, ["Wijkteammedewerker"],
     "Aantekeningen op papier, later overtypen; wil veilig vastleggen bij de inwoner thuis."),
    (date(2027, 1, 27), "Bram Jansen", "Systeembeheerder", 0, ["ICT-medewerker"],
     "Uitrol gaat met de hand; wil standaardisatie."),
    (date(2027, 2, 2), "Fatima el Amrani", "Salarisadministrateur", 2,
     ["Medewerker bedrijfsvoering"], "Combineert exports uit drie systemen in Excel."),
    (date(2027, 2, 3), "Fatima el Amrani", "Medewerker reiniging", 2,
     ["Groenbeheerder buitendienst"], "Wil meldingen van bewoners op de telefoon."),
)

MEASURES = (
    ("E-learning Samenwerken in Microsoft 365", "e_learning",
     ["Beleidsmedewerker", "Medewerker bedrijfsvoering", "ICT-medewerker", "Ruimtelijk planner"],
     "Servicedesk en het intranet", "Zelf modules kiezen en herhalen", "Vanaf vier weken "
     "voor de migratiegolf"),
    ("Floor walkers op de werf en aan de balie", "floor_walkers",
     ["Groenbeheerder buitendienst", "Baliemedewerker Burgerzaken"],
     "De floor walker ter plekke, daarna de servicedesk", "Wachtwoord zelf herstellen",
     "Eerste twee weken na livegang"),
    ("Klassikale training veilig werken bij de inwoner", "classroom",
     ["Wijkteammedewerker", "Baliemedewerker Burgerzaken"],
     "Ambassadeur in het team", "", "Voor de eerste migratiegolf"),
    ("Ambassadeursnetwerk", "champions", ["Ruimtelijk planner", "Wijkteammedewerker"],
     "Ambassadeur per team", "Tips delen in het Teams-kanaal", "Doorlopend"),
    ("Instructievideo's voor de telefoon", "video", ["Groenbeheerder buitendienst"],
     "Servicedesk", "Rooster en loonstrook zelf bekijken", "Bij uitgifte van de telefoons"),
)


def load_employee_demo(programme) -> None:
    licences = {
        name: services.save_catalogue_item(
            programme, LicenceBundle, name=name, price_per_user_month=price, source=source
        )
        for name, price, source in LICENCES
    }
    kits = {
        name: services.save_catalogue_item(
            programme, DeviceKit, name=name, price=price, life_years=life, source=source
        )
        for name, price, life, source in DEVICES
    }
    from workplace_planner.extensions import db

    db.session.flush()
    participants = list(programme.participants)
    personas = {}
    for name, role, department, quote, counts, details in PERSONAS:
        details = dict(details)
        licence, kit = details.pop("licence"), details.pop("kit")
        headcounts = {p.id: n for p, n in zip(participants, counts, strict=False)}
        personas[name] = services.create_persona(
            programme, headcounts, name=name, role=role, department=department, quote=quote,
            licence_bundle_id=licences[licence].id, device_kit_id=kits[kit].id, **details,
        )
    db.session.flush()
    for held_on, interviewer, role, municipality, names, notes in INTERVIEWS:
        services.save_interview(
            programme,
            persona_ids=[personas[n].id for n in names],
            held_on=held_on, interviewer=interviewer, interviewee_role=role,
            participant_id=participants[municipality].id if participants else None,
            notes=notes,
        )
    for title, channel, names, support, self_service, timing in MEASURES:
        services.save_measure(
            programme, persona_ids=[personas[n].id for n in names], title=title,
            channel=channel, support_point=support, self_service=self_service, timing=timing,
        )
