"""Capital charges (kapitaallasten): straight-line depreciation + interest on book value."""

from __future__ import annotations

import pytest
from bc_helpers import base_case, compute, line, reference

from workplace_planner.business_case import capital_charges_table

REF = reference()["capital_charges"]


def test_reference_table_row_by_row():
    # 120,000 over 4 years at 2 %: 30,000 a year; interest 2,400 / 1,800 / 1,200 / 600.
    assert capital_charges_table(120000, 4, 0.02) == REF["rows"]
    assert sum(r["capital_charges"] for r in REF["rows"]) == REF["total"] == 126000.0


def test_depreciation_remainder_goes_to_the_last_year():
    # 1,000 over 3 years: 333.33 + 333.33 + 333.34 = 1,000.00 exactly.
    rows = capital_charges_table(1000, 3, 0.0)
    assert [r["depreciation"] for r in rows] == [333.33, 333.33, 333.34]
    assert [r["book_value_start"] for r in rows] == [1000.0, 666.67, 333.34]


def test_interest_is_rounded_per_year():
    # 1,000 over 3 at 1.5 %: interest 15.00, 10.0000 (666.67 x 0.015 = 10.00005 -> 10.00),
    # 5.0001 (333.34 x 0.015 = 5.0001 -> 5.00).
    rows = capital_charges_table(1000, 3, 0.015)
    assert [r["interest"] for r in rows] == [15.0, 10.0, 5.0]


def _investment_case(depreciation_start, **driver):
    laptops = line("Laptops", category="devices",
                   driver={"type": "investment", "amount": 120000, "year": 2027,
                           "depreciation_years": 4, **driver})
    return base_case([laptops], depreciation_start=depreciation_start)


def test_budget_view_next_year():
    # Bought in 2027: 2027 carries nothing; 2028-2031 are the reference rows.
    budget = compute(_investment_case("next_year")).scenario("current").budget
    assert budget.costs == (0.0, 32400.0, 31800.0, 31200.0, 30600.0)
    assert budget.capital_charges.depreciation == (0.0, 30000.0, 30000.0, 30000.0, 30000.0)
    assert budget.capital_charges.interest == (0.0, 2400.0, 1800.0, 1200.0, 600.0)
    assert budget.costs_by_category["devices"] == budget.costs
    # capital charges are structural in the budget view
    assert budget.structural_costs == budget.costs
    assert budget.one_off_costs == (0.0,) * 5


def test_budget_view_same_year():
    # Depreciation from the purchase year: the four reference rows in 2027-2030, nothing in 2031.
    budget = compute(_investment_case("same_year")).scenario("current").budget
    assert budget.costs == (32400.0, 31800.0, 31200.0, 30600.0, 0.0)


def test_cash_view_shows_the_purchase_as_one_off():
    cash = compute(_investment_case("next_year")).scenario("current").cash
    assert cash.costs == (120000.0, 0.0, 0.0, 0.0, 0.0)
    assert cash.one_off_costs == cash.costs


def test_charges_after_the_horizon_are_not_shown():
    # Bought 2030, 5 years, next_year: only 2031 is inside the horizon (24,000 + 2,400).
    data = base_case([line("Servers", category="acquisition",
                           driver={"type": "investment", "amount": 120000, "year": 2030,
                                   "depreciation_years": 5})])
    result = compute(data).scenario("current")
    assert result.budget.costs == (0.0, 0.0, 0.0, 0.0, 26400.0)
    assert result.tco_budget == 26400.0
    assert result.tco == 120000.0


def test_non_compensable_vat_is_in_the_depreciation_base():
    # 100,000 + 21 % = 121,000 paid; depreciated 30,250 a year; interest 2 % of 121,000 = 2,420.
    data = base_case([line("Switches", category="acquisition", vat="non_compensable",
                           driver={"type": "investment", "amount": 100000, "year": 2027,
                                   "depreciation_years": 4})])
    result = compute(data).scenario("current")
    assert result.cash.costs[0] == 121000.0
    assert result.budget.costs[1] == 30250.0 + 2420.0


def test_investment_is_indexed_to_its_purchase_year():
    # 100,000 at 2027 prices bought in 2029 with 2 % index: 100,000 x 1.02^2 = 104,040.
    data = base_case([line("Servers", category="acquisition",
                           driver={"type": "investment", "amount": 100000, "year": 2029,
                                   "depreciation_years": 4})], price_index=0.02)
    result = compute(data).scenario("current")
    assert result.cash.costs == (0.0, 0.0, 104040.0, 0.0, 0.0)
    assert result.budget.capital_charges.depreciation == (0.0, 0.0, 0.0, 26010.0, 26010.0)


def test_capital_charges_of_several_investments_add_up():
    a = line("A", driver={"type": "investment", "amount": 120000, "year": 2027,
                          "depreciation_years": 4})
    b = line("B", driver={"type": "investment", "amount": 1000, "year": 2028,
                          "depreciation_years": 3})
    budget = compute(base_case([a, b])).scenario("current").budget
    # 2029: A 31,800 + B (333.33 + 20.00) = 32,153.33
    assert budget.costs[2] == pytest.approx(32153.33, abs=1e-9)
    assert budget.capital_charges.total == budget.costs
