"""Pages of step 2, Design, under /programmes/<id>/design/."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _

from workplace_planner.authorization import Permission, requires
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.design import (
    panel,  # noqa: F401 - registers the panels
    services,
)
from workplace_planner.steps.design.choices import (
    PROCUREMENT_KINDS,
    PROCUREMENT_STATUSES,
    SECURITY_LEVELS,
)
from workplace_planner.steps.design.forms import DomainForm, ProcurementForm, ProfileForm
from workplace_planner.steps.design.models import (
    Procurement,
    ProcurementKind,
    ProcurementStatus,
    SecurityLevel,
)
from workplace_planner.steps.module_pages import fill_multi, form_status, render
from workplace_planner.steps.strategy.employee.choices import DEVICES
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.technology import quarters
from workplace_planner.steps.strategy.technology.choices import DOMAINS, Domain

blueprint = Blueprint("design", __name__, url_prefix="/programmes/<int:programme_id>/design")
READ, EDIT = Permission.VIEW, Permission.EDIT
TEMPLATE = "steps/design/"
LAYOUTS = {"employee": "steps/design/_employee_layout.html",
           "technology": "steps/design/_technology_layout.html",
           "organisation": "steps/design/_organisation_layout.html"}


def _render(name, programme, status=200, **context):
    return render(TEMPLATE + name, programme, status, quarter=quarters.label,
                  labels={"devices": DEVICES, "levels": SECURITY_LEVELS, "domains": DOMAINS,
                          "kinds": PROCUREMENT_KINDS, "statuses": PROCUREMENT_STATUSES},
                  **context)


def _form_page(programme, form, layout, heading, status, **extra):
    return render("steps/_form_page.html", programme, status, form=form,
                  layout=LAYOUTS[layout], heading=heading, **extra)


def _item_options(programme):
    return [(i.id, f"{i.title} ({quarters.label(i.start_quarter) or _('not planned yet')})")
            for i in services.list_roadmap_items(programme)]


# ----------------------------------------------------------------------------- profiles
@blueprint.route("/profiles")
@requires(READ)
def profiles(programme_id: int):
    programme = get_programme(programme_id)
    return _render("profiles.html", programme,
                   checks=services.profile_checks(programme, with_headcounts=True))


@blueprint.route("/profiles/<int:persona_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_profile(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    persona = get_in_programme_or_404(Persona, persona_id, programme)
    profile = services.profiles_by_persona(programme).get(persona.id)
    form = ProfileForm(obj=profile)
    kits = services.list_device_kits(programme)
    fill_multi(form.device_kits, [(k.id, k.name) for k in kits])
    form.licence_bundle_id.choices = [(0, _("None"))] + [
        (b.id, b.name) for b in services.list_licence_bundles(programme)]
    if not form.is_submitted():
        if profile is None:
            proposal = services.propose_profile(persona)
            form.device_types.data = proposal["device_types"]
            form.applications.data = proposal["applications"]
            form.licence_bundle_id.data = proposal["licence_bundle_id"] or 0
            form.device_kits.data = proposal["kit_ids"]
        else:
            form.device_kits.data = [k.id for k in profile.device_kits]
            form.licence_bundle_id.data = profile.licence_bundle_id or 0
            form.security_level.data = profile.security_level.value

    def apply():
        services.save_profile(
            programme, persona, form.version.data, form.device_kits.data,
            device_types=[d for d in DEVICES if d in (form.device_types.data or ())],
            applications=form.applications.data or "",
            licence_bundle_id=form.licence_bundle_id.data or None,
            mfa=bool(form.mfa.data), managed_device=bool(form.managed_device.data),
            location_rules=form.location_rules.data or "",
            security_level=SecurityLevel(form.security_level.data),
            notes=form.notes.data or "",
        )

    if form.is_submitted() and save_form(form, apply, versioned=profile):
        flash(_("The workplace profile has been saved."), "ok")
        return redirect(url_for(".profiles", programme_id=programme.id) + f"#persona-{persona.id}")
    needs = services.needs_summary(persona)
    intro = needs if profile else _(
        "A first proposal from what the persona records; check it and save.") + " " + needs
    return _form_page(programme, form, "employee",
                      _("Workplace profile: %(name)s", name=persona.name), form_status(form),
                      intro=intro,
                      back_url=url_for("personas.persona", programme_id=programme.id,
                                       persona_id=persona.id),
                      back_label=_("The persona %(name)s (step 1)", name=persona.name))


# ----------------------------------------------------------------------------- architecture
@blueprint.route("/architecture")
@requires(READ)
def architecture(programme_id: int):
    programme = get_programme(programme_id)
    from workplace_planner.steps.strategy.technology import services as technology

    return _render("architecture.html", programme, domains=services.architecture(programme),
                   ambition=technology.get_ambition(programme),
                   principles=technology.list_principles(programme))


@blueprint.route("/architecture/<any(" + ", ".join(d.value for d in Domain) + "):domain>/edit",
                 methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_domain(programme_id: int, domain: str):
    programme = get_programme(programme_id)
    key = Domain(domain)
    record = services.get_domain_record(programme, key)
    form = DomainForm(obj=record)
    fill_multi(form.roadmap_items, _item_options(programme),
               record.roadmap_items if record else [], form)

    def apply():
        services.save_domain(programme, key, form.version.data, form.roadmap_items.data,
                             solution=form.solution.data, principles=form.principles.data,
                             notes=form.notes.data)

    if form.is_submitted() and save_form(form, apply, versioned=record):
        flash(_("The target architecture has been saved."), "ok")
        return redirect(url_for(".architecture", programme_id=programme.id) + f"#domain-{domain}")
    return _form_page(programme, form, "technology",
                      _("Target architecture: %(domain)s", domain=DOMAINS[key]),
                      form_status(form),
                      back_url=url_for("technology.ambition", programme_id=programme.id),
                      back_label=_("The ambition and the systems (step 1)"))


# ----------------------------------------------------------------------------- procurement
@blueprint.route("/procurements")
@requires(READ)
def procurements(programme_id: int):
    programme = get_programme(programme_id)
    found = services.list_procurements(programme)
    return _render("procurements.html", programme, procurements=found,
                   late={p.id: services.late_items(p) for p in found})


def _procurement_form(programme, procurement=None) -> ProcurementForm:
    form = ProcurementForm(obj=procurement)
    fill_multi(form.roadmap_items, _item_options(programme),
               procurement.roadmap_items if procurement else None, form)
    form.decision_id.choices = [(0, _("None"))] + [
        (d.id, d.question) for d in services.list_decisions(programme)]
    if procurement is not None and not form.is_submitted():
        form.kind.data = procurement.kind.value
        form.status.data = procurement.status.value
        form.decision_id.data = procurement.decision_id or 0
    return form


def _procurement_fields(form) -> dict:
    return {
        "title": form.title.data, "kind": ProcurementKind(form.kind.data),
        "status": ProcurementStatus(form.status.data), "supplier": form.supplier.data or "",
        "publication_date": form.publication_date.data, "award_date": form.award_date.data,
        "contract_start": form.contract_start.data,
        "estimated_value": form.estimated_value.data, "notes": form.notes.data or "",
    }


def _procurement_back(programme) -> dict:
    return {"back_url": url_for("technology.governance_page", programme_id=programme.id),
            "back_label": _("The governance decisions (step 1)")}


@blueprint.route("/procurements/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_procurement(programme_id: int):
    programme = get_programme(programme_id)
    form = _procurement_form(programme)

    def apply():
        services.create_procurement(programme, form.roadmap_items.data,
                                    form.decision_id.data or None, **_procurement_fields(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The procurement has been added."), "ok")
        return redirect(url_for(".procurements", programme_id=programme.id))
    return _form_page(programme, form, "organisation", _("Add a procurement"),
                      form_status(form), **_procurement_back(programme))


@blueprint.route("/procurements/<int:procurement_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_procurement(programme_id: int, procurement_id: int):
    programme = get_programme(programme_id)
    procurement = get_in_programme_or_404(Procurement, procurement_id, programme)
    form = _procurement_form(programme, procurement)

    def apply():
        services.update_procurement(procurement, form.version.data, programme,
                                    form.roadmap_items.data, form.decision_id.data or None,
                                    **_procurement_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=procurement):
        flash(_("The procurement has been saved."), "ok")
        return redirect(url_for(".procurements", programme_id=programme.id))
    return _form_page(
        programme, form, "organisation", _("Edit %(name)s", name=procurement.title),
        form_status(form), **_procurement_back(programme),
        delete_action=url_for(".delete_procurement", programme_id=programme.id,
                              procurement_id=procurement.id),
        delete_label=_("Delete the procurement"))


@blueprint.route("/procurements/<int:procurement_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_procurement(programme_id: int, procurement_id: int):
    programme = get_programme(programme_id)
    services.delete_procurement(get_in_programme_or_404(Procurement, procurement_id, programme))
    db.session.commit()
    flash(_("The procurement has been deleted."), "ok")
    return redirect(url_for(".procurements", programme_id=programme.id))


