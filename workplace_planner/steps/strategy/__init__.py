"""Step 1, Strategy (Strategie): the foundation that every later step reuses."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.registry import Deliverable, Step

STEP = Step(
    number=1,
    key="strategy",
    name=_l("Strategy"),
    summary=_l(
        "Personas and adoption, the roadmap from current situation to ambition with its "
        "governance and security risks, and the multi-year budget and business case."
    ),
    deliverables={
        "employee": (
            Deliverable("interviews", _l("Interviews held with employees")),
            Deliverable("personas", _l("Personas recorded from the interviews")),
            Deliverable("adoption_framework", _l("Adoption framework per persona")),
        ),
        "technology": (
            Deliverable("current_situation", _l("Current situation inventoried")),
            Deliverable("ambition", _l("Ambition set: the point on the horizon")),
            Deliverable("roadmap", _l("Roadmap of changes in time")),
            Deliverable("governance", _l("Governance choices: sourcing and way of working")),
            Deliverable("risk_assessment", _l("Security risk assessment of every change")),
        ),
        "organisation": (
            Deliverable("budget_plan", _l("Multi-year project and budget plan")),
            Deliverable("business_case", _l("Business case with scenarios")),
            Deliverable("impact_analysis", _l("Business impact analysis")),
            Deliverable("vision", _l("Vision, goals and KPIs on one A4")),
        ),
    },
)
