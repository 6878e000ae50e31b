"""Yearly amounts per line: drivers, active years, indexation, growth and VAT, as one matrix.

All lines of a scenario become one ``lines x years`` float64 matrix in a single vectorised pass,
then are rounded to whole cents (int64) *per line and year*. Every total the engine reports is a
sum of those integer cents, so category totals, view totals and grand totals always agree exactly.

Conventions (also in docs/business-case-format.md):
- amounts are ex VAT at ``start_year`` price level; year y gets x (1 + indexation)^(y - start_year),
  counted from the case's start year whatever the line's own start year;
- ``usage`` units grow by (1 + growth)^(y - first active year), multiplied with the indexation
  (growth is volume, indexation is price);
- ``non_compensable`` VAT adds vat_rate x amount; ``compensable`` and ``exempt`` add nothing;
- ``one_off`` and ``investment`` amounts fall in their ``year`` and are indexed to that year; the
  VAT treatment applies to the purchase, hence also to the depreciation base.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import (
    CATEGORIES,
    Case,
    InvestmentDriver,
    Line,
    OneOffDriver,
    PerFteDriver,
    PerUserDriver,
    UsageDriver,
)

CATEGORY_INDEX = {name: i for i, name in enumerate(CATEGORIES)}


def round_cents(euros) -> np.ndarray:
    """Euros -> whole cents (int64), half away from zero.

    Float noise is removed first: 1.005 is stored as 1.00499999999999989..., but anyone checking
    by hand expects 1.01, so a fraction within 1e-6 cent (or a few ulps) of one half counts as one
    half.
    """
    cents = np.asarray(euros, dtype=np.float64) * 100.0
    magnitude = np.abs(cents)
    whole = np.floor(magnitude)
    fraction = magnitude - whole
    tolerance = np.maximum(1e-6, 8 * np.spacing(magnitude))
    rounded = whole + (fraction >= 0.5 - tolerance)
    return (np.sign(cents) * rounded).astype(np.int64)


def to_euros(cents) -> tuple[float, ...]:
    """Integer cents -> a tuple of floats in euros (the nearest double to each cent amount)."""
    return tuple(float(c) / 100.0 for c in np.asarray(cents).tolist())


def persona_users(case: Case, driver: PerUserDriver) -> float:
    if driver.users is not None:
        return float(driver.users)
    headcount = {p.id: p.headcount for p in case.personas}
    return float(sum(headcount[pid] for pid in driver.personas))


def is_one_off(line: Line) -> bool:
    """One-off (incidenteel) vs structural, in the cash view.

    Default: one_off and investment drivers, and every line of category migration, are one-off;
    the rest is structural. A line's ``nature`` overrides it. In the budget view an investment's
    capital charges are structural unless the line says ``"nature": "one_off"``.
    """
    if line.nature is not None:
        return line.nature == "one_off"
    return isinstance(line.driver, OneOffDriver | InvestmentDriver) or line.category == "migration"


def is_one_off_in_budget(line: Line) -> bool:
    if isinstance(line.driver, InvestmentDriver):
        return line.nature == "one_off"
    return is_one_off(line)


@dataclass(frozen=True)
class LineMatrix:
    """The lines of one scenario as arrays (row i = lines[i])."""

    lines: tuple[Line, ...]
    amounts: np.ndarray  # float64 (lines, years): exact amounts in euros, before rounding
    cents: np.ndarray  # int64 (lines, years): the same, rounded per line-year
    category: np.ndarray  # int (lines,): index into CATEGORIES
    is_benefit: np.ndarray  # bool (lines,)
    is_investment: np.ndarray  # bool (lines,)
    one_off_cash: np.ndarray  # bool (lines,)
    one_off_budget: np.ndarray  # bool (lines,)


def line_matrix(case: Case, lines: tuple[Line, ...], rounded: bool = True) -> LineMatrix:
    """Build the cash amounts of every line and year at once (``cents`` only when rounded)."""
    n, horizon = len(lines), case.horizon_years
    base = np.empty(n)  # amount per active year at start_year prices, ex VAT, before growth
    first = np.empty(n, dtype=np.int64)  # first active year index (may be < 0: clipped later)
    last = np.empty(n, dtype=np.int64)
    index_rate = np.empty(n)
    growth = np.zeros(n)
    vat_factor = np.ones(n)
    category = np.empty(n, dtype=np.int64)
    is_benefit = np.zeros(n, dtype=bool)
    is_investment = np.zeros(n, dtype=bool)
    one_off_cash = np.zeros(n, dtype=bool)
    one_off_budget = np.zeros(n, dtype=bool)
    start, end, default_index = case.start_year, case.end_year, case.price_index
    non_compensable = 1.0 + case.vat_rate

    for i, line in enumerate(lines):
        d = line.driver
        lo = start if line.start_year is None else line.start_year
        hi = end if line.end_year is None else line.end_year
        if isinstance(d, OneOffDriver | InvestmentDriver):
            amount, lo, hi = d.amount, d.year, d.year
            is_investment[i] = isinstance(d, InvestmentDriver)
        elif isinstance(d, PerUserDriver):
            amount = d.price_per_user_month * 12.0 * persona_users(case, d)
        elif isinstance(d, PerFteDriver):
            amount = d.fte * d.cost_per_fte
        elif isinstance(d, UsageDriver):
            amount = d.units * d.unit_price
            growth[i] = d.growth
        else:  # FixedDriver
            amount = d.amount
        base[i] = amount
        first[i] = max(lo, start) - start
        last[i] = hi - start
        index_rate[i] = default_index if line.indexation is None else line.indexation
        if line.vat == "non_compensable":
            vat_factor[i] = non_compensable
        category[i] = CATEGORY_INDEX[line.category]
        is_benefit[i] = line.kind == "benefit"
        one_off_cash[i] = is_one_off(line)
        one_off_budget[i] = is_one_off_in_budget(line)

    t = np.arange(horizon)
    active = (t >= first[:, None]) & (t <= last[:, None])
    indexation = (1.0 + index_rate[:, None]) ** t
    volume = (1.0 + growth[:, None]) ** np.maximum(t - first[:, None], 0)
    with np.errstate(over="ignore", invalid="ignore"):  # load_case refuses such amounts
        amounts = np.where(active, (base * vat_factor)[:, None] * indexation * volume, 0.0)
    return LineMatrix(
        lines=tuple(lines),
        amounts=amounts,
        cents=round_cents(amounts) if rounded else np.zeros(amounts.shape, dtype=np.int64),
        category=category,
        is_benefit=is_benefit,
        is_investment=is_investment,
        one_off_cash=one_off_cash,
        one_off_budget=one_off_budget,
    )
