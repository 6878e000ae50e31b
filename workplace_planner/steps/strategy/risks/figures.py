"""Figures behind the heat map and the risk timeline: pure functions over plain data."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workplace_planner.steps.strategy.risks.matrix import LEVEL_KEYS


def risk_over_time(entries: Iterable[tuple[int | None, int | None, str | None]],
                   quarters: list[int]) -> dict[int, dict[str, int]]:
    """Per quarter, how many open risks the items running in that quarter carry, per level.

    ``entries``: one (start quarter, end quarter, level) per risk, from its roadmap item and
    its current level; an item without both quarters is not on the timeline, a risk without a
    level is not counted. End quarters are inclusive.
    """
    result = {q: dict.fromkeys(LEVEL_KEYS, 0) for q in quarters}
    for start, end, level in entries:
        if start is None or end is None or level not in LEVEL_KEYS:
            continue
        for q in quarters:
            if start <= q <= end:
                result[q][level] += 1
    return result


def level_counts(levels: Iterable[str | None]) -> dict[str, int]:
    counter = Counter(levels)
    return {level: counter[level] for level in LEVEL_KEYS}
