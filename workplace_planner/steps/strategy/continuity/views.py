"""Pages of the business impact analysis, under /programmes/<id>/bia/."""

from __future__ import annotations

import functools

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, Form, SelectField
from wtforms.validators import Optional

from workplace_planner import paging
from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.downloads import table_download
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps.strategy.continuity import (
    charts,
    panel,  # noqa: F401 - registers the step-page panel and the dashboard checks
    scenarios,
    services,
    transfer,
)
from workplace_planner.steps.strategy.continuity.choices import (
    CATEGORIES,
    LEVELS,
    MTD_BANDS,
    SCENARIO_KINDS,
    SCORES,
    SITUATIONS,
    WINDOW_LABELS,
    WINDOWS,
    Level,
    ScenarioKind,
    Situation,
)
from workplace_planner.steps.strategy.continuity.durations import DurationField, format_hours
from workplace_planner.steps.strategy.continuity.forms import BiaEntryForm, impact_field_name
from workplace_planner.steps.strategy.continuity.models import BiaEntry
from workplace_planner.steps.strategy.technology.choices import DOMAINS, HOSTINGS

blueprint = Blueprint("continuity", __name__, url_prefix="/programmes/<int:programme_id>/bia")
READ, EDIT = Permission.VIEW, Permission.EDIT
TEMPLATE = "steps/strategy/continuity/"


def _render(name: str, programme, status: int = 200, **context):
    return render_template(
        # Cached per page (one locale): the same few durations repeat on hundreds of rows.
        TEMPLATE + name, programme=programme, hours=functools.cache(format_hours),
        labels={"categories": CATEGORIES, "windows": WINDOW_LABELS, "levels": LEVELS,
                "scores": SCORES, "hostings": HOSTINGS, "domains": DOMAINS,
                "kinds": SCENARIO_KINDS, "situations": SITUATIONS},
        windows=WINDOWS, **context,
    ), status


def _status(form) -> int:
    return 422 if form.is_submitted() else 200


def _system_label(system) -> str:
    now = HOSTINGS[system.hosting]
    target = system.target_hosting
    if target is not None and target is not system.hosting:
        return f"{system.name} ({now} → {HOSTINGS[target]})"
    return f"{system.name} ({now})"


# ----------------------------------------------------------------------------- register
@blueprint.route("")
@requires(READ)
def register(programme_id: int):
    programme = get_programme(programme_id)
    entries = services.list_entries(programme)
    internet = {e.id: (services.internet_dependency(e, Situation.NOW),
                       services.internet_dependency(e, Situation.TARGET)) for e in entries}
    return _render("register.html", programme, entries=entries, internet=internet,
                   figures=services.completion(programme))


@blueprint.route("/register.<any(csv, xlsx):kind>")
@requires(READ)
def export_register(programme_id: int, kind: str):
    programme = get_programme(programme_id)
    return table_download(kind, transfer.COLUMNS,
                          transfer.records(services.list_entries(programme)),
                          _("Business impact analysis"), "bia")


def _entry_form(programme, entry=None) -> BiaEntryForm:
    form = BiaEntryForm(obj=entry)
    form.systems.choices = [(s.id, _system_label(s)) for s in services.list_systems(programme)]
    form.personas.choices = [(p.id, p.name) for p in services.list_personas(programme)]
    form.participants.choices = [(p.id, p.name) for p in programme.participants]
    if entry is not None and not form.is_submitted():
        form.systems.data = [s.id for s in entry.systems]
        form.personas.data = [p.id for p in entry.personas]
        form.participants.data = [p.id for p in entry.participants]
        for name in ("availability", "integrity", "confidentiality"):
            value = getattr(entry, name)
            form[name].data = value.value if value else ""
        profile = services.impact_profile(entry)
        for category in CATEGORIES:
            for index, window in enumerate(WINDOWS):
                form[impact_field_name(category, window)].data = \
                    profile[category.value][index] or 0
    return form


