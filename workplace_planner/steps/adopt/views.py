"""Pages of step 5, Adopt, under /programmes/<id>/adopt/."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from workplace_planner import tabular
from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.downloads import table_download
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.adopt import (
    charts,
    panel,  # registers the step-page panels and the dashboard checks
    rules,
    services,
    transfer,
)
from workplace_planner.steps.adopt.forms import MeasurementForm, TargetForm
from workplace_planner.steps.adopt.models import AdoptionMeasurement, AdoptionTarget
from workplace_planner.steps.module_pages import form_status
from workplace_planner.steps.records import render_record_form
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.technology.forms import ImportForm

blueprint = Blueprint("adopt", __name__, url_prefix="/programmes/<int:programme_id>/adopt")
READ, EDIT = Permission.VIEW, Permission.EDIT
LAYOUT = "steps/adopt/_layout.html"


def _render(name: str, programme, **context):
    return render_template("steps/adopt/" + name, programme=programme,
                           reasons=panel.REASONS, target_usage_on=_target_usage, **context)


def _target_usage(target, on):
    return rules.target_usage_on(services.line_of(target), on)


@blueprint.route("")
@requires(READ)
def overview(programme_id: int):
    programme = get_programme(programme_id)
    return _render("overview.html", programme,
                   adoption=services.overview(programme, with_measures=True),
                   targets=services.list_targets(programme))


@blueprint.route("/personas/<int:persona_id>")
@requires(READ)
def persona(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Persona, persona_id, programme)
    return _render("persona.html", programme,
                   adoption=services.persona_adoption(programme, found))


@blueprint.route("/personas/<int:persona_id>/chart.svg")
@requires(READ)
def persona_chart(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Persona, persona_id, programme)
    inputs = services.chart_inputs(
        services.persona_adoption(programme, found),
        {"target": _("target line"), "usage": _("usage (percent)"),
         "empty": _("No measurements yet.")},
    )
    return chart_response("adopt-persona", inputs,
                          lambda figure: charts.draw_adoption(figure, inputs),
                          width=8.0, height=4.0)


# ----------------------------------------------------------------------------- measurements
@blueprint.route("/measurements")
@requires(READ)
def measurements(programme_id: int):
    programme = get_programme(programme_id)
    return _render("measurements.html", programme,
                   measurements=services.list_measurements(programme))


def _measurement_form(programme, measurement=None) -> MeasurementForm:
    form = MeasurementForm(obj=measurement)
    form.persona_id.choices = [(p.id, p.name) for p in services.list_personas(programme)]
    form.participant_id.choices = [(0, _("Whole organisation"))] + [
        (p.id, p.name) for p in programme.participants]
    if measurement is not None and not form.is_submitted():
        form.participant_id.data = measurement.participant_id or 0
    return form


def _measurement_values(form) -> dict:
    return {"measured_on": form.measured_on.data, "usage_pct": form.usage_pct.data,
            "satisfaction": form.satisfaction.data,
            "tickets_per_100": form.tickets_per_100.data, "note": form.note.data or ""}


def _measurement_page(programme, form, measurement):
    back = url_for(".measurements", programme_id=programme.id)
    delete = measurement and url_for(".delete_measurement", programme_id=programme.id,
                                     adoption_measurement_id=measurement.id)
    heading = _("Edit the measurement") if measurement else _("Record a measurement")
    return render_record_form(
        LAYOUT, programme, form, heading, back, delete_url=delete, status=form_status(form),
        intro=_("Usage is the percent of the persona's employees in that municipality who "
                "actively use the new workplace; support tickets are counted per 100 users "
                "over the four weeks before the date."),
    )


@blueprint.route("/measurements/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_measurement(programme_id: int):
    programme = get_programme(programme_id)
    form = _measurement_form(programme)

    def apply():
        services.create_measurement(programme, form.persona_id.data, form.participant_id.data,
                                    **_measurement_values(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The measurement has been recorded."), "ok")
        return redirect(url_for(".overview", programme_id=programme.id))
    return _measurement_page(programme, form, None)


@blueprint.route("/measurements/<int:adoption_measurement_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_measurement(programme_id: int, adoption_measurement_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(AdoptionMeasurement, adoption_measurement_id, programme)
    form = _measurement_form(programme, found)

    def apply():
        services.update_measurement(found, form.version.data, programme, form.persona_id.data,
                                    form.participant_id.data, **_measurement_values(form))

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The measurement has been saved."), "ok")
        return redirect(url_for(".measurements", programme_id=programme.id))
    return _measurement_page(programme, form, found)


@blueprint.route("/measurements/<int:adoption_measurement_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_measurement(programme_id: int, adoption_measurement_id: int):
    programme = get_programme(programme_id)
    services.delete_record(
        get_in_programme_or_404(AdoptionMeasurement, adoption_measurement_id, programme))
    db.session.commit()
    flash(_("The measurement has been deleted."), "ok")
    return redirect(url_for(".measurements", programme_id=programme.id))


def _columns(programme):
    return transfer.measurement_columns(programme, services.list_personas(programme))


@blueprint.route("/measurements.<any(csv, xlsx):kind>")
@requires(READ)
def export_measurements(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    records = transfer.measurement_records(services.list_measurements(programme))
    return table_download(kind, _columns(programme), records, _("Measurements"),
                          "adoption-measurements")


@blueprint.route("/measurements-template.<any(csv, xlsx):kind>")
@requires(READ)
def measurements_template(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    columns = _columns(programme)
    return table_download(kind, columns, tabular.template_records(columns), _("Measurements"),
                          "adoption-measurements-template")


@blueprint.route("/measurements/import", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def import_measurements(programme_id: int):
    programme = get_programme(programme_id)
    form = ImportForm()
    errors = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            rows = tabular.read_table(upload.read(), upload.filename)
        except tabular.TableFileError as error:
            form.file.errors = [str(error)]
        else:
            result = tabular.parse_table(rows, _columns(programme))
            errors = result.errors
            if result.ok:
                added, updated = services.import_measurements(programme, result.records)
                db.session.commit()
                flash(_("Import done: %(added)d added, %(updated)d updated.",
                        added=added, updated=updated), "ok")
                return redirect(url_for(".measurements", programme_id=programme.id))
    return render_template("steps/adopt/import.html", programme=programme, form=form,
                           errors=errors, columns=_columns(programme)), form_status(form)


# ----------------------------------------------------------------------------- targets
def _target_form(programme, target=None) -> TargetForm:
    form = TargetForm(obj=target)
    form.persona_id.choices = [(0, _("Every persona without a target of its own"))] + [
        (p.id, p.name) for p in services.list_personas(programme)]
    if target is not None and not form.is_submitted():
        form.persona_id.data = target.persona_id or 0
    return form


def _target_values(form) -> dict:
    return {"starts_on": form.starts_on.data, "target_date": form.target_date.data,
            "usage_pct": form.usage_pct.data, "satisfaction": form.satisfaction.data,
            "tickets_per_100": form.tickets_per_100.data, "note": form.note.data or ""}


def _target_page(programme, form, target):
    back = url_for(".overview", programme_id=programme.id)
    delete = target and url_for(".delete_target", programme_id=programme.id,
                                adoption_target_id=target.id)
    heading = _("Edit the target") if target else _("Set a target")
    return render_record_form(
        LAYOUT, programme, form, heading, back, delete_url=delete, status=form_status(form),
        intro=_("Usage should grow in a straight line from 0 percent at go-live to the target "
                "usage on the target date. Satisfaction and tickets count from the target "
                "date on."),
    )


@blueprint.route("/targets/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_target(programme_id: int):
    programme = get_programme(programme_id)
    form = _target_form(programme)

    def apply():
        services.create_target(programme, form.persona_id.data, **_target_values(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The target has been set."), "ok")
        return redirect(url_for(".overview", programme_id=programme.id))
    return _target_page(programme, form, None)


@blueprint.route("/targets/<int:adoption_target_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_target(programme_id: int, adoption_target_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(AdoptionTarget, adoption_target_id, programme)
    form = _target_form(programme, found)

    def apply():
        services.update_target(found, form.version.data, programme, form.persona_id.data,
                               **_target_values(form))

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The target has been saved."), "ok")
        return redirect(url_for(".overview", programme_id=programme.id))
    return _target_page(programme, form, found)


@blueprint.route("/targets/<int:adoption_target_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_target(programme_id: int, adoption_target_id: int):
    programme = get_programme(programme_id)
    services.delete_record(get_in_programme_or_404(AdoptionTarget, adoption_target_id,
                                                   programme))
    db.session.commit()
    flash(_("The target has been deleted."), "ok")
    return redirect(url_for(".overview", programme_id=programme.id))
