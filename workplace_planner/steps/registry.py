"""The building blocks of the seven-step model: perspectives, deliverables and steps.

Texts are English message ids wrapped in ``lazy_gettext``; the Dutch names come from the Dutch
catalogue (``translations/nl``), which the tests check for every step and deliverable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Perspective:
    key: str
    name: object  # a lazy string
    question: object


EMPLOYEE = Perspective(
    "employee",
    _l("Employee"),
    _l("What do the people who will work with it need, and how do we get them to adopt it?"),
)
TECHNOLOGY = Perspective(
    "technology",
    _l("Technology"),
    _l(
        "Where are we now, where do we want to be, in what order, under which governance, "
        "at which security risk?"
    ),
)
ORGANISATION = Perspective(
    "organisation",
    _l("Organisation"),
    _l(
        "What does it cost in people, money and means over the years, does it pay back, and "
        "what does it do to the functioning of the municipality?"
    ),
)
PERSPECTIVES: tuple[Perspective, ...] = (EMPLOYEE, TECHNOLOGY, ORGANISATION)
PERSPECTIVE_KEYS = tuple(p.key for p in PERSPECTIVES)


@dataclass(frozen=True)
class Deliverable:
    key: str  # stable: ticked deliverables are stored by key
    title: object


@dataclass(frozen=True)
class Step:
    number: int
    key: str
    name: object
    summary: object
    deliverables: dict[str, tuple[Deliverable, ...]] = field(default_factory=dict)

    def deliverables_for(self, perspective_key: str) -> tuple[Deliverable, ...]:
        return self.deliverables.get(perspective_key, ())

    def deliverable_keys(self, perspective_key: str) -> tuple[str, ...]:
        return tuple(d.key for d in self.deliverables_for(perspective_key))
