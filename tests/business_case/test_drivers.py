"""Hand-checked yearly amounts for every driver, indexation, VAT treatment and the views."""

from __future__ import annotations

import pytest
from bc_helpers import base_case, compute, line

from workplace_planner.business_case import CATEGORIES


def amounts(driver, **fields):
    """Cash costs 2027-2031 of a single baseline cost line."""
    data_fields = {k: v for k, v in fields.items() if k in {"price_index", "vat_rate", "personas"}}
    line_fields = {k: v for k, v in fields.items() if k not in data_fields}
    data = base_case([line("x", driver=driver, **line_fields)], **data_fields)
    return compute(data).scenario("current").cash.costs


def test_fixed_indexed_from_the_start_year():
    # 1,000 x 1.02^t: 1,000.00 / 1,020.00 / 1,040.40 / 1,061.21 (1,061.208) / 1,082.43 (1,082.43216)
    assert amounts({"type": "fixed", "amount": 1000}, indexation=0.02) == (
        1000.0, 1020.0, 1040.4, 1061.21, 1082.43)


def test_line_default_indexation_is_the_price_index():
    assert amounts({"type": "fixed", "amount": 1000}, price_index=0.02)[2] == 1040.4


def test_indexation_counts_from_the_case_start_even_if_the_line_starts_later():
    # Active 2029-2030 only; 2029 is t = 2: 1,000 x 1.02^2 = 1,040.40.
    assert amounts({"type": "fixed", "amount": 1000}, indexation=0.02,
                   start_year=2029, end_year=2030) == (0.0, 0.0, 1040.4, 1061.21, 0.0)


def test_line_running_past_the_horizon_is_clipped():
    assert amounts({"type": "fixed", "amount": 10}, start_year=2030, end_year=2040) == (
        0.0, 0.0, 0.0, 10.0, 10.0)


def test_one_off_in_its_year_indexed_to_that_year():
    # 5,000 in 2028 at 2.3 %: 5,115.00
    assert amounts({"type": "one_off", "amount": 5000, "year": 2028}, indexation=0.023) == (
        0.0, 5115.0, 0.0, 0.0, 0.0)


def test_per_user_with_a_number_of_users():
    # 28.20 x 12 x 120 = 40,608.00; 2028 at 3 %: 41,826.24
    result = amounts({"type": "per_user", "price_per_user_month": 28.20, "users": 120},
                     indexation=0.03)
    assert result[:2] == (40608.0, 41826.24)


def test_per_user_with_personas_sums_their_headcount():
    personas = [{"id": "field", "headcount": 120}, {"id": "office", "headcount": 380},
                {"id": "gis", "headcount": 20}]
    # 5.58 x 12 x (120 + 20) = 9,374.40
    result = amounts({"type": "per_user", "price_per_user_month": 5.58,
                      "personas": ["field", "gis"]}, personas=personas)
    assert result == (9374.4,) * 5


def test_per_fte():
    # 1.5 FTE x 82,000 = 123,000; 2028 at 3.5 %: 127,305
    assert amounts({"type": "per_fte", "fte": 1.5, "cost_per_fte": 82000},
                   indexation=0.035)[:2] == (123000.0, 127305.0)


def test_usage_growth_compounds_with_indexation_from_the_first_active_year():
    # 1,000 units x 2.20, growth 10 % from 2028 (the line's first year), index 2 % from 2027:
    # 2028: 1,000 x 2.2 x 1.02     = 2,244.00
    # 2029: 1,100 x 2.2 x 1.0404   = 2,517.768    -> 2,517.77
    # 2030: 1,210 x 2.2 x 1.061208 = 2,824.935696 -> 2,824.94
    # 2031: 1,331 x 2.2 x 1.08243216 = 3,169.5778... -> 3,169.58
    result = amounts({"type": "usage", "units": 1000, "unit_price": 2.2, "growth": 0.10},
                     indexation=0.02, start_year=2028)
    assert result == (0.0, 2244.0, 2517.77, 2824.94, 3169.58)


def test_investment_cash_is_the_purchase():
    assert amounts({"type": "investment", "amount": 50000, "year": 2029,
                    "depreciation_years": 5}) == (0.0, 0.0, 50000.0, 0.0, 0.0)


