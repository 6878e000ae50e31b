"""The change history as a CSV or Excel file, for an auditor's own analysis."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner import tabular


def _shown(value) -> str:
    if value is None or value == [] or value == "":
        return "–"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


CHANGE_COLUMNS = (
    tabular.Column("at", _l("When")),
    tabular.Column("who", _l("Who")),
    tabular.Column("kind", _l("Kind")),
    tabular.Column("object", _l("Object")),
    tabular.Column("action", _l("Action")),
    tabular.Column("changes", _l("Changes")),
)


def change_records(rows) -> list[dict]:
    return [
        {
            "at": row.at.strftime("%Y-%m-%d %H:%M:%S"),
            "who": row.who,
            "kind": row.kind,
            "object": row.object_label,
            "action": row.action,
            "changes": "; ".join(
                f"{c.field}: {_shown(c.old)} → {_shown(c.new)}" for c in row.changes
            ),
        }
        for row in rows
    ]
