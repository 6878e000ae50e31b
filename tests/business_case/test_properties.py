"""Invariants, checked by hypothesis on many generated inputs."""

from __future__ import annotations

import math

import numpy as np
import numpy_financial as npf
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workplace_planner.business_case import irr, irr_roots, npv
from workplace_planner.business_case.allocation import largest_remainder
from workplace_planner.business_case.drivers import round_cents

money = st.floats(min_value=1.0, max_value=1e7, allow_nan=False, allow_infinity=False)


@st.composite
def conventional_investment(draw):
    """One or more outlays, then one or more returns: exactly one sign change."""
    outlays = draw(st.lists(money, min_size=1, max_size=3))
    returns = draw(st.lists(money, min_size=1, max_size=10))
    return [-x for x in outlays] + returns


@given(money, st.lists(money, min_size=1, max_size=10),
       st.floats(min_value=-0.9, max_value=5.0), st.floats(min_value=1e-3, max_value=1.0))
def test_npv_of_a_conventional_investment_falls_as_the_rate_rises(outlay, returns, rate, step):
    # An outlay now, returns later: every later year loses value as the rate rises.
    # (With outlays spread over years that need not hold: later outlays weigh less too.)
    flows = [-outlay, *returns]
    assert npv(flows, rate + step) < npv(flows, rate)


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=2, max_size=12))
@settings(max_examples=300)
def test_every_irr_root_makes_npv_zero(flows):
    scale = sum(abs(f) for f in flows)
    for r in irr_roots(flows):
        assert -0.99 < r < 10.0
        terms = sum(abs(f) / (1 + r) ** t for t, f in enumerate(flows))
        assert abs(npv(flows, r)) <= 1e-7 * max(terms, scale * 1e-12)


@given(conventional_investment())
@settings(max_examples=300)
def test_unique_roots_agree_with_numpy_financial(flows):
    ours = irr(flows)
    theirs = float(npf.irr(flows))
    # A conventional investment has at most one root; numpy-financial may find none when its
    # root lies outside our interval or its polynomial roots carry rounding noise.
    assert ours.status in ("unique", "none")
    assume(ours.status == "unique" and not math.isnan(theirs))
    assert abs(ours.value - theirs) <= 1e-6 * max(1.0, abs(theirs))


@given(conventional_investment())
def test_conventional_investment_with_positive_sum_has_a_positive_irr(flows):
    assume(sum(flows) > 1e-6 * sum(abs(f) for f in flows))
    result = irr(flows)
    if result.status == "unique":
        assert result.value > 0


@given(st.lists(st.integers(min_value=-10**12, max_value=10**12), min_size=1, max_size=20),
       st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12))
def test_allocation_always_sums_to_the_total(totals, weights):
    assume(sum(weights) > 0)
    out = largest_remainder(totals, weights)
    assert out.sum(axis=1).tolist() == totals
    # Nobody is more than one cent away from their exact share.
    exact = np.array(totals, dtype=float)[:, None] * np.array(weights) / sum(weights)
    assert np.all(np.abs(out - exact) < 1 + 1e-6 * np.abs(exact))


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_rounding_to_cents_is_within_half_a_cent(x):
    cents = int(round_cents(x))
    assert abs(cents - x * 100) <= 0.5 + 1e-6 * max(1.0, abs(x))
