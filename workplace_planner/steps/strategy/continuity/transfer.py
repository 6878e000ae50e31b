"""The BIA register out to CSV and Excel (through ``tabular``): one row per process, durations
in hours, one column per impact category and time window (``citizens_4h`` … ``safety_168h``)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner import tabular
from workplace_planner.steps.strategy.continuity.choices import (
    CATEGORIES,
    WINDOW_LABELS,
    WINDOWS,
    Situation,
)
from workplace_planner.steps.strategy.continuity.services import internet_dependency


def _value(v):
    return getattr(v, "value", v)


def _impact_column(category, label, window) -> tabular.Column:
    return tabular.Column(
        f"{category.value}_{window}h",
        _l("%(category)s after %(window)s", category=label, window=WINDOW_LABELS[window]),
        description=_l("Impact 1-5; empty when not scored."),
    )


COLUMNS = [
    tabular.Column("name", _l("Process or service")),
    tabular.Column("owner", _l("Owner")),
    tabular.Column("municipalities", _l("Participating municipalities it concerns")),
    tabular.Column("personas", _l("Personas who carry it out")),
    tabular.Column("systems", _l("Systems and services it depends on")),
    tabular.Column("internet_now", _l("Depends on the internet now")),
    tabular.Column("internet_target", _l("Depends on the internet after the roadmap")),
    tabular.Column("mtd_hours", _l("Maximum tolerable downtime (hours)")),
    tabular.Column("rto_hours", _l("RTO (hours)")),
    tabular.Column("rpo_hours", _l("RPO (hours)")),
    tabular.Column("has_fallback", _l("A fallback or workaround exists")),
    tabular.Column("fallback", _l("Fallback or workaround")),
    tabular.Column("availability", _l("Availability"), export=_value),
    tabular.Column("integrity", _l("Integrity"), export=_value),
    tabular.Column("confidentiality", _l("Confidentiality"), export=_value),
    tabular.Column("highest_impact", _l("Highest impact")),
    *[_impact_column(c, label, w) for c, label in CATEGORIES.items() for w in WINDOWS],
    tabular.Column("description", _l("Description")),
]


def records(entries) -> list[dict]:
    rows = []
    for e in entries:
        row = {
            "name": e.name, "owner": e.owner,
            "municipalities": [p.name for p in e.participants],
            "personas": [p.name for p in e.personas], "systems": [s.name for s in e.systems],
            "internet_now": [s.name for s in internet_dependency(e, Situation.NOW)],
            "internet_target": [s.name for s in internet_dependency(e, Situation.TARGET)],
            "mtd_hours": e.mtd_hours, "rto_hours": e.rto_hours, "rpo_hours": e.rpo_hours,
            "has_fallback": e.has_fallback, "fallback": e.fallback,
            "availability": e.availability, "integrity": e.integrity,
            "confidentiality": e.confidentiality, "highest_impact": e.highest_impact,
            "description": e.description,
        }
        for category in CATEGORIES:
            for index, window in enumerate(WINDOWS):
                row[f"{category.value}_{window}h"] = e.impact(category, index)
        rows.append(row)
    return rows
