"""Durations as people type and read them: "4 uur", "3 dagen", "1 week", "36" (hours).

Stored as whole hours. A number without a unit is hours; decimals may use a comma or a dot
("1,5 dag" is 36 hours) as long as the result is a whole number of hours.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from wtforms import Field
from wtforms.widgets import TextInput

MAX_HOURS = 24 * 366  # a year: anything longer is not a recovery objective
UNITS = {
    **dict.fromkeys(("", "h", "u", "hr", "hrs", "hour", "hours", "uur", "uren"), 1),
    **dict.fromkeys(("d", "day", "days", "dag", "dagen", "werkdag", "werkdagen"), 24),
    **dict.fromkeys(("w", "wk", "week", "weeks", "weken"), 168),
}
PATTERN = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\.?\s*$")


def parse_hours(text: str) -> int:
    """Whole hours from "4 uur", "3 dagen", "1 week", "8"; ValueError with a message."""
    match = PATTERN.match((text or "").strip().lower())
    if not match or match.group(2) not in UNITS:
        raise ValueError(str(_l("Enter a duration, for example 4 hours, 3 days or 1 week.")))
    try:
        hours = Decimal(match.group(1).replace(",", ".")) * UNITS[match.group(2)]
    except InvalidOperation as error:
        raise ValueError(str(_l("Enter a duration, for example 4 hours, 3 days or 1 week."))
                         ) from error
    if hours != hours.to_integral_value():
        raise ValueError(str(_l("Enter whole hours, for example 36 hours.")))
    if hours > MAX_HOURS:
        raise ValueError(str(_l("Enter at most a year.")))
    return int(hours)


def format_hours(hours: int | None) -> str:
    """"1 week", "3 days", "36 hours"; empty for None."""
    if hours is None:
        return ""
    if hours and hours % 168 == 0:
        return ngettext("%(num)d week", "%(num)d weeks", hours // 168)
    if hours and hours % 24 == 0:
        return ngettext("%(num)d day", "%(num)d days", hours // 24)
    return ngettext("%(num)d hour", "%(num)d hours", hours)


class DurationField(Field):
    """A duration typed as text ("4 uur", "3 dagen"), held as whole hours."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"autocomplete": "off", **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return format_hours(self.data)

    def process_formdata(self, valuelist):
        self.data = None
        if valuelist and valuelist[0].strip():
            self.data = parse_hours(valuelist[0])
