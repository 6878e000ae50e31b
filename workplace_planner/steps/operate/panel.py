"""Step 6 on the step pages and the dashboard cells: the run organisation, contracts with
renewals due, and the service levels measured."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.operate import rules, services
from workplace_planner.steps.operate.models import DIRECTIONS, FREQUENCIES, SOURCINGS
from workplace_planner.steps.strategy.risks import services as risks

LABELS = {"sourcings": SOURCINGS, "frequencies": FREQUENCIES, "directions": DIRECTIONS}
RENEWAL = {
    rules.ENDED: _l("Ended"),
    rules.OVERDUE: _l("Decide now: the notice period has started"),
    rules.DUE: _l("Renewal due soon"),
    rules.OK: _l("Running"),
}


def _context(programme) -> dict:
    roles = services.list_roles(programme)
    rows = services.contract_rows(programme, date.today())
    return {
        "operate_roles": roles, "operate_totals": services.fte_totals(roles),
        "operate_tasks": services.list_tasks(programme), "operate_rows": rows,
        "operate_flagged": [r for r in rows if r.flagged], "operate_renewal": RENEWAL,
        "operate_months": services.RENEWAL_MONTHS, "operate_labels": LABELS,
        "operate_levels": services.list_service_levels(programme),
        "finished_risks": _finished_risks(programme), "risk_labels": risks.CARRIED_LABELS,
    }


def _finished_risks(programme) -> list:
    """Risks of roadmap changes that are done: in operation now, so their measures must be."""
    return risks.risks_of_items(programme, risks.finished_item_ids(programme))


def _employee_checks(programme) -> list[panels.Check]:
    tasks = services.list_tasks(programme)
    return [panels.Check(_l("Vendor-management tasks have an owner"),
                         bool(tasks) and all(t.owner for t in tasks), str(len(tasks)))]


def _technology_checks(programme) -> list[panels.Check]:
    roles = services.list_roles(programme)
    totals = services.fte_totals(roles)
    finished = _finished_risks(programme)
    unsettled = [c for c in finished if not c.settled]
    return [
        panels.Check(_l("Run organisation described"), bool(roles),
                     f"{totals['total']} FTE" if roles else ""),
        panels.Check(_l("Finished changes have no open security measures"), not unsettled,
                     f"{len(finished) - len(unsettled)} / {len(finished)}"),
    ]


def _organisation_checks(programme) -> list[panels.Check]:
    rows = services.contract_rows(programme, date.today())
    flagged = [r for r in rows if r.flagged]
    levels = services.list_service_levels(programme)
    measured = sum(1 for level in levels if level.measurements)
    return [
        panels.Check(_l("No contract renewal due within six months"), bool(rows) and not flagged,
                     ", ".join(r.contract.subject for r in flagged)),
        panels.Check(_l("Every service level has been measured"),
                     bool(levels) and measured == len(levels), f"{measured} / {len(levels)}"),
    ]


panels.register(panels.Panel("operate", "employee", _context, _employee_checks))
panels.register(panels.Panel("operate", "technology", _context, _technology_checks))
panels.register(panels.Panel("operate", "organisation", _context, _organisation_checks))
