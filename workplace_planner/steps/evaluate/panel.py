"""Step 7 on the step pages and the dashboard cells: benefits against the approved business
case, satisfaction against the baseline, lessons learned and the next cycle."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.evaluate import services


def _context(programme) -> dict:
    version = services.approved_version(programme)
    return {
        "evaluate_version": version,
        "evaluate_comparison": services.compare_benefits(programme, version),
        "evaluate_satisfaction": services.satisfaction_changes(programme),
        "evaluate_lessons": services.list_lessons(programme),
        "evaluate_refreshes": services.refreshes_of(programme),
        "evaluate_unfinished": services.unfinished_items(programme),
    }


def _employee_checks(programme) -> list[panels.Check]:
    changes = services.satisfaction_changes(programme)
    return [panels.Check(_l("Satisfaction compared with the first measurement"), bool(changes),
                         str(len(changes)) if changes else "")]


def _technology_checks(programme) -> list[panels.Check]:
    refreshes = services.refreshes_of(programme)
    return [panels.Check(_l("Next cycle started with the unfinished roadmap items"),
                         bool(refreshes), "")]


def _organisation_checks(programme) -> list[panels.Check]:
    version = services.approved_version(programme)
    realised = services.list_realised(programme)
    lessons = services.list_lessons(programme)
    return [
        panels.Check(_l("An approved business case to measure benefits against"),
                     version is not None, ""),
        panels.Check(_l("Realised benefits recorded"), bool(realised), str(len(realised))),
        panels.Check(_l("Lessons learned recorded"), bool(lessons), str(len(lessons))),
    ]


panels.register(panels.Panel("evaluate", "employee", _context, _employee_checks))
panels.register(panels.Panel("evaluate", "technology", _context, _technology_checks))
panels.register(panels.Panel("evaluate", "organisation", _context, _organisation_checks))
