"""Pages of step 6, Operate, under /programmes/<id>/operate/."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from workplace_planner.authorization import Permission, requires
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.i18n import format_number
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.module_pages import form_status
from workplace_planner.steps.operate import (
    panel,  # registers the step-page panels and the dashboard checks
    rules,
    services,
)
from workplace_planner.steps.operate.forms import (
    ContractForm,
    LevelMeasurementForm,
    RegieTaskForm,
    RunRoleForm,
    ServiceLevelForm,
)
from workplace_planner.steps.operate.models import (
    Direction,
    Frequency,
    RegieTask,
    RunRole,
    ServiceContract,
    ServiceLevel,
    ServiceLevelMeasurement,
    Sourcing,
)
from workplace_planner.steps.records import render_record_form
from workplace_planner.steps.strategy.technology import services as technology

blueprint = Blueprint("operate", __name__, url_prefix="/programmes/<int:programme_id>/operate")
READ, EDIT = Permission.VIEW, Permission.EDIT
LAYOUT = "steps/operate/_layout.html"


def _render(name: str, programme, **context):
    return render_template("steps/operate/" + name, programme=programme, labels=panel.LABELS,
                           **context)


def _months() -> int:
    months = request.args.get("months", type=int)
    return months if months is not None and 1 <= months <= 60 else services.RENEWAL_MONTHS


def _enum_fields(form, obj, *names) -> None:
    if obj is not None and not form.is_submitted():
        for name in names:
            getattr(form, name).data = getattr(obj, name).value


# ----------------------------------------------------------------------------- run organisation
@blueprint.route("")
@requires(READ)
def run_organisation(programme_id: int):
    programme = get_programme(programme_id)
    roles = services.list_roles(programme)
    return _render("run_organisation.html", programme, roles=roles,
                   totals=services.fte_totals(roles), tasks=services.list_tasks(programme))


def _record_page(programme, form, record, heading_new, heading_edit, back, delete_endpoint,
                 id_name, intro=None):
    delete = record and url_for(delete_endpoint, programme_id=programme.id,
                                **{id_name: record.id})
    return render_record_form(LAYOUT, programme, form, heading_edit if record else heading_new,
                              back, delete_url=delete, status=form_status(form), intro=intro)


def _save_role(programme_id: int, run_role_id: int | None):
    programme = get_programme(programme_id)
    role = run_role_id and get_in_programme_or_404(RunRole, run_role_id, programme)
    form = RunRoleForm(obj=role or None)
    _enum_fields(form, role, "sourcing")

    def apply():
        services.save_role(programme, role or None, form.version.data, name=form.name.data,
                           fte=form.fte.data, sourcing=Sourcing(form.sourcing.data),
                           supplier=form.supplier.data or "", note=form.note.data or "")

    if form.is_submitted() and save_form(form, apply, versioned=role or None):
        flash(_("The role has been saved."), "ok")
        return redirect(url_for(".run_organisation", programme_id=programme.id))
    return _record_page(programme, form, role, _("Add a role"), _("Edit the role"),
                        url_for(".run_organisation", programme_id=programme.id),
                        ".delete_role", "run_role_id")


@blueprint.route("/roles/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_role(programme_id: int):
    return _save_role(programme_id, None)


@blueprint.route("/roles/<int:run_role_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_role(programme_id: int, run_role_id: int):
    return _save_role(programme_id, run_role_id)


@blueprint.route("/roles/<int:run_role_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_role(programme_id: int, run_role_id: int):
    programme = get_programme(programme_id)
    services.delete_record(get_in_programme_or_404(RunRole, run_role_id, programme))
    db.session.commit()
    flash(_("The role has been deleted."), "ok")
    return redirect(url_for(".run_organisation", programme_id=programme.id))


def _save_task(programme_id: int, regie_task_id: int | None):
    programme = get_programme(programme_id)
    task = regie_task_id and get_in_programme_or_404(RegieTask, regie_task_id, programme)
    form = RegieTaskForm(obj=task or None)
    _enum_fields(form, task, "frequency")

    def apply():
        services.save_record(programme, RegieTask, task or None, form.version.data,
                             title=form.title.data, owner=form.owner.data,
                             frequency=Frequency(form.frequency.data),
                             note=form.note.data or "")

    if form.is_submitted() and save_form(form, apply, versioned=task or None):
        flash(_("The task has been saved."), "ok")
        return redirect(url_for(".run_organisation", programme_id=programme.id))
    return _record_page(programme, form, task, _("Add a vendor-management task"),
                        _("Edit the vendor-management task"),
                        url_for(".run_organisation", programme_id=programme.id),
                        ".delete_task", "regie_task_id")


@blueprint.route("/tasks/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_task(programme_id: int):
    return _save_task(programme_id, None)


@blueprint.route("/tasks/<int:regie_task_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_task(programme_id: int, regie_task_id: int):
    return _save_task(programme_id, regie_task_id)


@blueprint.route("/tasks/<int:regie_task_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_task(programme_id: int, regie_task_id: int):
    programme = get_programme(programme_id)
    services.delete_record(get_in_programme_or_404(RegieTask, regie_task_id, programme))
    db.session.commit()
    flash(_("The task has been deleted."), "ok")
    return redirect(url_for(".run_organisation", programme_id=programme.id))


# ----------------------------------------------------------------------------- contracts
@blueprint.route("/contracts")
@requires(READ)
def contracts(programme_id: int):
    programme = get_programme(programme_id)
    months = _months()
    rows = services.contract_rows(programme, date.today(), months)
    return _render("contracts.html", programme, rows=rows, months=months,
                   running_value=services.running_value(rows), statuses=panel.RENEWAL)


def _save_contract(programme_id: int, service_contract_id: int | None):
    programme = get_programme(programme_id)
    contract = service_contract_id and get_in_programme_or_404(
        ServiceContract, service_contract_id, programme)
    form = ContractForm(obj=contract or None)
    form.systems.choices = [(s.id, s.name) for s in technology.list_systems(programme)]
    if contract and not form.is_submitted():
        form.systems.data = [s.id for s in contract.systems]
    saved = {}

    def apply():
        saved["contract"] = services.save_contract(
            programme, contract or None, form.version.data, system_ids=form.systems.data,
            supplier=form.supplier.data, subject=form.subject.data,
            starts_on=form.starts_on.data, ends_on=form.ends_on.data,
            notice_months=form.notice_months.data or 0, renewal_on=form.renewal_on.data,
            annual_value=form.annual_value.data, owner=form.owner.data or "",
            note=form.note.data or "")

    if form.is_submitted() and save_form(form, apply, versioned=contract or None):
        flash(_("The contract has been saved."), "ok")
        return redirect(url_for(".contract", programme_id=programme.id,
                                service_contract_id=saved["contract"].id))
    back = (url_for(".contract", programme_id=programme.id, service_contract_id=contract.id)
            if contract else url_for(".contracts", programme_id=programme.id))
    return _record_page(programme, form, contract, _("Add a contract"), _("Edit the contract"),
                        back, ".delete_contract", "service_contract_id")


@blueprint.route("/contracts/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_contract(programme_id: int):
    return _save_contract(programme_id, None)


@blueprint.route("/contracts/<int:service_contract_id>")
@requires(READ)
def contract(programme_id: int, service_contract_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(ServiceContract, service_contract_id, programme)
    row = next(r for r in services.contract_rows(programme, date.today(), _months())
               if r.contract is found)
    return _render("contract.html", programme, row=row, contract=found,
                   summaries=services.level_summaries(found), statuses=panel.RENEWAL)


@blueprint.route("/contracts/<int:service_contract_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_contract(programme_id: int, service_contract_id: int):
    return _save_contract(programme_id, service_contract_id)


@blueprint.route("/contracts/<int:service_contract_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_contract(programme_id: int, service_contract_id: int):
    programme = get_programme(programme_id)
    services.delete_record(get_in_programme_or_404(ServiceContract, service_contract_id,
                                                   programme))
    db.session.commit()
    flash(_("The contract has been deleted."), "ok")
    return redirect(url_for(".contracts", programme_id=programme.id))


# ----------------------------------------------------------------------------- service levels
@blueprint.route("/service-levels")
@requires(READ)
def service_levels(programme_id: int):
    programme = get_programme(programme_id)
    return _render("service_levels.html", programme,
                   contracts=[(c, services.level_summaries(c))
                              for c in services.list_contracts(programme)])


def _save_level(programme, contract, level):
    form = ServiceLevelForm(obj=level)
    _enum_fields(form, level, "direction")

    def apply():
        services.save_service_level(programme, contract, level, form.version.data,
                                    name=form.name.data, norm=form.norm.data,
                                    unit=form.unit.data, direction=Direction(form.direction.data))

    back = url_for(".contract", programme_id=programme.id, service_contract_id=contract.id)
    if form.is_submitted() and save_form(form, apply, versioned=level):
        flash(_("The service level has been saved."), "ok")
        return redirect(back)
    return _record_page(programme, form, level, _("Add a service level"),
                        _("Edit the service level"), back, ".delete_level", "service_level_id",
                        intro=_("Contract: %(supplier)s, %(subject)s", supplier=contract.supplier,
                                subject=contract.subject))


@blueprint.route("/contracts/<int:service_contract_id>/levels/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_level(programme_id: int, service_contract_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(ServiceContract, service_contract_id, programme)
    return _save_level(programme, found, None)


@blueprint.route("/levels/<int:service_level_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_level(programme_id: int, service_level_id: int):
    programme = get_programme(programme_id)
    level = get_in_programme_or_404(ServiceLevel, service_level_id, programme)
    return _save_level(programme, level.contract, level)


@blueprint.route("/levels/<int:service_level_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_level(programme_id: int, service_level_id: int):
    programme = get_programme(programme_id)
    level = get_in_programme_or_404(ServiceLevel, service_level_id, programme)
    contract_id = level.service_contract_id
    services.delete_record(level)
    db.session.commit()
    flash(_("The service level has been deleted."), "ok")
    return redirect(url_for(".contract", programme_id=programme.id,
                            service_contract_id=contract_id))


@blueprint.route("/levels/<int:service_level_id>/measurements/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_level_measurement(programme_id: int, service_level_id: int):
    programme = get_programme(programme_id)
    level = get_in_programme_or_404(ServiceLevel, service_level_id, programme)
    form = LevelMeasurementForm()

    def apply():
        services.save_level_measurement(
            programme, level, period_start=form.period_start.data.replace(day=1),
            value=form.value.data, note=form.note.data or "")

    back = url_for(".contract", programme_id=programme.id,
                   service_contract_id=level.service_contract_id)
    if form.is_submitted() and save_form(form, apply):
        flash(_("The measured value has been recorded."), "ok")
        return redirect(back)
    return render_record_form(
        LAYOUT, programme, form, _("Record a value of %(name)s", name=level.name), back,
        status=form_status(form),
        intro=_("Norm: %(direction)s %(norm)s %(unit)s.",
                direction=panel.LABELS["directions"][level.direction],
                norm=format_number(level.norm), unit=level.unit))


@blueprint.route("/level-measurements/<int:service_level_measurement_id>/delete",
                 methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_level_measurement(programme_id: int, service_level_measurement_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(ServiceLevelMeasurement, service_level_measurement_id,
                                    programme)
    contract_id = found.service_level.service_contract_id
    services.delete_record(found)
    db.session.commit()
    flash(_("The measured value has been deleted."), "ok")
    return redirect(url_for(".contract", programme_id=programme.id,
                            service_contract_id=contract_id))


__all__ = ["blueprint", "rules"]
