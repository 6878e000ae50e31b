"""The programme list, the seven-step dashboard and the step pages."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from workplace_planner.auth.models import User
from workplace_planner.authorization import Access, Permission, requires
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.programmes import services
from workplace_planner.programmes.forms import ProgrammeForm, StepProgressForm
from workplace_planner.programmes.models import Programme, Status
from workplace_planner.scoping import current_organisation, get_scoped_or_404
from workplace_planner.steps import get_perspective, get_step, panels

blueprint = Blueprint("programmes", __name__)


@blueprint.route("/")
@requires(Access.LOGGED_IN)
def index():
    if g.get("membership") is None:
        return render_template("programmes/no_organisation.html"), 403
    return redirect(url_for(".list_programmes"))


@blueprint.route("/programmes")
@requires(Permission.VIEW)
def list_programmes():
    organisation = current_organisation()
    programmes = services.list_programmes(organisation)
    return render_template(
        "programmes/index.html",
        organisation=organisation,
        programmes=programmes,
        summaries={p.id: services.programme_summary(p) for p in programmes},
    )


def _programme_form(programme=None) -> ProgrammeForm:
    organisation = current_organisation()
    if programme is None:
        form = ProgrammeForm(
            start_year=date.today().year + 1,
            participants=[p.id for p in organisation.participants],
        )
    else:
        form = ProgrammeForm(obj=programme)
        if not form.is_submitted():
            form.participants.data = [p.id for p in programme.participants]
    form.participants.choices = [(p.id, p.name) for p in organisation.participants]
    return form


@blueprint.route("/programmes/new", methods=["GET", "POST"])
@requires(Permission.EDIT)
def new_programme():
    form = _programme_form()
    if form.validate_on_submit():
        programme = services.create_programme(
            current_organisation(),
            form.name.data,
            form.start_year.data,
            form.horizon_years.data,
            form.ambition.data,
            form.participants.data,
        )
        db.session.commit()
        flash(_("The programme has been created."), "ok")
        return redirect(url_for(".dashboard", programme_id=programme.id))
    status = 422 if form.is_submitted() else 200
    return render_template("programmes/form.html", form=form, programme=None), status


@blueprint.route("/programmes/<int:programme_id>")
@requires(Permission.VIEW)
def dashboard(programme_id: int):
    programme = get_scoped_or_404(Programme, programme_id)
    rows = services.dashboard_rows(programme)
    db.session.commit()  # progress rows for steps added to the registry since
    return render_template(
        "programmes/dashboard.html",
        programme=programme,
        rows=rows,
        checks={
            (step.key, perspective.key): panels.checks_for(programme, step.key, perspective.key)
            for step, cells in rows
            for perspective, _progress in cells
        },
        summary=services.programme_summary(programme),
        today=date.today(),
        Status=Status,
    )


@blueprint.route("/programmes/<int:programme_id>/edit", methods=["GET", "POST"])
@requires(Permission.EDIT)
def edit_programme(programme_id: int):
    programme = get_scoped_or_404(Programme, programme_id)
    form = _programme_form(programme)
    if not form.is_submitted():
        return render_template("programmes/form.html", form=form, programme=programme)

    def apply():
        services.update_programme(
            programme, form.version.data, form.name.data, form.start_year.data,
            form.horizon_years.data, form.ambition.data, form.participants.data,
        )

    if save_form(form, apply, versioned=programme):
        flash(_("The programme has been saved."), "ok")
        return redirect(url_for(".dashboard", programme_id=programme.id))
    return render_template("programmes/form.html", form=form, programme=programme), 422


@blueprint.route("/programmes/<int:programme_id>/steps/<step_key>")
@requires(Permission.VIEW)
def step(programme_id: int, step_key: str):
    programme = get_scoped_or_404(Programme, programme_id)
    step = get_step(step_key) or abort(404)
    rows = services.dashboard_rows(programme)
    cells = next(cells for row_step, cells in rows if row_step is step)
    db.session.commit()
    return render_template(
        "steps/step.html", programme=programme, step=step, cells=cells, today=date.today(),
        checks={p.key: panels.checks_for(programme, step.key, p.key) for p, _cell in cells},
    )


@blueprint.route(
    "/programmes/<int:programme_id>/steps/<step_key>/<perspective_key>",
    methods=["GET", "POST"],
)
@requires(read=Permission.VIEW, write=Permission.EDIT)
def perspective(programme_id: int, step_key: str, perspective_key: str):
    programme = get_scoped_or_404(Programme, programme_id)
    step = get_step(step_key) or abort(404)
    perspective = get_perspective(perspective_key) or abort(404)
    services.dashboard_rows(programme)
    progress = programme.progress_for(step.key, perspective.key)

    form = StepProgressForm(obj=progress)
    owners = services.possible_owners(current_organisation())
    form.owner_id.choices = [(0, _("Nobody yet"))] + [(u.id, u.display_name) for u in owners]
    form.deliverables.choices = [(d.key, d.title) for d in step.deliverables_for(perspective.key)]
    if not form.is_submitted():
        form.owner_id.data = progress.owner_id or 0
        form.deliverables.data = list(progress.completed_deliverables or [])

    def apply():
        owner = next((u for u in owners if u.id == form.owner_id.data), None)
        services.update_step_progress(
            progress, form.version.data, Status(form.status.data), owner,
            form.due_date.data, form.notes.data,
            form.deliverables.data or [],  # no box ticked: nothing is submitted
        )

    if form.is_submitted() and save_form(form, apply, versioned=progress):
        flash(_("Saved."), "ok")
        return redirect(
            url_for(
                ".perspective",
                programme_id=programme.id,
                step_key=step.key,
                perspective_key=perspective.key,
            )
        )
    status = 422 if form.is_submitted() else 200
    return render_template(
        "steps/perspective.html",
        programme=programme,
        step=step,
        perspective=perspective,
        progress=progress,
        form=form,
        owner=db.session.get(User, progress.owner_id) if progress.owner_id else None,
        today=date.today(),
        checks=panels.checks_for(programme, step.key, perspective.key),
        **panels.context_for(programme, step.key, perspective.key),
    ), status
