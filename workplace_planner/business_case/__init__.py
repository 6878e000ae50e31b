"""The financial engine of the business case: pure Python on numpy, no web or database code.

Typical use::

    from workplace_planner.business_case import load_case, compute_case, result_to_dict

    case = load_case(data)            # dict in format workplace-planner/business-case/v1
    result = compute_case(case, simulations=10_000, seed=42)
    payload = result_to_dict(result)  # dict in format workplace-planner/business-case-result/v1

``load_case`` is the validated entry point: it raises :class:`CaseValidationError` listing every
problem (``errors``: :class:`ValidationIssue` with location, field, message and a path).
Formats and conventions: docs/business-case-format.md.
"""

from .capital import capital_charges_table
from .compute import CONVENTIONS, compute_case
from .metrics import discounted_payback, irr, irr_roots, npv, payback
from .model import (
    CATEGORIES,
    INPUT_FORMAT,
    RESULT_FORMAT,
    CapitalCharges,
    Case,
    CaseResult,
    FixedDriver,
    InvestmentDriver,
    IrrResult,
    Line,
    LineCost,
    MonteCarloResult,
    OneOffDriver,
    Participant,
    PerFteDriver,
    Persona,
    PerUserDriver,
    Range,
    Scenario,
    ScenarioResult,
    SensitivityEntry,
    UsageDriver,
    VersusBaseline,
    ViewResult,
)
from .parsing import CaseValidationError, ValidationIssue, load_case
from .serialization import case_to_dict, result_to_dict

__all__ = [
    "CATEGORIES",
    "CONVENTIONS",
    "INPUT_FORMAT",
    "RESULT_FORMAT",
    "CapitalCharges",
    "Case",
    "CaseResult",
    "CaseValidationError",
    "FixedDriver",
    "InvestmentDriver",
    "IrrResult",
    "Line",
    "LineCost",
    "MonteCarloResult",
    "OneOffDriver",
    "Participant",
    "PerFteDriver",
    "PerUserDriver",
    "Persona",
    "Range",
    "Scenario",
    "ScenarioResult",
    "SensitivityEntry",
    "UsageDriver",
    "ValidationIssue",
    "VersusBaseline",
    "ViewResult",
    "capital_charges_table",
    "case_to_dict",
    "compute_case",
    "discounted_payback",
    "irr",
    "irr_roots",
    "load_case",
    "npv",
    "payback",
    "result_to_dict",
]
