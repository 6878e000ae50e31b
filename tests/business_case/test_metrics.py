"""The reference cases (../shared/reference/cases.json), table-driven, within their tolerance."""

from __future__ import annotations

import pytest
from bc_helpers import REFERENCE_COPY, REFERENCE_SHARED, base_case, compute, line, reference

from workplace_planner.business_case import discounted_payback, irr, npv, payback

REF = reference()
CASES = REF["cases"]
MONEY, RATE, YEARS = (REF["tolerance"][k] for k in ("money", "rate", "years"))


def test_copy_matches_shared_reference():
    if not REFERENCE_SHARED.exists():
        pytest.skip(f"shared reference not present at {REFERENCE_SHARED}")
    assert REFERENCE_COPY.read_bytes() == REFERENCE_SHARED.read_bytes()


def test_conventions_are_the_ones_implemented():
    # If the reference's conventions ever change, this test makes someone read them again.
    assert REF["conventions"].startswith("flows[0] is the first year, undiscounted (t = 0)")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_npv(case):
    assert npv(case["flows"], case["rate"]) == pytest.approx(case["npv"], abs=MONEY)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_irr(case):
    result = irr(case["flows"])
    assert result.status == case["irr_status"]
    assert len(result.roots) == len(case["irr_roots"])
    for got, expected in zip(result.roots, case["irr_roots"], strict=True):
        assert got == pytest.approx(expected, abs=RATE)
    if case["irr"] is None:
        assert result.value is None
    else:
        assert result.value == pytest.approx(case["irr"], abs=RATE)


def _approx_or_none(expected):
    return None if expected is None else pytest.approx(expected, abs=YEARS)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_payback(case):
    first, sustained = payback(case["flows"])
    assert first == _approx_or_none(case["payback_years"])
    assert sustained == _approx_or_none(case["sustained_payback_years"])
    assert discounted_payback(case["flows"], case["rate"]) == _approx_or_none(
        case["discounted_payback_years"]
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_reference_flows_through_the_whole_engine(case):
    """Each reference flow as a case: a positive flow is a baseline cost the alternative avoids,
    a negative one a one-off cost of the alternative. The engine must give the same figures."""
    start = 2027
    baseline, alternative = [], []
    for t, flow in enumerate(case["flows"]):
        target = baseline if flow > 0 else alternative
        if flow:
            target.append(line(f"y{t}", driver={"type": "one_off", "amount": abs(flow),
                                                "year": start + t}))
    data = base_case(baseline, alternative, horizon_years=len(case["flows"]),
                     discount_rate=case["rate"])
    v = compute(data).scenario("alt").versus_baseline
    assert list(v.flows) == [float(f) for f in case["flows"]]
    assert v.npv == pytest.approx(case["npv"], abs=MONEY)
    assert v.irr.status == case["irr_status"]
    assert v.irr.roots == pytest.approx(case["irr_roots"], abs=RATE)
    assert v.payback_years == _approx_or_none(case["payback_years"])
    assert v.sustained_payback_years == _approx_or_none(case["sustained_payback_years"])
    assert v.discounted_payback_years == _approx_or_none(case["discounted_payback_years"])


def test_first_year_is_not_discounted():
    # 100 now and 100 a year later at 10 %: 100 + 100 / 1.1 = 190.909...
    assert npv([100, 100], 0.10) == pytest.approx(190.9090909, abs=1e-6)


def test_payback_is_zero_when_never_negative_and_none_when_never_recovered():
    assert payback([0, 10, 10]) == (0.0, 0.0)
    assert payback([-10, 1, 1]) == (None, None)


def test_payback_starting_positive_then_dipping():
    # cumulative 10, -10, 20: paid back from the start; sustained only from 1 + 10/30.
    first, sustained = payback([10, -20, 30])
    assert first == 0.0
    assert sustained == pytest.approx(1 + 10 / 30)


def test_irr_of_all_zero_or_single_flow_is_none():
    assert irr([0, 0, 0]).status == "none"
    assert irr([-100]).status == "none"


def test_irr_outside_the_search_interval_is_not_reported():
    # -1 now, +20 next year: r = 1900 %, beyond +1000 %.
    assert irr([-1, 20]).status == "none"
    # -100 now, +0.5 next year: r = -99.5 %, below -99 %.
    assert irr([-100, 0.5]).status == "none"


def test_irr_with_leading_and_trailing_zero_years():
    # Same IRR as [-100, 110] (10 %): zero years around it change nothing.
    result = irr([0, -100, 110, 0])
    assert result.status == "unique"
    assert result.value == pytest.approx(0.10, abs=1e-9)


def test_irr_three_roots():
    # (x - 1/1.1)(x - 1/1.2)(x - 1/1.3) expanded as flows in x = 1/(1+r): roots 10 %, 20 %, 30 %.
    import numpy as np

    coefficients = np.poly([1 / 1.1, 1 / 1.2, 1 / 1.3])[::-1]  # lowest power first = flows
    result = irr(list(coefficients * 1e6))
    assert result.status == "ambiguous"
    assert result.roots == pytest.approx([0.1, 0.2, 0.3], abs=1e-9)
