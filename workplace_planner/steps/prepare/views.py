"""Pages of step 3, Prepare & pilot, under /programmes/<id>/prepare/."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _

from workplace_planner.authorization import Permission, requires
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.module_pages import fill_multi, form_status, render
from workplace_planner.steps.prepare import (
    panel,  # noqa: F401 - registers the panels
    services,
)
from workplace_planner.steps.prepare.choices import DECISIONS
from workplace_planner.steps.prepare.forms import (
    ChampionForm,
    CriterionForm,
    DecisionForm,
    PilotForm,
)
from workplace_planner.steps.prepare.models import (
    Champion,
    PilotCriterion,
    PilotDecision,
    PilotGroup,
)
from workplace_planner.steps.strategy.risks import services as risks
from workplace_planner.steps.strategy.technology import quarters

blueprint = Blueprint("prepare", __name__, url_prefix="/programmes/<int:programme_id>/prepare")
READ, EDIT = Permission.VIEW, Permission.EDIT
LAYOUTS = {p: f"steps/prepare/_{p}_layout.html" for p in ("employee", "organisation")}
MET = {"yes": True, "no": False, "": None}


def _render(name, programme, status=200, **context):
    return render("steps/prepare/" + name, programme, status, quarter=quarters.label,
                  decisions=DECISIONS, **context)


def _form_page(programme, form, layout, heading, status, **extra):
    return render("steps/_form_page.html", programme, status, form=form,
                  layout=LAYOUTS[layout], heading=heading, **extra)


def _pilot_url(pilot):
    return url_for(".pilot", programme_id=pilot.programme_id, pilot_group_id=pilot.id)


# ----------------------------------------------------------------------------- pilots
@blueprint.route("/pilots")
@requires(READ)
def pilots(programme_id: int):
    programme = get_programme(programme_id)
    return _render("pilots.html", programme, pilots=services.list_pilots(
        programme, PilotGroup.personas, PilotGroup.participants, PilotGroup.champions,
        PilotGroup.criteria))


@blueprint.route("/pilots/<int:pilot_group_id>")
@requires(READ)
def pilot(programme_id: int, pilot_group_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(PilotGroup, pilot_group_id, programme)
    return _render("pilot.html", programme, pilot=found,
                   piloted_risks=services.piloted_risks(programme, [found]),
                   risk_labels=risks.CARRIED_LABELS)


def _pilot_form(programme, pilot=None) -> PilotForm:
    form = PilotForm(obj=pilot)
    fill_multi(form.personas, [(p.id, p.name) for p in services.list_personas(programme)],
               pilot.personas if pilot else None, form)
    fill_multi(form.participants, [(p.id, p.name) for p in programme.participants],
               pilot.participants if pilot else None, form)
    fill_multi(form.roadmap_items,
               [(i.id, i.title) for i in services.list_roadmap_items(programme)],
               pilot.roadmap_items if pilot else None, form)
    return form


def _pilot_args(form):
    links = {"persona_ids": form.personas.data, "participant_ids": form.participants.data,
             "item_ids": form.roadmap_items.data}
    fields = {"name": form.name.data, "description": form.description.data or "",
              "size": form.size.data, "starts_on": form.starts_on.data,
              "ends_on": form.ends_on.data}
    return links, fields


@blueprint.route("/pilots/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_pilot(programme_id: int):
    programme = get_programme(programme_id)
    form = _pilot_form(programme)
    created = {}

    def apply():
        links, fields = _pilot_args(form)
        created["pilot"] = services.create_pilot(programme, links, **fields)
        db.session.flush()

    if form.is_submitted() and save_form(form, apply):
        flash(_("The pilot group has been added."), "ok")
        return redirect(_pilot_url(created["pilot"]))
    return _form_page(programme, form, "employee", _("Add a pilot group"), form_status(form),
                      back_url=url_for("personas.gallery", programme_id=programme.id),
                      back_label=_("The personas (step 1)"))


@blueprint.route("/pilots/<int:pilot_group_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_pilot(programme_id: int, pilot_group_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(PilotGroup, pilot_group_id, programme)
    form = _pilot_form(programme, found)

    def apply():
        links, fields = _pilot_args(form)
        services.update_pilot(found, form.version.data, programme, links, **fields)

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The pilot group has been saved."), "ok")
        return redirect(_pilot_url(found))
    return _form_page(programme, form, "employee", _("Edit %(name)s", name=found.name),
                      form_status(form), back_url=_pilot_url(found),
                      back_label=_("Back to the pilot group"),
                      delete_action=url_for(".delete_pilot", programme_id=programme.id,
                                            pilot_group_id=found.id),
                      delete_label=_("Delete the pilot group"))


@blueprint.route("/pilots/<int:pilot_group_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_pilot(programme_id: int, pilot_group_id: int):
    programme = get_programme(programme_id)
    services.delete_pilot(get_in_programme_or_404(PilotGroup, pilot_group_id, programme))
    db.session.commit()
    flash(_("The pilot group has been deleted."), "ok")
    return redirect(url_for(".pilots", programme_id=programme.id))


@blueprint.route("/pilots/<int:pilot_group_id>/decision", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def decide(programme_id: int, pilot_group_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(PilotGroup, pilot_group_id, programme)
    form = DecisionForm(obj=found)
    if not form.is_submitted():
        form.decision.data = found.decision.value

    def apply():
        services.decide_pilot(found, form.version.data, PilotDecision(form.decision.data),
                              form.decided_on.data, form.decision_note.data or "")

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The go/no-go decision has been recorded."), "ok")
        return redirect(_pilot_url(found))
    return _form_page(programme, form, "organisation",
                      _("Go/no-go decision: %(name)s", name=found.name), form_status(form),
                      back_url=_pilot_url(found), back_label=_("Back to the pilot group"))


# ----------------------------------------------------------------------------- criteria
@blueprint.route("/pilots/<int:pilot_group_id>/criteria/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_criterion(programme_id: int, pilot_group_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(PilotGroup, pilot_group_id, programme)
    form = CriterionForm()

    def apply():
        services.add_criterion(found, criterion=form.criterion.data, norm=form.norm.data or "",
                               outcome=form.outcome.data or "", met=MET[form.result.data or ""])

    if form.is_submitted() and save_form(form, apply):
        flash(_("The criterion has been added."), "ok")
        return redirect(_pilot_url(found))
    return _form_page(programme, form, "organisation",
                      _("Add a go/no-go criterion to %(name)s", name=found.name),
                      form_status(form), back_url=_pilot_url(found),
                      back_label=_("Back to the pilot group"))


@blueprint.route("/criteria/<int:criterion_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_criterion(programme_id: int, criterion_id: int):
    programme = get_programme(programme_id)
    criterion = get_in_programme_or_404(PilotCriterion, criterion_id, programme)
    form = CriterionForm(obj=criterion)
    if not form.is_submitted():
        form.result.data = {True: "yes", False: "no"}.get(criterion.met, "")

    def apply():
        services.update_criterion(criterion, form.version.data, criterion=form.criterion.data,
                                  norm=form.norm.data or "", outcome=form.outcome.data or "",
                                  met=MET[form.result.data or ""])

    if form.is_submitted() and save_form(form, apply, versioned=criterion):
        flash(_("The criterion has been saved."), "ok")
        return redirect(_pilot_url(criterion.pilot_group))
    return _form_page(programme, form, "organisation",
                      _("Edit %(name)s", name=criterion.criterion), form_status(form),
                      back_url=_pilot_url(criterion.pilot_group),
                      back_label=_("Back to the pilot group"),
                      delete_action=url_for(".delete_criterion", programme_id=programme.id,
                                            criterion_id=criterion.id),
                      delete_label=_("Delete the criterion"))


@blueprint.route("/criteria/<int:criterion_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_criterion(programme_id: int, criterion_id: int):
    programme = get_programme(programme_id)
    criterion = get_in_programme_or_404(PilotCriterion, criterion_id, programme)
    back = _pilot_url(criterion.pilot_group)
    services.delete_criterion(criterion)
    db.session.commit()
    flash(_("The criterion has been deleted."), "ok")
    return redirect(back)


@blueprint.route("/decisions")
@requires(READ)
def decisions(programme_id: int):
    programme = get_programme(programme_id)
    return _render("decisions.html", programme,
                   pilots=services.list_pilots(programme, PilotGroup.criteria))


# ----------------------------------------------------------------------------- champions
@blueprint.route("/champions")
@requires(READ)
def champions(programme_id: int):
    programme = get_programme(programme_id)
    return _render("champions.html", programme, champions=services.list_champions(programme))


def _champion_form(programme, champion=None) -> ChampionForm:
    form = ChampionForm(obj=champion)
    none = [(0, _("None"))]
    form.participant_id.choices = none + [(p.id, p.name) for p in programme.participants]
    form.persona_id.choices = none + [(p.id, p.name) for p in services.list_personas(programme)]
    form.pilot_id.choices = none + [(p.id, p.name) for p in services.list_pilots(programme)]
    if champion is not None and not form.is_submitted():
        form.participant_id.data = champion.participant_id or 0
        form.persona_id.data = champion.persona_id or 0
        form.pilot_id.data = champion.pilot_group_id or 0
    return form


def _champion_fields(form) -> dict:
    return {"name": form.name.data, "role": form.role.data or "",
            "participant_id": form.participant_id.data or None,
            "persona_id": form.persona_id.data or None, "pilot_id": form.pilot_id.data or None}


@blueprint.route("/champions/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_champion(programme_id: int):
    programme = get_programme(programme_id)
    form = _champion_form(programme)

    def apply():
        services.create_champion(programme, **_champion_fields(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The champion has been added."), "ok")
        return redirect(url_for(".champions", programme_id=programme.id))
    return _form_page(programme, form, "employee", _("Add a champion"), form_status(form),
                      back_url=url_for(".champions", programme_id=programme.id),
                      back_label=_("Back to the champions"))


@blueprint.route("/champions/<int:champion_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_champion(programme_id: int, champion_id: int):
    programme = get_programme(programme_id)
    champion = get_in_programme_or_404(Champion, champion_id, programme)
    form = _champion_form(programme, champion)

    def apply():
        services.update_champion(champion, form.version.data, programme,
                                 **_champion_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=champion):
        flash(_("The champion has been saved."), "ok")
        return redirect(url_for(".champions", programme_id=programme.id))
    return _form_page(programme, form, "employee", _("Edit %(name)s", name=champion.name),
                      form_status(form),
                      back_url=url_for(".champions", programme_id=programme.id),
                      back_label=_("Back to the champions"),
                      delete_action=url_for(".delete_champion", programme_id=programme.id,
                                            champion_id=champion.id),
                      delete_label=_("Delete the champion"))


@blueprint.route("/champions/<int:champion_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_champion(programme_id: int, champion_id: int):
    programme = get_programme(programme_id)
    services.delete_champion(get_in_programme_or_404(Champion, champion_id, programme))
    db.session.commit()
    flash(_("The champion has been deleted."), "ok")
    return redirect(url_for(".champions", programme_id=programme.id))
