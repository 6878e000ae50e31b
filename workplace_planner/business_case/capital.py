"""BBV capital charges (kapitaallasten): straight-line depreciation plus interest.

Per investment, depreciation year k (k = 0 .. N-1):
- depreciation = floor(amount / N) cents, the last year takes the remainder, so the N
  depreciations sum to the amount exactly;
- book value at the start of year k = amount - depreciations of the earlier years (so the book
  value at the start of the first depreciation year is the full amount);
- interest = interest_rate x book value at the start of the year, rounded to the cent;
- capital charges = depreciation + interest.

``depreciation_start`` only shifts this schedule: ``next_year`` (usual Dutch municipal practice)
starts it the year after the purchase, so the purchase year itself carries no charges;
``same_year`` starts it in the purchase year, treating the asset as held for that whole year.
Charges after the horizon are not shown (the budget view covers the horizon years only).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .drivers import round_cents


@dataclass(frozen=True)
class CapitalSchedule:
    """Per investment (rows) and year of the horizon (columns), in integer cents."""

    book_value_start: np.ndarray
    depreciation: np.ndarray
    interest: np.ndarray

    @property
    def charges(self) -> np.ndarray:
        return self.depreciation + self.interest


def capital_schedule(
    amount_cents: np.ndarray,
    purchase_index: np.ndarray,
    depreciation_years: np.ndarray,
    interest_rate: float,
    depreciation_start: str,
    n_years: int,
) -> CapitalSchedule:
    """Schedules for many investments at once; indices are 0-based years of the horizon."""
    amount = np.asarray(amount_cents, dtype=np.int64)[:, None]
    periods = np.asarray(depreciation_years, dtype=np.int64)[:, None]
    shift = 1 if depreciation_start == "next_year" else 0
    first = np.asarray(purchase_index, dtype=np.int64)[:, None] + shift
    k = np.arange(n_years)[None, :] - first  # depreciation year, 0-based
    active = (k >= 0) & (k < periods)
    regular = amount // periods
    last = amount - (periods - 1) * regular
    depreciation = np.where(active, np.where(k == periods - 1, last, regular), 0)
    book_value = np.where(active, amount - np.clip(k, 0, None) * regular, 0)
    interest = np.where(active, round_cents(interest_rate * book_value / 100.0), 0)
    return CapitalSchedule(book_value, depreciation.astype(np.int64), interest.astype(np.int64))


def capital_charges_table(amount: float, depreciation_years: int,
                          interest_rate: float) -> list[dict[str, float]]:
    """The schedule of one investment over its whole life, in euros: one row per year.

    Years are numbered from 1 = the first year of depreciation (as in the reference table).
    """
    schedule = capital_schedule(
        round_cents([amount]), np.array([0]), np.array([depreciation_years]),
        interest_rate, "same_year", depreciation_years,
    )
    rows = []
    for k in range(depreciation_years):
        depreciation = int(schedule.depreciation[0, k])
        interest = int(schedule.interest[0, k])
        rows.append({
            "year": k + 1,
            "book_value_start": int(schedule.book_value_start[0, k]) / 100.0,
            "depreciation": depreciation / 100.0,
            "interest": interest / 100.0,
            "capital_charges": (depreciation + interest) / 100.0,
        })
    return rows
