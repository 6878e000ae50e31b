"""Is a contract's renewal due? A pure rule on dates (no database, no Flask).

The decision date of a contract is its renewal date, or, when none is given, its end date
minus the notice period. On a given day a contract is

- ``ended`` when its end date has passed;
- ``overdue`` when the decision date has passed but the contract still runs (decide now: the
  notice period has started);
- ``due`` when the decision date falls within the next N months (today included, the day N
  months ahead included);
- ``ok`` otherwise.

``due`` and ``overdue`` are flagged on the pages.
"""

from __future__ import annotations

import calendar
from datetime import date

ENDED, OVERDUE, DUE, OK = "ended", "overdue", "due", "ok"
FLAGGED = frozenset({OVERDUE, DUE})


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier), the last day of the month when it is
    shorter: 31 January + 1 month = 28 or 29 February."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def decision_date(ends_on: date, notice_months: int, renewal_on: date | None) -> date:
    return renewal_on or add_months(ends_on, -(notice_months or 0))


def renewal_status(ends_on: date, notice_months: int, renewal_on: date | None, today: date,
                   months: int) -> str:
    if ends_on < today:
        return ENDED
    deciding = decision_date(ends_on, notice_months, renewal_on)
    if deciding < today:
        return OVERDUE
    if deciding <= add_months(today, months):
        return DUE
    return OK
