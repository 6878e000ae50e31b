"""Pages of step 7, Evaluate & evolve, under /programmes/<id>/evaluate/."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from workplace_planner.authorization import Permission, requires
from workplace_planner.charts import chart_response
from workplace_planner.editing import save_form
from workplace_planner.extensions import db
from workplace_planner.programme_scope import get_in_programme_or_404, get_programme
from workplace_planner.steps import PERSPECTIVES, STEPS
from workplace_planner.steps.evaluate import (
    charts,
    panel,  # noqa: F401 - registers the step-page panels and the dashboard checks
    services,
)
from workplace_planner.steps.evaluate.forms import LessonForm, NextCycleForm, RealisedBenefitForm
from workplace_planner.steps.evaluate.models import (
    LESSON_CATEGORIES,
    LessonCategory,
    LessonLearned,
    RealisedBenefit,
)
from workplace_planner.steps.module_pages import form_status
from workplace_planner.steps.records import render_record_form
from workplace_planner.steps.strategy.organisation.forms import CATEGORY_LABELS
from workplace_planner.steps.strategy.technology.choices import ITEM_STATUSES

blueprint = Blueprint("evaluate", __name__,
                      url_prefix="/programmes/<int:programme_id>/evaluate")
READ, EDIT = Permission.VIEW, Permission.EDIT
LAYOUT = "steps/evaluate/_layout.html"


def _render(name: str, programme, status: int = 200, **context):
    return render_template(
        "steps/evaluate/" + name, programme=programme, categories=CATEGORY_LABELS,
        lesson_categories=LESSON_CATEGORIES, statuses=ITEM_STATUSES,
        perspectives={p.key: p.name for p in PERSPECTIVES},
        steps={s.key: s for s in STEPS}, **context,
    ), status


def _comparison(programme):
    version = services.approved_version(programme)
    return version, services.compare_benefits(programme, version, request.args.get("scenario"))


# ----------------------------------------------------------------------------- benefits
@blueprint.route("")
@requires(READ)
def benefits(programme_id: int):
    programme = get_programme(programme_id)
    version, comparison = _comparison(programme)
    return _render("benefits.html", programme, version=version, comparison=comparison,
                   realised=services.list_realised(programme))


@blueprint.route("/benefits/chart.svg")
@requires(READ)
def benefits_chart(programme_id: int):
    programme = get_programme(programme_id)
    _version, comparison = _comparison(programme)
    if comparison is None:
        inputs = {"years": [], "planned": [], "realised": [],
                  "labels": {"empty": _("No approved business case to compare with.")}}
    else:
        inputs = services.benefit_chart_inputs(comparison, {
            "planned": _("planned (approved business case)"), "realised": _("realised"),
            "unit": _("thousands of euros"),
        })
    return chart_response("evaluate-benefits", inputs,
                          lambda figure: charts.draw_benefits(figure, inputs),
                          width=8.0, height=4.0)


def _benefit_form(programme, version, record=None) -> RealisedBenefitForm:
    form = RealisedBenefitForm(obj=record)
    if version is not None:
        case = version.snapshot["case"]
        first, horizon = case["start_year"], case["horizon_years"]
    else:
        first, horizon = programme.start_year, programme.horizon_years
    years = list(range(first, first + horizon))
    if record is not None and record.year not in years:
        years.append(record.year)
    form.year.choices = [(y, str(y)) for y in years]
    form.line_key.choices = [("", _("No line: a category only"))] + [
        (line["key"], f"{line['scenario_name']}: {line['name']}")
        for line in services.benefit_lines(version)]
    form.category.choices = [("", _("From the line"))] + list(CATEGORY_LABELS.items())
    if record is not None and not form.is_submitted():
        form.line_key.data = record.line_key or ""
        form.category.data = "" if record.line_key else record.category
    return form


def _save_benefit(programme_id: int, realised_benefit_id: int | None):
    programme = get_programme(programme_id)
    record = realised_benefit_id and get_in_programme_or_404(
        RealisedBenefit, realised_benefit_id, programme)
    version = services.approved_version(programme)
    form = _benefit_form(programme, version, record or None)

    def apply():
        services.save_realised(programme, record or None, form.version.data,
                               year=form.year.data, line_key=form.line_key.data or None,
                               category=form.category.data or None, amount=form.amount.data,
                               note=form.note.data or "", baseline=version)

    back = url_for(".benefits", programme_id=programme.id)
    if form.is_submitted() and save_form(form, apply, versioned=record or None):
        flash(_("The realised benefit has been saved."), "ok")
        return redirect(back)
    delete = record and url_for(".delete_benefit", programme_id=programme.id,
                                realised_benefit_id=record.id)
    intro = (_("Booked against version %(number)d of the business case, approved.",
               number=version.number) if version else
             _("No business-case version has been approved yet: book the benefit on a "
               "category."))
    return render_record_form(
        LAYOUT, programme, form,
        _("Edit the realised benefit") if record else _("Record a realised benefit"), back,
        delete_url=delete, status=form_status(form), intro=intro)


@blueprint.route("/benefits/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_benefit(programme_id: int):
    return _save_benefit(programme_id, None)


@blueprint.route("/benefits/<int:realised_benefit_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_benefit(programme_id: int, realised_benefit_id: int):
    return _save_benefit(programme_id, realised_benefit_id)


@blueprint.route("/benefits/<int:realised_benefit_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_benefit(programme_id: int, realised_benefit_id: int):
    programme = get_programme(programme_id)
    services.delete_record(get_in_programme_or_404(RealisedBenefit, realised_benefit_id,
                                                   programme))
    db.session.commit()
    flash(_("The realised benefit has been deleted."), "ok")
    return redirect(url_for(".benefits", programme_id=programme.id))


# ----------------------------------------------------------------------------- satisfaction
@blueprint.route("/satisfaction")
@requires(READ)
def satisfaction(programme_id: int):
    programme = get_programme(programme_id)
    return _render("satisfaction.html", programme,
                   changes=services.satisfaction_changes(programme))


# ----------------------------------------------------------------------------- lessons
@blueprint.route("/lessons")
@requires(READ)
def lessons(programme_id: int):
    programme = get_programme(programme_id)
    return _render("lessons.html", programme, lessons=services.list_lessons(programme))


def _save_lesson(programme_id: int, lesson_learned_id: int | None):
    programme = get_programme(programme_id)
    lesson = lesson_learned_id and get_in_programme_or_404(LessonLearned, lesson_learned_id,
                                                           programme)
    form = LessonForm(obj=lesson or None)
    if lesson and not form.is_submitted():
        form.category.data = lesson.category.value
        form.step_key.data = lesson.step_key or ""

    def apply():
        services.save_lesson(programme, lesson or None, form.version.data,
                             title=form.title.data, description=form.description.data or "",
                             category=LessonCategory(form.category.data),
                             perspective=form.perspective.data,
                             step_key=form.step_key.data or None,
                             recommendation=form.recommendation.data or "")

    back = url_for(".lessons", programme_id=programme.id)
    if form.is_submitted() and save_form(form, apply, versioned=lesson or None):
        flash(_("The lesson has been saved."), "ok")
        return redirect(back)
    delete = lesson and url_for(".delete_lesson", programme_id=programme.id,
                                lesson_learned_id=lesson.id)
    return render_record_form(LAYOUT, programme, form,
                              _("Edit the lesson") if lesson else _("Record a lesson learned"),
                              back, delete_url=delete, status=form_status(form))


@blueprint.route("/lessons/new", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def new_lesson(programme_id: int):
    return _save_lesson(programme_id, None)


@blueprint.route("/lessons/<int:lesson_learned_id>/edit", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def edit_lesson(programme_id: int, lesson_learned_id: int):
    return _save_lesson(programme_id, lesson_learned_id)


@blueprint.route("/lessons/<int:lesson_learned_id>/delete", methods=["POST"])
@requires(read=READ, write=EDIT)
def delete_lesson(programme_id: int, lesson_learned_id: int):
    programme = get_programme(programme_id)
    services.delete_record(get_in_programme_or_404(LessonLearned, lesson_learned_id,
                                                   programme))
    db.session.commit()
    flash(_("The lesson has been deleted."), "ok")
    return redirect(url_for(".lessons", programme_id=programme.id))


# ----------------------------------------------------------------------------- next cycle
@blueprint.route("/next-cycle", methods=["GET", "POST"])
@requires(read=READ, write=EDIT)
def next_cycle(programme_id: int):
    programme = get_programme(programme_id)
    unfinished = services.unfinished_items(programme, dependencies=True)
    form = NextCycleForm()
    form.items.choices = [(item.id, item.title) for item in unfinished]
    if not form.is_submitted():
        form.items.data = [item.id for item in unfinished]
        form.name.data = _("%(name)s, next cycle", name=programme.name)
        form.start_year.data = programme.end_year + 1
        form.horizon_years.data = programme.horizon_years
    started = {}

    def apply():
        started["programme"], _refresh = services.start_next_cycle(
            programme, form.items.data, name=form.name.data, start_year=form.start_year.data,
            horizon_years=form.horizon_years.data, user=current_user, note=form.note.data or "")

    if form.is_submitted() and save_form(form, apply):
        flash(ngettext("The next cycle has started with %(num)d roadmap item carried over.",
                       "The next cycle has started with %(num)d roadmap items carried over.",
                       len(form.items.data)), "ok")
        return redirect(url_for("evaluate.next_cycle", programme_id=started["programme"].id))
    return _render(
        "next_cycle.html", programme, form_status(form), form=form, unfinished=unfinished,
        refreshes=services.refreshes_of(programme),
        destinations=services.destinations(programme),
        carried_in=services.carried_into(programme),
    )
