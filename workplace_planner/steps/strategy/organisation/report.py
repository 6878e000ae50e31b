"""The PDF report of the business case (WeasyPrint, tagged PDF/UA): summary, charts (inline SVG,
nothing is fetched), the budget tables, conventions and the assumptions register."""

from __future__ import annotations

import re

from flask import Response, render_template

from workplace_planner.business_case import CONVENTIONS
from workplace_planner.charts import cached_svg
from workplace_planner.i18n import current_language
from workplace_planner.pdf import pdf_response
from workplace_planner.steps.strategy.organisation import presentation, services

STYLESHEET = "business_case_print.css"


def inline_svg(svg: str, label: str) -> str:
    """Matplotlib's SVG as markup inside the HTML: no XML prologue, an accessible name."""
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def _svg(name, result, scenario, view, language, outcome, business_case, label):
    made = presentation.chart(name, result, scenario, view, language, outcome, business_case)
    if made is None:
        return None
    key, inputs, draw, size = made
    svg, _etag = cached_svg(key, inputs, draw, **size)
    return inline_svg(svg, label)


# The lines that move the NPV most, as in the tornado chart; a council report needs these,
# not every line (those are in the Excel export).
SENSITIVITY_LINES = 12


def html(programme, business_case, outcome) -> str:
    result, language = outcome.result, current_language()
    alternatives = [s for s in result.scenarios if not s.baseline]
    charts = {}
    from flask_babel import gettext as _

    charts["comparison"] = _svg("comparison", result, None, "cash", language, outcome,
                                business_case, _("Total costs per year per scenario"))
    for s in result.scenarios:
        charts[f"categories-{s.id}"] = _svg("categories", result, s, "budget", language, outcome,
                                            business_case,
                                            _("Costs per category per year: %(name)s",
                                              name=s.name))
    for s in alternatives:
        charts[f"cumulative-{s.id}"] = _svg("cumulative", result, s, "cash", language, outcome,
                                            business_case, _("Cumulative incremental cash flow"))
        charts[f"tornado-{s.id}"] = _svg("tornado", result, s, "cash", language, outcome,
                                         business_case, _("Sensitivity of the NPV"))
        charts[f"distribution-{s.id}"] = _svg("distribution", result, s, "cash", language,
                                              outcome, business_case,
                                              _("Distribution of the NPV"))
    return render_template(
        "steps/strategy/organisation/report.html", programme=programme,
        business_case=business_case, result=result, outcome=outcome, charts=charts,
        labels=presentation.LABELS, total_of=presentation.total_of, conventions=CONVENTIONS,
        condensed=presentation.condensed,
        sensitivity_limit=SENSITIVITY_LINES,
        assumptions=services.list_assumptions(programme),
        uses=services.assumption_uses(programme), benefits=services.list_benefits(programme),
        approved=services.latest_approved(programme),
        personas={p["id"]: p["name"] for p in outcome.data.get("personas", [])},
        participants={p["id"]: p["name"] for p in outcome.data.get("participants", [])},
    )


def pdf(programme, business_case, outcome, filename: str) -> Response:
    return pdf_response(html(programme, business_case, outcome), filename, STYLESHEET)
