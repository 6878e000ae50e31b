"""Time the business-case engine on a large case.

3 scenarios x 1,000 lines x 10 years, mixed drivers, two thirds of the lines with a range.
Prints the best of several runs of ``compute_case`` without and with 10,000 Monte Carlo draws.
Goals (issue 3): under 50 ms and under 1 s on one core.

    PYTHONPATH=. .venv/bin/python benchmarks/engine.py [--runs 7] [--distinct-ranges]

``--distinct-ranges`` gives every line its own range (the worst case for the PERT sampler,
which tabulates one quantile function per distinct range shape). BLAS is limited to one thread.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import random  # noqa: E402
import time  # noqa: E402

from workplace_planner.business_case import compute_case, load_case  # noqa: E402
from workplace_planner.business_case.model import CATEGORIES  # noqa: E402

START, YEARS, LINES, SCENARIOS = 2027, 10, 1000, 3
TYPICAL_RANGES = [(0.9, 1.1), (0.9, 1.2), (0.95, 1.15), (0.8, 1.5), (0.85, 1.3), (0.5, 1.3),
                  (1.0, 1.25), (0.9, 1.0)]


def _driver(rng: random.Random, kind: str) -> dict:
    choice = rng.randrange(6 if kind == "cost" else 5)
    if choice == 0:
        return {"type": "fixed", "amount": round(rng.uniform(1e3, 2e5), 2)}
    if choice == 1:
        return {"type": "one_off", "amount": round(rng.uniform(1e3, 5e5), 2),
                "year": rng.randrange(START, START + YEARS)}
    if choice == 2:
        return {"type": "per_user", "price_per_user_month": round(rng.uniform(2, 60), 2),
                "personas": rng.sample(["field", "office", "gis", "management"],
                                       rng.randrange(1, 4))}
    if choice == 3:
        return {"type": "per_fte", "fte": round(rng.uniform(0.1, 5), 1),
                "cost_per_fte": round(rng.uniform(60e3, 120e3))}
    if choice == 4:
        return {"type": "usage", "units": rng.randrange(100, 100000),
                "unit_price": round(rng.uniform(0.01, 5), 3), "growth": rng.uniform(0, 0.2)}
    return {"type": "investment", "amount": round(rng.uniform(1e4, 1e6), 2),
            "year": rng.randrange(START, START + YEARS), "depreciation_years": rng.randrange(3, 8)}


def build_case(distinct_ranges: bool = False, seed: int = 2027) -> dict:
    rng = random.Random(seed)
    scenarios = []
    for s in range(SCENARIOS):
        lines = []
        for i in range(LINES):
            kind = "benefit" if rng.random() < 0.15 else "cost"
            line = {"id": f"s{s}l{i}", "name": f"Line {i}", "kind": kind,
                    "category": rng.choice(CATEGORIES), "driver": _driver(rng, kind),
                    "vat": rng.choice(["compensable", "compensable", "non_compensable", "exempt"])}
            if rng.random() < 0.3:
                line["indexation"] = round(rng.uniform(0, 0.05), 4)
            if line["driver"]["type"] not in ("one_off", "investment") and rng.random() < 0.3:
                first = rng.randrange(START, START + YEARS)
                line["start_year"], line["end_year"] = first, rng.randrange(first, START + 12)
            if rng.random() < 2 / 3:
                if distinct_ranges:
                    low, high = rng.uniform(0.5, 1.0), rng.uniform(1.0, 2.0)
                else:
                    low, high = rng.choice(TYPICAL_RANGES)
                line["range"] = {"low": low, "high": high}
            lines.append(line)
        scenarios.append({"id": f"s{s}", "name": f"Scenario {s}", "baseline": s == 0,
                          "lines": lines})
    return {
        "format": "workplace-planner/business-case/v1",
        "start_year": START, "horizon_years": YEARS, "discount_rate": 0.0225,
        "price_index": 0.023, "vat_rate": 0.21, "interest_rate": 0.02,
        "personas": [{"id": "field", "headcount": 120}, {"id": "office", "headcount": 380},
                     {"id": "gis", "headcount": 20}, {"id": "management", "headcount": 15}],
        "participants": [{"id": p, "headcount": h} for p, h in
                         [("a", 260), ("b", 170), ("c", 90), ("d", 45), ("e", 30)]],
        "allocation_key": "headcount",
        "scenarios": scenarios,
    }


def best_of(runs: int, fn) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--distinct-ranges", action="store_true")
    args = parser.parse_args()

    data = build_case(args.distinct_ranges)
    parse_time = best_of(3, lambda: load_case(data))
    case = load_case(data)
    ranged = sum(1 for s in case.scenarios for line in s.lines if line.range)
    print(f"case: {SCENARIOS} scenarios x {LINES} lines x {YEARS} years, {ranged} lines with a "
          f"range ({'all distinct' if args.distinct_ranges else 'typical'} ranges)")
    print(f"load_case (validation)            : {parse_time * 1000:8.1f} ms")
    plain = best_of(args.runs, lambda: compute_case(case))
    print(f"compute_case                      : {plain * 1000:8.1f} ms   (goal < 50 ms)")
    for distribution in ("pert", "triangular"):
        mc = best_of(max(2, args.runs // 2), lambda d=distribution: compute_case(
            case, simulations=10_000, seed=1, distribution=d))
        print(f"compute_case + 10,000 draws {distribution:10s}: {mc * 1000:8.1f} ms   "
              "(goal < 1000 ms)")


if __name__ == "__main__":
    main()
