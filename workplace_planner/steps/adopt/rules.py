"""When is a persona falling behind? A pure rule on plain values (no database, no Flask).

The rule, for the latest measurement of a persona in a municipality:

1. usage is behind when it is below the target line on the measurement date. The line runs
   from 0 percent on the go-live date to the target usage on the target date (linear in days),
   and stays at the target usage after it; before go-live the line is 0;
2. satisfaction is behind when, on or after the target date, it is below the target
   satisfaction;
3. tickets are behind when, on or after the target date, there are more tickets per 100 users
   than the target allows.

A persona is behind when the latest measurement of any of its municipalities is behind on any
of the three. A missing value (no satisfaction measured, no ticket target) is never behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

USAGE, SATISFACTION, TICKETS = "usage", "satisfaction", "tickets"


@dataclass(frozen=True)
class TargetLine:
    starts_on: date
    target_date: date
    usage: Decimal
    satisfaction: Decimal | None = None
    tickets: Decimal | None = None


@dataclass(frozen=True)
class Reading:
    measured_on: date
    usage: Decimal
    satisfaction: Decimal | None = None
    tickets: Decimal | None = None


def target_usage_on(line: TargetLine, on: date) -> Decimal:
    """The target usage on a date, to one decimal."""
    if on <= line.starts_on:
        return Decimal("0.0")
    if on >= line.target_date:
        return line.usage.quantize(Decimal("0.1"))
    elapsed = Decimal((on - line.starts_on).days)
    span = Decimal((line.target_date - line.starts_on).days)
    return (line.usage * elapsed / span).quantize(Decimal("0.1"), ROUND_HALF_UP)


def behind_on(reading: Reading, line: TargetLine) -> list[str]:
    """What the reading is behind on: a subset of usage, satisfaction, tickets (in that order)."""
    reasons = []
    if reading.usage < target_usage_on(line, reading.measured_on):
        reasons.append(USAGE)
    judged = reading.measured_on >= line.target_date
    if (judged and line.satisfaction is not None and reading.satisfaction is not None
            and reading.satisfaction < line.satisfaction):
        reasons.append(SATISFACTION)
    if (judged and line.tickets is not None and reading.tickets is not None
            and reading.tickets > line.tickets):
        reasons.append(TICKETS)
    return reasons


def latest(readings: list[Reading]) -> Reading | None:
    return max(readings, key=lambda r: r.measured_on, default=None)
