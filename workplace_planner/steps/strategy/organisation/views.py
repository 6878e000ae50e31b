"""The business case of a programme: results, editor, register, review and exports.

Views read the request, call a service and render; every figure comes from the engine."""

from __future__ import annotations

import json

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from workplace_planner import audit_log
from workplace_planner.authorization import Permission, requires
from workplace_planner.business_case import CONVENTIONS, CaseValidationError, load_case
from workplace_planner.business_case.compute import monte_carlo_npv_draws
from workplace_planner.charts import chart_response
from workplace_planner.downloads import download
from workplace_planner.editing import DomainError, report, save_form
from workplace_planner.extensions import db
from workplace_planner.i18n import current_language
from workplace_planner.paging import paginate
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.stale import StaleVersion
from workplace_planner.steps.strategy.organisation import (
    engine_input,
    excel,
    panel,  # noqa: F401 - registers the panel
    presentation,
    services,
    transfer,
)
from workplace_planner.steps.strategy.organisation import report as case_report
from workplace_planner.steps.strategy.organisation.forms import (
    AssumptionForm,
    BenefitForm,
    CloudResourceForm,
    CommentForm,
    DecisionForm,
    ImportForm,
    LineForm,
    ParametersForm,
    RelabelForm,
    ScenarioForm,
    VersionForm,
)
from workplace_planner.steps.strategy.organisation.models import (
    Assumption,
    CaseLine,
    CaseVersion,
    CloudResource,
    QualitativeBenefit,
    Scenario,
)

blueprint = Blueprint(
    "business_case", __name__, url_prefix="/programmes/<int:programme_id>/business-case"
)
READ, EDIT, COMMENT, APPROVE = (Permission.VIEW, Permission.EDIT, Permission.COMMENT,
                                Permission.APPROVE)
TEMPLATE = "steps/strategy/organisation/"


def _render(name: str, programme, status: int = 200, **context):
    return render_template(TEMPLATE + name, programme=programme,
                           labels=presentation.LABELS, total_of=presentation.total_of,
                           condensed=presentation.condensed,
                           **context), status


def _case_or_start(programme):
    business_case = services.get_business_case(programme)
    if business_case is None:
        abort(404)
    return business_case


# ----------------------------------------------------------------------------- results
TORNADO_LINES = 12


@blueprint.route("")
@requires(READ)
def results(programme_id: int):
    programme = get_programme(programme_id)
    business_case = services.get_business_case(programme)
    if business_case is None:
        return _render("start.html", programme)
    outcome = services.compute(business_case)
    view = request.args.get("view", "cash")
    if view not in ("cash", "budget"):
        view = "cash"
    selected = None
    if outcome.ok:
        wanted = request.args.get("scenario", "")
        ids = [s.id for s in outcome.result.scenarios]
        alternatives = [s for s in outcome.result.scenarios if not s.baseline]
        selected = outcome.result.scenario(wanted) if wanted in ids else (
            alternatives[0] if alternatives else outcome.result.scenarios[0])
    return _render(
        "results.html", programme, business_case=business_case, outcome=outcome,
        result=outcome.result, view=view, selected=selected,
        # The lines that move the NPV most, as in the tornado chart; all on request.
        sensitivity_limit=None if request.args.get("sensitivity") == "all" else TORNADO_LINES,
        approved=services.latest_approved(programme),
        benefits=services.list_benefits(programme),
        conventions=CONVENTIONS,
        personas={p["id"]: p["name"] for p in outcome.data.get("personas", [])},
        participants={p["id"]: p["name"] for p in outcome.data.get("participants", [])},
    )


@blueprint.route("/start", methods=["POST"])
@requires(READ, EDIT)
def start(programme_id: int):
    programme = get_programme(programme_id)
    services.start_business_case(programme)
    db.session.commit()
    flash(_("The business case has been started with sourced defaults. Add the baseline "
            "scenario next."), "ok")
    return redirect(url_for(".scenarios", programme_id=programme.id))


# ----------------------------------------------------------------------------- charts
CHARTS = "categories", "cumulative", "comparison", "tornado", "distribution"


