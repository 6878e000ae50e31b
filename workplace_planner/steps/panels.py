"""How a step's module plugs into the step pages and the dashboard.

A module registers a ``Panel`` for its step and perspective. The perspective page then renders
``templates/steps/<step>/<perspective>.html`` with the panel's context, and the dashboard cell
shows the panel's completion checks (e.g. "personas cover the workforce").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    label: object  # a short sentence, lazy string
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class Panel:
    step: str
    perspective: str
    context: Callable[[object], dict]  # programme -> template context
    checks: Callable[[object], list[Check]] | None = None


_PANELS: dict[tuple[str, str], list[Panel]] = {}


def register(panel: Panel) -> Panel:
    panels = _PANELS.setdefault((panel.step, panel.perspective), [])
    if panel not in panels:
        panels.append(panel)
    return panel


def panels_for(step: str, perspective: str) -> list[Panel]:
    return list(_PANELS.get((step, perspective), ()))


def context_for(programme, step: str, perspective: str) -> dict:
    context: dict = {}
    for panel in panels_for(step, perspective):
        context.update(panel.context(programme))
    return context


def checks_for(programme, step: str, perspective: str) -> list[Check]:
    return [
        check
        for panel in panels_for(step, perspective)
        if panel.checks is not None
        for check in panel.checks(programme)
    ]
