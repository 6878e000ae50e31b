"""Pages of the security risk assessment of step 1, under /programmes/<id>/risks/."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from workplace_planner import paging
from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.downloads import table_download
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.strategy.risks import (
    charts,
    matrix,
    panel,  # noqa: F401 - registers the step-page panel and the dashboard checks
    services,
    transfer,
)
from workplace_planner.steps.strategy.risks.choices import (
    ACCEPTOR_ROLES,
    ASPECTS,
    CONTROLS,
    LEVELS,
    MEASURE_STATUSES,
    THREATS,
    TREATMENTS,
    AcceptorRole,
    Aspect,
    Level,
    MeasureStatus,
    Treatment,
)
from workplace_planner.steps.strategy.risks.forms import (
    AcceptanceForm,
    MatrixForm,
    MeasureForm,
    RiskForm,
    control_options,
)
from workplace_planner.steps.strategy.risks.models import Risk, RiskMeasure
from workplace_planner.steps.strategy.technology import quarters

blueprint = Blueprint("risks", __name__, url_prefix="/programmes/<int:programme_id>/risks")
READ, EDIT = Permission.VIEW, Permission.EDIT
TEMPLATE = "steps/strategy/risks/"


# ----------------------------------------------------------------------------- helpers
def _status(form) -> int:
    return 422 if form.is_submitted() else 200


def _matrix_context(programme) -> dict:
    risk_matrix = services.get_matrix(programme)
    levels = services.levels_of(risk_matrix)
    return {
        "risk_matrix": risk_matrix,
        "matrix_levels": levels,
        "likelihood_labels": services.likelihood_labels(risk_matrix),
        "impact_labels": services.impact_labels(risk_matrix),
        "levels_of": lambda risk: services.levels_for(risk, levels),
    }


def _render(name: str, programme, status: int = 200, **context):
    return render_template(
        TEMPLATE + name,
        programme=programme,
        quarter=quarters.label,
        today=date.today(),
        labels={
            "threats": THREATS, "aspects": ASPECTS, "treatments": TREATMENTS,
            "levels": LEVELS, "measure_statuses": MEASURE_STATUSES,
            "roles": ACCEPTOR_ROLES, "controls": CONTROLS,
        },
        finding_messages=services.FINDING_MESSAGES,
        threat_label=transfer.threat_label,
        **_matrix_context(programme),
        **context,
    ), status


def _risk(programme, risk_id: int) -> Risk:
    return get_in_programme_or_404(Risk, risk_id, programme)


def _measure(programme, risk, measure_id: int) -> RiskMeasure:
    found = get_in_programme_or_404(RiskMeasure, measure_id, programme)
    if found.risk_id != risk.id:
        abort(404)
    return found


def _filters() -> services.Filters:
    args = request.args
    return services.Filters(
        roadmap_item_id=args.get("item", 0, type=int),
        level=args.get("level", "") if args.get("level") in Level._value2member_map_ else "",
        owner=args.get("owner", "").strip()[:200],
        treatment=args.get("treatment", "")
        if args.get("treatment") in Treatment._value2member_map_ else "",
    )


# ----------------------------------------------------------------------------- register
RISKS_PER_PAGE = 50
ITEMS_PER_PAGE = 30  # of the risks per roadmap item
FINDINGS_SHOWN = 10  # points to check listed above the register (all on request)


@blueprint.route("")
@requires(READ)
def register(programme_id: int):
    programme = get_programme(programme_id)
    filters = _filters()
    everything = services.list_risks(programme)
    risks = services.list_risks(programme, filters) if filters.active else everything
    return _render(
        "register.html", programme, filters=filters, total=len(everything),
        page=paging.paginate(risks, request.args.get("page", type=int), RISKS_PER_PAGE),
        query=paging.other_args(request.args),
        findings_shown=None if request.args.get("findings") == "all" else FINDINGS_SHOWN,
        all_findings_url=url_for(".register", programme_id=programme.id,
                                 **(request.args.to_dict() | {"findings": "all"})),
        items=services.list_items(programme),
        findings=services.programme_findings(programme, everything),
        risk_titles={r.id: r.title for r in everything},
    )


@blueprint.route("/register.<any(csv, xlsx):kind>")
@requires(READ)
def export_register(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    levels = services.levels_of(services.get_matrix(programme))
    risks = services.list_risks(programme, _filters(), levels)
    records = transfer.register_records(
        risks, lambda r: services.levels_for(r, levels), LEVELS)
    return table_download(kind, transfer.REGISTER_COLUMNS, records, _("Risk register"),
                          "risk-register")


# ----------------------------------------------------------------------------- risks
def _risk_form(programme, risk=None) -> RiskForm:
    form = RiskForm(obj=risk)
    form.roadmap_item_id.choices = [(i.id, i.title) for i in services.list_items(programme)]
    form.systems.choices = [(s.id, s.name) for s in services.list_systems(programme)]
    if form.is_submitted():
        return form
    if risk is not None:
        form.threat_key.data = risk.threat_key or ""
        form.aspects.data = [a.value for a in risk.aspects]
        form.systems.data = [s.id for s in risk.systems]
        form.treatment.data = risk.treatment.value
        form.residual_likelihood.data = risk.residual_likelihood or 0
        form.residual_impact.data = risk.residual_impact or 0
    else:
        item = services.find_item(programme, request.args.get("item", 0, type=int))
        if item is not None:
            form.roadmap_item_id.data = item.id
            form.systems.data = [s.id for s in item.systems]
    return form


def _risk_fields(form) -> tuple[dict, dict]:
    links = {
        "system_ids": form.systems.data or [],
        "aspects": [Aspect(a) for a in form.aspects.data or [] if a in Aspect._value2member_map_],
    }
    fields = {
        "roadmap_item_id": form.roadmap_item_id.data, "title": form.title.data,
        "threat_key": form.threat_key.data or None, "threat_text": form.threat_text.data or "",
        "vulnerability": form.vulnerability.data or "",
        "inherent_likelihood": form.inherent_likelihood.data,
        "inherent_impact": form.inherent_impact.data,
        "residual_likelihood": form.residual_likelihood.data or None,
        "residual_impact": form.residual_impact.data or None,
        "treatment": Treatment(form.treatment.data), "owner": form.owner.data or "",
        "review_on": form.review_on.data,
    }
    return links, fields


@blueprint.route("/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_risk(programme_id: int):
    programme = get_programme(programme_id)
    form = _risk_form(programme)
    created = {}

    def apply():
        links, fields = _risk_fields(form)
        created["risk"] = services.create_risk(programme, **links, **fields)

    if form.is_submitted() and save_form(form, apply):
        flash(_("The risk has been added."), "ok")
        return redirect(url_for(".risk", programme_id=programme.id,
                                risk_id=created["risk"].id))
    return _render("risk_form.html", programme, _status(form), form=form, risk=None)


@blueprint.route("/<int:risk_id>")
@requires(READ)
def risk(programme_id: int, risk_id: int):
    programme = get_programme(programme_id)
    found = _risk(programme, risk_id)
    return _render(
        "risk.html", programme, risk=found, findings=services.risk_findings(found),
        history=services.risk_history(found), field_labels=_history_labels(),
    )


def _history_labels() -> dict:
    labels = {}
    for form_class in (RiskForm, MeasureForm, AcceptanceForm):
        form = form_class(meta={"csrf": False})
        labels.update({name: field.label.text for name, field in form._fields.items()})
    return labels | {
        "availability": _("Availability"), "integrity": _("Integrity"),
        "confidentiality": _("Confidentiality"), "measures": _("Measures"),
        "acceptances": _("Acceptances"), "needs_renewal": _("Needs renewal"),
        "accepted_likelihood": _("Accepted likelihood"),
        "accepted_impact": _("Accepted impact"),
    }


@blueprint.route("/<int:risk_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_risk(programme_id: int, risk_id: int):
    programme = get_programme(programme_id)
    found = _risk(programme, risk_id)
    form = _risk_form(programme, found)

    def apply():
        links, fields = _risk_fields(form)
        services.update_risk(found, form.version.data, programme, **links, **fields)

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The risk has been saved."), "ok")
        current = found.current_acceptance
        if current is not None and current.needs_renewal:
            flash(_("The scores changed after the risk was accepted: the acceptance needs "
                    "renewal."), "warning")
        return redirect(url_for(".risk", programme_id=programme.id, risk_id=found.id))
    return _render("risk_form.html", programme, _status(form), form=form, risk=found)


@blueprint.route("/<int:risk_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_risk(programme_id: int, risk_id: int):
    programme = get_programme(programme_id)
    services.delete_risk(_risk(programme, risk_id))
    db.session.commit()
    flash(_("The risk has been deleted."), "ok")
    return redirect(url_for(".register", programme_id=programme.id))


# ----------------------------------------------------------------------------- measures
def _measure_form(measure=None) -> MeasureForm:
    form = MeasureForm(obj=measure)
    form.control.choices = control_options(_("No control chosen"))
    if measure is not None and not form.is_submitted():
        form.control.data = measure.control or ""
        form.status.data = measure.status.value
    return form


def _measure_fields(form) -> dict:
    return {
        "description": form.description.data, "control": form.control.data or None,
        "owner": form.owner.data or "", "due_on": form.due_on.data,
        "status": MeasureStatus(form.status.data),
    }


@blueprint.route("/<int:risk_id>/measures/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_measure(programme_id: int, risk_id: int):
    programme = get_programme(programme_id)
    found = _risk(programme, risk_id)
    form = _measure_form()

    def apply():
        services.add_measure(programme, found, **_measure_fields(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The measure has been added."), "ok")
        return redirect(url_for(".risk", programme_id=programme.id, risk_id=found.id)
                        + "#measures")
    return _render("measure_form.html", programme, _status(form), form=form, risk=found,
                   measure=None)


@blueprint.route("/<int:risk_id>/measures/<int:risk_measure_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_measure(programme_id: int, risk_id: int, risk_measure_id: int):
    programme = get_programme(programme_id)
    found = _risk(programme, risk_id)
    measure = _measure(programme, found, risk_measure_id)
    form = _measure_form(measure)

    def apply():
        services.update_measure(measure, form.version.data, **_measure_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=measure):
        flash(_("The measure has been saved."), "ok")
        return redirect(url_for(".risk", programme_id=programme.id, risk_id=found.id)
                        + "#measures")
    return _render("measure_form.html", programme, _status(form), form=form, risk=found,
                   measure=measure)


@blueprint.route("/<int:risk_id>/measures/<int:risk_measure_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_measure(programme_id: int, risk_id: int, risk_measure_id: int):
    programme = get_programme(programme_id)
    found = _risk(programme, risk_id)
    services.delete_measure(_measure(programme, found, risk_measure_id))
    db.session.commit()
    flash(_("The measure has been deleted."), "ok")
    return redirect(url_for(".risk", programme_id=programme.id, risk_id=found.id)
                    + "#measures")


# ----------------------------------------------------------------------------- acceptances
@blueprint.route("/<int:risk_id>/acceptances/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_acceptance(programme_id: int, risk_id: int):
    programme = get_programme(programme_id)
    found = _risk(programme, risk_id)
    form = AcceptanceForm()

    def apply():
        services.record_acceptance(
            programme, found, accepted_by=form.accepted_by.data,
            role=AcceptorRole(form.role.data), decided_on=form.decided_on.data,
            justification=form.justification.data, expires_on=form.expires_on.data,
        )

    if form.is_submitted() and save_form(form, apply):
        flash(_("The acceptance has been recorded."), "ok")
        return redirect(url_for(".risk", programme_id=programme.id, risk_id=found.id)
                        + "#acceptances")
    return _render("acceptance_form.html", programme, _status(form), form=form, risk=found)


# ----------------------------------------------------------------------------- matrix
def _matrix_form(programme) -> MatrixForm:
    risk_matrix = services.get_matrix(programme)
    form = MatrixForm()
    if not form.is_submitted():
        form.version.data = risk_matrix.version if risk_matrix.id else None
        levels = services.levels_of(risk_matrix)
        for n, label in enumerate(services.likelihood_labels(risk_matrix), start=1):
            form[f"likelihood_{n}"].data = label
        for n, label in enumerate(services.impact_labels(risk_matrix), start=1):
            form[f"impact_{n}"].data = label
        for likelihood in matrix.SCALE:
            for impact in matrix.SCALE:
                form[f"cell_{likelihood}_{impact}"].data = levels[likelihood - 1][impact - 1]
    return form


@blueprint.route("/matrix", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_matrix(programme_id: int):
    programme = get_programme(programme_id)
    form = _matrix_form(programme)

    def apply():
        services.save_matrix(
            programme, form.version.data,
            [form[f"likelihood_{n}"].data for n in matrix.SCALE],
            [form[f"impact_{n}"].data for n in matrix.SCALE],
            [[form[f"cell_{lk}_{im}"].data for im in matrix.SCALE] for lk in matrix.SCALE],
        )

    if form.is_submitted() and save_form(form, apply,
                                         versioned=lambda: services.saved_matrix(programme)):
        flash(_("The risk matrix has been saved; every risk now takes its level from it."),
              "ok")
        return redirect(url_for(".edit_matrix", programme_id=programme.id))
    return _render("matrix.html", programme, _status(form), form=form)


# ----------------------------------------------------------------------------- overviews
def _heat_inputs(programme) -> dict:
    context = _matrix_context(programme)
    heat = services.heat(services.list_risks(programme))
    return charts.heat_inputs(
        heat, context["matrix_levels"], context["likelihood_labels"],
        context["impact_labels"], (_("Inherent risk"), _("Residual risk")),
        (_("Likelihood"), _("Impact")),
    )


@blueprint.route("/heat-map")
@requires(READ)
def heat_map(programme_id: int):
    programme = get_programme(programme_id)
    risks = services.list_risks(programme)
    return _render("heat_map.html", programme, heat=services.heat(risks), risks=risks)


@blueprint.route("/heat-map.svg")
@requires(READ)
def heat_map_chart(programme_id: int):
    inputs = _heat_inputs(get_programme(programme_id))
    return chart_response("risk-heat-map", inputs,
                          lambda figure: charts.draw_heat_map(figure, inputs),
                          width=10.0, height=5.2)


@blueprint.route("/by-item")
@requires(READ)
def by_item(programme_id: int):
    programme = get_programme(programme_id)
    page = services.risks_per_item(programme, request.args.get("page", type=int),
                                   ITEMS_PER_PAGE)
    return _render("by_item.html", programme, page=page, rows=page.items)


def _timeline(programme) -> dict:
    levels = services.levels_of(services.get_matrix(programme))
    return services.risk_over_time(programme, services.list_risks(programme, levels=levels),
                                   levels)


@blueprint.route("/timeline")
@requires(READ)
def timeline(programme_id: int):
    programme = get_programme(programme_id)
    per_quarter = _timeline(programme)
    return _render("timeline.html", programme, per_quarter=per_quarter,
                   level_keys=matrix.LEVEL_KEYS)


@blueprint.route("/timeline.svg")
@requires(READ)
def timeline_chart(programme_id: int):
    programme = get_programme(programme_id)
    per_quarter = _timeline(programme)
    inputs = charts.timeline_inputs(
        per_quarter, {q: quarters.label(q) for q in per_quarter}, LEVELS,
        _("Open risks"), _("No risks on scheduled roadmap items yet."),
    )
    return chart_response("risk-timeline", inputs,
                          lambda figure: charts.draw_timeline(figure, inputs),
                          width=10.0, height=4.5)
