"""Step 5 on the step pages and the dashboard cells: adoption per persona against its target,
which personas fall behind, and the step-1 adoption measures that reach them."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.adopt import rules, services

REASONS = {rules.USAGE: _l("usage"), rules.SATISFACTION: _l("satisfaction"),
           rules.TICKETS: _l("support tickets")}


def _context(programme) -> dict:
    return {"adopt_overview": services.overview(programme, with_measures=True),
            "adopt_targets": services.list_targets(programme), "adopt_reasons": REASONS}


def _measured(overview) -> tuple[int, int]:
    return sum(1 for a in overview if a.series), len(overview)


def _employee_checks(programme) -> list[panels.Check]:
    overview = services.overview(programme)
    measured, total = _measured(overview)
    behind = [a.persona.name for a in overview if a.is_behind]
    return [
        panels.Check(_l("Adoption measured for every persona"),
                     bool(total) and measured == total, f"{measured} / {total}"),
        panels.Check(_l("No persona falls behind its target"), measured > 0 and not behind,
                     ", ".join(behind)),
    ]


def _technology_checks(programme) -> list[panels.Check]:
    measurements = services.list_measurements(programme)
    with_tickets = sum(1 for m in measurements if m.tickets_per_100 is not None)
    return [
        panels.Check(_l("Support tickets counted with the measurements"),
                     bool(measurements) and with_tickets == len(measurements),
                     f"{with_tickets} / {len(measurements)}" if measurements else ""),
    ]


def _organisation_checks(programme) -> list[panels.Check]:
    overview = services.overview(programme)
    with_target = sum(1 for a in overview if a.target is not None)
    return [
        panels.Check(_l("Every persona has an adoption target"),
                     bool(overview) and with_target == len(overview),
                     f"{with_target} / {len(overview)}"),
    ]


panels.register(panels.Panel("adopt", "employee", _context, _employee_checks))
panels.register(panels.Panel("adopt", "technology", _context, _technology_checks))
panels.register(panels.Panel("adopt", "organisation", _context, _organisation_checks))
