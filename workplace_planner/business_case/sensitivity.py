"""Tornado: the NPV of an alternative with one line at its low, then its high multiplier.

Every line with a range that takes part in the comparison (the baseline's lines and the
alternative's own) is varied on its own, all others at their base amount. The varied line's
yearly amounts are multiplied, rounded to cents per year like every other amount, and the NPV
is recomputed from the resulting incremental flows. Sorted by swing |NPV(high) - NPV(low)|,
largest first (ties keep input order: baseline lines first).
"""

from __future__ import annotations

import numpy as np

from .drivers import round_cents
from .metrics import discount_factors


def tornado_npvs(
    base_flow_cents: np.ndarray,
    amounts: np.ndarray,
    cents: np.ndarray,
    signs: np.ndarray,
    lows: np.ndarray,
    highs: np.ndarray,
    rate: float,
) -> tuple[np.ndarray, np.ndarray]:
    """NPV (euros, unrounded) with each line at its low and at its high multiplier.

    ``amounts``/``cents``: (lines, years) cash amounts of the varied lines; ``signs``: +1 when the
    line adds to the incremental flow (a baseline cost, an alternative's benefit), else -1.
    """
    discount = discount_factors(rate, base_flow_cents.size)

    def npv_with(multipliers: np.ndarray) -> np.ndarray:
        delta = round_cents(amounts * multipliers[:, None]) - cents
        flows = base_flow_cents[None, :] + signs[:, None] * delta
        return (flows / 100.0) @ discount

    return npv_with(np.asarray(lows, float)), npv_with(np.asarray(highs, float))


def tornado_order(npv_low: np.ndarray, npv_high: np.ndarray) -> np.ndarray:
    """Indices sorted by swing descending; a stable sort keeps input order among equal swings."""
    swing = np.abs(npv_high - npv_low)
    return np.argsort(-swing, kind="stable")
