"""Pages of the technology perspective of step 1, under /programmes/<id>/technology/."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from workplace_planner import paging, tabular
from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.downloads import table_download
from workplace_planner.editing import DomainError, save_form
from workplace_planner.extensions import db
from workplace_planner.i18n import current_language
from workplace_planner.programmes.models import Programme
from workplace_planner.scoping import get_scoped_or_404
from workplace_planner.steps import PERSPECTIVES
from workplace_planner.steps.strategy.technology import (
    charts,
    governance,
    panel,  # noqa: F401 - registers the step-page panel and the dashboard checks
    quarters,
    services,
    timeline,
    transfer,
)
from workplace_planner.steps.strategy.technology.choices import (
    COST_CATEGORIES,
    DOMAINS,
    FOLLOW_UP_STATUSES,
    HOSTINGS,
    ITEM_STATUSES,
    TARGETS,
    TOPICS,
    WORKSHOP_KINDS,
    Domain,
    FollowUpStatus,
    Hosting,
    ItemStatus,
    Target,
    Topic,
    WorkshopKind,
)
from workplace_planner.steps.strategy.technology.forms import (
    AmbitionForm,
    DecisionForm,
    FollowUpForm,
    ImportForm,
    MilestoneForm,
    PrincipleForm,
    RoadmapItemForm,
    SystemForm,
    WorkshopForm,
    choice_key_options,
)
from workplace_planner.steps.strategy.technology.models import (
    FollowUp,
    GovernanceDecision,
    Milestone,
    Principle,
    RoadmapItem,
    System,
    Workshop,
)

blueprint = Blueprint(
    "technology", __name__, url_prefix="/programmes/<int:programme_id>/technology"
)
READ, WORKSHOP, EDIT = Permission.VIEW, Permission.EDIT_WORKSHOP, Permission.EDIT
TEMPLATE = "steps/strategy/technology/"
PERSPECTIVE_NAMES = {p.key: p.name for p in PERSPECTIVES}


# ----------------------------------------------------------------------------- helpers
def _programme(programme_id: int) -> Programme:
    return get_scoped_or_404(Programme, programme_id)


def _in_programme(model, object_id: int, programme: Programme):
    """The object if it belongs to this programme of the current organisation; 404 otherwise."""
    found = get_scoped_or_404(model, object_id)
    if found.programme_id != programme.id:
        abort(404)
    return found


def _render(name: str, programme, status: int = 200, **context):
    return render_template(
        TEMPLATE + name,
        programme=programme,
        quarter=quarters.label,
        labels={
            "kinds": WORKSHOP_KINDS, "domains": DOMAINS, "hostings": HOSTINGS,
            "targets": TARGETS, "statuses": ITEM_STATUSES, "topics": TOPICS,
            "follow_up_statuses": FOLLOW_UP_STATUSES, "categories": COST_CATEGORIES,
            "perspectives": PERSPECTIVE_NAMES,
        },
        **context,
    ), status


def _status(form) -> int:
    return 422 if form.is_submitted() else 200


def _workshop_choices(form, programme, obj=None) -> None:
    form.workshop_id.choices = services.workshop_choices(programme, _("None"))
    if obj is not None and not form.is_submitted():
        form.workshop_id.data = obj.workshop_id or 0


def _participant_choices(field, programme, obj=None, form=None) -> None:
    field.choices = [(p.id, p.name) for p in programme.participants]
    if obj is not None and not form.is_submitted():
        field.data = [p.id for p in obj.participants]


def _quarter_choices(programme, *current) -> list[tuple[int, str]]:
    span = quarters.span(programme.start_year - 1, programme.end_year + 2)
    extra = [q for q in current if q and q not in span]
    return [(0, _("Not planned yet"))] + [(q, quarters.label(q)) for q in sorted(span + extra)]


def _enum_or_none(enum_class, value):
    return enum_class(value) if value else None


# ----------------------------------------------------------------------------- workshops
@blueprint.route("/workshops")
@requires(READ)
def workshops(programme_id: int):
    programme = _programme(programme_id)
    return _render("workshops.html", programme, workshops=services.list_workshops(programme))


def _workshop_fields(form) -> dict:
    return {
        "kind": WorkshopKind(form.kind.data), "title": form.title.data,
        "held_on": form.held_on.data, "facilitator": form.facilitator.data or "",
        "participant_roles": form.participant_roles.data or "",
        "outcomes": form.outcomes.data or "", "decisions": form.decisions.data or "",
        "follow_ups": form.follow_ups.data or "",
    }


@blueprint.route("/workshops/new", methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def new_workshop(programme_id: int):
    programme = _programme(programme_id)
    form = WorkshopForm(kind=request.args.get("kind", WorkshopKind.CURRENT_SITUATION.value))
    _participant_choices(form.participants, programme)
    if not form.is_submitted():
        form.participants.data = [p.id for p in programme.participants]
    created = {}

    def apply():
        created["workshop"] = services.create_workshop(
            programme, form.participants.data, **_workshop_fields(form)
        )

    if form.is_submitted() and save_form(form, apply):
        flash(_("The workshop has been recorded."), "ok")
        return redirect(url_for(".workshop", programme_id=programme.id,
                                workshop_id=created["workshop"].id))
    return _render("workshop_form.html", programme, _status(form), form=form, workshop=None)


@blueprint.route("/workshops/<int:workshop_id>")
@requires(READ)
def workshop(programme_id: int, workshop_id: int):
    programme = _programme(programme_id)
    found = _in_programme(Workshop, workshop_id, programme)
    return _render("workshop.html", programme, workshop=found,
                   products=services.workshop_products(found))


@blueprint.route("/workshops/<int:workshop_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=WORKSHOP)
def edit_workshop(programme_id: int, workshop_id: int):
    programme = _programme(programme_id)
    found = _in_programme(Workshop, workshop_id, programme)
    form = WorkshopForm(obj=found)
    _participant_choices(form.participants, programme, found, form)
    if not form.is_submitted():
        form.kind.data = found.kind.value

    def apply():
        services.update_workshop(found, form.version.data, programme, form.participants.data,
                                 **_workshop_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The workshop has been saved."), "ok")
        return redirect(url_for(".workshop", programme_id=programme.id, workshop_id=found.id))
    return _render("workshop_form.html", programme, _status(form), form=form, workshop=found)


@blueprint.route("/workshops/<int:workshop_id>/delete", methods=["POST"])
@requires(read=READ, write=WORKSHOP)
def delete_workshop(programme_id: int, workshop_id: int):
    programme = _programme(programme_id)
    services.delete_workshop(_in_programme(Workshop, workshop_id, programme))
    db.session.commit()
    flash(_("The workshop has been deleted; what it produced stays."), "ok")
    return redirect(url_for(".workshops", programme_id=programme.id))


# ----------------------------------------------------------------------------- systems
@blueprint.route("/systems")
@requires(READ)
def systems(programme_id: int):
    programme = _programme(programme_id)
    found = services.list_systems(programme)
    domain = request.args.get("domain", "")
    if domain in Domain._value2member_map_:
        found = [s for s in found if s.domain.value == domain]
    return _render("systems.html", programme, systems=found, domain=domain)


def _system_form(programme, system=None) -> SystemForm:
    form = SystemForm(obj=system)
    _participant_choices(form.participants, programme, system, form)
    _workshop_choices(form, programme, system)
    if system is not None and not form.is_submitted():
        form.domain.data = system.domain.value
        form.hosting.data = system.hosting.value
        form.target.data = system.target.value if system.target else ""
        form.replacement_hosting.data = (
            system.replacement_hosting.value if system.replacement_hosting else ""
        )
    return form


def _system_fields(form, programme) -> dict:
    return {
        "name": form.name.data, "domain": Domain(form.domain.data),
        "supplier": form.supplier.data or "", "hosting": Hosting(form.hosting.data),
        "end_of_support": form.end_of_support.data, "owner": form.owner.data or "",
        "strengths": form.strengths.data or "", "pain_points": form.pain_points.data or "",
        "target": _enum_or_none(Target, form.target.data),
        "replacement_hosting": _enum_or_none(Hosting, form.replacement_hosting.data),
        "target_note": form.target_note.data or "",
        "workshop": services.find_workshop(programme, form.workshop_id.data),
    }


@blueprint.route("/systems/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_system(programme_id: int):
    programme = _programme(programme_id)
    form = _system_form(programme)

    def apply():
        services.create_system(programme, form.participants.data,
                               **_system_fields(form, programme))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The system has been added to the inventory."), "ok")
        return redirect(url_for(".systems", programme_id=programme.id))
    return _render("system_form.html", programme, _status(form), form=form, system=None)


@blueprint.route("/systems/<int:system_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_system(programme_id: int, system_id: int):
    programme = _programme(programme_id)
    system = _in_programme(System, system_id, programme)
    form = _system_form(programme, system)

    def apply():
        services.update_system(system, form.version.data, programme, form.participants.data,
                               **_system_fields(form, programme))

    if form.is_submitted() and save_form(form, apply, versioned=system):
        flash(_("The system has been saved."), "ok")
        return redirect(request.args.get("next") == "ambition"
                        and url_for(".ambition", programme_id=programme.id)
                        or url_for(".systems", programme_id=programme.id))
    return _render("system_form.html", programme, _status(form), form=form, system=system)


@blueprint.route("/systems/<int:system_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_system(programme_id: int, system_id: int):
    programme = _programme(programme_id)
    services.delete_system(_in_programme(System, system_id, programme))
    db.session.commit()
    flash(_("The system has been removed from the inventory."), "ok")
    return redirect(url_for(".systems", programme_id=programme.id))


@blueprint.route("/systems.<any(csv, xlsx):kind>")
@requires(READ)
def export_systems(programme_id: int, kind: str):
    programme = _programme(programme_id)
    records = transfer.system_records(services.list_systems(programme))
    return table_download(kind, transfer.system_columns(programme), records, _("Systems"),
                          "systems")


@blueprint.route("/systems-template.<any(csv, xlsx):kind>")
@requires(READ)
def systems_template(programme_id: int, kind: str):
    programme = _programme(programme_id)
    columns = transfer.system_columns(programme)
    return table_download(kind, columns, tabular.template_records(columns), _("Systems"),
                          "systems-template")


@blueprint.route("/systems/import", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def import_systems(programme_id: int):
    programme = _programme(programme_id)
    form = ImportForm()
    errors = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            rows = tabular.read_table(upload.read(), upload.filename)
        except tabular.TableFileError as error:
            form.file.errors = [str(error)]
        else:
            result = tabular.parse_table(rows, transfer.system_columns(programme))
            if result.ok:
                data_rows = [number for number, _row in rows[1:]]
                errors = [
                    tabular.RowError(data_rows[index], column, message)
                    for index, column, message in services.check_import_targets(result.records)
                ]
            else:
                errors = result.errors
            if not errors:
                added, updated = services.import_systems(programme, result.records)
                db.session.commit()
                flash(_("Import done: %(added)d added, %(updated)d updated.",
                        added=added, updated=updated), "ok")
                return redirect(url_for(".systems", programme_id=programme.id))
    return _render("import.html", programme, _status(form), form=form, errors=errors,
                   columns=transfer.system_columns(programme))


# ----------------------------------------------------------------------------- ambition
@blueprint.route("/ambition")
@requires(READ)
def ambition(programme_id: int):
    programme = _programme(programme_id)
    systems_ = services.list_systems(programme)
    return _render(
        "ambition.html", programme,
        ambition=services.get_ambition(programme),
        principles=services.list_principles(programme),
        systems=systems_,
        movements=services.domain_movement(systems_),
    )


@blueprint.route("/ambition/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_ambition(programme_id: int):
    programme = _programme(programme_id)
    current = services.get_ambition(programme)
    form = AmbitionForm(obj=current)
    _workshop_choices(form, programme, current)

    def apply():
        services.save_ambition(programme, form.version.data, form.statement.data,
                               services.find_workshop(programme, form.workshop_id.data))

    if form.is_submitted() and save_form(form, apply, versioned=current):
        flash(_("The ambition has been saved."), "ok")
        return redirect(url_for(".ambition", programme_id=programme.id))
    return _render("ambition_form.html", programme, _status(form), form=form)


def _movement_inputs(programme) -> dict:
    labels = {**{h.value: HOSTINGS[h] for h in Hosting}, "retired": _("Retired"),
              "open": _("Not decided")}
    return charts.movement_inputs(
        services.domain_movement(services.list_systems(programme)), DOMAINS, labels,
        _("now"), _("target"), _("No systems in the inventory yet."),
    )


@blueprint.route("/ambition/chart.svg")
@requires(READ)
def ambition_chart(programme_id: int):
    inputs = _movement_inputs(_programme(programme_id))
    return chart_response(
        "technology-ambition", inputs, lambda figure: charts.draw_movement(figure, inputs),
        width=8.0, height=charts.chart_height(inputs),
    )


@blueprint.route("/ambition/principles/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_principle(programme_id: int):
    programme = _programme(programme_id)
    form = PrincipleForm()

    def apply():
        services.create_principle(programme, form.title.data, form.explanation.data)

    if form.is_submitted() and save_form(form, apply):
        flash(_("The principle has been added."), "ok")
        return redirect(url_for(".ambition", programme_id=programme.id))
    return _render("principle_form.html", programme, _status(form), form=form, principle=None)


@blueprint.route("/ambition/principles/<int:principle_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_principle(programme_id: int, principle_id: int):
    programme = _programme(programme_id)
    principle = _in_programme(Principle, principle_id, programme)
    form = PrincipleForm(obj=principle)

    def apply():
        services.update_principle(principle, form.version.data, form.title.data,
                                  form.explanation.data)

    if form.is_submitted() and save_form(form, apply, versioned=principle):
        flash(_("The principle has been saved."), "ok")
        return redirect(url_for(".ambition", programme_id=programme.id))
    return _render("principle_form.html", programme, _status(form), form=form,
                   principle=principle)


@blueprint.route("/ambition/principles/<int:principle_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_principle(programme_id: int, principle_id: int):
    programme = _programme(programme_id)
    services.delete_principle(_in_programme(Principle, principle_id, programme))
    db.session.commit()
    flash(_("The principle has been deleted."), "ok")
    return redirect(url_for(".ambition", programme_id=programme.id))


# ----------------------------------------------------------------------------- roadmap
def _filters() -> services.Filters:
    args = request.args
    return services.Filters(
        status=args.get("status", "") if args.get("status") in ItemStatus._value2member_map_
        else "",
        perspective=args.get("perspective", "") if args.get("perspective") in PERSPECTIVE_NAMES
        else "",
        participant_id=args.get("participant", 0, type=int),
        system_id=args.get("system", 0, type=int),
        owner=args.get("owner", "").strip()[:200],
        text=args.get("q", "").strip()[:200],
    )


# The table of the roadmap, a page at a time (the timeline and the board show every item).
ITEMS_PER_PAGE = 50


@blueprint.route("/roadmap")
@requires(READ)
def roadmap(programme_id: int):
    programme = _programme(programme_id)
    filters = _filters()
    everything = services.list_items(programme)
    items = services.list_items(programme, filters) if filters.active else everything
    conflicts = services.schedule_conflicts(everything)
    return _render(
        "roadmap.html", programme, filters=filters,
        page=paging.paginate(items, request.args.get("page", type=int), ITEMS_PER_PAGE),
        query=paging.other_args(request.args),
        conflicts=conflicts, conflicting={c.item.id for c in conflicts},
        systems=services.list_systems(programme), total=len(everything),
    )


@blueprint.route("/roadmap.<any(csv, xlsx):kind>")
@requires(READ)
def export_roadmap(programme_id: int, kind: str):
    programme = _programme(programme_id)
    records = transfer.roadmap_records(services.list_items(programme, _filters()))
    return table_download(kind, transfer.ROADMAP_COLUMNS, records, _("Roadmap"), "roadmap")


def _lanes(programme, mode: str):
    if mode == "municipality":
        lanes = [(str(p.id), p.name) for p in programme.participants]
        lanes.append(("joint", _("All municipalities together")))

        def lane_of(item):
            return {str(p.id) for p in item.participants} or {"joint"}

        return lanes, lane_of
    return [(p.key, str(p.name)) for p in PERSPECTIVES], lambda item: {item.perspective}


def _timeline_inputs(programme, mode: str, items=None) -> dict:
    items = services.list_items(programme) if items is None else items
    items = [i for i in items if i.status is not ItemStatus.DROPPED]
    lanes, lane_of = _lanes(programme, mode)
    conflicts = {(c.item.id, c.dependency.id) for c in services.schedule_conflicts(items)}
    labels = {
        "statuses": {s.value: str(label) for s, label in ITEM_STATUSES.items()},
        "empty": _("No items with a start and end quarter yet."),
        "now": _("now"),
        "now_quarter": services.reference_quarter(programme),
        "letter": quarters.LETTER.get(current_language(), "Q"),
    }
    return timeline.timeline_inputs(items, lanes, lane_of, conflicts, labels)


def _lane_mode() -> str:
    mode = request.args.get("lanes", "perspective")
    return mode if mode in timeline.LANE_MODES else "perspective"


@blueprint.route("/roadmap/timeline")
@requires(READ)
def roadmap_timeline(programme_id: int):
    programme = _programme(programme_id)
    mode = _lane_mode()
    items = services.list_items(programme)
    conflicts = services.schedule_conflicts(items)
    return _render(
        "timeline.html", programme, mode=mode, items=items,
        inputs=_timeline_inputs(programme, mode, items),
        unscheduled=[i for i in items if not i.is_scheduled],
        conflicts=conflicts,
    )


@blueprint.route("/roadmap/timeline.svg")
@requires(READ)
def timeline_chart(programme_id: int):
    inputs = _timeline_inputs(_programme(programme_id), _lane_mode())
    return chart_response(
        "technology-timeline", inputs, lambda figure: timeline.draw_timeline(figure, inputs),
        width=10.0, height=timeline.figure_height(inputs),
    )


@blueprint.route("/roadmap/board")
@requires(READ)
def roadmap_board(programme_id: int):
    programme = _programme(programme_id)
    default = services.reference_quarter(programme)
    as_of = request.args.get("as_of", default, type=int)
    choices = _quarter_choices(programme, default, as_of)[1:]
    if as_of not in {q for q, _label in choices}:
        as_of = default
    items = services.list_items(programme)
    conflicts = services.schedule_conflicts(items)
    return _render(
        "board.html", programme, columns=services.board(items, as_of), as_of=as_of,
        quarter_choices=choices, conflicting={c.item.id for c in conflicts},
        next_quarters=services.NEXT_QUARTERS,
    )


def _item_form(programme, item=None) -> RoadmapItemForm:
    form = RoadmapItemForm(obj=item)
    choices = _quarter_choices(
        programme, item.start_quarter if item else None, item.end_quarter if item else None
    )
    form.start_quarter.choices = choices
    form.end_quarter.choices = choices
    form.dependencies.choices = [
        (i.id, i.title) for i in services.list_items(programme) if item is None or i.id != item.id
    ]
    form.systems.choices = [(s.id, s.name) for s in services.list_systems(programme)]
    form.personas.choices = [(p.id, p.name) for p in services.list_personas(programme)]
    _participant_choices(form.participants, programme, item, form)
    _workshop_choices(form, programme, item)
    if item is not None and not form.is_submitted():
        form.status.data = item.status.value
        form.start_quarter.data = item.start_quarter or 0
        form.end_quarter.data = item.end_quarter or 0
        form.dependencies.data = [d.id for d in item.dependencies]
        form.systems.data = [s.id for s in item.systems]
        form.personas.data = [p.id for p in item.personas]
        for score in ("customer_value", "organisation_value", "urgency"):
            getattr(form, score).data = getattr(item, score) or 0
    return form


def _item_fields(form, programme) -> tuple[dict, dict]:
    links = {
        "dependency_ids": form.dependencies.data or [],
        "system_ids": form.systems.data or [],
        "participant_ids": form.participants.data or [],
        "persona_ids": form.personas.data or [],
    }
    fields = {
        "title": form.title.data, "description": form.description.data or "",
        "perspective": form.perspective.data, "status": ItemStatus(form.status.data),
        "start_quarter": form.start_quarter.data or None,
        "end_quarter": form.end_quarter.data or None, "owner": form.owner.data or "",
        "customer_value": form.customer_value.data or None,
        "organisation_value": form.organisation_value.data or None,
        "urgency": form.urgency.data or None,
        "workshop": services.find_workshop(programme, form.workshop_id.data),
    }
    return links, fields


def _warn_about_schedule(item) -> None:
    """After a save: say which dependencies now clash with the dates; never move anything."""
    related = [item, *item.dependents]
    for conflict in services.schedule_conflicts(related):
        if conflict.item is item or conflict.dependency is item:
            flash(_(
                "Check the planning: “%(item)s” starts in %(start)s, but “%(dependency)s”, "
                "which it depends on, ends in %(end)s. The earliest start is %(earliest)s.",
                item=conflict.item.title, start=quarters.label(conflict.item.start_quarter),
                dependency=conflict.dependency.title,
                end=quarters.label(conflict.dependency.end_quarter),
                earliest=quarters.label(conflict.earliest_start),
            ), "warning")


@blueprint.route("/roadmap/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_item(programme_id: int):
    programme = _programme(programme_id)
    form = _item_form(programme)
    created = {}

    def apply():
        links, fields = _item_fields(form, programme)
        created["item"] = services.create_item(programme, links, **fields)

    if form.is_submitted() and save_form(form, apply):
        flash(_("The roadmap item has been added."), "ok")
        _warn_about_schedule(created["item"])
        return redirect(url_for(".item", programme_id=programme.id,
                                roadmap_item_id=created["item"].id))
    return _render("item_form.html", programme, _status(form), form=form, item=None)


@blueprint.route("/roadmap/<int:roadmap_item_id>")
@requires(READ)
def item(programme_id: int, roadmap_item_id: int):
    programme = _programme(programme_id)
    found = _in_programme(RoadmapItem, roadmap_item_id, programme)
    form = MilestoneForm()
    form.quarter.choices = _quarter_choices(programme)
    return _render(
        "item.html", programme, item=found,
        conflicts=[c for c in services.schedule_conflicts([found, *found.dependents])
                   if found in (c.item, c.dependency)],
        history=services.item_history(found), milestone_form=form,
        field_labels=_history_labels(),
        quarter_fields={"start_quarter", "end_quarter"},
        workshop_titles={w.id: w.title for w in services.list_workshops(programme)},
    )


def _history_labels() -> dict:
    form = RoadmapItemForm(meta={"csrf": False})
    return {name: field.label.text for name, field in form._fields.items()} | {
        "workshop_id": _("Recorded in workshop"),
    }


@blueprint.route("/roadmap/<int:roadmap_item_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_item(programme_id: int, roadmap_item_id: int):
    programme = _programme(programme_id)
    found = _in_programme(RoadmapItem, roadmap_item_id, programme)
    form = _item_form(programme, found)

    def apply():
        links, fields = _item_fields(form, programme)
        services.update_item(found, form.version.data, programme, links, **fields)

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The roadmap item has been saved."), "ok")
        _warn_about_schedule(found)
        return redirect(url_for(".item", programme_id=programme.id, roadmap_item_id=found.id))
    return _render("item_form.html", programme, _status(form), form=form, item=found)


@blueprint.route("/roadmap/<int:roadmap_item_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_item(programme_id: int, roadmap_item_id: int):
    programme = _programme(programme_id)
    services.delete_item(_in_programme(RoadmapItem, roadmap_item_id, programme))
    db.session.commit()
    flash(_("The roadmap item has been deleted."), "ok")
    return redirect(url_for(".roadmap", programme_id=programme.id))


@blueprint.route("/roadmap/<int:roadmap_item_id>/milestones", methods=["POST"])
@requires(read=READ, write=EDIT)
def add_milestone(programme_id: int, roadmap_item_id: int):
    programme = _programme(programme_id)
    found = _in_programme(RoadmapItem, roadmap_item_id, programme)
    form = MilestoneForm()
    form.quarter.choices = _quarter_choices(programme)
    if form.validate():
        services.add_milestone(found, form.title.data, form.quarter.data or None)
        db.session.commit()
        flash(_("The milestone has been added."), "ok")
    else:
        for errors in form.errors.values():
            for error in errors:
                flash(_("Milestone not added: %(error)s", error=error), "error")
    return redirect(url_for(".item", programme_id=programme.id, roadmap_item_id=found.id)
                    + "#milestones")


def _milestone(programme, roadmap_item_id, milestone_id) -> Milestone:
    found = _in_programme(RoadmapItem, roadmap_item_id, programme)
    milestone = db.session.scalar(
        select(Milestone).where(Milestone.id == milestone_id,
                                Milestone.roadmap_item_id == found.id)
    )
    if milestone is None:
        abort(404)
    return milestone


@blueprint.route("/roadmap/<int:roadmap_item_id>/milestones/<int:milestone_id>/reached",
                 methods=["POST"])
@requires(read=READ, write=EDIT)
def milestone_reached(programme_id: int, roadmap_item_id: int, milestone_id: int):
    programme = _programme(programme_id)
    milestone = _milestone(programme, roadmap_item_id, milestone_id)
    services.set_milestone_reached(milestone, request.form.get("reached") == "1")
    db.session.commit()
    return redirect(url_for(".item", programme_id=programme.id,
                            roadmap_item_id=roadmap_item_id) + "#milestones")


@blueprint.route("/roadmap/<int:roadmap_item_id>/milestones/<int:milestone_id>/delete",
                 methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_milestone(programme_id: int, roadmap_item_id: int, milestone_id: int):
    programme = _programme(programme_id)
    services.delete_milestone(_milestone(programme, roadmap_item_id, milestone_id))
    db.session.commit()
    flash(_("The milestone has been deleted."), "ok")
    return redirect(url_for(".item", programme_id=programme.id,
                            roadmap_item_id=roadmap_item_id) + "#milestones")


# ----------------------------------------------------------------------------- governance
@blueprint.route("/governance")
@requires(READ)
def governance_page(programme_id: int):
    programme = _programme(programme_id)
    decisions = services.list_decisions(programme)
    decided = {d.topic for d in decisions if d.is_decided}
    return _render(
        "governance.html", programme, decisions=decisions,
        open_topics=[t for t in services.CORE_TOPICS if t not in decided],
        cost_lines=services.cost_lines(programme),
        choice_label=governance.choice_label,
    )


def _decision_form(programme, decision=None) -> DecisionForm:
    form = DecisionForm(obj=decision)
    form.choice_key.choices = choice_key_options(_("None of these"))
    _workshop_choices(form, programme, decision)
    if not form.is_submitted():
        if decision is not None:
            form.topic.data = decision.topic.value
            form.choice_key.data = decision.choice_key or ""
            for entry, option in zip(form.options.entries, decision.options or [],
                                     strict=False):
                entry.form.name.data = option.get("name", "")
                entry.form.pros.data = option.get("pros", "")
                entry.form.cons.data = option.get("cons", "")
            while len(form.options.entries) < min(6, len(decision.options or []) + 1):
                form.options.append_entry()
        elif request.args.get("topic") in Topic._value2member_map_:
            form.topic.data = request.args["topic"]
    return form


def _decision_fields(form, programme) -> dict:
    return {
        "topic": Topic(form.topic.data), "question": form.question.data,
        "options": form.option_records(), "choice_key": form.choice_key.data or None,
        "choice": form.choice.data or "", "rationale": form.rationale.data or "",
        "consequences": form.consequences.data or "", "decided_on": form.decided_on.data,
        "workshop": services.find_workshop(programme, form.workshop_id.data),
    }


@blueprint.route("/governance/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_decision(programme_id: int):
    programme = _programme(programme_id)
    form = _decision_form(programme)
    created = {}

    def apply():
        created["decision"] = services.create_decision(
            programme, **_decision_fields(form, programme)
        )

    if form.is_submitted() and save_form(form, apply):
        flash(_("The decision has been recorded."), "ok")
        return redirect(url_for(".decision", programme_id=programme.id,
                                decision_id=created["decision"].id))
    return _render("decision_form.html", programme, _status(form), form=form, decision=None)


@blueprint.route("/governance/<int:decision_id>")
@requires(READ)
def decision(programme_id: int, decision_id: int):
    programme = _programme(programme_id)
    found = _in_programme(GovernanceDecision, decision_id, programme)
    adopted = {f.rule_key for f in found.follow_ups if f.rule_key}
    return _render(
        "decision.html", programme, decision=found,
        proposals=governance.proposals(found, programme), adopted=adopted,
        choice_label=governance.choice_label,
    )


@blueprint.route("/governance/<int:decision_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_decision(programme_id: int, decision_id: int):
    programme = _programme(programme_id)
    found = _in_programme(GovernanceDecision, decision_id, programme)
    form = _decision_form(programme, found)

    def apply():
        services.update_decision(found, form.version.data, **_decision_fields(form, programme))

    if form.is_submitted() and save_form(form, apply, versioned=found):
        flash(_("The decision has been saved."), "ok")
        return redirect(url_for(".decision", programme_id=programme.id, decision_id=found.id))
    return _render("decision_form.html", programme, _status(form), form=form, decision=found)


@blueprint.route("/governance/<int:decision_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_decision(programme_id: int, decision_id: int):
    programme = _programme(programme_id)
    services.delete_decision(_in_programme(GovernanceDecision, decision_id, programme))
    db.session.commit()
    flash(_("The decision has been deleted."), "ok")
    return redirect(url_for(".governance_page", programme_id=programme.id))


@blueprint.route("/governance/<int:decision_id>/proposals", methods=["POST"])
@requires(read=READ, write=EDIT)
def adopt_proposals(programme_id: int, decision_id: int):
    """Take over one proposed consequence (``key``) or all that are not taken over yet."""
    programme = _programme(programme_id)
    found = _in_programme(GovernanceDecision, decision_id, programme)
    wanted = request.form.get("key", "")
    proposals = governance.proposals(found, programme)
    adopted = {f.rule_key for f in found.follow_ups}
    chosen = [p for p in proposals if (wanted in ("", "all") or p.key == wanted)
              and p.key not in adopted]
    if not chosen:
        flash(_("There is no proposal left to take over."), "warning")
    else:
        try:
            for proposal in chosen:
                services.adopt_proposal(programme, found, proposal)
            db.session.commit()
            flash(_("%(n)d follow-ups taken over.", n=len(chosen)), "ok")
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
    return redirect(url_for(".decision", programme_id=programme.id, decision_id=found.id)
                    + "#follow-ups")


def _follow_up_fields(form) -> dict:
    return {
        "title": form.title.data, "description": form.description.data or "",
        "owner": form.owner.data or "", "status": FollowUpStatus(form.status.data),
        "cost_category": form.cost_category.data or None, "fte": form.fte.data,
        "yearly_amount": form.yearly_amount.data, "one_off_amount": form.one_off_amount.data,
        "assumption": form.assumption.data or "",
    }


@blueprint.route("/governance/<int:decision_id>/follow-ups/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_follow_up(programme_id: int, decision_id: int):
    programme = _programme(programme_id)
    found = _in_programme(GovernanceDecision, decision_id, programme)
    form = FollowUpForm()

    def apply():
        services.add_follow_up(programme, found, **_follow_up_fields(form))

    if form.is_submitted() and save_form(form, apply):
        flash(_("The follow-up has been added."), "ok")
        return redirect(url_for(".decision", programme_id=programme.id, decision_id=found.id)
                        + "#follow-ups")
    return _render("follow_up_form.html", programme, _status(form), form=form,
                   decision=found, follow_up=None)


def _follow_up(programme, decision_id, follow_up_id) -> FollowUp:
    found = _in_programme(FollowUp, follow_up_id, programme)
    if found.decision_id != decision_id:
        abort(404)
    return found


@blueprint.route("/governance/<int:decision_id>/follow-ups/<int:follow_up_id>/edit",
                 methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_follow_up(programme_id: int, decision_id: int, follow_up_id: int):
    programme = _programme(programme_id)
    follow_up = _follow_up(programme, decision_id, follow_up_id)
    form = FollowUpForm(obj=follow_up)
    if not form.is_submitted():
        form.status.data = follow_up.status.value
        form.cost_category.data = follow_up.cost_category or ""

    def apply():
        services.update_follow_up(follow_up, form.version.data, **_follow_up_fields(form))

    if form.is_submitted() and save_form(form, apply, versioned=follow_up):
        flash(_("The follow-up has been saved."), "ok")
        return redirect(url_for(".decision", programme_id=programme.id, decision_id=decision_id)
                        + "#follow-ups")
    return _render("follow_up_form.html", programme, _status(form), form=form,
                   decision=follow_up.decision, follow_up=follow_up)


@blueprint.route("/governance/<int:decision_id>/follow-ups/<int:follow_up_id>/delete",
                 methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_follow_up(programme_id: int, decision_id: int, follow_up_id: int):
    programme = _programme(programme_id)
    services.delete_follow_up(_follow_up(programme, decision_id, follow_up_id))
    db.session.commit()
    flash(_("The follow-up has been deleted."), "ok")
    return redirect(url_for(".decision", programme_id=programme.id, decision_id=decision_id)
                    + "#follow-ups")
