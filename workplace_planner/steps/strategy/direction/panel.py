"""Vision and cooperation on the dashboard: completion checks in the step-1 organisation cell
(where the one-A4 summary and the budget framework note belong)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from workplace_planner.extensions import db
from workplace_planner.steps import panels
from workplace_planner.steps.strategy.direction.models import (
    Kpi,
    KpiMeasurement,
    MunicipalActivity,
    Pillar,
    Vision,
)


def completion(programme) -> dict:
    def count(model, *where):
        return db.session.scalar(
            select(func.count()).select_from(model).where(model.programme_id == programme.id,
                                                          *where)) or 0

    vision = db.session.scalar(select(Vision).where(Vision.programme_id == programme.id))
    measured = db.session.scalar(
        select(func.count(func.distinct(KpiMeasurement.kpi_id)))
        .where(KpiMeasurement.programme_id == programme.id)) or 0
    with_list = db.session.scalar(
        select(func.count(func.distinct(MunicipalActivity.participant_id)))
        .where(MunicipalActivity.programme_id == programme.id)) or 0
    return {
        "has_goal": bool(vision and vision.statement and vision.goal and vision.goal_date),
        "pillars": count(Pillar),
        "kpis": count(Kpi),
        "kpis_complete": count(Kpi, Kpi.baseline.is_not(None), Kpi.target.is_not(None),
                               Kpi.target_date.is_not(None)),
        "kpis_measured": measured,
        "participants": len(programme.participants),
        "participants_with_list": with_list,
    }


def _context(programme) -> dict:
    return {"direction": completion(programme)}


def _checks(programme) -> list[panels.Check]:
    c = completion(programme)
    return [
        panels.Check(_l("A vision with a dated goal and pillars"),
                     c["has_goal"] and c["pillars"] > 0),
        panels.Check(_l("Every KPI has a baseline, target, date and a measurement"),
                     bool(c["kpis"]) and c["kpis_complete"] == c["kpis"] == c["kpis_measured"],
                     f"{min(c['kpis_complete'], c['kpis_measured'])} / {c['kpis']}"
                     if c["kpis"] else ""),
        panels.Check(_l("Every municipality has an activity list"),
                     c["participants_with_list"] >= max(1, c["participants"]),
                     f"{c['participants_with_list']} / {c['participants']}"),
    ]


panels.register(panels.Panel("strategy", "organisation", _context, _checks))
