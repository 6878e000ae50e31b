"""The risk assessment on the step page of step 1, technology perspective, and in its
dashboard cell (next to the technology module's own panel)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.strategy.risks import services

# The technology module's panel registers first, so its checks stay first in the cell.
from workplace_planner.steps.strategy.technology import panel as _technology  # noqa: F401


def _context(programme) -> dict:
    return {"risk_assessment": services.completion(programme)}


def _checks(programme) -> list[panels.Check]:
    figures = services.completion(programme)
    changing, assessed = figures["items_changing_systems"], figures["items_assessed"]
    accepted, invalid = figures["accepted"], figures["accepted_invalid"]
    return [
        panels.Check(
            _l("Every roadmap item that changes systems has a risk assessment"),
            bool(changing) and assessed == changing,
            f"{assessed} / {changing}" if changing else "",
        ),
        panels.Check(
            _l("No accepted risk without a valid acceptance"),
            invalid == 0,
            f"{accepted - invalid} / {accepted}" if accepted else "",
        ),
        panels.Check(
            _l("Every risk has a residual assessment"),
            bool(figures["risks"]) and not figures["without_residual"],
            f"{figures['risks'] - figures['without_residual']} / {figures['risks']}"
            if figures["risks"] else "",
        ),
    ]


panels.register(panels.Panel("strategy", "technology", _context, _checks))
