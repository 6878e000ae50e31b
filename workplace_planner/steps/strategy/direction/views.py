"""Pages of vision and cooperation (step 1, across the perspectives), under
/programmes/<id>/strategy/direction/. Thin: read the request, call a service, render."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.content_cache import ContentCache, inputs_hash
from workplace_planner.downloads import download, table_download
from workplace_planner.editing import DomainError, save_form
from workplace_planner.extensions import db
from workplace_planner.i18n import current_language
from workplace_planner.pdf import render_document
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.strategy.direction import (
    charts,
    panel,  # noqa: F401 - registers the dashboard checks
    services,
    summary,
    transfer,
)
from workplace_planner.steps.strategy.direction.choices import (
    CATEGORIES,
    FACTOR_STATUSES,
    HORIZONS,
    FactorCategory,
    FactorStatus,
    Horizon,
)
from workplace_planner.steps.strategy.direction.forms import (
    ActivityForm,
    FactorForm,
    KpiForm,
    MeasurementForm,
    ParticipantVisionForm,
    PillarForm,
    VisionForm,
    WeightsForm,
)
from workplace_planner.steps.strategy.direction.models import (
    Kpi,
    KpiMeasurement,
    MunicipalActivity,
    Pillar,
    SuccessFactor,
)
from workplace_planner.steps.strategy.technology import quarters
from workplace_planner.steps.strategy.technology.services import list_items

blueprint = Blueprint(
    "direction", __name__, url_prefix="/programmes/<int:programme_id>/strategy/direction"
)
READ, WORKSHOP, EDIT = Permission.VIEW, Permission.EDIT_WORKSHOP, Permission.EDIT
TEMPLATE = "steps/strategy/direction/"
PRINT_CSS = "direction_print.css"
LABELS = {"horizons": HORIZONS, "categories": CATEGORIES, "statuses": FACTOR_STATUSES}


def _render(name: str, programme, status: int = 200, **context):
    return render_template(TEMPLATE + name, programme=programme, quarter=quarters.label,
                           labels=LABELS, **context), status


def _status(form) -> int:
    return 422 if form.is_submitted() else 200


def _form_page(programme, form, title: str, back: str, status: int, delete_url=None):
    return _render("form.html", programme, status, form=form, title=title, back=back,
                   delete_url=delete_url)


def _participant(programme, participant_id: int):
    return services.find_participant(programme, participant_id) or abort(404)


# ----------------------------------------------------------------------------- vision
@blueprint.route("/vision")
@requires(READ)
def vision(programme_id: int):
    programme = get_programme(programme_id)
    return _render("vision.html", programme, vision=services.get_vision(programme),
                   pillars=services.list_pillars(programme),
                   kpis=[services.kpi_progress(k) for k in services.list_kpis(programme)])


@blueprint.route("/vision/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_vision(programme_id: int):
    programme = get_programme(programme_id)
    current = services.get_vision(programme)
    form = VisionForm(obj=current)

    def apply():
        services.save_vision(programme, form.version.data, statement=form.statement.data,
                             goal=form.goal.data, goal_date=form.goal_date.data,
                             obstacles=form.obstacles.data or "")

    if form.is_submitted() and save_form(form, apply, versioned=current):
        flash(_("The vision has been saved."), "ok")
        return redirect(url_for(".vision", programme_id=programme.id))
    return _form_page(programme, form, _("Edit the vision and goal"),
                      url_for(".vision", programme_id=programme.id), _status(form))


def _pillar_fields(form) -> dict:
    return {"title": form.title.data, "description": form.description.data or "",
            "owner": form.owner.data or ""}


@blueprint.route("/pillars/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_pillar(programme_id: int):
    programme = get_programme(programme_id)
    form = PillarForm()
    if form.is_submitted() and save_form(
            form, lambda: services.create_pillar(programme, **_pillar_fields(form))):
        flash(_("The pillar has been added."), "ok")
        return redirect(url_for(".vision", programme_id=programme.id))
    return _form_page(programme, form, _("Add a pillar"),
                      url_for(".vision", programme_id=programme.id), _status(form))


@blueprint.route("/pillars/<int:pillar_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_pillar(programme_id: int, pillar_id: int):
    programme = get_programme(programme_id)
    pillar = get_in_programme_or_404(Pillar, pillar_id, programme)
    form = PillarForm(obj=pillar)
    if form.is_submitted() and save_form(
            form, lambda: services.update_pillar(pillar, form.version.data,
                                                 **_pillar_fields(form)), versioned=pillar):
        flash(_("The pillar has been saved."), "ok")
        return redirect(url_for(".vision", programme_id=programme.id))
    return _form_page(programme, form, _("Edit the pillar"),
                      url_for(".vision", programme_id=programme.id), _status(form),
                      url_for(".delete_pillar", programme_id=programme.id, pillar_id=pillar.id))


@blueprint.route("/pillars/<int:pillar_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_pillar(programme_id: int, pillar_id: int):
    programme = get_programme(programme_id)
    services.delete(get_in_programme_or_404(Pillar, pillar_id, programme))
    db.session.commit()
    flash(_("The pillar has been deleted; its KPIs stay."), "ok")
    return redirect(url_for(".vision", programme_id=programme.id))


# ----------------------------------------------------------------------------- KPIs
def _kpi_form(programme, kpi=None) -> KpiForm:
    form = KpiForm(obj=kpi)
    form.pillar_id.choices = [(0, _("No pillar"))] + [
        (p.id, p.title) for p in services.list_pillars(programme)]
    if kpi is not None and not form.is_submitted():
        form.pillar_id.data = kpi.pillar_id or 0
    return form


def _kpi_fields(programme, form) -> dict:
    return {"name": form.name.data, "unit": form.unit.data or "",
            "baseline": form.baseline.data, "target": form.target.data,
            "target_date": form.target_date.data, "owner": form.owner.data or "",
            "pillar": services.find_pillar(programme, form.pillar_id.data)}


@blueprint.route("/kpis/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_kpi(programme_id: int):
    programme = get_programme(programme_id)
    form = _kpi_form(programme)
    created = {}

    def apply():
        created["kpi"] = services.create_kpi(programme, **_kpi_fields(programme, form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The KPI has been added."), "ok")
        return redirect(url_for(".kpi", programme_id=programme.id, kpi_id=created["kpi"].id))
    return _form_page(programme, form, _("Add a KPI"),
                      url_for(".vision", programme_id=programme.id), _status(form))


@blueprint.route("/kpis/<int:kpi_id>", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def kpi(programme_id: int, kpi_id: int):
    """The KPI, its measurements over time and its chart; POST adds a measurement."""
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Kpi, kpi_id, programme)
    form = MeasurementForm()
    if form.is_submitted() and save_form(
            form, lambda: services.add_measurement(programme, found, form.measured_on.data,
                                                   form.value.data, form.note.data or "")):
        flash(_("The measurement has been added."), "ok")
        return redirect(url_for(".kpi", programme_id=programme.id, kpi_id=found.id))
    return _render("kpi.html", programme, _status(form), kpi=found, form=form,
                   progress=services.kpi_progress(found))


@blueprint.route("/kpis/<int:kpi_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_kpi(programme_id: int, kpi_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Kpi, kpi_id, programme)
    form = _kpi_form(programme, found)
    if form.is_submitted() and save_form(
            form, lambda: services.update_kpi(found, form.version.data,
                                              **_kpi_fields(programme, form)), versioned=found):
        flash(_("The KPI has been saved."), "ok")
        return redirect(url_for(".kpi", programme_id=programme.id, kpi_id=found.id))
    return _form_page(programme, form, _("Edit the KPI"),
                      url_for(".kpi", programme_id=programme.id, kpi_id=found.id),
                      _status(form),
                      url_for(".delete_kpi", programme_id=programme.id, kpi_id=found.id))


@blueprint.route("/kpis/<int:kpi_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_kpi(programme_id: int, kpi_id: int):
    programme = get_programme(programme_id)
    services.delete(get_in_programme_or_404(Kpi, kpi_id, programme))
    db.session.commit()
    flash(_("The KPI and its measurements have been deleted."), "ok")
    return redirect(url_for(".vision", programme_id=programme.id))


@blueprint.route("/kpis/<int:kpi_id>/measurements/<int:kpi_measurement_id>/delete",
                 methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_measurement(programme_id: int, kpi_id: int, kpi_measurement_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Kpi, kpi_id, programme)
    measurement = get_in_programme_or_404(KpiMeasurement, kpi_measurement_id, programme)
    if measurement.kpi_id != found.id:
        abort(404)
    services.delete(measurement)
    db.session.commit()
    flash(_("The measurement has been deleted."), "ok")
    return redirect(url_for(".kpi", programme_id=programme.id, kpi_id=found.id))


def _kpi_chart(found):
    texts = {"measured": _("Measured"), "baseline_label": _("Baseline"),
             "target_label": _("Target"), "empty": _("No measurements and no target yet.")}
    inputs = charts.kpi_inputs(found, texts)
    return (f"direction-kpi-{current_language()}", inputs,
            lambda figure: charts.draw_kpi(figure, inputs))


@blueprint.route("/kpis/<int:kpi_id>/chart.svg")
@requires(READ)
def kpi_chart(programme_id: int, kpi_id: int):
    found = get_in_programme_or_404(Kpi, kpi_id, get_programme(programme_id))
    name, inputs, draw = _kpi_chart(found)
    return chart_response(name, inputs, draw, width=7.0, height=3.4)


@blueprint.route("/kpis/progress.svg")
@requires(READ)
def progress_chart(programme_id: int):
    programme = get_programme(programme_id)
    rows = [services.kpi_progress(k) for k in services.list_kpis(programme)]
    inputs = charts.progress_inputs(rows, {
        "axis": _("Percent of the way from baseline to target"),
        "unmeasured": _("no measurement yet"), "empty": _("No KPIs yet.")})
    return chart_response(f"direction-progress-{current_language()}", inputs,
                          lambda figure: charts.draw_progress(figure, inputs),
                          width=7.5, height=charts.progress_height(inputs))


# ----------------------------------------------------------------------------- one A4
def _one_a4_html(programme, for_pdf: bool, level: int) -> str:
    page = summary.one_page(programme, level=level)
    return render_template(TEMPLATE + "one_a4.html", programme=programme, page=page,
                           quarter=quarters.label, for_pdf=for_pdf, today=date.today())


# The level of compaction that fits, by the hash of the page at full size: laying out PDFs to
# find it takes WeasyPrint most of a second, the answer only changes with the content.
_fitting_levels = ContentCache(128)


def _fitting_level(programme) -> int:
    """The first level of compaction whose PDF takes one page (known by content, see above)."""
    full = _one_a4_html(programme, True, 0)

    def fit() -> int:
        for level in range(len(summary.LIMITS)):
            html = full if level == 0 else _one_a4_html(programme, True, level)
            if len(render_document(html, PRINT_CSS).pages) == 1:
                return level
        return level

    return _fitting_levels.get_or_make(inputs_hash("one-a4", full), fit)


@blueprint.route("/one-a4")
@requires(READ)
def one_a4(programme_id: int):
    programme = get_programme(programme_id)
    return _one_a4_html(programme, False, _fitting_level(programme))


@blueprint.route("/one-a4.pdf")
@requires(READ)
def one_a4_pdf(programme_id: int):
    programme = get_programme(programme_id)
    level = _fitting_level(programme)
    document = render_document(_one_a4_html(programme, True, level), PRINT_CSS)
    return download(document.write_pdf(pdf_variant="pdf/ua-1"),
                    f"visie-op-een-a4-{programme.id}.pdf", inline=True)


# ----------------------------------------------------------------------------- activities
@blueprint.route("/activities", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def activities(programme_id: int):
    """Every municipality's activity list, and the weights of the priority (POST)."""
    programme = get_programme(programme_id)
    current = services.get_vision(programme)
    weights = services.weights_of(programme)
    form = WeightsForm(obj=current, weight_customer=weights.customer,
                       weight_organisation=weights.organisation,
                       weight_urgency=weights.urgency)

    def apply():
        services.save_weights(programme, form.version.data, form.weight_customer.data,
                              form.weight_organisation.data, form.weight_urgency.data)

    if form.is_submitted() and save_form(form, apply, versioned=current):
        flash(_("The weights have been saved; every priority has been recalculated."), "ok")
        return redirect(url_for(".activities", programme_id=programme.id))
    rows = services.rated(programme, services.list_activities(programme), weights)
    return _render("activities.html", programme, _status(form), form=form, weights=weights,
                   lists=[(p, [r for r in rows if r.activity.participant_id == p.id])
                          for p in programme.participants])


