"""Step 4, Implement & migrate (Implementeren & migreren)."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.registry import Deliverable, Step

STEP = Step(
    number=4,
    key="implement",
    name=_l("Implement & migrate"),
    summary=_l(
        "Migration waves from the roadmap, communication and training per persona, and the "
        "budget against actuals."
    ),
    deliverables={
        "employee": (
            Deliverable("communication_plan", _l("Communication and training plan per persona")),
            Deliverable("training_given", _l("Training given")),
        ),
        "technology": (
            Deliverable("migration_waves", _l("Migration waves planned from the roadmap")),
            Deliverable("waves_done", _l("Waves carried out and checked")),
        ),
        "organisation": (
            Deliverable("budget_actuals", _l("Budget against actuals tracked")),
            Deliverable("change_risks", _l("Risks of the changes carried out treated")),
        ),
    },
)
