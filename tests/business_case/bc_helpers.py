"""Helpers for the engine tests: small cases as input dicts (format v1), reference data.

Imported by the test modules as ``bc_helpers`` (pytest puts this folder on sys.path).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from workplace_planner.business_case import compute_case, load_case

HERE = Path(__file__).resolve().parent
REFERENCE_COPY = HERE / "data" / "reference_cases.json"
REFERENCE_SHARED = Path(__file__).resolve().parents[3] / "shared" / "reference" / "cases.json"
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "business-case.json"


def base_case(baseline_lines=(), alternative_lines=None, **top) -> dict:
    """A 5-year case 2027-2031 at 0 % everywhere unless overridden, so figures are easy."""
    case = {
        "format": "workplace-planner/business-case/v1",
        "start_year": 2027,
        "horizon_years": 5,
        "discount_rate": 0.0,
        "price_index": 0.0,
        "vat_rate": 0.21,
        "interest_rate": 0.02,
        "scenarios": [
            {"id": "current", "name": "Current", "baseline": True,
             "lines": copy.deepcopy(list(baseline_lines))},
        ],
    }
    if alternative_lines is not None:
        case["scenarios"].append(
            {"id": "alt", "name": "Alternative", "lines": copy.deepcopy(list(alternative_lines))}
        )
    case.update(top)
    return case


def line(name="line", kind="cost", category="other", **fields) -> dict:
    driver = fields.pop("driver", {"type": "fixed", "amount": 1000})
    return {"name": name, "kind": kind, "category": category, "driver": driver, **fields}


def compute(data: dict, **kwargs):
    return compute_case(load_case(data), **kwargs)


def reference() -> dict:
    return json.loads(REFERENCE_COPY.read_text(encoding="utf-8"))
