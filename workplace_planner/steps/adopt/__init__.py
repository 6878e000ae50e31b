"""Step 5, Adopt (Adoptie)."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.registry import Deliverable, Step

STEP = Step(
    number=5,
    key="adopt",
    name=_l("Adopt"),
    summary=_l("Adoption measured per persona, follow-up where it lags, and support readiness."),
    deliverables={
        "employee": (
            Deliverable("adoption_measured", _l("Adoption measured per persona")),
            Deliverable("follow_up", _l("Follow-up for personas that lag behind")),
        ),
        "technology": (
            Deliverable("usage_data", _l("Usage figures available")),
            Deliverable("support_ready", _l("Service desk and self-service ready")),
        ),
        "organisation": (
            Deliverable("adoption_reported", _l("Adoption reported to management")),
        ),
    },
)
