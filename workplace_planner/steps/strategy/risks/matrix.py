"""The 5 × 5 risk matrix: pure functions, no Flask, no database.

A matrix is a list of five rows (likelihood 1 to 5) of five level keys (impact 1 to 5). A risk's
level is always read from its programme's matrix, never typed in, so a change to the matrix
re-levels every risk at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

SIZE = 5
SCALE = range(1, SIZE + 1)
LEVEL_KEYS = ("low", "medium", "high", "critical")

# Rows: likelihood 1 (rare) to 5 (almost certain); columns: impact 1 (negligible) to 5
# (catastrophic). Rare but catastrophic (1, 5) is high, not low: a municipality cannot shrug
# off a one-in-ten-years event that stops its services for weeks.
DEFAULT_LEVELS = [
    ["low", "low", "medium", "medium", "high"],
    ["low", "medium", "medium", "high", "high"],
    ["medium", "medium", "high", "high", "critical"],
    ["medium", "high", "high", "critical", "critical"],
    ["medium", "high", "critical", "critical", "critical"],
]


def is_valid(levels) -> bool:
    return (
        isinstance(levels, list)
        and len(levels) == SIZE
        and all(isinstance(row, list) and len(row) == SIZE for row in levels)
        and all(cell in LEVEL_KEYS for row in levels for cell in row)
    )


def level_for(levels, likelihood: int | None, impact: int | None) -> str | None:
    """The level key of a cell; None when either score is missing."""
    if likelihood is None or impact is None:
        return None
    if likelihood not in SCALE or impact not in SCALE:
        raise ValueError(f"scores run from 1 to {SIZE}: {likelihood}, {impact}")
    return levels[likelihood - 1][impact - 1]


def rank(level: str | None) -> int:
    """Low 0 … critical 3; -1 for no level."""
    return LEVEL_KEYS.index(level) if level in LEVEL_KEYS else -1


def heat_counts(pairs: Iterable[tuple[int | None, int | None]]) -> list[list[int]]:
    """How many (likelihood, impact) pairs fall in each cell: counts[likelihood-1][impact-1].
    Pairs with a missing score are not counted."""
    counter = Counter((lk, im) for lk, im in pairs if lk in SCALE and im in SCALE)
    return [[counter[(lk, im)] for im in SCALE] for lk in SCALE]