@blueprint.route("/charts/<any(categories, cumulative, comparison, tornado, distribution):chart>"
                 ".svg")
@requires(READ)
def chart(programme_id: int, chart: str):
    programme = get_programme(programme_id)
    business_case = _case_or_start(programme)
    outcome = services.compute(business_case, monte_carlo=chart == "distribution")
    if not outcome.ok:
        abort(404)
    result, language = outcome.result, current_language()
    wanted = request.args.get("scenario", "")
    scenario = next((s for s in result.scenarios if s.id == wanted), None)
    made = presentation.chart(chart, result, scenario, request.args.get("view", "cash"),
                              language, outcome, business_case)
    if made is None:
        abort(404)
    name, inputs, draw, size = made
    return chart_response(name, inputs, draw, **size)


# ----------------------------------------------------------------------------- parameters
@blueprint.route("/parameters", methods=["GET", "POST"])
@requires(READ, EDIT)
def parameters(programme_id: int):
    programme = get_programme(programme_id)
    business_case = _case_or_start(programme)
    form = ParametersForm(obj=business_case)
    form.set_assumptions(services.list_assumptions(programme))
    if not form.is_submitted():
        for name in form.ASSUMPTION_FIELDS:
            getattr(form, name).data = getattr(business_case, name) or 0

    def apply():
        services.save_parameters(business_case, form.version.data, **form.values())

    if form.is_submitted() and save_form(form, apply, versioned=business_case):
        flash(_("The parameters have been saved."), "ok")
        return redirect(url_for(".parameters", programme_id=programme.id))
    return _render("parameters.html", programme, 422 if form.is_submitted() else 200,
                   form=form, business_case=business_case)


# ----------------------------------------------------------------------------- scenarios
# One scenario's lines at a time, a page of them; the totals above count every line.
LINES_PER_PAGE = 50


def _scenarios_url(programme, scenario_id: int | None = None, page: int | None = None,
                   anchor: str | None = None) -> str:
    """The scenarios page showing this scenario's lines (at this page)."""
    url = url_for(".scenarios", programme_id=programme.id, scenario=scenario_id,
                  page=page if page and page > 1 else None)
    anchor = anchor or (f"scenario-{scenario_id}" if scenario_id is not None else None)
    return url + (f"#{anchor}" if anchor else "")


def _line_url(programme, line) -> str:
    """The scenarios page at the page with this line on it, scrolled to the line."""
    return _scenarios_url(programme, line.scenario_id,
                          services.page_of_line(line, LINES_PER_PAGE), f"line-{line.id}")


def _scenarios_page(programme, business_case, form, status: int = 200):
    outcome = services.compute(business_case, monte_carlo=False)
    wanted = request.args.get("scenario", type=int)
    selected = next((s for s in outcome.scenarios if s.id == wanted),
                    outcome.scenarios[0] if outcome.scenarios else None)
    page, lines = None, []
    if selected is not None:
        page = paginate(selected.line_ids, request.args.get("page", type=int), LINES_PER_PAGE)
        lines = services.lines_with_links(page.items)
    tco = {}
    if outcome.ok:
        tco = {s.id: outcome.result.scenario(engine_input.scenario_key(s.id)).tco
               for s in outcome.scenarios}
    line_comments, _assumption_comments = services.comments_by_subject(programme)
    return _render("scenarios.html", programme, status, business_case=business_case,
                   outcome=outcome, scenarios=outcome.scenarios, selected=selected, page=page,
                   lines=lines, tco=tco, form=form, line_comments=line_comments)


@blueprint.route("/scenarios")
@requires(READ)
def scenarios(programme_id: int):
    programme = get_programme(programme_id)
    business_case = _case_or_start(programme)
    return _scenarios_page(programme, business_case, ScenarioForm())


@blueprint.route("/scenarios/new", methods=["POST"])
@requires(READ, EDIT)
def new_scenario(programme_id: int):
    programme = get_programme(programme_id)
    business_case = _case_or_start(programme)
    form = ScenarioForm()
    created = {}

    def apply():
        created["scenario"] = services.save_scenario(
            programme, None, name=form.name.data, description=form.description.data or "",
            is_baseline=form.is_baseline.data or not services.list_scenarios(programme),
        )

    if save_form(form, apply):
        flash(_("Scenario %(name)s has been added.", name=created["scenario"].name), "ok")
        return redirect(_scenarios_url(programme, created["scenario"].id))
    return _scenarios_page(programme, business_case, form, 422)


