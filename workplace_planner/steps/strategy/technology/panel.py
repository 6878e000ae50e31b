"""Step 1, technology perspective, on the step page and the dashboard cell.

The checks use ``services.completion``: a fixed number of queries, however big the roadmap.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps import panels
from workplace_planner.steps.strategy.technology import services
from workplace_planner.steps.strategy.technology.choices import TOPICS


def _context(programme) -> dict:
    return {
        "technology": services.completion(programme),
        "technology_workshops": services.list_workshops(programme),
        "technology_topics": TOPICS,
    }


def _checks(programme) -> list[panels.Check]:
    figures = services.completion(programme)
    systems, targeted = figures["systems"], figures["systems_with_target"]
    items, unready = figures["items"], figures["items_unready"]
    decided = len(figures["topics_decided"])
    total_topics = decided + len(figures["topics_open"])
    return [
        panels.Check(
            _l("Every system in the inventory has a target"),
            bool(systems) and targeted == systems,
            f"{targeted} / {systems}" if systems else "",
        ),
        panels.Check(
            _l("Every roadmap item has dates and an owner"),
            bool(items) and not unready,
            f"{items - unready} / {items}" if items else "",
        ),
        panels.Check(
            _l("The governance topics are decided"),
            decided == total_topics,
            f"{decided} / {total_topics}",
        ),
    ]


panels.register(panels.Panel("strategy", "technology", _context, _checks))
