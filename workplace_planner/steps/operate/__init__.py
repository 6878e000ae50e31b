"""Step 6, Operate (Beheer)."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.registry import Deliverable, Step

STEP = Step(
    number=6,
    key="operate",
    name=_l("Operate"),
    summary=_l(
        "The run organisation, vendor management, SLAs and KPIs, and security monitoring."
    ),
    deliverables={
        "employee": (
            Deliverable("support_in_use", _l("Support points and self-service in use")),
        ),
        "technology": (
            Deliverable("run_organisation", _l("Run organisation set up")),
            Deliverable("security_monitoring", _l("Security monitoring in place")),
        ),
        "organisation": (
            Deliverable("vendor_management", _l("Vendor management (regie) in place")),
            Deliverable("sla_kpi", _l("SLAs and KPIs agreed and reported")),
        ),
    },
)
