"""Small shared pieces of the modules of steps 5-7: a record's form page (the shared
``templates/steps/_form_page.html``) and a one-decimal number field."""

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


def render_record_form(layout: str, programme, form, heading, back_url: str, *,
                       delete_url: str | None = None, intro=None, status: int = 200,
                       **context):
    """The form page of one record: every field of the form in order, a save button, and a
    delete button when the record exists and may be deleted."""
    return render_template(
        "steps/_form_page.html", layout=layout, programme=programme, form=form,
        heading=heading, intro=intro, back_url=back_url, back_label=_l("Cancel"),
        delete_action=delete_url, delete_label=_l("Delete"), **context,
    ), status
