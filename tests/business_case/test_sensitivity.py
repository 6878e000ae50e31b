"""Tornado: NPV with each ranged line at its low and its high, sorted by swing."""

from __future__ import annotations

import pytest
from bc_helpers import base_case, compute, line


def _case():
    baseline = [line("Data centre", id="dc", driver={"type": "fixed", "amount": 1000},
                     range={"low": 0.8, "high": 1.1})]
    alternative = [
        line("Licences", id="lic", driver={"type": "fixed", "amount": 600},
             range={"low": 0.9, "high": 1.5}),
        line("Migration", id="mig", category="migration",
             driver={"type": "one_off", "amount": 1000, "year": 2027},
             range={"low": 1.0, "high": 1.2}),
        line("Time saved", id="time", kind="benefit",
             driver={"type": "fixed", "amount": 100}),  # no range: not in the tornado
    ]
    return base_case(baseline, alternative)


def test_tornado_figures_by_hand():
    # 0 % rate, 5 years. Base flows: (1000 - 600 + 100) x 5 - 1000 = 1,500 = NPV.
    result = compute(_case()).scenario("alt")
    assert result.versus_baseline.npv == 1500.0
    entries = {e.line_id: e for e in result.sensitivity}
    assert set(entries) == {"dc", "lic", "mig"}
    # Data centre (baseline cost, avoided): 1000 x 0.8 x 5 = 4,000 avoided instead of 5,000
    # -> NPV 500; at 1.1 -> 2,000. Swing 1,500.
    assert (entries["dc"].npv_low, entries["dc"].npv_high, entries["dc"].swing) == (
        500.0, 2000.0, 1500.0)
    assert entries["dc"].scenario_id == "current"
    # Licences (alternative cost): at 0.9 saves 300 -> 1,800; at 1.5 costs 1,500 more -> 0.
    assert (entries["lic"].npv_low, entries["lic"].npv_high) == (1800.0, 0.0)
    # Migration: at 1.2 costs 200 more -> 1,300.
    assert (entries["mig"].npv_low, entries["mig"].npv_high) == (1500.0, 1300.0)


def test_tornado_is_sorted_by_swing():
    entries = compute(_case()).scenario("alt").sensitivity
    assert [e.line_id for e in entries] == ["lic", "dc", "mig"]  # 1,800 > 1,500 > 200
    swings = [e.swing for e in entries]
    assert swings == sorted(swings, reverse=True)


def test_tornado_is_discounted_like_the_npv():
    data = _case()
    data["discount_rate"] = 0.10
    result = compute(data).scenario("alt")
    mig = next(e for e in result.sensitivity if e.line_id == "mig")
    # The migration falls in 2027 (t = 0, undiscounted): 200 less at 1.2.
    assert mig.npv_high == pytest.approx(result.versus_baseline.npv - 200.0, abs=0.005)


def test_baseline_has_no_tornado():
    assert compute(_case()).scenario("current").sensitivity is None
