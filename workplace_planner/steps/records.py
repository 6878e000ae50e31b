"""Small shared pieces of the modules of steps 5-7: a record's form page in one template
(``templates/steps/_record_form.html``), a one-decimal number field, and loading a record of
the programme (404 otherwise)."""

from __future__ import annotations

from decimal import Decimal

from flask import render_template
from flask_babel import lazy_gettext as _l

from workplace_planner.fields import _LocaleNumberField
from workplace_planner.i18n import format_number


class OneDecimalField(_LocaleNumberField):
    """A number with at most one decimal, e.g. a percentage "62,5" or a score "7,4"."""

    invalid_message = _l("Enter a number with at most one decimal, for example 62,5.")

    def format(self, value) -> str:
        return format_number(value, decimals=1)

    def convert(self, number: Decimal) -> Decimal:
        if number != number.quantize(Decimal("0.1")):
            raise ValueError(str(self.invalid_message))
        return number.quantize(Decimal("0.1"))


def status_for(form) -> int:
    """422 for a refused submission, 200 for showing the form."""
    return 422 if form.is_submitted() else 200


def render_record_form(layout: str, programme, form, heading, back_url: str, *,
                       delete_url: str | None = None, intro=None, status: int = 200,
                       **context):
    """The form page of one record: every field of the form in order, a save button, and a
    delete button when the record exists and may be deleted."""
    return render_template(
        "steps/_record_form.html", layout=layout, programme=programme, form=form,
        heading=heading, back_url=back_url, delete_url=delete_url, intro=intro, **context,
    ), status
