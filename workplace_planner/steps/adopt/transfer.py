"""Adoption measurements in and out of CSV and Excel (through ``tabular``). A row whose persona,
municipality and date match a measurement already recorded updates it, so an export can be
edited and imported again."""

from __future__ import annotations

from decimal import Decimal

from flask_babel import lazy_gettext as _l

from workplace_planner import tabular


def _one_decimal(minimum: int, maximum: int):
    number = tabular.amount(minimum=None)

    def parse(raw):
        value = number(raw)
        if value != value.quantize(Decimal("0.1")):
            raise ValueError(str(_l("Enter a number with at most one decimal, for example "
                                    "62,5.")))
        if value < minimum:
            raise ValueError(str(_l("Enter %(n)s or more.", n=minimum)))
        if value > maximum:
            raise ValueError(str(_l("Enter %(n)s or less.", n=maximum)))
        return value.quantize(Decimal("0.1"))

    return parse


def _amount_errors(parse):
    """``tabular.amount`` speaks of cents; a measurement speaks of one decimal."""
    def read(raw):
        try:
            return parse(raw)
        except ValueError as error:
            if str(error) == str(_l("Enter an amount in whole cents, at most two decimals.")):
                raise ValueError(str(_l("Enter a number with at most one decimal, for example "
                                        "62,5."))) from error
            raise

    return read


def measurement_columns(programme, personas) -> list[tabular.Column]:
    names = [p.name for p in programme.participants]
    return [
        tabular.Column("persona", _l("Persona"), tabular.choice([p.name for p in personas]),
                       required=True, example=personas[0].name if personas else ""),
        tabular.Column("municipality", _l("Municipality"), tabular.choice(names),
                       example=names[0] if names else "",
                       description=_l("Empty: the whole organisation.")),
        tabular.Column("measured_on", _l("Date"), tabular.iso_date, required=True,
                       example="2028-04-15"),
        tabular.Column("usage_pct", _l("Usage (percent)"), _amount_errors(_one_decimal(0, 100)),
                       required=True, example="61.5"),
        tabular.Column("satisfaction", _l("Satisfaction (1-10)"),
                       _amount_errors(_one_decimal(1, 10)), example="7.4"),
        tabular.Column("tickets_per_100", _l("Support tickets per 100 users"),
                       _amount_errors(_one_decimal(0, 100000)), example="3.1"),
        tabular.Column("note", _l("Note"), tabular.text(5000)),
    ]


def measurement_records(measurements) -> list[dict]:
    return [
        {"persona": m.persona.name,
         "municipality": m.participant.name if m.participant else None,
         "measured_on": m.measured_on, "usage_pct": m.usage_pct,
         "satisfaction": m.satisfaction, "tickets_per_100": m.tickets_per_100,
         "note": m.note}
        for m in sorted(measurements, key=lambda m: (m.measured_on, m.persona.name, m.id))
    ]