@blueprint.route("/municipalities/<int:participant_id>/activities")
@requires(READ)
def activity_list(programme_id: int, participant_id: int):
    programme = get_programme(programme_id)
    participant = _participant(programme, participant_id)
    rows = services.rated(programme, services.list_activities(programme, participant))
    return _render("activity_list.html", programme, participant=participant, rows=rows,
                   weights=services.weights_of(programme),
                   factors=[f for f in services.list_factors(programme)
                            if f.participant_id == participant.id])


@blueprint.route("/activities/export.<any(csv, xlsx):kind>")
@requires(READ)
def export_activities(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    rows = services.rated(programme, services.list_activities(programme))
    return table_download(kind, transfer.ACTIVITY_COLUMNS, transfer.activity_records(rows),
                          _("Activities"), "activiteiten")


def _activity_form(programme, participant, activity=None) -> ActivityForm:
    form = ActivityForm(obj=activity)
    span = quarters.span(programme.start_year - 1, programme.end_year + 1)
    extra = [q for q in (getattr(activity, "start_quarter", None),
                         getattr(activity, "end_quarter", None)) if q and q not in span]
    options = [(0, _("No quarter"))] + [(q, quarters.label(q)) for q in sorted(span + extra)]
    form.start_quarter.choices = form.end_quarter.choices = options
    form.roadmap_item_id.choices = [(0, _("Not linked"))] + [
        (i.id, i.title) for i in list_items(programme)]
    others = [a for a in services.list_activities(programme)
              if a.participant_id != participant.id]
    form.linked_activity_id.choices = [(0, _("Not linked"))] + [
        (a.id, f"{a.participant.name}: {a.title}") for a in others]
    if activity is not None and not form.is_submitted():
        form.horizon.data = activity.horizon.value if activity.horizon else ""
        for name in ("customer_value", "organisation_value", "urgency", "start_quarter",
                     "end_quarter", "roadmap_item_id", "linked_activity_id"):
            getattr(form, name).data = getattr(activity, name) or 0
    return form


def _activity_fields(programme, form) -> dict:
    return {
        "title": form.title.data, "description": form.description.data or "",
        "customer_value": form.customer_value.data or None,
        "organisation_value": form.organisation_value.data or None,
        "urgency": form.urgency.data or None,
        "horizon": Horizon(form.horizon.data) if form.horizon.data else None,
        "start_quarter": form.start_quarter.data or None,
        "end_quarter": form.end_quarter.data or None,
        "roadmap_item": services.find_item(programme, form.roadmap_item_id.data),
        "linked_activity": services.find_activity(programme, form.linked_activity_id.data),
    }


def _back_to_list(programme, participant):
    return url_for(".activity_list", programme_id=programme.id, participant_id=participant.id)


@blueprint.route("/municipalities/<int:participant_id>/activities/new",
                 methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def new_activity(programme_id: int, participant_id: int):
    programme = get_programme(programme_id)
    participant = _participant(programme, participant_id)
    form = _activity_form(programme, participant)
    if form.is_submitted() and save_form(
            form, lambda: services.create_activity(programme, participant,
                                                   **_activity_fields(programme, form))):
        flash(_("The activity has been added."), "ok")
        return redirect(_back_to_list(programme, participant))
    return _form_page(programme, form, _("Add an activity for %(name)s", name=participant.name),
                      _back_to_list(programme, participant), _status(form))


@blueprint.route("/activities/<int:activity_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def edit_activity(programme_id: int, activity_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(MunicipalActivity, activity_id, programme)
    form = _activity_form(programme, found.participant, found)
    if form.is_submitted() and save_form(
            form, lambda: services.update_activity(found, form.version.data, programme,
                                                   **_activity_fields(programme, form)),
            versioned=found):
        flash(_("The activity has been saved."), "ok")
        return redirect(_back_to_list(programme, found.participant))
    return _form_page(programme, form, _("Edit the activity of %(name)s",
                                         name=found.participant.name),
                      _back_to_list(programme, found.participant), _status(form),
                      url_for(".delete_activity", programme_id=programme.id,
                              activity_id=found.id))


@blueprint.route("/activities/<int:activity_id>/delete", methods=["POST"])
@requires(read=READ, write=WORKSHOP)
def delete_activity(programme_id: int, activity_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(MunicipalActivity, activity_id, programme)
    participant = found.participant
    services.delete(found)
    db.session.commit()
    flash(_("The activity has been deleted."), "ok")
    return redirect(_back_to_list(programme, participant))


@blueprint.route("/activities/<int:activity_id>/roadmap-item", methods=["POST"])
@requires(read=READ, write=EDIT)
def make_roadmap_item(programme_id: int, activity_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(MunicipalActivity, activity_id, programme)
    try:
        item = services.make_roadmap_item(programme, found)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(_back_to_list(programme, found.participant))
    flash(_("Roadmap item “%(title)s” has been made and linked.", title=item.title), "ok")
    return redirect(_back_to_list(programme, found.participant))


# ----------------------------------------------------------------------------- joint roadmap
def _joint(programme):
    rows = services.rated(programme, services.list_activities(programme))
    found = services.opportunities(programme, rows)
    together = {i for o in found for i in o.activity_ids}
    return rows, found, together


@blueprint.route("/joint-roadmap")
@requires(READ)
def joint_roadmap(programme_id: int):
    programme = get_programme(programme_id)
    rows, found, together = _joint(programme)
    names = {p.id: p.name for p in programme.participants}
    return _render("joint_roadmap.html", programme, rows=rows, opportunities=found,
                   together=together, matrix=services.matrix(rows, found),
                   names=names, factors=services.list_factors(programme),
                   year=services.programme_year(programme))


@blueprint.route("/joint-roadmap/timeline.svg")
@requires(READ)
def joint_timeline(programme_id: int):
    programme = get_programme(programme_id)
    rows, _found, together = _joint(programme)
    inputs = charts.timeline_inputs(
        rows, programme.participants, together,
        {"empty": _("No activity is placed in time yet."),
         "legend": _("Hatched bars with a black edge: cooperation opportunity")},
        quarters.label)
    return chart_response(f"direction-timeline-{current_language()}", inputs,
                          lambda figure: charts.draw_timeline(figure, inputs),
                          width=9.0, height=charts.timeline_height(inputs))


# ----------------------------------------------------------------------------- success factors
def _factor_form(programme, factor=None) -> FactorForm:
    form = FactorForm(obj=factor)
    form.participant_id.choices = [(0, _("All municipalities (overall)"))] + [
        (p.id, p.name) for p in programme.participants]
    if factor is not None and not form.is_submitted():
        form.participant_id.data = factor.participant_id or 0
        form.category.data = factor.category.value
        form.status.data = factor.status.value
    elif not form.is_submitted():
        form.participant_id.data = request.args.get("participant", 0, type=int)
    return form


def _factor_fields(programme, form) -> dict:
    return {"title": form.title.data, "note": form.note.data or "",
            "participant": services.find_participant(programme, form.participant_id.data),
            "category": FactorCategory(form.category.data),
            "status": FactorStatus(form.status.data)}


def _factors_url(programme):
    return url_for(".joint_roadmap", programme_id=programme.id) + "#factors-heading"


@blueprint.route("/success-factors/new", methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def new_factor(programme_id: int):
    programme = get_programme(programme_id)
    form = _factor_form(programme)
    if form.is_submitted() and save_form(
            form, lambda: services.create_factor(programme, **_factor_fields(programme, form))):
        flash(_("The success factor has been added."), "ok")
        return redirect(_factors_url(programme))
    return _form_page(programme, form, _("Add a success factor or precondition"),
                      _factors_url(programme), _status(form))


@blueprint.route("/success-factors/<int:success_factor_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def edit_factor(programme_id: int, success_factor_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(SuccessFactor, success_factor_id, programme)
    form = _factor_form(programme, found)
    if form.is_submitted() and save_form(
            form, lambda: services.update_factor(found, form.version.data,
                                                 **_factor_fields(programme, form)),
            versioned=found):
        flash(_("The success factor has been saved."), "ok")
        return redirect(_factors_url(programme))
    return _form_page(programme, form, _("Edit the success factor"), _factors_url(programme),
                      _status(form),
                      url_for(".delete_factor", programme_id=programme.id,
                              success_factor_id=found.id))


@blueprint.route("/success-factors/<int:success_factor_id>/delete", methods=["POST"])
@requires(read=READ, write=WORKSHOP)
def delete_factor(programme_id: int, success_factor_id: int):
    programme = get_programme(programme_id)
    services.delete(get_in_programme_or_404(SuccessFactor, success_factor_id, programme))
    db.session.commit()
    flash(_("The success factor has been deleted."), "ok")
    return redirect(_factors_url(programme))


# ----------------------------------------------------------------------------- visions
@blueprint.route("/visions")
@requires(READ)
def visions(programme_id: int):
    programme = get_programme(programme_id)
    words, comparison = services.compare_visions(programme)
    return _render("visions.html", programme, stored=services.participant_visions(programme),
                   words=words, comparison=comparison)


@blueprint.route("/visions/<int:participant_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def edit_participant_vision(programme_id: int, participant_id: int):
    programme = get_programme(programme_id)
    participant = _participant(programme, participant_id)
    current = services.participant_visions(programme).get(participant.id)
    form = ParticipantVisionForm(obj=current)

    def apply():
        services.save_participant_vision(programme, participant, form.version.data,
                                         form.statement.data or "", form.keywords.data or "")

    if form.is_submitted() and save_form(form, apply, versioned=current):
        flash(_("The vision of %(name)s has been saved.", name=participant.name), "ok")
        return redirect(url_for(".visions", programme_id=programme.id))
    return _form_page(programme, form, _("Vision of %(name)s", name=participant.name),
                      url_for(".visions", programme_id=programme.id), _status(form))