@blueprint.route("/scenarios/<int:scenario_id>/edit", methods=["GET", "POST"])
@requires(READ, EDIT)
def edit_scenario(programme_id: int, scenario_id: int):
    programme = get_programme(programme_id)
    scenario = get_in_programme_or_404(Scenario, scenario_id, programme)
    form = ScenarioForm(obj=scenario)

    def apply():
        services.save_scenario(programme, scenario, form.version.data, name=form.name.data,
                               description=form.description.data or "",
                               is_baseline=form.is_baseline.data)

    if form.is_submitted() and save_form(form, apply, versioned=scenario):
        flash(_("Scenario %(name)s has been saved.", name=scenario.name), "ok")
        return redirect(_scenarios_url(programme, scenario.id))
    return _render("scenario_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, scenario=scenario)


@blueprint.route("/scenarios/<int:scenario_id>/delete", methods=["POST"])
@requires(READ, EDIT)
def delete_scenario(programme_id: int, scenario_id: int):
    programme = get_programme(programme_id)
    scenario = get_in_programme_or_404(Scenario, scenario_id, programme)
    name = scenario.name
    services.delete_scenario(scenario)
    db.session.commit()
    flash(_("Scenario %(name)s and its lines have been removed.", name=name), "ok")
    return redirect(url_for(".scenarios", programme_id=programme.id))


# ----------------------------------------------------------------------------- lines
def _line_form(programme, line=None):
    form = LineForm(obj=line)
    options = services.choices_for_lines(programme)
    form.set_choices(options)
    if line is not None and not form.is_submitted():
        form.load(line)
    return form, options


def _save_line(programme, scenario, line):
    form, options = _line_form(programme, line)
    saved = {}

    def apply():
        saved["line"] = services.save_line(
            programme, scenario, line, form.version.data if line else None,
            persona_ids=form.persona_ids.data or [], **form.values(),
        )

    if form.is_submitted() and save_form(form, apply, versioned=line):
        flash(_("Line %(name)s has been saved.", name=saved["line"].name), "ok")
        if request.form.get("next") == "another":
            return redirect(url_for(".new_line", programme_id=programme.id,
                                    scenario_id=scenario.id))
        return redirect(_line_url(programme, saved["line"]))
    back = _line_url(programme, line) if line is not None else _scenarios_url(programme,
                                                                              scenario.id)
    return _render("line_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, scenario=scenario, line=line, options=options, back=back,
                   history=_described(services.audit.history_for(line) if line else [], form))


@blueprint.route("/scenarios/<int:scenario_id>/lines/new", methods=["GET", "POST"])
@requires(READ, EDIT)
def new_line(programme_id: int, scenario_id: int):
    programme = get_programme(programme_id)
    scenario = get_in_programme_or_404(Scenario, scenario_id, programme)
    return _save_line(programme, scenario, None)


@blueprint.route("/lines/<int:line_id>")
@requires(READ)
def show_line(programme_id: int, line_id: int):
    """A line where it is listed: its scenario, at the page it is on (links from elsewhere)."""
    programme = get_programme(programme_id)
    line = get_in_programme_or_404(CaseLine, line_id, programme)
    return redirect(_line_url(programme, line))


@blueprint.route("/lines/<int:line_id>/edit", methods=["GET", "POST"])
@requires(READ, EDIT)
def edit_line(programme_id: int, line_id: int):
    programme = get_programme(programme_id)
    line = get_in_programme_or_404(CaseLine, line_id, programme)
    return _save_line(programme, line.scenario, line)


@blueprint.route("/lines/<int:line_id>/delete", methods=["POST"])
@requires(READ, EDIT)
def delete_line(programme_id: int, line_id: int):
    programme = get_programme(programme_id)
    line = get_in_programme_or_404(CaseLine, line_id, programme)
    name, scenario_id = line.name, line.scenario_id
    page = services.page_of_line(line, LINES_PER_PAGE)  # back to the page the line was on
    services.delete_line(line)
    db.session.commit()
    flash(_("Line %(name)s has been removed.", name=name), "ok")
    return redirect(_scenarios_url(programme, scenario_id, page))


# ----------------------------------------------------------------------------- assumptions
@blueprint.route("/assumptions", methods=["GET", "POST"])
@requires(READ, EDIT)
def assumptions(programme_id: int):
    programme = get_programme(programme_id)
    _case_or_start(programme)
    form = AssumptionForm()
    created = {}

    def apply():
        created["assumption"] = services.save_assumption(programme, None, **form.values())

    if form.is_submitted() and save_form(form, apply):
        flash(_("The assumption has been added to the register."), "ok")
        return redirect(url_for(".assumptions", programme_id=programme.id)
                        + f"#assumption-{created['assumption'].id}")
    _lines, assumption_comments = services.comments_by_subject(programme)
    return _render("assumptions.html", programme, 422 if form.is_submitted() else 200,
                   form=form, assumptions=services.list_assumptions(programme),
                   uses=services.assumption_uses(programme), comments=assumption_comments)


@blueprint.route("/assumptions/<int:assumption_id>/edit", methods=["GET", "POST"])
@requires(READ, EDIT)
def edit_assumption(programme_id: int, assumption_id: int):
    programme = get_programme(programme_id)
    assumption = get_in_programme_or_404(Assumption, assumption_id, programme)
    form = AssumptionForm(obj=assumption)

    def apply():
        services.save_assumption(programme, assumption, form.version.data, **form.values())

    if form.is_submitted() and save_form(form, apply, versioned=assumption):
        flash(_("The assumption has been saved."), "ok")
        return redirect(url_for(".assumptions", programme_id=programme.id)
                        + f"#assumption-{assumption.id}")
    return _render("assumption_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, assumption=assumption,
                   uses=services.assumption_uses(programme).get(assumption.id, []),
                   history=_described(services.audit.history_for(assumption), form))


@blueprint.route("/assumptions/<int:assumption_id>/delete", methods=["POST"])
@requires(READ, EDIT)
def delete_assumption(programme_id: int, assumption_id: int):
    programme = get_programme(programme_id)
    assumption = get_in_programme_or_404(Assumption, assumption_id, programme)
    try:
        services.delete_assumption(programme, assumption)
        db.session.commit()
        flash(_("The assumption has been removed."), "ok")
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    return redirect(url_for(".assumptions", programme_id=programme.id))


# ----------------------------------------------------------------------------- catalogue
@blueprint.route("/catalogue", methods=["GET", "POST"])
@requires(READ, EDIT)
def catalogue(programme_id: int):
    programme = get_programme(programme_id)
    _case_or_start(programme)
    form = CloudResourceForm()

    def apply():
        services.save_cloud_resource(programme, None, **form.values())

    if form.is_submitted() and save_form(form, apply):
        flash(_("The cloud resource has been added."), "ok")
        return redirect(url_for(".catalogue", programme_id=programme.id))
    options = services.choices_for_lines(programme)
    return _render("catalogue.html", programme, 422 if form.is_submitted() else 200,
                   form=form, resources=options["cloud_resources"],
                   licences=options["licence_bundles"], devices=options["device_kits"])


@blueprint.route("/catalogue/<int:cloud_resource_id>/edit", methods=["GET", "POST"])
@requires(READ, EDIT)
def edit_cloud_resource(programme_id: int, cloud_resource_id: int):
    programme = get_programme(programme_id)
    resource = get_in_programme_or_404(CloudResource, cloud_resource_id, programme)
    form = CloudResourceForm(obj=resource)

    def apply():
        services.save_cloud_resource(programme, resource, form.version.data, **form.values())

    if form.is_submitted() and save_form(form, apply, versioned=resource):
        flash(_("%(name)s has been saved.", name=resource.name), "ok")
        return redirect(url_for(".catalogue", programme_id=programme.id))
    return _render("simple_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, title=resource.name, back=url_for(".catalogue",
                                                                programme_id=programme.id),
                   delete=url_for(".delete_cloud_resource", programme_id=programme.id,
                                  cloud_resource_id=resource.id))


