"""Step 2, Design, on its three perspective pages and the dashboard cells."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.design import services


def _context(programme) -> dict:
    return {"design": services.completion(programme)}


def _employee_checks(programme) -> list[panels.Check]:
    figures = services.profile_figures(programme)
    personas, profiles, fit = figures["personas"], figures["profiles"], figures["profiles_ok"]
    return [
        panels.Check(_l("Every persona has a workplace profile"),
                     bool(personas) and profiles == personas, f"{profiles} / {personas}"),
        panels.Check(_l("The profiles fit the personas' needs"),
                     bool(personas) and fit == personas, f"{fit} / {personas}"),
    ]


def _technology_checks(programme) -> list[panels.Check]:
    figures = services.architecture_figures(programme)
    domains, designed = figures["domains"], figures["domains_designed"]
    return [panels.Check(_l("Every domain has a chosen solution"),
                         bool(domains) and designed == domains, f"{designed} / {domains}")]


def _organisation_checks(programme) -> list[panels.Check]:
    figures = services.procurement_figures(programme)
    count, late = figures["procurements"], figures["procurements_late"]
    return [
        panels.Check(_l("The sourcing plan has procurements"), bool(count), str(count)),
        panels.Check(_l("No contract starts after its roadmap item"), not late,
                     f"{late} / {count}" if late else ""),
    ]


panels.register(panels.Panel("design", "employee", _context, _employee_checks))
panels.register(panels.Panel("design", "technology", _context, _technology_checks))
panels.register(panels.Panel("design", "organisation", _context, _organisation_checks))
