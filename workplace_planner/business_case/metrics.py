"""NPV, IRR (every real root) and payback, implemented here on purpose.

Conventions (shared with the reference cases):
- ``flows[0]`` is the first year, undiscounted (t = 0); ``flows[t]`` is discounted by (1 + r)^t.
- Payback is in years from t = 0, interpolated linearly inside the year in which the cumulative
  flow turns >= 0: crossing between t-1 and t gives (t - 1) + (-cumulative[t-1]) / flows[t].
  0 when the cumulative flow is >= 0 from the start; None ("not within horizon") if it never turns.
  *Sustained* payback is the last such crossing, after which the cumulative flow stays >= 0.
  A cumulative within half a cent of zero counts as zero.
- IRR: every real root of NPV(r) = 0 on (-99 %, +1000 %). Status ``unique`` (IRR = that root),
  ``none`` (no root: e.g. no sign change) or ``ambiguous`` (several roots, all listed, no IRR).
"""

from __future__ import annotations

import numpy as np

from .model import IrrResult

IRR_LOW, IRR_HIGH = -0.99, 10.0  # the open interval searched for roots
HALF_CENT = 0.005


def discount_factors(rate: float, n: int) -> np.ndarray:
    """1 / (1 + rate)^t for t = 0 .. n-1."""
    return (1.0 + rate) ** -np.arange(n, dtype=np.float64)


def npv(flows, rate: float) -> float:
    flows = np.asarray(flows, dtype=np.float64)
    return float(flows @ discount_factors(rate, flows.shape[-1]))


# --------------------------------------------------------------------------- payback
def payback(flows, tolerance: float = HALF_CENT) -> tuple[float | None, float | None]:
    """(first payback, sustained payback) in years; None when not within the horizon."""
    flows = np.asarray(flows, dtype=np.float64)
    if flows.size == 0:
        return None, None
    cumulative = np.cumsum(flows)
    negative = cumulative < -tolerance
    if not negative.any():
        return 0.0, 0.0

    def crossing(t: int) -> float:  # the cumulative turns >= 0 between t-1 and t
        return (t - 1) + float(-cumulative[t - 1] / flows[t])

    if not negative[0]:
        first = 0.0
    else:
        turns = np.flatnonzero(negative[:-1] & ~negative[1:])
        first = crossing(int(turns[0]) + 1) if turns.size else None
    sustained = None if negative[-1] else crossing(int(np.flatnonzero(negative)[-1]) + 1)
    return first, sustained


def discounted_payback(flows, rate: float) -> float | None:
    flows = np.asarray(flows, dtype=np.float64)
    return payback(flows * discount_factors(rate, flows.size))[0]


# --------------------------------------------------------------------------- IRR
def _poly(coefficients: np.ndarray, x: np.ndarray | float) -> np.ndarray:
    """sum c_t x^t by Horner's rule (x may be an array)."""
    result = np.zeros_like(np.asarray(x, dtype=np.float64))
    for c in coefficients[::-1]:
        result = result * x + c
    return result


def _poly_derivative(coefficients: np.ndarray) -> np.ndarray:
    return coefficients[1:] * np.arange(1, coefficients.size)


def _is_root(coefficients: np.ndarray, x: float) -> bool:
    # |NPV| tiny relative to the size of the terms that make it up.
    magnitude = _poly(np.abs(coefficients), abs(x))
    return bool(abs(_poly(coefficients, x)) <= 1e-9 * magnitude)


def _polish(coefficients: np.ndarray, x: float, low: float, high: float) -> float:
    """A few Newton steps on the polynomial in x, staying inside (low, high)."""
    derivative = _poly_derivative(coefficients)
    for _ in range(50):
        slope = float(_poly(derivative, x))
        if slope == 0:
            break
        step = float(_poly(coefficients, x)) / slope
        new = x - step
        if not low < new < high:
            break
        x = new
        if abs(step) <= 1e-15 * max(1.0, abs(x)):
            break
    return x


def _bisect(coefficients: np.ndarray, a: float, b: float) -> float:
    fa = float(_poly(coefficients, a))
    for _ in range(200):
        m = 0.5 * (a + b)
        fm = float(_poly(coefficients, m))
        if fm == 0 or b - a <= 1e-16 * max(1.0, abs(m)):
            return m
        if (fa < 0) == (fm < 0):
            a, fa = m, fm
        else:
            b = m
    return 0.5 * (a + b)


def irr_roots(flows, low: float = IRR_LOW, high: float = IRR_HIGH) -> list[float]:
    """Every real root r of sum flows[t] / (1 + r)^t = 0 with low < r < high, ascending.

    Substituting x = 1 / (1 + r) turns NPV into the polynomial sum flows[t] x^t. Its roots come
    from numpy.roots (companion-matrix eigenvalues), keeping the (nearly) real ones; a sign-change
    scan over a fine grid cross-checks them, so a root the eigenvalues blur is still found. Each
    candidate is polished with Newton steps, kept only if NPV there is ~0, and de-duplicated.
    """
    c = np.asarray(flows, dtype=np.float64)
    if not np.all(np.isfinite(c)):
        raise ValueError("flows must be finite numbers")
    if c.size == 0 or not np.any(c):
        return []
    # Leading zero years multiply NPV by x^k (no root for finite r); trailing ones add nothing.
    c = np.trim_zeros(c)
    c = c / np.max(np.abs(c))
    x_low, x_high = 1.0 / (1.0 + high), 1.0 / (1.0 + low)  # r in (low, high) <=> x in this

    candidates: list[float] = []
    if c.size > 1:
        try:
            with np.errstate(all="ignore"):  # far-away roots may overflow; they are dropped
                eigen_roots = np.roots(c[::-1])  # numpy.roots wants the highest power first
        except np.linalg.LinAlgError:  # e.g. a denormal top coefficient: the scan still runs
            eigen_roots = np.array([], dtype=complex)
        for root in eigen_roots:
            if abs(root.imag) <= 1e-6 * max(1.0, abs(root.real)) and x_low < root.real < x_high:
                candidates.append(_polish(c, float(root.real), x_low, x_high))
        # Sign-change scan, uniform in log(1 + r).
        grid = np.geomspace(x_low, x_high, 4001)[1:-1]
        values = _poly(c, grid)
        for i in np.flatnonzero(np.sign(values[:-1]) * np.sign(values[1:]) < 0):
            candidates.append(_polish(c, _bisect(c, grid[i], grid[i + 1]), x_low, x_high))
        candidates.extend(float(x) for x in grid[values == 0])

    roots: list[float] = []
    for x in sorted(candidates):
        if not (x_low < x < x_high) or not _is_root(c, x):
            continue
        r = float(1.0 / x - 1.0)
        if roots and abs(r - roots[-1]) <= 1e-8 * max(1.0, abs(r)):
            continue
        roots.append(r)
    return sorted(roots)


def irr(flows) -> IrrResult:
    roots = irr_roots(flows)
    if not roots:
        return IrrResult("none", None, ())
    if len(roots) == 1:
        return IrrResult("unique", roots[0], tuple(roots))
    return IrrResult("ambiguous", None, tuple(roots))
