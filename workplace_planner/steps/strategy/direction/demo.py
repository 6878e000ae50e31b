"""Demo data: the vision of the three municipalities on one A4, their KPIs with a few
measurements, an activity list per municipality (with cooperation opportunities), success
factors, and each municipality's own vision."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.direction import services
from workplace_planner.steps.strategy.direction.choices import (
    FactorCategory,
    FactorStatus,
    Horizon,
)
from workplace_planner.steps.strategy.technology.models import RoadmapItem
from workplace_planner.steps.strategy.technology.quarters import quarter_index as q

VISION = (
    "Inwoners en ondernemers regelen hun zaken met de drie gemeenten digitaal wanneer het hun "
    "uitkomt, en krijgen persoonlijke hulp als het digitaal niet lukt. Medewerkers werken "
    "veilig en eenvoudig waar hun werk hen brengt. Wat we samen beter kunnen, doen we samen; "
    "wat eigen is aan een gemeente, blijft eigen."
)
GOAL = "Inwoners geven onze online dienstverlening een 8 of hoger in 2028"
OBSTACLES = (
    "Online dienstverlening is jarenlang alleen in projecten opgepakt; er is geen vaste "
    "capaciteit.\n"
    "Drie gemeenten met elk een eigen startpunt, eigen tempo en eigen middelen.\n"
    "Kennis van cloud en informatiebeveiliging zit bij een handvol mensen."
)
# title, description, strategy owner
PILLARS = (
    ("Eén team digitale dienstverlening",
     "Een vast team dat de website, formulieren en de digitale assistent doorontwikkelt.",
     "Manager Dienstverlening"),
    ("Een veilige werkplek in de cloud",
     "Eén moderne werkplek voor alle medewerkers, beheerd vanuit het servicecentrum.",
     "Hoofd Team Werkplek"),
    ("Digitaal vaardige medewerkers",
     "Iedereen kan met de nieuwe middelen werken; ambassadeurs helpen collega's op weg.",
     "Adoptiecoach"),
    ("Samen doen wat samen kan",
     "Eén roadmap, gedeelde kennis en gezamenlijke inkoop; ruimte voor eigen keuzes.",
     "Directeur servicecentrum"),
)
# name, unit, baseline, target, target date, owner, pillar index, measurements (date, value)
KPIS = (
    ("Klanttevredenheid online dienstverlening", "rapportcijfer", "6.4", "8.0",
     date(2028, 12, 31), "Manager Dienstverlening", 0,
     ((date(2026, 12, 1), "6.4"), (date(2027, 6, 1), "6.8"), (date(2027, 12, 1), "7.1"))),
    ("Producten volledig digitaal aan te vragen", "aantal", "42", "80", date(2028, 12, 31),
     "Manager Dienstverlening", 0,
     ((date(2026, 12, 1), "42"), (date(2027, 6, 1), "51"), (date(2027, 12, 1), "58"))),
    ("Medewerkers die plaats- en tijdonafhankelijk werken", "procent", "35", "95",
     date(2029, 12, 31), "Hoofd Team Werkplek", 1,
     ((date(2026, 12, 1), "35"), (date(2027, 6, 1), "48"), (date(2027, 12, 1), "61"))),
    ("Tevredenheid medewerkers over de werkplek", "rapportcijfer", "6.1", "7.5",
     date(2029, 12, 31), "Adoptiecoach", 2,
     ((date(2026, 12, 1), "6.1"), (date(2027, 12, 1), "6.5"))),
    ("Beveiligingsincidenten met een datalek", "aantal per jaar", "9", "2",
     date(2030, 12, 31), "CISO servicecentrum", 1,
     ((date(2026, 12, 31), "9"), (date(2027, 12, 31), "7"))),
)
LINGEWAARD, MERWEDAL, ZANDVLIET = (
    "Gemeente Lingewaard-Oost", "Gemeente Merwedal", "Gemeente Zandvliet")
# municipality, title, (customer, organisation, urgency), horizon, start, end, roadmap item title,
# description
ACTIVITIES = (
    (LINGEWAARD, "Digitale assistent op de website", (5, 3, 3), Horizon.NEXT, None, None, None,
     "Een chatfunctie die de meest gestelde vragen beantwoordt, met overdracht naar het KCC."),
    (LINGEWAARD, "Webrichtlijnen-audit van de website", (4, 3, 5), Horizon.NOW, None, None, None,
     "Toegankelijkheid toetsen en de toegankelijkheidsverklaring bijwerken."),
    (LINGEWAARD, "Digitale vaardigheden in de buitendienst", (2, 4, 3), None, q(2028, 3),
     q(2028, 4), "Digitale vaardigheden in de buitendienst",
     "Inloopspreekuren in de werkplaats, met de telefoon als werkplek."),
    (LINGEWAARD, "Ambassadeursnetwerk per afdeling", (2, 4, 4), Horizon.NOW, None, None, None,
     ""),
    (LINGEWAARD, "Formulieren vervangen door slimme e-diensten", (5, 4, 3), None, q(2028, 1),
     q(2028, 4), None, "Eerst de twintig meest gebruikte producten."),
    (MERWEDAL, "Webrichtlijnen-audit van de website", (4, 2, 5), Horizon.NOW, None, None, None,
     ""),
    (MERWEDAL, "Digitale vaardigheden in de buitendienst", (2, 3, 3), None, q(2028, 4),
     q(2029, 1), "Digitale vaardigheden in de buitendienst", ""),
    (MERWEDAL, "Zaakgericht werken bij Burgerzaken", (4, 4, 2), Horizon.LATER, None, None, None,
     ""),
    (MERWEDAL, "Mijn-omgeving met lopende zaken", (5, 3, 2), Horizon.NEXT, None, None, None,
     "Inwoners zien de status van hun aanvraag online."),
    (ZANDVLIET, "Inwonerspanel voor online diensten", (4, 2, 2), Horizon.NOW, None, None, None,
     "Twee keer per jaar testen inwoners nieuwe e-diensten."),
    (ZANDVLIET, "Chatfunctie voor inwoners", (4, 3, 3), Horizon.NEXT, None, None, None,
     "Samen met een buurgemeente, als het kan."),
    (ZANDVLIET, "Laptops na de verbouwing van het gemeentehuis", (1, 4, 3), None, q(2029, 3),
     q(2029, 4), "Laptops voor Zandvliet", ""),
    (ZANDVLIET, "Archief digitaliseren", (3, 3, None), Horizon.LATER, None, None, None,
     "Nog te ramen met het regionaal archief."),
)
# explicit "same activity" links: (municipality, title) → (municipality, title)
LINKS = (((ZANDVLIET, "Chatfunctie voor inwoners"),
          (LINGEWAARD, "Digitale assistent op de website")),)
# municipality (None = overall), title, category, status, note
FACTORS = (
    (None, "Vaste capaciteit voor online dienstverlening in de begroting", FactorCategory.BUDGET,
     FactorStatus.IN_PROGRESS, "Claim in de kadernota van alle drie de gemeenten."),
    (None, "Gezamenlijke afspraken over architectuur en beveiliging", FactorCategory.GOVERNANCE,
     FactorStatus.IN_PROGRESS, ""),
    (None, "Eén regieorganisatie voor de clouddiensten", FactorCategory.GOVERNANCE,
     FactorStatus.NOT_MET, ""),
    (LINGEWAARD, "Ambassadeurs in elke afdeling", FactorCategory.PEOPLE,
     FactorStatus.IN_PROGRESS, ""),
    (MERWEDAL, "Kennis van Microsoft 365 bij functioneel beheer", FactorCategory.KNOWLEDGE,
     FactorStatus.NOT_MET, "Opleiding gepland voor het tweede kwartaal."),
    (ZANDVLIET, "Glasvezel en wifi in de gemeentewerf", FactorCategory.SYSTEMS,
     FactorStatus.MET, ""),
)
# municipality, own vision, typed keywords ("" = from the text)
PARTICIPANT_VISIONS = (
    (LINGEWAARD,
     "Wij willen de digitale gemeente van de regio zijn: inwoners regelen hun zaken online, "
     "snel en zonder papier. Onze dienstverlening is persoonlijk waar het moet en digitaal waar "
     "het kan. Medewerkers werken flexibel en veilig.",
     "digitaal eerst, dienstverlening, inwoners, flexibel werken, veiligheid"),
    (MERWEDAL,
     "Merwedal kiest voor dienstverlening dicht bij de inwoner. Digitaal waar het helpt, met "
     "een sterke balie voor wie dat nodig heeft. We investeren in vakmanschap van medewerkers "
     "en werken samen waar dat kosten bespaart.",
     "dienstverlening, inwoners, persoonlijk contact, vakmanschap, kosten besparen, samenwerken"),
    (ZANDVLIET,
     "Als kleine gemeente willen we niet kwetsbaar zijn. We doen het samen met de buren, "
     "kiezen voor standaard oplossingen uit de cloud en houden de dienstverlening aan inwoners "
     "dichtbij en digitaal.",
     "samenwerken, minder kwetsbaar, cloud, dienstverlening, inwoners, digitaal eerst"),
)


def _d(text: str) -> Decimal:
    return Decimal(text)


def load_direction_demo(programme) -> None:
    services.save_vision(programme, None, statement=VISION, goal=GOAL,
                         goal_date=date(2028, 12, 31), obstacles=OBSTACLES)
    pillars = [services.create_pillar(programme, title=t, description=d, owner=o)
               for t, d, o in PILLARS]
    db.session.flush()
    for name, unit, baseline, target, when, owner, pillar, measured in KPIS:
        kpi = services.create_kpi(programme, name=name, unit=unit, baseline=_d(baseline),
                                  target=_d(target), target_date=when, owner=owner,
                                  pillar=pillars[pillar])
        for day, value in measured:
            services.add_measurement(programme, kpi, day, _d(value))

    municipalities = {p.name: p for p in programme.participants}
    items = {i.title: i for i in db.session.scalars(
        select(RoadmapItem).where(RoadmapItem.programme_id == programme.id))}
    made = {}
    for name, title, scores, horizon, start, end, item, description in ACTIVITIES:
        made[(name, title)] = services.create_activity(
            programme, municipalities[name], title=title, description=description,
            customer_value=scores[0], organisation_value=scores[1], urgency=scores[2],
            horizon=horizon, start_quarter=start, end_quarter=end,
            roadmap_item=items.get(item), linked_activity=None,
        )
    db.session.flush()
    for source, target in LINKS:
        made[source].linked_activity = made[target]
    for name, title, category, status, note in FACTORS:
        services.create_factor(programme, participant=municipalities.get(name), title=title,
                               category=category, status=status, note=note)
    for name, statement, typed in PARTICIPANT_VISIONS:
        services.save_participant_vision(programme, municipalities[name], None, statement,
                                         typed)
    db.session.flush()
