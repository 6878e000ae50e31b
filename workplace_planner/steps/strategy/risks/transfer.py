"""The risk register out to CSV and Excel (through ``tabular``)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner import tabular
from workplace_planner.steps.strategy.risks.choices import ASPECTS, THREATS, TREATMENTS


def _value(v):
    return getattr(v, "value", v)


REGISTER_COLUMNS = [
    tabular.Column("id", _l("Number")),
    tabular.Column("roadmap_item", _l("Roadmap item")),
    tabular.Column("title", _l("Risk")),
    tabular.Column("threat", _l("Threat")),
    tabular.Column("vulnerability", _l("Vulnerability")),
    tabular.Column("aspects", _l("Affected aspects (BIV)")),
    tabular.Column("systems", _l("Affected systems")),
    tabular.Column("inherent_likelihood", _l("Inherent likelihood")),
    tabular.Column("inherent_impact", _l("Inherent impact")),
    tabular.Column("inherent_level", _l("Inherent level")),
    tabular.Column("residual_likelihood", _l("Residual likelihood")),
    tabular.Column("residual_impact", _l("Residual impact")),
    tabular.Column("residual_level", _l("Residual level")),
    tabular.Column("treatment", _l("Treatment"), export=_value),
    tabular.Column("owner", _l("Risk owner")),
    tabular.Column("review_on", _l("Next review")),
    tabular.Column("measures", _l("Measures")),
    tabular.Column("acceptance", _l("Accepted by")),
]


def threat_label(risk) -> str:
    parts = [str(THREATS[risk.threat_key])] if risk.threat_key in THREATS else []
    if risk.threat_text:
        parts.append(risk.threat_text)
    return " – ".join(parts)


def register_records(risks, levels_for, level_labels) -> list[dict]:
    records = []
    for r in risks:
        levels = levels_for(r)
        acceptance = r.current_acceptance
        records.append({
            "id": r.id, "roadmap_item": r.roadmap_item.title, "title": r.title,
            "threat": threat_label(r), "vulnerability": r.vulnerability,
            "aspects": [str(ASPECTS[a]) for a in r.aspects],
            "systems": [s.name for s in r.systems],
            "inherent_likelihood": r.inherent_likelihood, "inherent_impact": r.inherent_impact,
            "inherent_level": str(level_labels[levels.inherent]),
            "residual_likelihood": r.residual_likelihood, "residual_impact": r.residual_impact,
            "residual_level": str(level_labels[levels.residual]) if levels.residual else "",
            "treatment": str(TREATMENTS[r.treatment]), "owner": r.owner,
            "review_on": r.review_on,
            "measures": [f"{m.control + ' ' if m.control else ''}{m.description}"
                         for m in r.measures],
            "acceptance": (f"{acceptance.accepted_by} ({acceptance.decided_on.isoformat()})"
                           if acceptance else ""),
        })
    return records
