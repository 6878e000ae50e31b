"""Step 1, organisation perspective: the BIA on the step page and in the dashboard cell (next
to the business case's panel)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.strategy.continuity import services


def _context(programme) -> dict:
    return {"bia": services.completion(programme)}


def _checks(programme) -> list[panels.Check]:
    figures = services.completion(programme)
    entries, internet = figures["entries"], figures["internet"]
    missing = figures["internet_without_fallback"]
    return [
        panels.Check(
            _l("Every BIA process has an owner, a maximum tolerable downtime and an RTO"),
            bool(entries) and figures["complete"] == entries,
            f"{figures['complete']} / {entries}" if entries else "",
        ),
        panels.Check(
            _l("Every BIA process has its impact over time scored"),
            bool(entries) and figures["scored"] == entries,
            f"{figures['scored']} / {entries}" if entries else "",
        ),
        panels.Check(
            _l("Every process that depends on the internet has a fallback"),
            bool(entries) and missing == 0,
            f"{internet - missing} / {internet}" if entries else "",
        ),
    ]


panels.register(panels.Panel("strategy", "organisation", _context, _checks))
