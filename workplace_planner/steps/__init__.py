"""The seven steps of the model, in order. Each step is a module of its own; later modules
(personas, roadmap, risks, business case, ...) plug into the step they belong to."""

from __future__ import annotations

from workplace_planner.steps import (
    adopt,
    design,
    evaluate,
    implement,
    operate,
    prepare,
    strategy,
)
from workplace_planner.steps.registry import (
    PERSPECTIVE_KEYS,
    PERSPECTIVES,
    Deliverable,
    Perspective,
    Step,
)

STEPS: tuple[Step, ...] = (
    strategy.STEP,
    design.STEP,
    prepare.STEP,
    implement.STEP,
    adopt.STEP,
    operate.STEP,
    evaluate.STEP,
)
STEP_KEYS = tuple(step.key for step in STEPS)
_BY_KEY = {step.key: step for step in STEPS}
_PERSPECTIVE_BY_KEY = {p.key: p for p in PERSPECTIVES}


def get_step(key: str) -> Step | None:
    return _BY_KEY.get(key)


def get_perspective(key: str) -> Perspective | None:
    return _PERSPECTIVE_BY_KEY.get(key)


__all__ = [
    "PERSPECTIVES",
    "PERSPECTIVE_KEYS",
    "STEPS",
    "STEP_KEYS",
    "Deliverable",
    "Perspective",
    "Step",
    "get_perspective",
    "get_step",
]
