"""Operations on programmes and their step progress. They never commit: the view does, once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from workplace_planner.auth.models import Membership, Organisation, Participant, User
from workplace_planner.extensions import db
from workplace_planner.programmes.models import Programme, Status, StepProgress
from workplace_planner.stale import check_version


def list_programmes(organisation: Organisation) -> list[Programme]:
    return list(
        db.session.scalars(
            select(Programme)
            .where(Programme.organisation_id == organisation.id)
            .order_by(Programme.start_year.desc(), Programme.name)
        )
    )


def _participants(organisation: Organisation, ids) -> list[Participant]:
    wanted = set(ids or ())
    return [p for p in organisation.participants if p.id in wanted]


def create_programme(
    organisation: Organisation,
    name: str,
    start_year: int,
    horizon_years: int,
    ambition: str = "",
    participant_ids=None,
) -> Programme:
    programme = Programme(
        organisation_id=organisation.id,
        name=name.strip(),
        start_year=start_year,
        horizon_years=horizon_years,
        ambition=(ambition or "").strip(),
        participants=_participants(organisation, participant_ids),
    )
    db.session.add(programme)
    programme.ensure_progress_rows()
    return programme


def update_programme(
    programme: Programme, version, name, start_year, horizon_years, ambition, participant_ids
) -> None:
    check_version(programme, version)
    organisation = db.session.get(Organisation, programme.organisation_id)
    programme.name = name.strip()
    programme.start_year = start_year
    programme.horizon_years = horizon_years
    programme.ambition = (ambition or "").strip()
    programme.participants = _participants(organisation, participant_ids)


def possible_owners(organisation: Organisation) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .join(Membership)
            .where(Membership.organisation_id == organisation.id)
            .order_by(User.name, User.email)
        )
    )


def update_step_progress(
    progress: StepProgress,
    version,
    status: Status,
    owner: User | None,
    due_date: date | None,
    notes: str,
    deliverables,
) -> None:
    """Tick deliverables, then apply a status the user changed; the model refuses moves that
    contradict the checklist. A status left as it was lets the checklist move it."""
    check_version(progress, version)
    shown_status = progress.status
    progress.tick(deliverables)
    if status is not shown_status:
        progress.move_to(status)
    progress.owner = owner
    progress.due_date = due_date
    progress.notes = (notes or "").strip()


def dashboard_rows(programme: Programme):
    """The grid: for every step its progress per perspective, in registry order."""
    from workplace_planner.steps import PERSPECTIVES, STEPS

    programme.ensure_progress_rows()
    return [
        (step, [(p, programme.progress_for(step.key, p.key)) for p in PERSPECTIVES])
        for step in STEPS
    ]


def programme_summary(programme: Programme) -> dict:
    cells = programme.progress
    done = sum(1 for c in cells if c.status is Status.DONE)
    in_progress = sum(1 for c in cells if c.status is Status.IN_PROGRESS)
    ticked = sum(c.done_count for c in cells)
    total = sum(c.total_count for c in cells)
    return {
        "cells": len(cells),
        "done": done,
        "in_progress": in_progress,
        "deliverables_done": ticked,
        "deliverables_total": total,
        "percent": round(100 * ticked / total) if total else 0,
    }
