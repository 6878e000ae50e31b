"""Step 3, Prepare & pilot, on its three perspective pages and the dashboard cells."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.prepare import services
from workplace_planner.steps.prepare.models import PilotGroup
from workplace_planner.steps.strategy.risks import services as risks


def _context(programme) -> dict:
    pilots = services.list_pilots(programme, PilotGroup.roadmap_items)
    return {"pilot": services.completion(programme), "pilot_groups": pilots,
            "piloted_risks": services.piloted_risks(programme, pilots),
            "risk_labels": risks.CARRIED_LABELS}


def _employee_checks(programme) -> list[panels.Check]:
    f = services.champion_figures(programme)
    return [
        panels.Check(_l("There is a pilot group"), bool(f["pilots"]), str(f["pilots"])),
        panels.Check(_l("Every pilot group has champions"),
                     bool(f["pilots"]) and f["pilots_with_champions"] == f["pilots"],
                     f"{f['pilots_with_champions']} / {f['pilots']}"),
    ]


def _technology_checks(programme) -> list[panels.Check]:
    f = services.item_figures(programme)
    pilots = services.list_pilots(programme, PilotGroup.roadmap_items)
    carried = services.piloted_risks(programme, pilots)
    unsettled = [c for c in carried if not c.settled]
    return [
        panels.Check(_l("The pilots try out roadmap items"), bool(f["pilot_items"]),
                     str(f["pilot_items"])),
        panels.Check(_l("The security measures of the piloted changes are done"),
                     bool(f["pilot_items"]) and not unsettled,
                     f"{len(carried) - len(unsettled)} / {len(carried)}"),
    ]


def _organisation_checks(programme) -> list[panels.Check]:
    f = services.decision_figures(programme)
    return [
        panels.Check(_l("Every pilot has go/no-go criteria"),
                     bool(f["pilots"]) and f["pilots_with_criteria"] == f["pilots"],
                     f"{f['pilots_with_criteria']} / {f['pilots']}"),
        panels.Check(_l("Every pilot has a go/no-go decision"),
                     bool(f["pilots"]) and f["pilots_decided"] == f["pilots"],
                     f"{f['pilots_decided']} / {f['pilots']}"),
    ]


panels.register(panels.Panel("prepare", "employee", _context, _employee_checks))
panels.register(panels.Panel("prepare", "technology", _context, _technology_checks))
panels.register(panels.Panel("prepare", "organisation", _context, _organisation_checks))
