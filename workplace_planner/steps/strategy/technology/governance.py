"""What the tool knows about the consequences of common governance choices.

A governance workshop settles sourcing, vendor management (regie), the way of working and
ownership. Some choices have well-known consequences that a business case must carry, e.g.
buying much "as a service" needs a regie organisation; doing much in-house needs trained
staff; Agile or DevOps needs a change in organisation and culture. ``proposals(decision,
programme)`` turns a decision's choice into suggested follow-ups, each with its assumption
written out and, where it costs money, a cost line (engine category, FTE, yearly and one-off
amounts) the business case can take over. The figures are starting points, stated as
assumptions for the planner to adjust: rules of thumb, not facts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from workplace_planner.i18n import format_number
from workplace_planner.steps.strategy.technology.choices import Topic

# Yearly employer cost of one FTE in municipal IT (scale 10-11 with surcharges), in euros.
FTE_COST = Decimal("95000")

CHOICES: dict[Topic, dict[str, object]] = {
    Topic.SOURCING: {
        "as_a_service": _l("Mostly as a service (SaaS, cloud, managed services)"),
        "hybrid": _l("Hybrid: services where they fit, own systems where needed"),
        "in_house": _l("Mostly in-house: own systems, own staff"),
    },
    Topic.VENDOR_MANAGEMENT: {
        "own_regie": _l("Our own regie organisation"),
        "shared_regie": _l("Regie by the shared-service organisation for all participants"),
        "outsourced_regie": _l("Regie bought from a partner (service integrator)"),
    },
    Topic.WAY_OF_WORKING: {
        "classic": _l("Classic: projects and line management (ITIL)"),
        "agile": _l("Agile: product teams with a product owner"),
        "devops": _l("DevOps: teams that build and run their own services"),
    },
    Topic.OWNERSHIP: {
        "central": _l("Central: the shared-service organisation decides"),
        "federated": _l("Federated: each municipality owns its services, standards are shared"),
        "product_owners": _l("Product owners per service, with a joint architecture board"),
    },
    Topic.OTHER: {},
}


@dataclass(frozen=True)
class Proposal:
    key: str  # unique per decision: adopting the same proposal twice is refused
    title: object
    description: object
    assumption: object
    cost_category: str | None = None
    fte: Decimal | None = None
    yearly_amount: Decimal | None = None
    one_off_amount: Decimal | None = None


class _Number:
    """A number shown in the reader's notation (3,5 or 3.5), formatted only when the lazy
    text around it is rendered, in the language of that moment."""

    def __init__(self, value):
        self.value = value

    def __str__(self) -> str:
        return format_number(self.value)


def choice_label(topic: Topic, key: str | None):
    return CHOICES.get(topic, {}).get(key or "", "")


def headcount(programme) -> int:
    """Employees served: the participating municipalities, or the organisation itself."""
    total = sum(p.headcount or 0 for p in programme.participants)
    if total:
        return total
    from workplace_planner.auth.models import Organisation
    from workplace_planner.extensions import db

    organisation = db.session.get(Organisation, programme.organisation_id)
    return organisation.headcount or 0 if organisation else 0


def _fte(value: float) -> Decimal:
    # Round up to a half FTE: people are hired in workable parts.
    return Decimal(math.ceil(value * 2)) / 2


def _staff(key, title, description, fte: Decimal, assumption) -> Proposal:
    return Proposal(
        key=key, title=title, description=description, assumption=assumption,
        cost_category="internal_staff", fte=fte, yearly_amount=(fte * FTE_COST).quantize(
            Decimal("1")),
    )


def _training(key, role, people: int, per_person: int, description) -> Proposal:
    return Proposal(
        key=key,
        title=_l("Training: %(role)s", role=role),
        description=description,
        assumption=_l(
            "%(people)d people × € %(amount)s per person, once; repeat every three years.",
            people=people, amount=_Number(per_person),
        ),
        cost_category="training",
        one_off_amount=Decimal(people * per_person),
    )


def _sourcing(choice: str, employees: int) -> list[Proposal]:
    if choice == "as_a_service":
        fte = _fte(max(2.0, employees / 400))
        return [
            _staff(
                "regie_organisation",
                _l("Set up a regie organisation of %(fte)s FTE", fte=_Number(fte)),
                _l("Buying services means directing suppliers: contract and supplier "
                   "management, service levels, demand management and functional ownership "
                   "of the cloud services."),
                fte,
                _l("About 1 FTE per 400 employees served (at least 2), at € 95.000 per FTE a "
                   "year; %(employees)s employees served.", employees=_Number(employees)),
            ),
            Proposal(
                key="exit_strategy",
                title=_l("Write an exit strategy per critical service"),
                description=_l("How data and work move to another supplier if a service ends "
                               "or performs badly; part of every contract."),
                assumption=_l("Done by the regie organisation; no extra cost."),
            ),
        ]
    if choice == "in_house":
        scale = max(1, employees // 300)
        return [
            _training("training_platform_engineers", _l("platform and cloud engineers"),
                      2 * scale, 4500,
                      _l("Certification in the new platform, identity and device management.")),
            _training("training_security", _l("security officers"), scale, 3500,
                      _l("Monitoring, incident response and hardening of the new systems.")),
            _training("training_service_desk", _l("service desk staff"), 3 * scale, 1200,
                      _l("Supporting employees on the new workplace; first-line fixes.")),
            _training("training_functional_admins", _l("functional administrators"),
                      2 * scale, 1800,
                      _l("Configuring and managing the business applications themselves.")),
        ]
    if choice == "hybrid":
        fte = _fte(max(1.0, employees / 800))
        return [
            _staff(
                "regie_function",
                _l("Set up a regie function of %(fte)s FTE", fte=_Number(fte)),
                _l("Direct the suppliers of the services you buy; keep the knowledge to run "
                   "your own systems."),
                fte,
                _l("About 1 FTE per 800 employees served (at least 1), at € 95.000 per FTE a "
                   "year; %(employees)s employees served.", employees=_Number(employees)),
            ),
            _training("training_integration", _l("engineers on integration"),
                      max(2, employees // 400), 3000,
                      _l("Connecting cloud services with the systems you keep: identity, "
                         "network, logging.")),
        ]
    return []


def _vendor_management(choice: str, employees: int) -> list[Proposal]:
    if choice == "own_regie":
        return [_training(
            "training_contract_management", _l("contract and supplier managers"),
            max(2, employees // 500), 2500,
            _l("Contract management, service-level management and supplier meetings."),
        )]
    if choice == "shared_regie":
        return [Proposal(
            key="regie_agreement",
            title=_l("Agree the regie services with every participant"),
            description=_l("What the shared-service organisation directs for the "
                           "municipalities, and how costs are shared (allocation key)."),
            assumption=_l("Part of the service agreement; no extra cost."),
        )]
    if choice == "outsourced_regie":
        return [Proposal(
            key="service_integrator",
            title=_l("Contract a service integrator"),
            description=_l("A partner directs the other suppliers; keep a small team to "
                           "direct the partner."),
            assumption=_l("About 2 percent of the yearly IT budget; here € 1.000 per 10 "
                          "employees a year as a first estimate."),
            cost_category="external_services",
            yearly_amount=Decimal(max(1, employees // 10) * 1000),
        )]
    return []


def _way_of_working(choice: str, employees: int) -> list[Proposal]:
    teams = max(2, employees // 300)
    change = Proposal(
        key="culture_change",
        title=_l("Plan the change in organisation and culture"),
        description=_l("New roles (product owner, scrum master), other ways of deciding and "
                       "budgeting, and leaders who coach instead of assign. Include it in the "
                       "adoption approach."),
        assumption=_l("An agile coach for %(teams)d teams for one year: € 120.000, once.",
                      teams=teams),
        cost_category="external_services",
        one_off_amount=Decimal(120000),
    )
    owners = _staff(
        "product_owners",
        _l("Appoint %(n)d product owners", n=teams),
        _l("One per team, mandated to set priorities with the municipalities."),
        Decimal(teams) / 2,
        _l("Half an FTE per team, from existing staff or new; € 95.000 per FTE a year."),
    )
    if choice == "agile":
        return [change, owners, _training(
            "training_agile", _l("team members in agile working"), teams * 7, 900,
            _l("Scrum or Kanban basics for every team member."))]
    if choice == "devops":
        return [change, owners, _training(
            "training_devops", _l("engineers in automation and DevOps"), teams * 5, 3000,
            _l("Infrastructure as code, automated testing and deployment, monitoring.")),
            Proposal(
                key="on_call",
                title=_l("Arrange on-call duty for the teams"),
                description=_l("Teams that run what they build are reachable outside office "
                               "hours for their services."),
                assumption=_l("On-call allowance of € 6.000 per team a year."),
                cost_category="internal_staff",
                yearly_amount=Decimal(teams * 6000),
            )]
    if choice == "classic":
        return [Proposal(
            key="process_update",
            title=_l("Update the ITIL processes for the cloud services"),
            description=_l("Change, incident and supplier management must cover services "
                           "that suppliers run."),
            assumption=_l("Done by the process owners; no extra cost."),
        )]
    return []


def _ownership(choice: str, employees: int) -> list[Proposal]:
    board = Proposal(
        key="architecture_board",
        title=_l("Set up an architecture board"),
        description=_l("Decides on standards and on changes that affect more than one "
                       "municipality; meets monthly."),
        assumption=_l("Existing architects and managers; no extra cost."),
    )
    if choice == "central":
        return [board, Proposal(
            key="decision_mandate",
            title=_l("Record the mandate in the service agreement"),
            description=_l("What the shared-service organisation decides alone, and what "
                           "needs the participants' consent."),
            assumption=_l("No extra cost."),
        )]
    if choice in ("federated", "product_owners"):
        return [board]
    return []


RULES = {
    Topic.SOURCING: _sourcing,
    Topic.VENDOR_MANAGEMENT: _vendor_management,
    Topic.WAY_OF_WORKING: _way_of_working,
    Topic.OWNERSHIP: _ownership,
}


def proposals(decision, programme) -> list[Proposal]:
    """The consequences the tool proposes for the decision's choice ([] when it knows none)."""
    rule = RULES.get(decision.topic)
    if rule is None or not decision.choice_key:
        return []
    return rule(decision.choice_key, headcount(programme))
