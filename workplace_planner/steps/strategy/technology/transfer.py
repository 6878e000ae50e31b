"""The system inventory in and out of CSV and Excel, and the roadmap out (through ``tabular``).

Columns carry stable keys (the file headers) and the stored values of the choices, so an export
can be edited and imported again: a system whose name already exists is updated.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from workplace_planner import tabular
from workplace_planner.steps.strategy.technology import quarters
from workplace_planner.steps.strategy.technology.choices import Domain, Hosting, Target


def _value(v):
    return getattr(v, "value", v)


def system_columns(programme) -> list[tabular.Column]:
    names = [p.name for p in programme.participants]
    return [
        tabular.Column("name", _l("Name"), tabular.text(200), required=True,
                       example="Exchange 2016"),
        tabular.Column("domain", _l("Domain"), tabular.choice(list(Domain)), required=True,
                       example="mail", description=", ".join(d.value for d in Domain),
                       export=_value),
        tabular.Column("supplier", _l("Supplier"), tabular.text(200), example="Microsoft"),
        tabular.Column("hosting", _l("Hosting now"), tabular.choice(list(Hosting)),
                       required=True, example="on_premise",
                       description=", ".join(h.value for h in Hosting), export=_value),
        tabular.Column("end_of_support", _l("End of support or contract"), tabular.iso_date,
                       example="2025-10-14"),
        tabular.Column("owner", _l("Owner"), tabular.text(200), example="Team Werkplek"),
        tabular.Column("municipalities", _l("Used by"), tabular.choices(names),
                       example=", ".join(names),
                       description=_l("Names of participating municipalities, separated by "
                                      "commas.")),
        tabular.Column("strengths", _l("Strengths"), tabular.text(5000)),
        tabular.Column("pain_points", _l("Pain points"), tabular.text(5000),
                       example="Out of support; mailbox limits"),
        tabular.Column("target", _l("Target in the ambition"), tabular.choice(list(Target)),
                       example="move_to_saas", description=", ".join(t.value for t in Target),
                       export=_value),
        tabular.Column("replacement_hosting", _l("Hosting of the replacement"),
                       tabular.choice(list(Hosting)), export=_value,
                       description=_l("Only when the target is replace.")),
        tabular.Column("target_note", _l("Note on the target"), tabular.text(5000)),
    ]


def system_records(systems) -> list[dict]:
    return [
        {
            "name": s.name, "domain": s.domain, "supplier": s.supplier, "hosting": s.hosting,
            "end_of_support": s.end_of_support, "owner": s.owner,
            "municipalities": [p.name for p in s.participants], "strengths": s.strengths,
            "pain_points": s.pain_points, "target": s.target,
            "replacement_hosting": s.replacement_hosting, "target_note": s.target_note,
        }
        for s in systems
    ]


ROADMAP_COLUMNS = [
    tabular.Column("id", _l("Number")),
    tabular.Column("title", _l("Title")),
    tabular.Column("perspective", _l("Perspective")),
    tabular.Column("status", _l("Status"), export=_value),
    tabular.Column("start", _l("Start quarter")),
    tabular.Column("end", _l("End quarter")),
    tabular.Column("owner", _l("Owner")),
    tabular.Column("depends_on", _l("Depends on")),
    tabular.Column("systems", _l("Systems it changes")),
    tabular.Column("municipalities", _l("Participating municipalities")),
    tabular.Column("description", _l("Description")),
]


def roadmap_records(items) -> list[dict]:
    return [
        {
            "id": i.id, "title": i.title, "perspective": i.perspective, "status": i.status,
            "start": quarters.label(i.start_quarter), "end": quarters.label(i.end_quarter),
            "owner": i.owner, "depends_on": [d.title for d in i.dependencies],
            "systems": [s.name for s in i.systems],
            "municipalities": [p.name for p in i.participants], "description": i.description,
        }
        for i in items
    ]