@pytest.mark.parametrize(("vat", "expected"), [
    ("compensable", 1000.0),      # VAT recovered through the BCF: no cost
    ("exempt", 1000.0),           # no VAT charged
    ("non_compensable", 1210.0),  # 1,000 + 21 %
])
def test_vat_treatments(vat, expected):
    assert amounts({"type": "fixed", "amount": 1000}, vat=vat)[0] == expected


def test_vat_default_is_compensable():
    assert amounts({"type": "fixed", "amount": 1000})[0] == 1000.0


def test_vat_rate_is_the_case_rate():
    assert amounts({"type": "fixed", "amount": 1000}, vat="non_compensable",
                   vat_rate=0.09)[0] == 1090.0


def test_rounding_is_half_away_from_zero_per_line_and_year():
    # 1.005 is stored as 1.00499999...; a reviewer expects 1.01.
    assert amounts({"type": "fixed", "amount": 1.005})[0] == 1.01
    # Three lines of 0.333...: each rounds to 0.33, total 0.99 (not 1.00): sums of rounded lines.
    lines = [line(f"l{i}", driver={"type": "fixed", "amount": 1 / 3}) for i in range(3)]
    assert compute(base_case(lines)).scenario("current").cash.costs[0] == 0.99


def test_categories_and_totals_agree_to_the_cent():
    lines = [
        line("a", category="licences", driver={"type": "fixed", "amount": 0.115}),
        line("b", category="licences", driver={"type": "fixed", "amount": 0.115}),
        line("c", category="cloud", driver={"type": "usage", "units": 3, "unit_price": 0.3333,
                                              "growth": 0.07}),
        line("d", kind="benefit", category="other", driver={"type": "fixed", "amount": 7.777}),
    ]
    result = compute(base_case(lines, price_index=0.0231)).scenario("current")
    for view in (result.cash, result.budget):
        assert set(view.costs_by_category) == set(CATEGORIES)
        for year in range(5):
            cents = round(sum(v[year] for v in view.costs_by_category.values()) * 100)
            assert cents == round(view.costs[year] * 100)
            assert round((view.one_off_costs[year] + view.structural_costs[year]) * 100) == \
                round(view.costs[year] * 100)
            assert round((view.benefits[year] - view.costs[year]) * 100) == \
                round(view.net[year] * 100)
    # 0.12 + 0.12: each 0.115 rounds to 0.12 before summing
    assert result.cash.costs_by_category["licences"][0] == 0.24
    # 7.777 -> 7.78; 2028: 7.777 x 1.0231 = 7.9566... -> 7.96
    assert result.cash.benefits[:2] == (7.78, 7.96)


def test_one_off_and_structural():
    lines = [
        line("migration partner", category="migration", driver={"type": "fixed", "amount": 100},
             end_year=2028),
        line("project", driver={"type": "one_off", "amount": 50, "year": 2027}),
        line("dual running", nature="one_off", driver={"type": "fixed", "amount": 7},
             end_year=2027),
        line("service desk", driver={"type": "fixed", "amount": 10}),
        line("migration tooling", category="migration", nature="structural",
             driver={"type": "fixed", "amount": 1}),
    ]
    cash = compute(base_case(lines)).scenario("current").cash
    assert cash.one_off_costs == (157.0, 100.0, 0.0, 0.0, 0.0)
    assert cash.structural_costs == (11.0,) * 5


def test_benefit_lines_are_benefits_in_both_views():
    benefit = line("time saved", kind="benefit",
                   driver={"type": "per_fte", "fte": 0.5, "cost_per_fte": 80000})
    result = compute(base_case([benefit])).scenario("current")
    assert result.cash.benefits == result.budget.benefits == (40000.0,) * 5
    assert result.cash.costs == (0.0,) * 5
    assert result.cash.benefits_by_category["other"] == (40000.0,) * 5


