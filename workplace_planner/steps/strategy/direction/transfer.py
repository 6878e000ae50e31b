"""The activity lists out to CSV and Excel (through ``tabular``)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner import tabular
from workplace_planner.steps.strategy.technology import quarters

ACTIVITY_COLUMNS = [
    tabular.Column("municipality", _l("Municipality")),
    tabular.Column("activity", _l("Activity")),
    tabular.Column("customer_value", _l("Value for the customer")),
    tabular.Column("organisation_value", _l("Value for the organisation")),
    tabular.Column("urgency", _l("Urgency")),
    tabular.Column("priority", _l("Priority")),
    tabular.Column("horizon", _l("When (roughly)")),
    tabular.Column("start", _l("Start quarter")),
    tabular.Column("end", _l("End quarter")),
    tabular.Column("roadmap_item", _l("Roadmap item")),
    tabular.Column("description", _l("Description")),
]


def activity_records(rows) -> list[dict]:
    """Rows of ``services.rated``: sorted by municipality, then highest priority first."""
    ordered = sorted(rows, key=lambda r: r.activity.participant.name)  # stable: keeps priority
    return [
        {
            "municipality": r.activity.participant.name, "activity": r.activity.title,
            "customer_value": r.activity.customer_value,
            "organisation_value": r.activity.organisation_value,
            "urgency": r.activity.urgency, "priority": r.priority,
            "horizon": r.activity.horizon.value if r.activity.horizon else "",
            "start": quarters.label(r.period[0]) if r.period else "",
            "end": quarters.label(r.period[1]) if r.period else "",
            "roadmap_item": r.activity.roadmap_item.title if r.activity.roadmap_item else "",
            "description": r.activity.description,
        }
        for r in ordered
    ]
