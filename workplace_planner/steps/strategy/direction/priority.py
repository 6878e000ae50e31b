"""The priority of an activity: a weighted mean of its three ratings.

    priority = (w_c × customer value + w_o × organisation value + w_u × urgency)
               / (w_c + w_o + w_u)

Each rating is 1–5, so the priority is on the same 1–5 scale. It is rounded half up to one
decimal. The weights are whole percentages per programme that add up to 100 (default 40 / 35 /
25). An activity that misses one of the three ratings has no priority yet ("not rated"): a
partial rating would make it look more or less urgent than the people who rate it meant; such
activities are listed after the rated ones.

Pure Python, no Flask: the pages, the exports and the tests call the same function.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_WEIGHTS = (40, 35, 25)
SCORES = range(1, 6)


@dataclass(frozen=True)
class Weights:
    customer: int = DEFAULT_WEIGHTS[0]
    organisation: int = DEFAULT_WEIGHTS[1]
    urgency: int = DEFAULT_WEIGHTS[2]

    def problem(self) -> str | None:
        """Why these weights cannot be used, or None."""
        values = (self.customer, self.organisation, self.urgency)
        if any(v is None or v < 0 or v > 100 for v in values):
            return "each weight is 0 to 100"
        if sum(values) != 100:
            return "the weights add up to 100"
        return None


def priority(customer: int | None, organisation: int | None, urgency: int | None,
             weights: Weights = Weights()) -> Decimal | None:
    """The weighted mean on 1–5, rounded half up to one decimal; None when a rating is missing.

    >>> priority(5, 3, 1)
    Decimal('3.3')
    """
    scores = (customer, organisation, urgency)
    if any(s is None for s in scores):
        return None
    if any(s not in SCORES for s in scores):
        raise ValueError("a rating is 1 to 5")
    if weights.problem():
        raise ValueError(weights.problem())
    total = (Decimal(weights.customer) * customer + Decimal(weights.organisation) * organisation
             + Decimal(weights.urgency) * urgency)
    mean = total / Decimal(weights.customer + weights.organisation + weights.urgency)
    return mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def sort_key(value: Decimal | None, title: str = "") -> tuple:
    """Highest priority first, unrated last, then by title."""
    return (value is None, -(value or 0), title.casefold())