@blueprint.route("/catalogue/<int:cloud_resource_id>/delete", methods=["POST"])
@requires(READ, EDIT)
def delete_cloud_resource(programme_id: int, cloud_resource_id: int):
    programme = get_programme(programme_id)
    resource = get_in_programme_or_404(CloudResource, cloud_resource_id, programme)
    services.delete_cloud_resource(resource)
    db.session.commit()
    flash(_("The cloud resource has been removed; lines that used it keep their own unit "
            "price, if any."), "ok")
    return redirect(url_for(".catalogue", programme_id=programme.id))


# ----------------------------------------------------------------------------- benefits
@blueprint.route("/benefits", methods=["GET", "POST"])
@requires(READ, EDIT)
def benefits(programme_id: int):
    programme = get_programme(programme_id)
    _case_or_start(programme)
    form = BenefitForm()
    form.set_choices(services.list_scenarios(programme), services.list_assumptions(programme))

    def apply():
        services.save_benefit(programme, None, **form.values())

    if form.is_submitted() and save_form(form, apply):
        flash(_("The benefit has been added."), "ok")
        return redirect(url_for(".benefits", programme_id=programme.id))
    return _render("benefits.html", programme, 422 if form.is_submitted() else 200,
                   form=form, benefits=services.list_benefits(programme))


