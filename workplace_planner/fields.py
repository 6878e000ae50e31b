"""Form fields for Dutch number notation.

``type=number`` shows "1.234,50" as empty in Dutch browsers, so amounts are text inputs with
``inputmode="decimal"`` and are parsed with Babel for the user's language.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import lazy_gettext as _l
from wtforms import Field
from wtforms.validators import ValidationError
from wtforms.widgets import TextInput

from workplace_planner.i18n import current_language, format_number

MAX_MAGNITUDE = Decimal("1e15")


class _LocaleNumberField(Field):
    widget = TextInput()
    input_mode = "decimal"
    invalid_message = _l("Enter a number, for example 1.234,50.")

    def __init__(self, label=None, validators=None, minimum=None, maximum=None, **kwargs):
        render_kw = {"inputmode": self.input_mode, "autocomplete": "off"}
        render_kw.update(kwargs.pop("render_kw", None) or {})
        super().__init__(label, validators, render_kw=render_kw, **kwargs)
        self.minimum = minimum
        self.maximum = maximum

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]  # show exactly what was typed back next to the error
        if self.data is None:
            return ""
        return self.format(self.data)

    def format(self, value) -> str:
        return format_number(value, decimals=None)

    def convert(self, number: Decimal):
        return number

    def process_formdata(self, valuelist):
        self.data = None
        if not valuelist or not valuelist[0].strip():
            return
        text = valuelist[0].strip().replace("€", "").replace("\u00a0", " ").strip()
        try:
            number = parse_decimal(text, locale=current_language(), strict=True)
        except (NumberFormatError, InvalidOperation, ValueError) as error:
            raise ValueError(str(self.invalid_message)) from error
        if not number.is_finite():
            raise ValueError(str(self.invalid_message))
        if abs(number) >= MAX_MAGNITUDE:  # beyond any amount, and beyond Decimal's precision
            raise ValueError(str(_l("This number is too large.")))
        try:
            self.data = self.convert(number)
        except ArithmeticError as error:  # e.g. quantize on a number with too many digits
            raise ValueError(str(self.invalid_message)) from error

    def pre_validate(self, form):
        if self.data is None:
            return
        if self.minimum is not None and self.data < self.minimum:
            raise ValidationError(
                str(_l("Enter %(minimum)s or more.", minimum=format_number(self.minimum)))
            )
        if self.maximum is not None and self.data > self.maximum:
            raise ValidationError(
                str(_l("Enter %(maximum)s or less.", maximum=format_number(self.maximum)))
            )


class DecimalAmountField(_LocaleNumberField):
    """An amount in euros and cents, e.g. "1.234,50" in Dutch or "1,234.50" in English."""

    invalid_message = _l("Enter an amount, for example 1.234,50.")

    def format(self, value) -> str:
        return format_number(value, decimals=2)

    def convert(self, number: Decimal) -> Decimal:
        if number != number.quantize(Decimal("0.01")):
            raise ValueError(str(_l("Enter an amount in whole cents, at most two decimals.")))
        return number.quantize(Decimal("0.01"))


class LocaleIntegerField(_LocaleNumberField):
    """A whole number that may be typed with thousands separators, e.g. "12.500"."""

    input_mode = "numeric"
    invalid_message = _l("Enter a whole number, for example 12.500.")

    def format(self, value) -> str:
        return format_number(value, decimals=0)

    def convert(self, number: Decimal) -> int:
        if number != number.to_integral_value():
            raise ValueError(str(self.invalid_message))
        return int(number)
