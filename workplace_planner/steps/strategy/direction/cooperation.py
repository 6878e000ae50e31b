"""Cooperation opportunities on the joint roadmap, as a pure function.

Two activities are *the same activity* when
  1. they are linked to the same roadmap item, or
  2. their titles are equal after normalising (lower case, surrounding and repeated white
     space removed), or
  3. one is explicitly linked to the other ("the same as ...");
and "the same" is transitive (A like B, B like C → A, B and C are one group).

An opportunity is a group in which activities of two or more different municipalities are
planned in overlapping periods. Periods are ranges of quarters (``quarters.py`` integers,
both ends inclusive). An activity placed as Now / Next / Later gets a period by
``horizon_period``:

  * Now   = the four quarters of the programme's current year,
  * Next  = the four quarters of the year after,
  * Later = from the year after that up to the end of the programme (at least one year).

The programme's current year is this calendar year, kept within the programme's years.
Activities without any placing in time are never part of an opportunity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

WHITESPACE = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    return WHITESPACE.sub(" ", (title or "").strip()).casefold()


def current_year(start_year: int, end_year: int, this_year: int) -> int:
    return min(max(this_year, start_year), end_year)


def horizon_period(horizon: str, year: int, end_year: int) -> tuple[int, int]:
    """(first quarter, last quarter) of Now / Next / Later, seen from ``year``."""
    first_of = {"now": year, "next": year + 1, "later": year + 2}[horizon]
    last_year = {"now": year, "next": year + 1, "later": max(end_year, year + 2)}[horizon]
    return first_of * 4, last_year * 4 + 3


@dataclass(frozen=True)
class Planned:
    """One activity as the detection sees it: plain data."""

    id: int
    participant_id: int
    title: str
    period: tuple[int, int] | None = None
    roadmap_item_id: int | None = None
    linked_id: int | None = None


@dataclass
class Opportunity:
    title: str  # the title of the group's first activity (or of its roadmap item)
    activity_ids: list[int] = field(default_factory=list)
    participant_ids: list[int] = field(default_factory=list)
    period: tuple[int, int] | None = None  # where the overlapping periods meet, widest span
    reason: str = ""  # "roadmap_item", "title" or "link"


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


class _Groups:
    def __init__(self, ids):
        self.parent = {i: i for i in ids}

    def find(self, i):
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _reason(members: list[Planned]) -> str:
    items = {m.roadmap_item_id for m in members}
    if None not in items and len(items) == 1:
        return "roadmap_item"
    if len({normalise_title(m.title) for m in members}) == 1:
        return "title"
    return "link"


def find_opportunities(activities: list[Planned]) -> list[Opportunity]:
    """Every cooperation opportunity, earliest first, then by title."""
    by_id = {a.id: a for a in activities}
    groups = _Groups(by_id)
    first_with = {}
    for a in activities:
        keys = [("title", normalise_title(a.title))]
        if a.roadmap_item_id is not None:
            keys.append(("item", a.roadmap_item_id))
        for key in keys:
            if key in first_with:
                groups.join(a.id, first_with[key])
            else:
                first_with[key] = a.id
        if a.linked_id in by_id:
            groups.join(a.id, a.linked_id)

    members = defaultdict(list)
    for a in activities:
        members[groups.find(a.id)].append(a)

    found = []
    for group in members.values():
        if len({m.participant_id for m in group}) < 2:
            continue
        # Pairs of different municipalities whose periods overlap, joined into clusters.
        clusters = _Groups([m.id for m in group])
        meeting: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.participant_id != b.participant_id and overlaps(a.period, b.period):
                    clusters.join(a.id, b.id)
                    span = (max(a.period[0], b.period[0]), min(a.period[1], b.period[1]))
                    meeting[a.id].append(span)
                    meeting[b.id].append(span)
        together = defaultdict(list)
        for m in group:
            if meeting[m.id]:
                together[clusters.find(m.id)].append(m)
        for cluster in together.values():
            spans = [s for m in cluster for s in meeting[m.id]]
            cluster.sort(key=lambda m: m.id)
            found.append(Opportunity(
                title=cluster[0].title,
                activity_ids=[m.id for m in cluster],
                participant_ids=sorted({m.participant_id for m in cluster}),
                period=(min(s[0] for s in spans), max(s[1] for s in spans)),
                reason=_reason(cluster),
            ))
    found.sort(key=lambda o: (o.period[0], normalise_title(o.title)))
    return found
