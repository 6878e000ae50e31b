"""Consistency checks of the risk assessment: pure functions over the models (or any objects
with the same attributes), no Flask and no database, so each check is tested on its own.

A finding names the check (``code``), the risk (or roadmap item) and, where it helps, the
measure; the pages turn the code into a sentence (``FINDING_MESSAGES`` in ``services``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

RESIDUAL_ABOVE_INHERENT = "residual_above_inherent"
LOWERED_WITHOUT_MEASURE = "lowered_without_measure"
ACCEPTANCE_MISSING = "acceptance_missing"
ACCEPTANCE_INVALID = "acceptance_invalid"
MEASURE_OVERDUE = "measure_overdue"
REVIEW_OVERDUE = "review_overdue"
ITEM_WITHOUT_ASSESSMENT = "item_without_assessment"

# Statuses of roadmap items that no longer need an assessment.
FINISHED_ITEM_STATUSES = frozenset({"dropped"})


@dataclass(frozen=True)
class Finding:
    code: str
    subject_id: int  # the risk, or the roadmap item for ITEM_WITHOUT_ASSESSMENT
    detail: str = ""  # the measure's description, a date: what makes the sentence concrete
    detail_id: int | None = None  # the measure, when the finding is about one


def _value(v):
    return getattr(v, "value", v)


def residual_above_inherent(risk) -> bool:
    """The residual likelihood or impact is higher than the inherent one."""
    if risk.residual_likelihood is None or risk.residual_impact is None:
        return False
    return (risk.residual_likelihood > risk.inherent_likelihood
            or risk.residual_impact > risk.inherent_impact)


def lowered_without_measure(risk) -> bool:
    """The residual scores are lower than the inherent ones, but no measure explains why."""
    if risk.residual_likelihood is None or risk.residual_impact is None:
        return False
    lowered = (risk.residual_likelihood < risk.inherent_likelihood
               or risk.residual_impact < risk.inherent_impact)
    return lowered and not risk.measures


def acceptance_problem(risk, today: date) -> str | None:
    """Treatment "accept", or an accepted risk, without a valid acceptance (one that is not
    expired and does not need renewal): ACCEPTANCE_MISSING or ACCEPTANCE_INVALID."""
    acceptances = list(risk.acceptances)
    if _value(risk.treatment) != "accept" and not acceptances:
        return None
    if not acceptances:
        return ACCEPTANCE_MISSING
    latest = max(acceptances, key=lambda a: (a.decided_on, a.id or 0))
    if latest.needs_renewal or latest.expires_on < today:
        return ACCEPTANCE_INVALID
    return None


def overdue_measures(risk, today: date) -> list:
    return [m for m in risk.measures
            if m.due_on is not None and m.due_on < today and _value(m.status) != "done"]


def review_overdue(risk, today: date) -> bool:
    return risk.review_on is not None and risk.review_on < today


def risk_findings(risk, today: date) -> list[Finding]:
    """Every finding on one risk, in a fixed order."""
    findings = []
    if residual_above_inherent(risk):
        findings.append(Finding(RESIDUAL_ABOVE_INHERENT, risk.id))
    if lowered_without_measure(risk):
        findings.append(Finding(LOWERED_WITHOUT_MEASURE, risk.id))
    problem = acceptance_problem(risk, today)
    if problem:
        findings.append(Finding(problem, risk.id))
    for measure in overdue_measures(risk, today):
        findings.append(Finding(MEASURE_OVERDUE, risk.id, measure.description, measure.id))
    if review_overdue(risk, today):
        findings.append(Finding(REVIEW_OVERDUE, risk.id, risk.review_on.isoformat()))
    return findings


def items_without_assessment(items, risks) -> list:
    """Roadmap items that change systems (have linked systems) but have no risk at all."""
    assessed = {r.roadmap_item_id for r in risks}
    return [i for i in items
            if i.systems and i.id not in assessed
            and _value(i.status) not in FINISHED_ITEM_STATUSES]


def programme_findings(items, risks, today: date) -> list[Finding]:
    findings = [Finding(ITEM_WITHOUT_ASSESSMENT, i.id, i.title)
                for i in items_without_assessment(items, risks)]
    for risk in risks:
        findings.extend(risk_findings(risk, today))
    return findings
