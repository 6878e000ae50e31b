"""Step 1, organisation perspective, on the step page and the dashboard: the business case."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from workplace_planner.extensions import db
from workplace_planner.steps import panels
from workplace_planner.steps.strategy.organisation.models import (
    BusinessCase,
    CaseLine,
    CaseVersion,
    Scenario,
    VersionStatus,
)


def _counts(programme) -> dict:
    """Everything the panel needs in a constant number of queries (four)."""
    has_case = db.session.scalar(
        select(func.count(BusinessCase.id)).where(BusinessCase.programme_id == programme.id)
    )
    baselines, alternatives = db.session.execute(
        select(
            func.count(Scenario.id).filter(Scenario.is_baseline.is_(True)),
            func.count(Scenario.id).filter(Scenario.is_baseline.is_(False)),
        ).where(Scenario.programme_id == programme.id)
    ).one()
    lines, without_assumption = db.session.execute(
        select(
            func.count(CaseLine.id),
            func.count(CaseLine.id).filter(CaseLine.assumption_id.is_(None)),
        ).where(CaseLine.programme_id == programme.id)
    ).one()
    approved = db.session.scalar(
        select(func.max(CaseVersion.number)).where(
            CaseVersion.programme_id == programme.id,
            CaseVersion.status == VersionStatus.APPROVED,
        )
    )
    return {
        "has_case": bool(has_case), "baselines": baselines, "alternatives": alternatives,
        "lines": lines, "without_assumption": without_assumption, "approved": approved,
    }


def _context(programme) -> dict:
    return {"business_case_counts": _counts(programme)}


def _checks(programme) -> list[panels.Check]:
    counts = _counts(programme)
    return [
        panels.Check(
            _l("A baseline and at least one alternative"),
            counts["baselines"] == 1 and counts["alternatives"] >= 1,
            f"{counts['baselines']} + {counts['alternatives']}",
        ),
        panels.Check(
            _l("Every line has an assumption"),
            counts["lines"] > 0 and counts["without_assumption"] == 0,
            f"{counts['lines'] - counts['without_assumption']} / {counts['lines']}",
        ),
        panels.Check(
            _l("An approved version"),
            counts["approved"] is not None,
            f"v{counts['approved']}" if counts["approved"] else "",
        ),
    ]


panels.register(panels.Panel("strategy", "organisation", _context, _checks))
