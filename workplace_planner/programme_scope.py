"""Objects that belong to a programme: fetched only within the current organisation's programme."""

from __future__ import annotations

from flask import abort
from sqlalchemy import select

from workplace_planner.extensions import db
from workplace_planner.programmes.models import Programme
from workplace_planner.scoping import get_scoped_or_404


def get_programme(programme_id: int) -> Programme:
    return get_scoped_or_404(Programme, programme_id)


def get_in_programme_or_404(model, object_id: int, programme: Programme):
    """The object if it belongs to this programme (and so to the current organisation)."""
    found = db.session.scalar(
        select(model).where(
            model.id == object_id,
            model.programme_id == programme.id,
            model.organisation_id == programme.organisation_id,
        )
    )
    if found is None:
        abort(404)
    return found
