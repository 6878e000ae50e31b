"""Monte Carlo: reproducible, degenerate without ranges, and the right distributions."""

from __future__ import annotations

import numpy as np
import pytest
from bc_helpers import EXAMPLE, base_case, compute, line

from workplace_planner.business_case import compute_case, load_case
from workplace_planner.business_case.montecarlo import (
    DENSITY_POINTS,
    QUANTILE_POINTS,
    _beta_quantiles,
    sample_multipliers,
)

EXAMPLE_CASE = load_case(__import__("json").loads(EXAMPLE.read_text(encoding="utf-8")))


def _case_without_ranges():
    baseline = [line("run", driver={"type": "fixed", "amount": 100000})]
    alternative = [line("run", driver={"type": "fixed", "amount": 60000}),
                   line("project", driver={"type": "one_off", "amount": 150000, "year": 2027})]
    return base_case(baseline, alternative, discount_rate=0.0225)


@pytest.mark.parametrize("distribution", ["pert", "triangular"])
def test_no_ranges_gives_the_npv_at_every_percentile(distribution):
    v_mc = compute(_case_without_ranges(), simulations=500, seed=1,
                   distribution=distribution).scenario("alt")
    npv = v_mc.versus_baseline.npv
    # -110,000 + 40,000 x (1/1.0225 + 1/1.0225^2 + 1/1.0225^3 + 1/1.0225^4)
    # = -110,000 + 40,000 x 3.7847402... = 41,389.61
    assert npv == 41389.61
    mc = v_mc.monte_carlo
    assert mc.npv_p10 == mc.npv_p50 == mc.npv_p90 == mc.npv_mean == npv
    assert mc.probability_payback_within_horizon == 1.0
    assert mc.probability_npv_positive == 1.0


def test_range_of_exactly_one_is_no_range():
    data = _case_without_ranges()
    data["scenarios"][1]["lines"][0]["range"] = {"low": 1, "high": 1}
    mc = compute(data, simulations=100, seed=1).scenario("alt").monte_carlo
    assert mc.npv_p10 == mc.npv_p90 == 41389.61


def test_same_seed_same_result_different_seed_different():
    a = compute_case(EXAMPLE_CASE, simulations=2000, seed=7).scenario("cloud").monte_carlo
    b = compute_case(EXAMPLE_CASE, simulations=2000, seed=7).scenario("cloud").monte_carlo
    c = compute_case(EXAMPLE_CASE, simulations=2000, seed=8).scenario("cloud").monte_carlo
    assert a == b
    assert (a.npv_p10, a.npv_p50, a.npv_p90) != (c.npv_p10, c.npv_p50, c.npv_p90)


def test_seed_is_reported_and_reproduces_the_run():
    first = compute_case(EXAMPLE_CASE, simulations=500).scenario("cloud").monte_carlo
    again = compute_case(EXAMPLE_CASE, simulations=500,
                         seed=first.seed).scenario("cloud").monte_carlo
    assert first == again


def test_percentiles_are_ordered_and_around_the_npv():
    result = compute_case(EXAMPLE_CASE, simulations=5000, seed=3).scenario("cloud")
    mc = result.monte_carlo
    assert mc.npv_p10 < mc.npv_p50 < mc.npv_p90
    assert mc.npv_p10 < result.versus_baseline.npv < mc.npv_p90


def test_result_does_not_depend_on_chunk_size(monkeypatch):
    from workplace_planner.business_case import montecarlo

    a = compute_case(EXAMPLE_CASE, simulations=1000, seed=5).scenario("cloud").monte_carlo
    monkeypatch.setattr(montecarlo, "CHUNK_ELEMENTS", 37)
    b = compute_case(EXAMPLE_CASE, simulations=1000, seed=5).scenario("cloud").monte_carlo
    assert a == b


def test_probability_of_payback():
    # Saving 100 a year, one-off cost 450 with range 0.5-1.5 (triangular, mode 1):
    # payback within 5 years iff cost x m <= 500, i.e. m <= 10/9. P(m > 10/9) for
    # triangular(0.5, 1, 1.5) = (1.5 - 10/9)^2 / (1 x 0.5) = 0.3025 -> P(payback) = 0.6975.
    baseline = [line("run", driver={"type": "fixed", "amount": 100})]
    alternative = [line("project", driver={"type": "one_off", "amount": 450, "year": 2027},
                        range={"low": 0.5, "high": 1.5})]
    mc = compute(base_case(baseline, alternative), simulations=40000, seed=11,
                 distribution="triangular").scenario("alt").monte_carlo
    assert mc.probability_payback_within_horizon == pytest.approx(0.6975, abs=0.01)
    assert mc.probability_sustained_payback_within_horizon == pytest.approx(0.6975, abs=0.01)


def test_pert_and_triangular_means():
    lows = np.array([0.9, 0.8, 1.0, 0.5])
    highs = np.array([1.2, 1.5, 1.3, 1.0])
    pert = sample_multipliers(lows, highs, 200_000, seed=1)
    triangular = sample_multipliers(lows, highs, 200_000, seed=1, distribution="triangular")
    # PERT mean (low + 4 x 1 + high) / 6; triangular (low + 1 + high) / 3
    assert pert.mean(axis=0) == pytest.approx((lows + 4 + highs) / 6, abs=1e-3)
    assert triangular.mean(axis=0) == pytest.approx((lows + 1 + highs) / 3, abs=1e-3)
    assert pert.min() >= 0.5 and pert.max() <= 1.5


def test_pert_matches_numpy_beta_in_distribution():
    # Same Beta(a, b) by numpy's own sampler: quantiles agree within sampling noise.
    low, high = 0.8, 1.5
    a = 1 + 4 * (1 - low) / (high - low)
    ours = sample_multipliers([low], [high], 200_000, seed=2)[:, 0]
    theirs = low + (high - low) * np.random.default_rng(3).beta(a, 6 - a, 200_000)
    probabilities = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]
    assert np.quantile(ours, probabilities) == pytest.approx(
        np.quantile(theirs, probabilities), abs=0.004)


@pytest.mark.parametrize("a", [1.0, 1.5, 2.6, 3.0, 4.2, 5.0])
def test_tabulated_beta_quantiles_are_accurate(a):
    # Against a 16x finer tabulation: the quantile function is off by < 2e-4 (in units of the
    # range width) for probabilities in [0.001, 0.999]; the largest errors sit in the far tail
    # where the density vanishes (a or b = 5). Sampling noise of a P10 from 10,000 draws is
    # ~100 times larger.
    coarse = _beta_quantiles(a, 6 - a)
    x = np.linspace(0, 1, 16 * DENSITY_POINTS)
    density = x ** (a - 1) * (1 - x) ** (5 - a)
    cdf = np.concatenate(([0], np.cumsum((density[1:] + density[:-1]) / 2)))
    cdf /= cdf[-1]
    p = np.linspace(0.001, 0.999, 5001)
    exact = np.interp(p, cdf, x)
    approx = np.interp(p, np.linspace(0, 1, QUANTILE_POINTS), coarse)
    assert np.max(np.abs(approx - exact)) < 2e-4


def test_only_alternatives_get_monte_carlo_and_not_without_simulations():
    result = compute_case(EXAMPLE_CASE, simulations=100, seed=1)
    assert result.scenario("current").monte_carlo is None
    assert compute_case(EXAMPLE_CASE).scenario("cloud").monte_carlo is None
