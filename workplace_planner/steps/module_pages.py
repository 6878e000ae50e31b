"""Small helpers the pages of steps 2-4 share: rendering with the programme, the answer status
of a form page, and filling a form's programme-dependent choices."""

from __future__ import annotations

from flask import render_template


def render(template: str, programme, status: int = 200, **context):
    return render_template(template, programme=programme, **context), status


def form_status(form) -> int:
    """422 for a refused submission (nothing was written), 200 for a first view."""
    return 422 if form.is_submitted() else 200


def fill_multi(field, options, current=None, form=None) -> None:
    """Choices of a checkbox list from (id, label) pairs; on a first view, the current ids."""
    field.choices = list(options)
    if current is not None and form is not None and not form.is_submitted():
        field.data = [getattr(member, "id", member) for member in current]


def pick(objects, ids) -> list:
    """The objects whose id was chosen, in the objects' order (unknown ids are ignored)."""
    wanted = {int(i) for i in ids or ()}
    return [o for o in objects if o.id in wanted]
