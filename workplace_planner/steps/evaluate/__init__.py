"""Step 7, Evaluate & evolve (Evalueren & doorontwikkelen)."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.registry import Deliverable, Step

STEP = Step(
    number=7,
    key="evaluate",
    name=_l("Evaluate & evolve"),
    summary=_l(
        "Benefits realised against the business case, satisfaction against the baseline, and "
        "the roadmap refreshed for the next cycle."
    ),
    deliverables={
        "employee": (
            Deliverable("satisfaction", _l("Satisfaction compared with the baseline")),
        ),
        "technology": (
            Deliverable("roadmap_refreshed", _l("Roadmap refreshed for the next cycle")),
        ),
        "organisation": (
            Deliverable("benefits_realised", _l("Benefits realised against the business case")),
            Deliverable("lessons_learned", _l("Lessons learned recorded")),
        ),
    },
)
