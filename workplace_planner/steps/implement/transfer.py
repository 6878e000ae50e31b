"""Budget against actuals as a CSV or Excel file, for finance: one row per year and category
(and a total row per year), planned from the approved version, actual and the difference."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.strategy.organisation.forms import CATEGORY_LABELS
from workplace_planner.tabular import Column


def budget_columns() -> list[Column]:
    return [
        Column("year", _l("Year")),
        Column("category", _l("Category"), description=_l("Empty on the total row of a year.")),
        Column("category_label", _l("Category (label)")),
        Column("planned", _l("Planned"),
               description=_l("Cash view of the approved business-case version.")),
        Column("actual", _l("Actual")),
        Column("difference", _l("Difference"), description=_l("Actual minus planned.")),
        Column("baseline_version", _l("Approved version")),
    ]


def budget_records(comparison) -> list[dict]:
    records = []
    for total in comparison.totals:
        for row in comparison.rows:
            if row.year == total.year:
                records.append(_record(row, str(CATEGORY_LABELS[row.category]), comparison))
        records.append(_record(total, str(_l("Total")), comparison))
    return records


def _record(row, label, comparison) -> dict:
    return {"year": row.year, "category": row.category, "category_label": label,
            "planned": row.planned, "actual": row.actual, "difference": row.difference,
            "baseline_version": comparison.version.number}
