"""Step 1, employee perspective, on the step page and the dashboard."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.strategy.employee import services


def _context(programme) -> dict:
    personas = services.list_personas(programme)
    return {
        "employee_personas": personas,
        "employee_workforce": services.workforce(programme, personas),
        "employee_interview_total": len(services.list_interviews(programme)),
        "employee_measure_total": len(services.list_measures(programme)),
    }


def _checks(programme) -> list[panels.Check]:
    personas = services.list_personas(programme)
    workforce = services.workforce(programme, personas)
    counts = services.interview_counts(programme)
    return [
        panels.Check(
            _l("Personas cover the workforce"),
            bool(personas) and workforce.status == "exact",
            f"{workforce.covered} / {workforce.workforce}" if workforce.workforce else "",
        ),
        panels.Check(
            _l("Every persona is backed by an interview"),
            bool(personas) and all(counts.get(p.id) for p in personas),
        ),
        panels.Check(
            _l("Every persona has an adoption measure"),
            bool(personas) and all(p.measures for p in personas),
        ),
    ]


panels.register(panels.Panel("strategy", "employee", _context, _checks))
