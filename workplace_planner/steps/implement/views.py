"""Pages of step 4, Implement & migrate, under /programmes/<id>/implement/."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from workplace_planner import audit
from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.downloads import table_download
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.i18n import format_money
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.implement import (
    charts,
    panel,  # noqa: F401 - registers the panels
    services,
    transfer,
)
from workplace_planner.steps.implement.choices import TRAINING_STATUSES, WAVE_STATUSES
from workplace_planner.steps.implement.forms import ActualForm, CommunicationForm, wave_form
from workplace_planner.steps.implement.models import (
    BudgetActual,
    CommunicationItem,
    MigrationWave,
    TrainingStatus,
    WaveStatus,
)
from workplace_planner.steps.module_pages import fill_multi, form_status, render
from workplace_planner.steps.strategy.organisation.forms import CATEGORY_LABELS
from workplace_planner.steps.strategy.technology import quarters

blueprint = Blueprint("implement", __name__,
                      url_prefix="/programmes/<int:programme_id>/implement")
READ, EDIT = Permission.VIEW, Permission.EDIT
LAYOUTS = {p: f"steps/implement/_{p}_layout.html"
           for p in ("employee", "technology", "organisation")}


def _render(name, programme, status=200, **context):
    return render("steps/implement/" + name, programme, status, quarter=quarters.label,
                  wave_statuses=WAVE_STATUSES, training_statuses=TRAINING_STATUSES,
                  categories=CATEGORY_LABELS, **context)


def _form_page(programme, form, layout, heading, status, **extra):
    return render("steps/_form_page.html", programme, status, form=form,
                  layout=LAYOUTS[layout], heading=heading, **extra)


# ----------------------------------------------------------------------------- waves
@blueprint.route("/waves")
@requires(READ)
def waves(programme_id: int):
    programme = get_programme(programme_id)
    found = services.list_waves(programme, links=True)
    return _render("waves.html", programme, waves=found,
                   outside={w.id: services.items_outside(w) for w in found},
                   progress=services.persona_progress(programme, found))


def _quarter_choices(programme, *current):
    span = quarters.span(programme.start_year, programme.end_year + 1)
    extra = [q for q in current if q and q not in span]
    return [(0, _("Not planned yet"))] + [(q, quarters.label(q)) for q in sorted(span + extra)]


def _wave_form(programme, wave=None):
    personas = services.list_personas(programme, headcounts=True)
    others = [w for w in services.list_waves(programme) if w is not wave]
    remaining = {p.id: p.headcount - sum(w.users_for(p.id) for w in others) for p in personas}
    form = wave_form(personas, remaining, obj=wave)
    choices = _quarter_choices(programme, *(
        (wave.start_quarter, wave.end_quarter) if wave else ()))
    form.start_quarter.choices = form.end_quarter.choices = choices
    fill_multi(form.participants, [(p.id, p.name) for p in programme.participants],
               wave.participants if wave else None, form)
    fill_multi(form.roadmap_items,
               [(i.id, f"{i.title} ({quarters.label(i.start_quarter) or '—'})")
                for i in services.list_roadmap_items(programme)],
               wave.roadmap_items if wave else None, form)
    if wave is not None and not form.is_submitted():
        form.status.data = wave.status.value
        form.start_quarter.data = wave.start_quarter or 0
        form.end_quarter.data = wave.end_quarter or 0
        for persona in personas:
            getattr(form, f"users_{persona.id}").data = wave.users_for(persona.id) or None
    return form, personas


def _wave_args(form, personas):
    links = {"participant_ids": form.participants.data, "item_ids": form.roadmap_items.data}
    users = {p.id: getattr(form, f"users_{p.id}").data or 0 for p in personas}
    fields = {"name": form.name.data, "status": WaveStatus(form.status.data),
              "start_quarter": form.start_quarter.data or None,
              "end_quarter": form.end_quarter.data or None, "notes": form.notes.data or ""}
    return links, users, fields


def _roadmap_back(programme):
    return {"back_url": url_for("technology.roadmap_timeline", programme_id=programme.id),
            "back_label": _("Roadmap timeline (step 1)")}


@blueprint.route("/waves/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_wave(programme_id: int):
    programme = get_programme(programme_id)
    form, personas = _wave_form(programme)

    def apply():
        links, users, fields = _wave_args(form, personas)
        services.create_wave(programme, links, users, **fields)

    if form.is_submitted() and save_form(form, apply):
        flash(_("The migration wave has been added."), "ok")
        return redirect(url_for(".waves", programme_id=programme.id))
    return _form_page(programme, form, "technology", _("Add a migration wave"),
                      form_status(form), **_roadmap_back(programme))


@blueprint.route("/waves/<int:wave_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_wave(programme_id: int, wave_id: int):
    programme = get_programme(programme_id)
    wave = get_in_programme_or_404(MigrationWave, wave_id, programme)
    form, personas = _wave_form(programme, wave)

    def apply():
        links, users, fields = _wave_args(form, personas)
        services.update_wave(wave, form.version.data, programme, links, users, **fields)

    if form.is_submitted() and save_form(form, apply, versioned=wave):
        flash(_("The migration wave has been saved."), "ok")
        return redirect(url_for(".waves", programme_id=programme.id))
    return _form_page(programme, form, "technology", _("Edit %(name)s", name=wave.name),
                      form_status(form), **_roadmap_back(programme),
                      delete_action=url_for(".delete_wave", programme_id=programme.id,
                                            wave_id=wave.id),
                      delete_label=_("Delete the wave"))


@blueprint.route("/waves/<int:wave_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_wave(programme_id: int, wave_id: int):
    programme = get_programme(programme_id)
    services.delete_wave(get_in_programme_or_404(MigrationWave, wave_id, programme))
    db.session.commit()
    flash(_("The migration wave has been deleted."), "ok")
    return redirect(url_for(".waves", programme_id=programme.id))


# ----------------------------------------------------------------------------- communication
@blueprint.route("/communication")
@requires(READ)
def communication(programme_id: int):
    programme = get_programme(programme_id)
    return _render("communication.html", programme,
                   per_persona=services.communication_by_persona(programme))


def _communication_form(programme, item=None):
    form = CommunicationForm(obj=item)
    form.measure_id.choices = [(m.id, m.title) for m in services.list_measures(programme)]
    form.persona_id.choices = [(p.id, p.name) for p in services.list_personas(programme)]
    form.wave_id.choices = [(0, _("No wave"))] + [
        (w.id, w.name) for w in services.list_waves(programme)]
    if item is not None and not form.is_submitted():
        form.status.data = item.status.value
        form.wave_id.data = item.wave_id or 0
    elif item is None and not form.is_submitted():
        form.persona_id.data = request.args.get("persona", type=int)
        form.measure_id.data = request.args.get("measure", type=int)
    return form


def _communication_args(form):
    return {"measure_id": form.measure_id.data, "persona_id": form.persona_id.data,
            "wave_id": form.wave_id.data or None,
            "status": TrainingStatus(form.status.data), "note": form.note.data or ""}


def _adoption_back(programme):
    return {"back_url": url_for("personas.adoption", programme_id=programme.id),
            "back_label": _("Adoption framework (step 1)")}


@blueprint.route("/communication/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_communication(programme_id: int):
    programme = get_programme(programme_id)
    form = _communication_form(programme)

    def apply():
        services.create_item(programme, **_communication_args(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The communication or training has been planned."), "ok")
        return redirect(url_for(".communication", programme_id=programme.id))
    return _form_page(programme, form, "employee", _("Plan communication or training"),
                      form_status(form), **_adoption_back(programme))


@blueprint.route("/communication/<int:communication_item_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_communication(programme_id: int, communication_item_id: int):
    programme = get_programme(programme_id)
    item = get_in_programme_or_404(CommunicationItem, communication_item_id, programme)
    form = _communication_form(programme, item)

    def apply():
        services.update_item(item, form.version.data, programme, **_communication_args(form))

    if form.is_submitted() and save_form(form, apply, versioned=item):
        flash(_("The communication or training has been saved."), "ok")
        return redirect(url_for(".communication", programme_id=programme.id))
    return _form_page(
        programme, form, "employee",
        _("Edit %(name)s", name=f"{item.measure.title} · {item.persona.name}"),
        form_status(form), **_adoption_back(programme),
        delete_action=url_for(".delete_communication", programme_id=programme.id,
                              communication_item_id=item.id),
        delete_label=_("Delete from the plan"))


@blueprint.route("/communication/<int:communication_item_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_communication(programme_id: int, communication_item_id: int):
    programme = get_programme(programme_id)
    services.delete_item(
        get_in_programme_or_404(CommunicationItem, communication_item_id, programme))
    db.session.commit()
    flash(_("The communication or training has been removed from the plan."), "ok")
    return redirect(url_for(".communication", programme_id=programme.id))


# ----------------------------------------------------------------------------- budget
@blueprint.route("/budget")
@requires(READ)
def budget(programme_id: int):
    programme = get_programme(programme_id)
    comparison = services.budget_comparison(programme, request.args.get("scenario"))
    return _render("budget.html", programme, comparison=comparison,
                   actuals=services.list_actuals(programme))


@blueprint.route("/budget/chart.svg")
@requires(READ)
def budget_chart(programme_id: int):
    programme = get_programme(programme_id)
    comparison = services.budget_comparison(programme, request.args.get("scenario"))
    if comparison is None:
        inputs = {"years": [], "planned": [], "actual": []}
    else:
        inputs = charts.budget_inputs(comparison, {})
    inputs.update(planned_label=_("Planned"), actual_label=_("Actual"),
                  title=_("Planned and actual spending per year"))
    return chart_response("implement-budget", inputs,
                          lambda figure: charts.draw_budget(figure, inputs, format_money))


@blueprint.route("/budget.<any(csv, xlsx):kind>")
@requires(READ)
def export_budget(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    comparison = services.budget_comparison(programme, request.args.get("scenario"))
    if comparison is None:
        abort(404)
    return table_download(kind, transfer.budget_columns(), transfer.budget_records(comparison),
                          _("Budget and actuals"), "budget-actuals")


def _actual_form(programme, actual=None):
    form = ActualForm(obj=actual)
    years = list(range(programme.start_year, programme.end_year + 1))
    if actual is not None and actual.year not in years:
        years.append(actual.year)
    form.year.choices = [(y, str(y)) for y in sorted(years)]
    return form


def _actual_fields(form):
    return {"year": form.year.data, "category": form.category.data,
            "amount": form.amount.data, "note": form.note.data or ""}


def _budget_back(programme):
    return {"back_url": url_for(".budget", programme_id=programme.id),
            "back_label": _("Back to budget and actuals")}


@blueprint.route("/budget/actuals/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_actual(programme_id: int):
    programme = get_programme(programme_id)
    form = _actual_form(programme)

    def apply():
        services.create_actual(programme, **_actual_fields(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The actual spending has been recorded."), "ok")
        return redirect(url_for(".budget", programme_id=programme.id))
    return _form_page(programme, form, "organisation", _("Record actual spending"),
                      form_status(form), **_budget_back(programme))


@blueprint.route("/budget/actuals/<int:actual_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_actual(programme_id: int, actual_id: int):
    programme = get_programme(programme_id)
    actual = get_in_programme_or_404(BudgetActual, actual_id, programme)
    form = _actual_form(programme, actual)

    def apply():
        services.update_actual(actual, form.version.data, **_actual_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=actual):
        flash(_("The actual spending has been saved."), "ok")
        return redirect(url_for(".budget", programme_id=programme.id))
    return _form_page(programme, form, "organisation", _("Edit actual spending"),
                      form_status(form), **_budget_back(programme),
                      history=audit.history_for(actual),
                      delete_action=url_for(".delete_actual", programme_id=programme.id,
                                            actual_id=actual.id),
                      delete_label=_("Delete the actual spending"))


@blueprint.route("/budget/actuals/<int:actual_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_actual(programme_id: int, actual_id: int):
    programme = get_programme(programme_id)
    services.delete_actual(get_in_programme_or_404(BudgetActual, actual_id, programme))
    db.session.commit()
    flash(_("The actual spending has been deleted."), "ok")
    return redirect(url_for(".budget", programme_id=programme.id))