def test_incremental_flow_definition():
    # baseline: cost 100/yr, benefit 5/yr; alternative: cost 60/yr, benefit 20/yr, one-off 150.
    # flow = (100 - 60) + (20 - 5) = 55 a year, minus 150 in 2027 -> -95, 55, 55, 55, 55
    baseline = [line("run", driver={"type": "fixed", "amount": 100}),
                line("b", kind="benefit", driver={"type": "fixed", "amount": 5})]
    alternative = [line("run", driver={"type": "fixed", "amount": 60}),
                   line("b", kind="benefit", driver={"type": "fixed", "amount": 20}),
                   line("project", driver={"type": "one_off", "amount": 150, "year": 2027})]
    v = compute(base_case(baseline, alternative)).scenario("alt").versus_baseline
    assert v.flows == (-95.0, 55.0, 55.0, 55.0, 55.0)
    assert v.cumulative_flows == (-95.0, -40.0, 15.0, 70.0, 125.0)
    assert v.npv == 125.0  # 0 % discount rate
    # payback: crosses in 2029 (t = 2): 1 + 40 / 55 = 1.7272...
    assert v.payback_years == pytest.approx(1 + 40 / 55)
    # ROI = sum of flows / incremental one-off investment = 125 / 150
    assert v.roi == pytest.approx(125 / 150)
    assert v.incremental_investment == 150.0
    assert v.net_benefit == 125.0


def test_roi_undefined_without_incremental_investment():
    v = compute(base_case([line("run", driver={"type": "fixed", "amount": 100})],
                          [line("run", driver={"type": "fixed", "amount": 60})])
                ).scenario("alt").versus_baseline
    assert v.roi is None
    assert v.roi_status == "no_incremental_investment"


def test_tco_nominal_and_discounted():
    # 1,000 a year for 5 years at 10 %: 1,000 x (1 + 1/1.1 + 1/1.21 + 1/1.331 + 1/1.4641)
    # = 4,169.865... -> 4,169.87; benefits are not deducted.
    lines = [line("run", driver={"type": "fixed", "amount": 1000}),
             line("b", kind="benefit", driver={"type": "fixed", "amount": 400})]
    result = compute(base_case(lines, discount_rate=0.10)).scenario("current")
    assert result.tco == 5000.0
    assert result.tco_discounted == 4169.87


def test_licence_cost_per_persona_pro_rata_headcount():
    personas = [{"id": "field", "headcount": 1}, {"id": "office", "headcount": 2}]
    lic = line("E3", category="licences",
               driver={"type": "per_user", "price_per_user_month": 0.01,
                       "personas": ["field", "office"]})
    # 0.01 x 12 x 3 users = 0.36 a year: field 0.12, office 0.24.
    result = compute(base_case([lic], personas=personas)).scenario("current")
    assert result.licence_cost_per_persona == {"field": (0.12,) * 5, "office": (0.24,) * 5}


def test_licence_cost_per_persona_sums_exactly_and_ignores_other_lines():
    personas = [{"id": "a", "headcount": 1}, {"id": "b", "headcount": 1},
                {"id": "c", "headcount": 1}]
    lic = line("E5", category="licences",
               driver={"type": "per_user", "price_per_user_month": 1 / 36,
                       "personas": ["a", "b", "c"]})
    # 1/36 x 12 x 3 = 1.00 a year over 3 equal personas: 0.34, 0.33, 0.33 (first gets the cent).
    others = [line("counted users", category="licences",
                   driver={"type": "per_user", "price_per_user_month": 5, "users": 10}),
              line("not licences", category="devices",
                   driver={"type": "per_user", "price_per_user_month": 5, "personas": ["a"]})]
    result = compute(base_case([lic, *others], personas=personas)).scenario("current")
    assert result.licence_cost_per_persona == {"a": (0.34,) * 5, "b": (0.33,) * 5,
                                               "c": (0.33,) * 5}


def test_cloud_cost_breakdown_per_line():
    lines = [line("storage", category="cloud", id="st",
                  driver={"type": "usage", "units": 100, "unit_price": 1, "growth": 0.5}),
             line("backup", category="cloud", driver={"type": "fixed", "amount": 10}),
             line("other", driver={"type": "fixed", "amount": 99})]
    result = compute(base_case(lines)).scenario("current")
    assert [(c.line_id, c.name, c.driver) for c in result.cloud_costs] == [
        ("st", "storage", "usage"), ("L2", "backup", "fixed")]
    assert result.cloud_costs[0].amounts == (100.0, 150.0, 225.0, 337.5, 506.25)
