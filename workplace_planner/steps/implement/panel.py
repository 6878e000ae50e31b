"""Step 4, Implement & migrate, on its three perspective pages and the dashboard cells."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.implement import services


def _context(programme) -> dict:
    return {"implement": services.completion(programme)}


def _employee_checks(programme) -> list[panels.Check]:
    f = services.communication_figures(programme)
    return [
        panels.Check(_l("Communication and training planned for every persona"),
                     bool(f["personas"]) and f["personas_with_communication"] == f["personas"],
                     f"{f['personas_with_communication']} / {f['personas']}"),
        panels.Check(_l("Communication and training done"),
                     bool(f["communication"]) and f["communication_done"] == f["communication"],
                     f"{f['communication_done']} / {f['communication']}"),
    ]


def _technology_checks(programme) -> list[panels.Check]:
    f = services.wave_figures(programme)
    return [
        panels.Check(_l("Every persona's employees are in a wave"),
                     bool(f["personas"]) and f["personas_planned"] == f["personas"],
                     f"{f['personas_planned']} / {f['personas']}"),
        panels.Check(_l("Every wave is done"), bool(f["waves"]) and f["waves_done"] == f["waves"],
                     f"{f['waves_done']} / {f['waves']}"),
    ]


def _organisation_checks(programme) -> list[panels.Check]:
    f = services.budget_figures(programme)
    version = f["approved_version"]
    return [
        panels.Check(_l("An approved business-case version is the baseline"),
                     version is not None, f"v{version.number}" if version else ""),
        panels.Check(_l("Actual spending is recorded"), bool(f["actuals"]), str(f["actuals"])),
    ]


panels.register(panels.Panel("implement", "employee", _context, _employee_checks))
panels.register(panels.Panel("implement", "technology", _context, _technology_checks))
panels.register(panels.Panel("implement", "organisation", _context, _organisation_checks))