@blueprint.route("/benefits/<int:benefit_id>/edit", methods=["GET", "POST"])
@requires(READ, EDIT)
def edit_benefit(programme_id: int, benefit_id: int):
    programme = get_programme(programme_id)
    benefit = get_in_programme_or_404(QualitativeBenefit, benefit_id, programme)
    form = BenefitForm(obj=benefit)
    form.set_choices(services.list_scenarios(programme), services.list_assumptions(programme))
    if not form.is_submitted():
        form.scenario_id.data = benefit.scenario_id or 0
        form.assumption_id.data = benefit.assumption_id or 0

    def apply():
        services.save_benefit(programme, benefit, form.version.data, **form.values())

    if form.is_submitted() and save_form(form, apply, versioned=benefit):
        flash(_("The benefit has been saved."), "ok")
        return redirect(url_for(".benefits", programme_id=programme.id))
    return _render("simple_edit.html", programme, 422 if form.is_submitted() else 200,
                   form=form, title=benefit.title,
                   back=url_for(".benefits", programme_id=programme.id),
                   delete=url_for(".delete_benefit", programme_id=programme.id,
                                  benefit_id=benefit.id))


@blueprint.route("/benefits/<int:benefit_id>/delete", methods=["POST"])
@requires(READ, EDIT)
def delete_benefit(programme_id: int, benefit_id: int):
    programme = get_programme(programme_id)
    benefit = get_in_programme_or_404(QualitativeBenefit, benefit_id, programme)
    services.delete_benefit(benefit)
    db.session.commit()
    flash(_("The benefit has been removed."), "ok")
    return redirect(url_for(".benefits", programme_id=programme.id))


# ----------------------------------------------------------------------------- versions
@blueprint.route("/versions", methods=["GET", "POST"])
@requires(READ, EDIT)
def versions(programme_id: int):
    programme = get_programme(programme_id)
    business_case = _case_or_start(programme)
    form = VersionForm()
    created = {}

    def apply():
        created["version"] = services.create_version(programme, business_case, current_user,
                                                     form.label.data or "")

    if form.is_submitted() and save_form(form, apply):
        flash(_("Version %(number)d has been made. Submit it for review when it is ready.",
                number=created["version"].number), "ok")
        return redirect(url_for(".version", programme_id=programme.id,
                                version_id=created["version"].id))
    return _render("versions.html", programme, 422 if form.is_submitted() else 200,
                   form=form, versions=services.list_versions(programme))


