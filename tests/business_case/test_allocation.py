"""Largest-remainder allocation in cents: always sums exactly to the total."""

from __future__ import annotations

import numpy as np
import pytest
from bc_helpers import base_case, compute, line

from workplace_planner.business_case.allocation import largest_remainder, share_weights


def split(total_cents, weights):
    return largest_remainder([total_cents], weights)[0].tolist()


def test_equal_weights_extra_cent_to_the_first_listed():
    # 1.00 over three: 33 each, 1 cent left; equal remainders, so the first participant gets it.
    assert split(100, [1, 1, 1]) == [34, 33, 33]


def test_largest_remainder_wins_the_cent():
    # 10 cents by 1:2:4 (of 7): quotas 1.43, 2.86, 5.71 -> floors 1, 2, 5 (8), remainders
    # 3/7, 6/7, 5/7: the 2 cents left go to the 2nd (6/7) and 3rd (5/7).
    assert split(10, [1, 2, 4]) == [1, 3, 6]


def test_headcount_example():
    # 521,139.20 by headcount 260 : 170 : 90 (of 520): exactly 1/2, 17/52, 9/52.
    # a = 26,056,960 cents; b = 52,113,920 x 17 / 52 = 17,037,243.07... -> 17,037,243;
    # c = 9,019,716.92 -> 9,019,716; one cent left: c's remainder (.92) beats b's (.07).
    assert split(52_113_920, [260, 170, 90]) == [26_056_960, 17_037_243, 9_019_717]


def test_negative_totals_mirror_positive_ones():
    assert split(-100, [1, 1, 1]) == [-34, -33, -33]


def test_zero_weight_gets_nothing():
    assert split(101, [0, 1, 1]) == [0, 51, 50]


def test_all_zero_weights_only_for_zero():
    assert split(0, [0, 0]) == [0, 0]
    with pytest.raises(ValueError):
        split(1, [0, 0])


def test_huge_numbers_use_exact_integers():
    # Beyond int64 for total x weight: still exact, still sums.
    total = 9_000_000_000_000_000  # 90 trillion euros in cents
    weights = share_weights([1 / 3, 1 / 3, 1 / 3])
    parts = split(total, weights)
    assert sum(parts) == total
    assert max(parts) - min(parts) <= 1


def test_vectorised_rows_each_sum():
    totals = np.array([0, 1, 2, 99, 1_000_001, -7])
    out = largest_remainder(totals, [3, 5, 11, 0, 2])
    assert out.sum(axis=1).tolist() == totals.tolist()


def _participants_case(key, participants=None):
    participants = participants or [
        {"id": "a", "headcount": 1, "inhabitants": 10},
        {"id": "b", "headcount": 1, "inhabitants": 20},
        {"id": "c", "headcount": 1, "inhabitants": 30},
    ]
    lines = [line("run", driver={"type": "fixed", "amount": 100}),
             line("laptops", driver={"type": "investment", "amount": 900, "year": 2027,
                                     "depreciation_years": 3})]
    return base_case(lines, participants=participants, allocation_key=key, interest_rate=0.0)


def test_allocation_by_headcount_of_budget_costs():
    result = compute(_participants_case("headcount")).scenario("current")
    # Budget view: 2027 = 100.00 (the laptops are charged from 2028): 33.34 / 33.33 / 33.33;
    # 2028 = 100 + 300 = 400.00: 133.34 / 133.33 / 133.33.
    assert result.allocation["a"][:2] == (33.34, 133.34)
    assert result.allocation["b"][:2] == (33.33, 133.33)
    # Cash view as an extra: 2027 = 1,000.00 -> 333.34 / 333.33 / 333.33.
    assert result.allocation_cash["a"][0] == 333.34


def test_allocation_by_inhabitants():
    result = compute(_participants_case("inhabitants")).scenario("current")
    # 100.00 by 10:20:30 -> 16.67 (16.666...), 33.33 (33.333...), 50.00
    assert [result.allocation[p][0] for p in "abc"] == [16.67, 33.33, 50.0]


def test_allocation_by_fixed_shares():
    result = compute(_participants_case({"a": 0.5, "b": 0.3, "c": 0.2})).scenario("current")
    assert [result.allocation[p][0] for p in "abc"] == [50.0, 30.0, 20.0]


def test_allocation_sums_to_each_year_of_every_scenario():
    data = _participants_case("inhabitants")
    data["scenarios"].append({"id": "alt", "lines": [
        line("odd", driver={"type": "fixed", "amount": 1234.57}, indexation=0.0173)]})
    for scenario in compute(data).scenarios:
        for year in range(5):
            total = sum(round(v[year] * 100) for v in scenario.allocation.values())
            assert total == round(scenario.budget.costs[year] * 100)


def test_no_participants_no_allocation():
    assert compute(base_case([line()])).scenario("current").allocation is None