def _fields(form) -> tuple[dict, dict]:
    links = {"system_ids": form.systems.data, "persona_ids": form.personas.data,
             "participant_ids": form.participants.data}
    fields = {
        "name": form.name.data, "description": form.description.data or "",
        "owner": form.owner.data or "", "mtd_hours": form.mtd_hours.data,
        "rto_hours": form.rto_hours.data, "rpo_hours": form.rpo_hours.data,
        "has_fallback": bool(form.has_fallback.data), "fallback": form.fallback.data or "",
        "impacts": form.impacts_data(),
        **{name: Level(form[name].data) if form[name].data else None
           for name in ("availability", "integrity", "confidentiality")},
    }
    return links, fields


@blueprint.route("/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_entry(programme_id: int):
    programme = get_programme(programme_id)
    form = _entry_form(programme)
    created = {}

    def apply():
        links, fields = _fields(form)
        created["entry"] = services.create_entry(programme, links, **fields)

    if form.is_submitted() and save_form(form, apply):
        flash(_("The process has been added to the BIA."), "ok")
        return redirect(url_for(".entry", programme_id=programme.id,
                                bia_entry_id=created["entry"].id))
    return _render("entry_form.html", programme, _status(form), form=form, entry=None)


@blueprint.route("/<int:bia_entry_id>")
@requires(READ)
def entry(programme_id: int, bia_entry_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(BiaEntry, bia_entry_id, programme)
    return _render(
        "entry.html", programme, entry=found, profile=services.impact_profile(found),
        internet_now=services.internet_dependency(found, Situation.NOW),
        internet_target=services.internet_dependency(found, Situation.TARGET),
    )


@blueprint.route("/<int:bia_entry_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_entry(programme_id: int, bia_entry_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(BiaEntry, bia_entry_id, programme)
    form = _entry_form(programme, found)

    def apply():
        links, fields = _fields(form)
        services.update_entry(found, form.version.data, programme, links, **fields)

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The process has been saved."), "ok")
        return redirect(url_for(".entry", programme_id=programme.id, bia_entry_id=found.id))
    return _render("entry_form.html", programme, _status(form), form=form, entry=found)


@blueprint.route("/<int:bia_entry_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_entry(programme_id: int, bia_entry_id: int):
    programme = get_programme(programme_id)
    services.delete_entry(get_in_programme_or_404(BiaEntry, bia_entry_id, programme))
    db.session.commit()
    flash(_("The process has been removed from the BIA."), "ok")
    return redirect(url_for(".register", programme_id=programme.id))


@blueprint.route("/<int:bia_entry_id>/chart.svg")
@requires(READ)
def entry_chart(programme_id: int, bia_entry_id: int):
    programme = get_programme(programme_id)
    found = get_in_programme_or_404(BiaEntry, bia_entry_id, programme)
    inputs = charts.impact_inputs(
        services.impact_profile(found), CATEGORIES, [WINDOW_LABELS[w] for w in WINDOWS],
        _("Impact (1-5)"), _("No impact scored yet."),
    )
    return chart_response("bia-impact", inputs, lambda figure: charts.draw_impact(figure, inputs),
                          width=7.5, height=3.8)


# ----------------------------------------------------------------------------- scenarios
class ScenarioForm(Form):
    """The scenario asked for in the query string (a GET form: it changes nothing)."""

    kind = SelectField(_l("What fails"),
                       choices=[(k.value, v) for k, v in SCENARIO_KINDS.items()],
                       default=ScenarioKind.INTERNET.value)
    situation = SelectField(_l("Situation"),
                            choices=[(k.value, v) for k, v in SITUATIONS.items()],
                            default=Situation.NOW.value)
    system_id = SelectField(_l("System (for a SaaS supplier or one system)"), coerce=int,
                            validators=[Optional()], default=0)
    outage = DurationField(
        _l("Outage duration"), validators=[Optional()],
        description=_l("Leave empty to see when each process crosses its maximum tolerable "
                       "downtime. Type e.g. 8 hours or 2 days."),
    )


def _scenario_form(programme) -> ScenarioForm:
    form = ScenarioForm(request.args)
    form.system_id.choices = [(0, _("Choose a system"))] + [
        (s.id, _system_label(s)) for s in services.list_systems(programme)
    ]
    return form


def _check_scenario(form, programme) -> bool:
    if not form.validate():
        return False
    kind = ScenarioKind(form.kind.data)
    if kind in (ScenarioKind.SAAS_SUPPLIER, ScenarioKind.SYSTEM) and not form.system_id.data:
        form.system_id.errors = [_("Choose the system that fails.")]
        return False
    if kind is ScenarioKind.SAAS_SUPPLIER:
        saas = {s.id for s in services.saas_systems(programme, Situation(form.situation.data))}
        if form.system_id.data not in saas:
            form.system_id.errors = [_("Choose a system that is hosted as SaaS in this "
                                       "situation.")]
            return False
    return True


@blueprint.route("/scenarios")
@requires(READ)
def scenario(programme_id: int):
    programme = get_programme(programme_id)
    form = _scenario_form(programme)
    asked = bool(request.args)
    result = None
    if _check_scenario(form, programme):
        result = services.run_scenario(
            programme, ScenarioKind(form.kind.data), Situation(form.situation.data),
            form.system_id.data or None, form.outage.data,
        )
    status = 422 if asked and result is None else 200
    return _render("scenario.html", programme, status, form=form, result=result, asked=asked)


class RecoveryForm(Form):
    recovery = DurationField(
        _l("Assumed recovery time of an internet or cloud outage"), validators=[Optional()],
        description=_l("How long an outage outside your own organisation may last before it "
                       "is resolved, e.g. 8 hours."),
    )
    flagged = BooleanField(_l("Only items that flag a process"))


@blueprint.route("/roadmap")
@requires(READ)
def roadmap(programme_id: int):
    programme = get_programme(programme_id)
    form = RecoveryForm(request.args)
    valid = form.validate()
    recovery = scenarios.DEFAULT_RECOVERY_HOURS
    if valid:
        recovery = form.recovery.data if form.recovery.data is not None else recovery
        form.recovery.data, form.recovery.raw_data = recovery, None  # shown as "8 hours"
    result = services.roadmap_effect_page(programme, recovery,
                                          request.args.get("page", 1, type=int),
                                          only_flagged=bool(form.flagged.data))
    return _render("roadmap.html", programme, 200 if valid else 422, form=form,
                   result=result, effects=result.page.items, recovery=recovery,
                   query=paging.other_args(request.args))


# ----------------------------------------------------------------------------- overviews
@blueprint.route("/matrix")
@requires(READ)
def matrix(programme_id: int):
    programme = get_programme(programme_id)
    entries, systems = services.matrix(programme)
    situation = Situation.TARGET if request.args.get("situation") == "target" else Situation.NOW
    facts = {s.id: services.system_facts(s) for s in systems}
    return _render("matrix.html", programme, entries=entries, systems=systems, facts=facts,
                   situation=situation)


def _band_labels() -> list[str]:
    labels = [_("up to %(duration)s", duration=format_hours(b)) for b in MTD_BANDS]
    return [*labels, _("longer than %(duration)s", duration=format_hours(MTD_BANDS[-1])),
            _("unknown")]


def _impact_labels() -> list[str]:
    return [str(SCORES[s]) for s in (5, 4, 3, 2, 1)] + [_("not scored")]


@blueprint.route("/heat-map")
@requires(READ)
def heat_map(programme_id: int):
    programme = get_programme(programme_id)
    heat = services.heat_map(services.list_entries(programme))
    return _render("heat_map.html", programme, heat=heat, band_labels=_band_labels(),
                   impact_labels=_impact_labels())


@blueprint.route("/heat-map.svg")
@requires(READ)
def heat_map_chart(programme_id: int):
    programme = get_programme(programme_id)
    inputs = charts.heat_inputs(
        services.heat_map(services.list_entries(programme)), _impact_labels(), _band_labels(),
        _("Maximum tolerable downtime"), _("Highest impact"),
    )
    return chart_response("bia-heat-map", inputs,
                          lambda figure: charts.draw_heat(figure, inputs), width=8.0, height=4.2)
