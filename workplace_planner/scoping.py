"""Queries scoped to the current organisation. Views never query tenant data by bare id."""

from __future__ import annotations

from flask import abort, g
from sqlalchemy import select

from workplace_planner.extensions import db


def current_organisation():
    membership = g.get("membership")
    if membership is None:
        abort(403)
    return membership.organisation


def scoped_select(model):
    """``SELECT model`` limited to the rows of the current organisation."""
    return select(model).where(model.organisation_id == current_organisation().id)


def get_scoped_or_404(model, object_id: int):
    """The object with this id if it belongs to the current organisation; 404 otherwise."""
    found = db.session.scalar(scoped_select(model).where(model.id == object_id))
    if found is None:
        abort(404)
    return found
