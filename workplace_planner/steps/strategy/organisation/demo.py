"""Demo business case for the demo shared-service organisation: the current on-premise
workplace against a cloud workplace (Microsoft 365), 2027–2031. Licence and device lines use the
demo personas' licence bundles and device kits, so they follow the personas' headcount. Figures
come from the sourced defaults (the product brief's reference/defaults.md); each is an entry in
the assumptions register with its source, or marked as the team's own assumption."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.employee.models import DeviceKit, LicenceBundle, Persona
from workplace_planner.steps.strategy.organisation import services
from workplace_planner.steps.strategy.organisation.models import (
    Assumption,
    CaseLine,
    CloudResource,
    QualitativeBenefit,
    Scenario,
)
from workplace_planner.steps.strategy.technology.models import FollowUp, RoadmapItem

D = Decimal
OWNER = "Bram Jansen (I&A)"
ASSUMPTIONS = {
    "fte": ("Integrale kosten eigen ICT-fte per jaar", "€ 82.000 (2020), geïndexeerd met de CAO",
            "M&I/Partners via Computable (2020); indexatie CAO Gemeenten ≈ 3,5 %/jaar",
            date(2026, 1, 15)),
    "cao": ("Loonindexatie CAO Gemeenten", "≈ 3,5 % per jaar",
            "gemeente.nu over het CAO-akkoord 1-4-2025 tot 31-3-2027", date(2026, 1, 15)),
    "e3": ("Prijs Microsoft 365 E3 (EUR, jaarcontract), indicatief", "€ 28,20 p.p.p.m.; +3 %/jaar",
           "axeti.com licentiemix-gids (resellerprijs); npifinancial.com prijsbulletin",
           date(2026, 2, 1)),
    "licence_range": ("Bandbreedte licentieprijzen", "−5 % tot +20 % (prijswijziging 1-7-2026)",
                      "npifinancial.com prijsbulletin (E3 $36 → $39)", date(2026, 2, 1)),
    "office": ("Huidige Office-licenties met software assurance", "€ 11,50 p.p.p.m.", "",
               date(2026, 2, 1)),
    "storage": ("Extra SharePoint-opslag", "€ 2,20 per GB per jaar, 12 TB, +15 % per jaar",
                "Microsoft-documentatie add-on storage ($0,20/GB/maand)", date(2026, 2, 1)),
    "servers": ("Vervanging virtualisatiecluster en opslag bij einde ondersteuning (2028)",
                "€ 240.000, afschrijving 5 jaar", "", date(2026, 2, 1)),
    "dc": ("Datacentrum, stroom en onderhoudscontracten", "€ 95.000 per jaar",
           "jaarrekening servicecentrum 2025 (eigen administratie)", date(2026, 2, 1)),
    "laptops": ("Laptop met dock", "€ 1.100, levensduur 4 jaar",
                "aanname; afschrijvingstermijn 3-4 jaar (Woerden, Maassluis)", date(2026, 2, 1)),
    "servicedesk": ("Servicedesk per gebruiker", "≈ € 20 per gebruiker per maand",
                    "MetricNet kosten per ticket via ManageEngine; ≈ 1 ticket p.p.p.m.",
                    date(2026, 2, 1)),
    "migration": ("Migratiepartner, eenmalig", "€ 250 per gebruiker × 1.315 gebruikers", "",
                  date(2026, 2, 1)),
    "dual": ("Dubbele exploitatie tijdens de migratie", "6 maanden datacentrum", "",
             date(2026, 2, 1)),
    "training": ("Training en adoptie", "3 uur per gebruiker × € 78 (schaal 10)",
                 "Handleiding Overheidstarieven (uurtarief schaal 10, 2024)", date(2026, 2, 1)),
    "time": ("Tijdwinst door zoeken, reizen en samenwerken", "4 fte vanaf 2028", "",
             date(2026, 2, 1)),
    "backup": ("Cloudback-up (SaaS)", "€ 18.000 per jaar", "offerte leverancier (indicatief)",
               date(2026, 2, 1)),
}


def _assumptions(programme) -> dict[str, Assumption]:
    made = {}
    for key, (statement, value, source, dated) in ASSUMPTIONS.items():
        made[key] = Assumption(
            organisation_id=programme.organisation_id, programme_id=programme.id,
            statement=statement, value=value, source=source, owner=OWNER, dated=dated,
        )
        db.session.add(made[key])
    return made


def _line(programme, scenario, position, **values) -> CaseLine:
    personas = values.pop("personas", [])
    line = CaseLine(organisation_id=programme.organisation_id, programme_id=programme.id,
                    scenario=scenario, position=position, vat="compensable",
                    roadmap_timing="during", note="", kind=values.pop("kind", "cost"), **values)
    line.personas = personas
    db.session.add(line)
    return line


def load_business_case_demo(programme) -> None:
    business_case = services.start_business_case(programme)
    business_case.name = "Businesscase digitale werkplek 2027–2031"
    business_case.note = ("Vergelijking van de huidige on-premise werkplek met een cloudwerkplek "
                          "op Microsoft 365 voor de drie deelnemende gemeenten.")
    a = _assumptions(programme)
    personas = list(db.session.scalars(select(Persona).where(
        Persona.programme_id == programme.id).order_by(Persona.name)))
    bundles = {b.name: b for b in db.session.scalars(select(LicenceBundle).where(
        LicenceBundle.programme_id == programme.id))}
    kits = {k.name: k for k in db.session.scalars(select(DeviceKit).where(
        DeviceKit.programme_id == programme.id))}
    storage = CloudResource(organisation_id=programme.organisation_id, programme_id=programme.id,
                            name="SharePoint extra opslag", unit="GB per jaar",
                            unit_price=D("2.20"),
                            source="Microsoft add-on storage: $0,20 per GB per maand (indicatief)")
    db.session.add(storage)
    roadmap = db.session.scalar(select(RoadmapItem).where(
        RoadmapItem.programme_id == programme.id).order_by(RoadmapItem.start_quarter).limit(1))
    regie = db.session.scalar(select(FollowUp).where(
        FollowUp.programme_id == programme.id, FollowUp.cost_category.is_not(None)).limit(1))

    baseline = Scenario(organisation_id=programme.organisation_id, programme_id=programme.id,
                        name="Huidige situatie (on-premise)", is_baseline=True, position=1,
                        description="Eigen datacentrum, Office 2019 en een eigen beheerteam.")
    cloud = Scenario(organisation_id=programme.organisation_id, programme_id=programme.id,
                     name="Cloudwerkplek (Microsoft 365)", is_baseline=False, position=2,
                     description="Microsoft 365 voor iedereen, licentie passend bij de persona; "
                                 "beheer verschuift naar regie.")
    db.session.add_all([baseline, cloud])

    laptop_users = [p for p in personas if p.device_kit and p.device_kit.name == "Laptop met dock"]
    shared = dict(
        laptops=dict(name="Laptops met dock (vervangingscyclus)", category="devices",
                     driver_type="investment", year=2027, device_kit=kits["Laptop met dock"],
                     personas=laptop_users, assumption=a["laptops"]),
        servicedesk=dict(name="Servicedesk", category="external_services",
                         driver_type="per_user", price_per_user_month=D("20"),
                         personas=personas, assumption=a["servicedesk"],
                         range_low_pct=D(90), range_high_pct=D(115)),
    )
    position = 0
    for values in (
        dict(name="Vervanging servercluster datacentrum", category="acquisition",
             driver_type="investment", amount=D("240000"), year=2028, depreciation_years=5,
             range_low_pct=D(90), range_high_pct=D(125), assumption=a["servers"]),
        dict(name="Beheer on-premise (3 fte)", category="internal_staff", driver_type="per_fte",
             fte=D(3), cost_per_fte=D("82000"), indexation_pct=D("3.5"), assumption=a["fte"]),
        dict(name="Office 2019 en CAL's met software assurance", category="licences",
             driver_type="per_user", price_per_user_month=D("11.50"), personas=personas,
             range_low_pct=D(95), range_high_pct=D(115), assumption=a["office"]),
        dict(name="Datacentrum, stroom en onderhoudscontracten", category="operations",
             driver_type="fixed", amount=D("95000"), range_low_pct=D(90),
             range_high_pct=D(110), assumption=a["dc"]),
        shared["laptops"], shared["servicedesk"],
    ):
        position += 1
        _line(programme, baseline, position, **dict(values))

    position = 0
    for bundle_name in ("Microsoft 365 E3 + Teams", "Microsoft 365 E5 + Teams", "Microsoft 365 F3"):
        users = [p for p in personas if p.licence_bundle and p.licence_bundle.name == bundle_name]
        if not users:
            continue
        position += 1
        _line(programme, cloud, position, name=bundle_name, category="licences",
              driver_type="per_user", licence_bundle=bundles[bundle_name], personas=users,
              indexation_pct=D(3), range_low_pct=D(95), range_high_pct=D(120),
              assumption=a["e3"])
    for values in (
        dict(name="Extra SharePoint-opslag", category="cloud", driver_type="usage",
             units=D(12000), cloud_resource=storage, growth_pct=D(15), range_low_pct=D(80),
             range_high_pct=D(150), assumption=a["storage"]),
        dict(name="Cloudback-up (SaaS)", category="cloud", driver_type="fixed",
             amount=D("18000"), assumption=a["backup"]),
        dict(name="Regie en contractmanagement (1 fte)", category="internal_staff",
             driver_type="per_fte", fte=D(1), cost_per_fte=D("82000"), indexation_pct=D("3.5"),
             assumption=a["fte"], follow_up=regie),
        dict(name="Beheer cloudwerkplek (1 fte)", category="internal_staff",
             driver_type="per_fte", fte=D(1), cost_per_fte=D("82000"), indexation_pct=D("3.5"),
             assumption=a["fte"]),
        dict(name="Migratiepartner", category="migration", driver_type="one_off",
             amount=D("328750"), year=2027, range_low_pct=D(90), range_high_pct=D(140),
             assumption=a["migration"], roadmap_item=roadmap if roadmap and roadmap.is_scheduled
             else None),
        dict(name="Dubbele exploitatie (6 maanden)", category="operations", driver_type="fixed",
             amount=D("47500"), start_year=2027, end_year=2027, nature="one_off",
             assumption=a["dual"]),
        dict(name="Training en adoptie", category="training", driver_type="one_off",
             amount=D("307710"), year=2027, range_low_pct=D(80), range_high_pct=D(130),
             assumption=a["training"]),
        shared["laptops"], shared["servicedesk"],
        dict(kind="benefit", name="Tijdwinst zoeken, reizen en samenwerken", category="other",
             driver_type="per_fte", fte=D(4), cost_per_fte=D("82000"), start_year=2028,
             indexation_pct=D("3.5"), range_low_pct=D(50), range_high_pct=D(130),
             assumption=a["time"]),
    ):
        position += 1
        _line(programme, cloud, position, **dict(values))

    for title, weight, description in (
        ("Plaats- en tijdonafhankelijk werken", 5,
         "Iedereen kan veilig werken waar het werk is: thuis, op locatie of bij de inwoner."),
        ("Betere samenwerking met ketenpartners", 4,
         "Samen in één document in plaats van versies per mail."),
        ("Minder afhankelijk van schaarse beheerkennis", 3,
         "Minder eigen infrastructuur; wel een sterke regieorganisatie nodig."),
    ):
        db.session.add(QualitativeBenefit(
            organisation_id=programme.organisation_id, programme_id=programme.id,
            scenario=cloud, title=title, weight=weight, description=description,
        ))
    db.session.flush()
    outcome = services.compute(business_case, monte_carlo=False)
    if not outcome.ok:
        raise RuntimeError("The demo business case is invalid: "
                           + "; ".join(str(i) for i in outcome.issues))
    # The programme is midway: a first version was approved (later steps measure budget and
    # benefits against it); a revision is submitted, so the demo reviewer can comment and decide.
    approved = services.create_version(programme, business_case, None,
                                       "Vastgesteld door de stuurgroep")
    services.submit_version(approved, None)
    services.approve_version(
        approved, None, "Akkoord als kader voor de begroting; herijken na de pilot."
    )
    version = services.create_version(programme, business_case, None,
                                      "Bijgestelde versie na de pilot")
    services.submit_version(version, None)