def _version_page(programme, version, status=200, **forms):
    result = services.version_result(version)
    comment_form = forms.get("comment_form") or CommentForm()
    comment_form.set_choices(
        [line for s in services.list_scenarios(programme) for line in s.lines],
        services.list_assumptions(programme),
    )
    return _render(
        "version.html", programme, status, version=version, result=result,
        decision_form=forms.get("decision_form") or DecisionForm(),
        comment_form=comment_form,
        relabel_form=forms.get("relabel_form") or RelabelForm(obj=version),
        comments=services.list_comments(programme, version),
        others=[v for v in services.list_versions(programme) if v.id != version.id],
        history=_described(services.audit.history_for(version)),
    )


@blueprint.route("/versions/<int:version_id>")
@requires(READ)
def version(programme_id: int, version_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(CaseVersion, version_id, programme)
    return _version_page(programme, found)


@blueprint.route("/versions/<int:version_id>/relabel", methods=["POST"])
@requires(READ, EDIT)
def relabel_version(programme_id: int, version_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(CaseVersion, version_id, programme)
    form = RelabelForm()

    def apply():
        services.relabel_version(found, form.version.data, form.label.data or "")

    if save_form(form, apply, versioned=found):
        flash(_("The label has been saved."), "ok")
        return redirect(url_for(".version", programme_id=programme.id, version_id=found.id))
    return _version_page(programme, found, 422, relabel_form=form)


@blueprint.route("/versions/<int:version_id>/delete", methods=["POST"])
@requires(READ, EDIT)
def delete_version(programme_id: int, version_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(CaseVersion, version_id, programme)
    try:
        services.delete_version(found)
        db.session.commit()
        flash(_("The draft version has been removed."), "ok")
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
        return redirect(url_for(".version", programme_id=programme.id, version_id=found.id))
    return redirect(url_for(".versions", programme_id=programme.id))


def _move(programme, found, move, done_message, permission_form=None):
    form = permission_form or DecisionForm()

    def apply():
        move(form)

    if save_form(form, apply):
        flash(done_message, "ok")
        return redirect(url_for(".version", programme_id=programme.id, version_id=found.id))
    return _version_page(programme, found, 422, decision_form=form)


@blueprint.route("/versions/<int:version_id>/submit", methods=["POST"])
@requires(READ, EDIT)
def submit_version(programme_id: int, version_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(CaseVersion, version_id, programme)
    return _move(programme, found, lambda form: services.submit_version(found, current_user),
                 _("Version %(number)d has been submitted for review.", number=found.number))


@blueprint.route("/versions/<int:version_id>/approve", methods=["POST"])
@requires(READ, APPROVE)
def approve_version(programme_id: int, version_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(CaseVersion, version_id, programme)
    return _move(
        programme, found,
        lambda form: services.approve_version(found, current_user, form.note.data or ""),
        _("Version %(number)d has been approved and is now frozen.", number=found.number),
    )


@blueprint.route("/versions/<int:version_id>/send-back", methods=["POST"])
@requires(READ, APPROVE)
def send_back_version(programme_id: int, version_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(CaseVersion, version_id, programme)
    return _move(
        programme, found,
        lambda form: services.send_back_version(found, current_user, form.note.data or ""),
        _("Version %(number)d has been sent back.", number=found.number),
    )


@blueprint.route("/versions/<int:version_id>/comments", methods=["POST"])
@requires(READ, COMMENT)
def comment(programme_id: int, version_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(CaseVersion, version_id, programme)
    form = CommentForm()
    lines = [line for s in services.list_scenarios(programme) for line in s.lines]
    form.set_choices(lines, services.list_assumptions(programme))

    def apply():
        kind, _sep, ident = (form.subject.data or "").partition("-")
        line = assumption = None
        if kind == "line":
            line = get_in_programme_or_404(CaseLine, int(ident), programme)
        elif kind == "assumption":
            assumption = get_in_programme_or_404(Assumption, int(ident), programme)
        services.add_comment(programme, current_user, form.body.data, found, line, assumption)

    if save_form(form, apply):
        flash(_("Your comment has been added."), "ok")
        return redirect(url_for(".version", programme_id=programme.id, version_id=found.id)
                        + "#comments")
    return _version_page(programme, found, 422, comment_form=form)


@blueprint.route("/versions/compare")
@requires(READ)
def compare(programme_id: int):
    programme = get_programme(programme_id)
    if not (request.args.get("old", type=int) and request.args.get("new", type=int)):
        flash(_("Choose two versions to compare."), "warning")
        return redirect(url_for(".versions", programme_id=programme.id))
    old = get_in_programme_or_404(CaseVersion, request.args.get("old", 0, type=int), programme)
    new = get_in_programme_or_404(CaseVersion, request.args.get("new", 0, type=int), programme)
    return _render("compare.html", programme, comparison=services.compare_versions(old, new))


@blueprint.route("/history")
@requires(READ)
def history(programme_id: int):
    programme = get_programme(programme_id)
    return _render("history.html", programme, entries=_described(services.history(programme)))


def _described(entries, form=None) -> list[audit_log.Row]:
    return audit_log.describe(entries, _("system"),
                              audit_log.form_labels(form) if form is not None else None)


# ----------------------------------------------------------------------------- exports
def _computed_or_404(programme):
    business_case = _case_or_start(programme)
    outcome = services.compute(business_case)
    if not outcome.ok:
        flash(_("The business case cannot be computed yet: see the problems listed."), "error")
        return None, None
    return business_case, outcome


def _filename(programme, suffix: str) -> str:
    return transfer.safe_filename(programme.name) + suffix


@blueprint.route("/export.xlsx")
@requires(READ)
def export_xlsx(programme_id: int):
    programme = get_programme(programme_id)
    business_case, outcome = _computed_or_404(programme)
    if outcome is None:
        return redirect(url_for(".results", programme_id=programme.id))
    data = excel.workbook(outcome, services.list_assumptions(programme),
                          services.assumption_uses(programme))
    return download(data, _filename(programme, "-businesscase.xlsx"))


@blueprint.route("/export.csv")
@requires(READ)
def export_csv(programme_id: int):
    programme = get_programme(programme_id)
    business_case, outcome = _computed_or_404(programme)
    if outcome is None:
        return redirect(url_for(".results", programme_id=programme.id))
    return download(transfer.budget_csv(outcome.result),
                    _filename(programme, "-meerjarenbegroting.csv"))


@blueprint.route("/export.json")
@requires(READ)
def export_json(programme_id: int):
    programme = get_programme(programme_id)
    business_case = _case_or_start(programme)
    data = services.engine_input.engine_input(business_case)
    body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return download(body.encode("utf-8"), _filename(programme, "-businesscase.json"))


@blueprint.route("/export.pdf")
@requires(READ)
def export_pdf(programme_id: int):
    programme = get_programme(programme_id)
    business_case, outcome = _computed_or_404(programme)
    if outcome is None:
        return redirect(url_for(".results", programme_id=programme.id))
    return case_report.pdf(programme, business_case, outcome,
                           _filename(programme, "-businesscase.pdf"))


@blueprint.route("/import", methods=["GET", "POST"])
@requires(READ, EDIT)
def import_case(programme_id: int):
    programme = get_programme(programme_id)
    form = ImportForm()
    problems: list = []
    if form.is_submitted() and form.validate():
        try:
            data = json.loads(form.file.data.read().decode("utf-8"))
            load_case(data)
            transfer.import_case(programme, data)
            db.session.commit()
            flash(_("The business case has been imported."), "ok")
            return redirect(url_for(".results", programme_id=programme.id))
        except (UnicodeDecodeError, json.JSONDecodeError):
            db.session.rollback()
            report(form, DomainError(_("This file is not JSON in UTF-8.")), "file")
        except CaseValidationError as error:
            db.session.rollback()
            problems = [str(issue) for issue in error.errors]
            report(form, DomainError(_("The file has %(count)d problem(s); nothing was "
                                       "imported.", count=len(problems))), "file")
        except (DomainError, StaleVersion) as error:
            db.session.rollback()
            report(form, error, getattr(error, "field", None) or "file")
    return _render("import.html", programme, 422 if form.is_submitted() else 200,
                   form=form, problems=problems)


__all__ = ["blueprint", "CHARTS", "monte_carlo_npv_draws"]
