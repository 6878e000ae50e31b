"""Personas, interviews, the adoption framework and the catalogues of a programme."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from workplace_planner import tabular
from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.downloads import table_download
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.pdf import pdf_response
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.strategy.employee import charts, panel, services, transfer  # noqa: F401
from workplace_planner.steps.strategy.employee.choices import (
    CHANNELS,
    DEVICES,
    MOBILITY,
    SKILL_LEVELS,
    WORK_LOCATIONS,
    labels,
)
from workplace_planner.steps.strategy.employee.forms import (
    AdoptionMeasureForm,
    DeviceKitForm,
    ImportForm,
    InterviewForm,
    LicenceBundleForm,
    PersonaForm,
    QuickPersonaForm,
    headcount_field_name,
    with_headcount_fields,
)
from workplace_planner.steps.strategy.employee.models import (
    AdoptionMeasure,
    DeviceKit,
    Interview,
    LicenceBundle,
    Persona,
)

blueprint = Blueprint(
    "personas", __name__, url_prefix="/programmes/<int:programme_id>/personas"
)
READ, WORKSHOP, EDIT = Permission.VIEW, Permission.EDIT_WORKSHOP, Permission.EDIT
CATALOGUES = {
    "licences": (LicenceBundle, LicenceBundleForm),
    "devices": (DeviceKit, DeviceKitForm),
}
TEMPLATE = "steps/strategy/employee/"


def _render(name: str, programme, status: int = 200, **context):
    return render_template(
        TEMPLATE + name,
        programme=programme,
        choice_labels={
            "work_locations": WORK_LOCATIONS, "devices": DEVICES, "mobility": MOBILITY,
            "channels": CHANNELS, "skill": SKILL_LEVELS,
        },
        labels=labels,
        **context,
    ), status


# ----------------------------------------------------------------------------- personas
@blueprint.route("")
@requires(READ)
def gallery(programme_id: int):
    programme = get_programme(programme_id)
    personas = services.list_personas(programme)
    return _render(
        "gallery.html", programme,
        personas=personas,
        workforce=services.workforce(programme, personas),
        interview_counts=services.interview_counts(programme),
        columns=services.headcount_columns(programme),
    )


def _persona_form(form_class, programme, persona=None):
    columns = services.headcount_columns(programme)
    form = with_headcount_fields(form_class, columns)(obj=persona)
    if persona is not None and not form.is_submitted():
        for participant in columns:
            getattr(form, headcount_field_name(participant)).data = persona.headcount_for(
                participant.id if participant else None
            )
        if hasattr(form, "digital_skill"):
            form.digital_skill.data = str(persona.digital_skill or "")
            form.mobility.data = persona.mobility or ""
    if hasattr(form, "licence_bundle_id"):
        none = [(0, _("None chosen"))]
        form.licence_bundle_id.choices = none + [
            (b.id, f"{b.name}") for b in services.list_catalogue(programme, LicenceBundle)
        ]
        form.device_kit_id.choices = none + [
            (k.id, k.name) for k in services.list_catalogue(programme, DeviceKit)
        ]
        if persona is not None and not form.is_submitted():
            form.licence_bundle_id.data = persona.licence_bundle_id or 0
            form.device_kit_id.data = persona.device_kit_id or 0
    return form, columns


@blueprint.route("/new", methods=["GET", "POST"])
@requires(WORKSHOP)
def new_persona(programme_id: int):
    programme = get_programme(programme_id)
    form, columns = _persona_form(QuickPersonaForm, programme)
    created = {}

    def apply():
        created["persona"] = services.create_persona(
            programme, form.headcounts(columns),
            name=form.name.data, role=form.role.data.strip(),
        )

    if form.is_submitted() and save_form(form, apply):
        persona = created["persona"]
        flash(_("%(name)s has been added. Complete the persona whenever you like.",
                name=persona.name), "ok")
        if request.form.get("next") == "another":
            return redirect(url_for(".new_persona", programme_id=programme.id))
        return redirect(url_for(".persona", programme_id=programme.id, persona_id=persona.id))
    return _render("new.html", programme, 422 if form.is_submitted() else 200,
                   form=form, columns=columns)


@blueprint.route("/<int:persona_id>")
@requires(READ)
def persona(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Persona, persona_id, programme)
    return _render("persona.html", programme, persona=found,
                   columns=services.headcount_columns(programme),
                   licence_cost=services.licence_cost_per_month(found))


@blueprint.route("/<int:persona_id>/edit", methods=["GET", "POST"])
@requires(WORKSHOP)
def edit_persona(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Persona, persona_id, programme)
    form, columns = _persona_form(PersonaForm, programme, found)

    def apply():
        services.update_persona(
            found, programme, form.version.data, form.headcounts(columns), **form.persona_fields()
        )

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("%(name)s has been saved.", name=found.name), "ok")
        return redirect(url_for(".persona", programme_id=programme.id, persona_id=found.id))
    return _render("edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, persona=found, columns=columns)


@blueprint.route("/<int:persona_id>/duplicate", methods=["POST"])
@requires(WORKSHOP)
def duplicate_persona(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    original = get_in_programme_or_404(Persona, persona_id, programme)
    copy = services.duplicate_persona(original, programme)
    db.session.commit()
    flash(_("A copy of %(name)s has been made: give it its own name and details.",
            name=original.name), "ok")
    return redirect(url_for(".edit_persona", programme_id=programme.id, persona_id=copy.id))


@blueprint.route("/<int:persona_id>/delete", methods=["POST"])
@requires(WORKSHOP)
def delete_persona(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Persona, persona_id, programme)
    name = found.name
    services.delete_persona(found)
    db.session.commit()
    flash(_("%(name)s has been removed.", name=name), "ok")
    return redirect(url_for(".gallery", programme_id=programme.id))


# ----------------------------------------------------------------------------- cards
def _cards_html(programme, personas) -> str:
    return render_template(
        TEMPLATE + "cards.html", programme=programme, personas=personas,
        columns=services.headcount_columns(programme),
        choice_labels={"work_locations": WORK_LOCATIONS, "devices": DEVICES,
                       "mobility": MOBILITY, "channels": CHANNELS, "skill": SKILL_LEVELS},
        labels=labels, interview_counts=services.interview_counts(programme),
    )


@blueprint.route("/<int:persona_id>/card")
@requires(READ)
def card(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    return _cards_html(programme, [get_in_programme_or_404(Persona, persona_id, programme)])


@blueprint.route("/<int:persona_id>/card.pdf")
@requires(READ)
def card_pdf(programme_id: int, persona_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(Persona, persona_id, programme)
    return pdf_response(_cards_html(programme, [found]), f"persona-{found.id}.pdf")


@blueprint.route("/cards")
@requires(READ)
def cards(programme_id: int):
    programme = get_programme(programme_id)
    return _cards_html(programme, services.list_personas(programme))


@blueprint.route("/cards.pdf")
@requires(READ)
def cards_pdf(programme_id: int):
    programme = get_programme(programme_id)
    return pdf_response(
        _cards_html(programme, services.list_personas(programme)), "personas.pdf"
    )


@blueprint.route("/workforce.svg")
@requires(READ)
def workforce_chart(programme_id: int):
    programme = get_programme(programme_id)
    personas = services.list_personas(programme)
    inputs = charts.workforce_inputs(personas, services.headcount_columns(programme))
    return chart_response(
        "workforce", inputs, charts.draw_workforce(inputs, _("Employees")),
        height=charts.chart_height(personas),
    )


# ----------------------------------------------------------------------------- import/export
@blueprint.route("/export.<any(csv, xlsx):kind>")
@requires(READ)
def export(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    records = transfer.persona_records(programme, services.list_personas(programme))
    return table_download(kind, transfer.persona_columns(programme), records, _("Personas"),
                          "personas")


@blueprint.route("/template.<any(csv, xlsx):kind>")
@requires(READ)
def template(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    columns = transfer.persona_columns(programme)
    return table_download(kind, columns, tabular.template_records(columns), _("Personas"),
                          "personas-template")


@blueprint.route("/import", methods=["GET", "POST"])
@requires(WORKSHOP)
def import_personas(programme_id: int):
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
            result = transfer.check_import(programme, rows)
            if result.ok:
                summary = transfer.import_personas(programme, result.records)
                db.session.commit()
                flash(_("Import done: %(added)d added, %(updated)d updated.",
                        added=summary.added, updated=summary.updated), "ok")
                return redirect(url_for(".gallery", programme_id=programme.id))
            errors = result.errors
    status = 422 if form.is_submitted() else 200
    return _render("import.html", programme, status, form=form, errors=errors,
                   columns=transfer.persona_columns(programme))


# ----------------------------------------------------------------------------- interviews
def _interview_form(programme, interview=None):
    form = InterviewForm(obj=interview)
    form.participant_id.choices = [(0, _("Not recorded"))] + [
        (p.id, p.name) for p in programme.participants
    ]
    form.personas.choices = [(p.id, p.name) for p in services.list_personas(programme)]
    if interview is not None and not form.is_submitted():
        form.participant_id.data = interview.participant_id or 0
        form.personas.data = [p.id for p in interview.personas]
    return form


def _interview_fields(form) -> dict:
    return {
        "held_on": form.held_on.data,
        "interviewer": form.interviewer.data.strip(),
        "interviewee_role": form.interviewee_role.data.strip(),
        "participant_id": form.participant_id.data or None,
        "notes": (form.notes.data or "").strip(),
    }


@blueprint.route("/interviews", methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def interviews(programme_id: int):
    programme = get_programme(programme_id)
    form = _interview_form(programme)

    def apply():
        services.save_interview(programme, persona_ids=form.personas.data,
                                **_interview_fields(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The interview has been recorded."), "ok")
        return redirect(url_for(".interviews", programme_id=programme.id))
    return _render("interviews.html", programme, 422 if form.is_submitted() else 200,
                   form=form, interviews=services.list_interviews(programme))


@blueprint.route("/interviews/<int:interview_id>", methods=["GET", "POST"])
@requires(WORKSHOP)
def edit_interview(programme_id: int, interview_id: int):
    programme = get_programme(programme_id)
    interview = get_in_programme_or_404(Interview, interview_id, programme)
    form = _interview_form(programme, interview)

    def apply():
        services.save_interview(programme, interview, form.version.data,
                                persona_ids=form.personas.data, **_interview_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=interview):
        flash(_("The interview has been saved."), "ok")
        return redirect(url_for(".interviews", programme_id=programme.id))
    return _render("interview_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, interview=interview)


@blueprint.route("/interviews/<int:interview_id>/delete", methods=["POST"])
@requires(WORKSHOP)
def delete_interview(programme_id: int, interview_id: int):
    programme = get_programme(programme_id)
    db.session.delete(get_in_programme_or_404(Interview, interview_id, programme))
    db.session.commit()
    flash(_("The interview has been removed."), "ok")
    return redirect(url_for(".interviews", programme_id=programme.id))


# ----------------------------------------------------------------------------- adoption
def _measure_form(programme, measure=None):
    form = AdoptionMeasureForm(obj=measure)
    form.personas.choices = [(p.id, p.name) for p in services.list_personas(programme)]
    if measure is not None and not form.is_submitted():
        form.personas.data = [p.id for p in measure.personas]
    return form


def _measure_fields(form) -> dict:
    return {
        "title": form.title.data.strip(),
        "channel": form.channel.data,
        "support_point": (form.support_point.data or "").strip(),
        "self_service": (form.self_service.data or "").strip(),
        "timing": (form.timing.data or "").strip(),
        "notes": (form.notes.data or "").strip(),
    }


@blueprint.route("/adoption")
@requires(READ)
def adoption(programme_id: int):
    programme = get_programme(programme_id)
    return _render("adoption.html", programme, coverage=services.coverage(programme))


@blueprint.route("/adoption/new", methods=["GET", "POST"])
@requires(EDIT)
def new_measure(programme_id: int):
    programme = get_programme(programme_id)
    form = _measure_form(programme)

    def apply():
        services.save_measure(programme, persona_ids=form.personas.data, **_measure_fields(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The adoption measure has been added."), "ok")
        return redirect(url_for(".adoption", programme_id=programme.id))
    return _render("measure_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, measure=None)


@blueprint.route("/adoption/<int:measure_id>", methods=["GET", "POST"])
@requires(EDIT)
def edit_measure(programme_id: int, measure_id: int):
    programme = get_programme(programme_id)
    measure = get_in_programme_or_404(AdoptionMeasure, measure_id, programme)
    form = _measure_form(programme, measure)

    def apply():
        services.save_measure(programme, measure, form.version.data,
                              persona_ids=form.personas.data, **_measure_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=measure):
        flash(_("The adoption measure has been saved."), "ok")
        return redirect(url_for(".adoption", programme_id=programme.id))
    return _render("measure_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, measure=measure)


@blueprint.route("/adoption/<int:measure_id>/delete", methods=["POST"])
@requires(EDIT)
def delete_measure(programme_id: int, measure_id: int):
    programme = get_programme(programme_id)
    db.session.delete(get_in_programme_or_404(AdoptionMeasure, measure_id, programme))
    db.session.commit()
    flash(_("The adoption measure has been removed."), "ok")
    return redirect(url_for(".adoption", programme_id=programme.id))


# ----------------------------------------------------------------------------- catalogues
def _catalogue_page(programme, forms=None, status=200):
    forms = forms or {}
    return _render(
        "catalogue.html", programme, status,
        licences=services.list_catalogue(programme, LicenceBundle),
        devices=services.list_catalogue(programme, DeviceKit),
        licence_form=forms.get("licences") or LicenceBundleForm(formdata=None),
        device_form=forms.get("devices") or DeviceKitForm(formdata=None),
    )


def _catalogue_fields(form) -> dict:
    return {name: (f.data.strip() if isinstance(f.data, str) else f.data)
            for name, f in form._fields.items() if name not in ("csrf_token", "version")}


@blueprint.route("/catalogue")
@requires(READ)
def catalogue(programme_id: int):
    return _catalogue_page(get_programme(programme_id))


@blueprint.route("/catalogue/<any(licences, devices):kind>", methods=["POST"])
@requires(EDIT)
def add_catalogue_item(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    model, form_class = CATALOGUES[kind]
    form = form_class()

    def apply():
        services.save_catalogue_item(programme, model, **_catalogue_fields(form))

    if save_form(form, apply):
        flash(_("%(name)s has been added to the catalogue.", name=form.name.data), "ok")
        return redirect(url_for(".catalogue", programme_id=programme.id))
    return _catalogue_page(programme, {kind: form}, 422)


@blueprint.route("/catalogue/<any(licences, devices):kind>/<int:catalogue_item_id>",
                 methods=["GET", "POST"])
@requires(EDIT)
def edit_catalogue_item(programme_id: int, kind: str, catalogue_item_id: int):
    programme = get_programme(programme_id)
    model, form_class = CATALOGUES[kind]
    item = get_in_programme_or_404(model, catalogue_item_id, programme)
    form = form_class(obj=item)

    def apply():
        services.save_catalogue_item(programme, model, item, form.version.data,
                                     **_catalogue_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=item):
        flash(_("%(name)s has been saved.", name=item.name), "ok")
        return redirect(url_for(".catalogue", programme_id=programme.id))
    return _render("catalogue_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, item=item, kind=kind)


@blueprint.route("/catalogue/<any(licences, devices):kind>/<int:catalogue_item_id>/delete",
                 methods=["POST"])
@requires(EDIT)
def delete_catalogue_item(programme_id: int, kind: str, catalogue_item_id: int):
    programme = get_programme(programme_id)
    model, _form = CATALOGUES[kind]
    item = get_in_programme_or_404(model, catalogue_item_id, programme)
    name = item.name
    services.delete_catalogue_item(item)
    db.session.commit()
    flash(_("%(name)s has been removed from the catalogue.", name=name), "ok")
    return redirect(url_for(".catalogue", programme_id=programme.id))
