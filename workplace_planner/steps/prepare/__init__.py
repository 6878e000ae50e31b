"""Step 3, Prepare & pilot (Voorbereiden & pilot)."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.registry import Deliverable, Step

STEP = Step(
    number=3,
    key="prepare",
    name=_l("Prepare & pilot"),
    summary=_l(
        "Pilot groups and champions, a proof of concept, security measures in place and "
        "agreed go/no-go criteria."
    ),
    deliverables={
        "employee": (
            Deliverable("pilot_groups", _l("Pilot groups and champions chosen")),
            Deliverable("pilot_feedback", _l("Pilot feedback collected per persona")),
        ),
        "technology": (
            Deliverable("proof_of_concept", _l("Proof of concept carried out")),
            Deliverable("security_measures", _l("Security measures in place before go-live")),
        ),
        "organisation": (
            Deliverable("go_criteria", _l("Go/no-go criteria agreed")),
            Deliverable("go_decision", _l("Go/no-go decision recorded")),
        ),
    },
)
