"""Step 2, Design (Ontwerp): workplace profiles, target architecture, sourcing."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.registry import Deliverable, Step

STEP = Step(
    number=2,
    key="design",
    name=_l("Design"),
    summary=_l(
        "A workplace profile per persona, the target architecture per domain and the sourcing "
        "and procurement plan."
    ),
    deliverables={
        "employee": (
            Deliverable("workplace_profiles", _l("Workplace profile per persona")),
            Deliverable("profiles_checked", _l("Profiles checked against the personas' needs")),
        ),
        "technology": (
            Deliverable("target_architecture", _l("Target architecture per domain")),
            Deliverable("security_design", _l("Security requirements in the design")),
        ),
        "organisation": (
            Deliverable("sourcing_plan", _l("Sourcing and procurement plan")),
            Deliverable("budget_updated", _l("Budget updated for the design choices")),
        ),
    },
)
