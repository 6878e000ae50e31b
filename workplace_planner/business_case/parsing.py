"""JSON dict (input format v1) -> validated :class:`~.model.Case`.

Every problem is collected before anything is raised, so the user sees all of them at once, and
nothing is ever computed from half-valid data. Each problem names where it is
(``scenarios[1].lines[3] "Licences E3"``), the field (``driver.price_per_user_month``) and what
is wrong. Indices are 0-based, as in JSON paths.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from .model import (
    ALLOCATION_KEYS,
    CATEGORIES,
    DEPRECIATION_STARTS,
    DRIVER_TYPES,
    INPUT_FORMAT,
    KINDS,
    NATURES,
    VAT_TREATMENTS,
    Case,
    FixedDriver,
    InvestmentDriver,
    Line,
    OneOffDriver,
    Participant,
    PerFteDriver,
    Persona,
    PerUserDriver,
    Range,
    Scenario,
    UsageDriver,
)

MIN_YEAR, MAX_YEAR = 1900, 2200
MAX_HORIZON = 60
MAX_QUANTITY = 1e12  # per amount, price, count: far beyond any municipality, far below overflow
MAX_LINE_YEAR = 1e12  # euros per line and year after indexation, growth and VAT
SHARE_TOLERANCE = 1e-6

_CASE_FIELDS = {
    "format", "name", "note", "start_year", "horizon_years", "discount_rate", "price_index",
    "vat_rate", "interest_rate", "depreciation_start", "personas", "participants",
    "allocation_key", "scenarios",
}
_SCENARIO_FIELDS = {"id", "name", "baseline", "lines", "note"}
_LINE_FIELDS = {
    "id", "name", "kind", "category", "driver", "start_year", "end_year", "indexation", "vat",
    "range", "nature", "assumption", "note", "source",
}
_PERSONA_FIELDS = {"id", "name", "headcount"}
_PARTICIPANT_FIELDS = {"id", "name", "headcount", "inhabitants"}
_DRIVER_FIELDS = {
    "fixed": {"amount"},
    "one_off": {"amount", "year"},
    "per_user": {"price_per_user_month", "users", "personas"},
    "per_fte": {"fte", "cost_per_fte"},
    "usage": {"units", "unit_price", "growth"},
    "investment": {"amount", "year", "depreciation_years"},
}


@dataclass(frozen=True)
class ValidationIssue:
    """One problem in the input. ``path`` is machine-readable, for putting it next to a field."""

    location: str  # e.g. 'scenarios[1].lines[3]'; '' for the case itself
    label: str | None  # the scenario/line/persona name, when known
    field: str  # e.g. 'driver.price_per_user_month'
    message: str
    path: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        where = self.location
        if self.label:
            where = f'{where} "{self.label}"' if where else f'"{self.label}"'
        parts = [p for p in (where, self.field, self.message) if p]
        return ": ".join(parts)


class CaseValidationError(ValueError):
    """The input is not a valid case; ``errors`` lists every problem found."""

    def __init__(self, errors: list[ValidationIssue]):
        self.errors = list(errors)
        super().__init__(
            f"{len(self.errors)} problem(s) in the business case:\n"
            + "\n".join(f"  {e}" for e in self.errors)
        )


# --------------------------------------------------------------------------- helpers
class _Missing:
    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return "<missing>"


MISSING = _Missing()


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(float(value))
    )


def _is_int(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and value.is_integer()


class _Context:
    """Where we are in the document, and the list the errors go to."""

    def __init__(self, errors: list[ValidationIssue], location: str, label: str | None,
                 path: tuple[str | int, ...]):
        self.errors = errors
        self.location = location
        self.label = label
        self.path = path

    def child(self, key: str | int, label: str | None = None) -> _Context:
        location = f"{self.location}[{key}]" if isinstance(key, int) else (
            f"{self.location}.{key}" if self.location else key
        )
        return _Context(self.errors, location, label, self.path + (key,))

    def error(self, field: str, message: str) -> None:
        field_path = tuple(p for p in field.split(".") if p) if field else ()
        self.errors.append(
            ValidationIssue(self.location, self.label, field, message, self.path + field_path)
        )

    def unknown_fields(self, data: Mapping, allowed: set[str], prefix: str = "") -> None:
        for key in data:
            if key not in allowed:
                allowed_text = ", ".join(sorted(allowed))
                self.error(f"{prefix}{key}", f"unknown field (allowed: {allowed_text})")

    # Getters return MISSING when the value is absent or invalid (the error is already noted).
    def number(self, data: Mapping, key: str, *, prefix: str = "", required: bool = True,
               default: Any = MISSING, check: Callable[[float], str | None] | None = None) -> Any:
        name = prefix + key
        if key not in data or data[key] is None:
            if required:
                self.error(name, "missing")
            return default
        value = data[key]
        if not _is_number(value):
            self.error(name, f"must be a number, got {value!r}")
            return MISSING
        value = float(value)
        problem = check(value) if check else None
        if problem:
            self.error(name, problem)
            return MISSING
        return value

    def integer(self, data: Mapping, key: str, *, prefix: str = "", required: bool = True,
                default: Any = MISSING, check: Callable[[int], str | None] | None = None) -> Any:
        name = prefix + key
        if key not in data or data[key] is None:
            if required:
                self.error(name, "missing")
            return default
        value = data[key]
        if not _is_int(value) or not math.isfinite(float(value)):
            self.error(name, f"must be a whole number, got {value!r}")
            return MISSING
        value = int(value)
        problem = check(value) if check else None
        if problem:
            self.error(name, problem)
            return MISSING
        return value

    def string(self, data: Mapping, key: str, *, prefix: str = "", required: bool = True,
               default: Any = MISSING, choices: tuple[str, ...] | None = None) -> Any:
        name = prefix + key
        if key not in data or data[key] is None:
            if required:
                self.error(name, "missing")
            return default
        value = data[key]
        if not isinstance(value, str):
            self.error(name, f"must be a text, got {value!r}")
            return MISSING
        if choices is not None and value not in choices:
            self.error(name, f"unknown value {value!r} (allowed: {', '.join(choices)})")
            return MISSING
        if choices is None and required and not value.strip():
            self.error(name, "must not be empty")
            return MISSING
        return value


def _non_negative(value: float) -> str | None:
    return "must be 0 or more" if value < 0 else None


def _amount(value: float) -> str | None:
    if value < 0:
        return "must be 0 or more"
    return f"must be at most {MAX_QUANTITY:.0e}" if value > MAX_QUANTITY else None


def _rate(value: float) -> str | None:
    # (1 + rate) must stay positive: at -100 % every later amount is zero or undefined.
    if value <= -1:
        return "must be more than -1 (-100 %)"
    return "must be at most 10 (1000 %)" if value > 10 else None


def _fraction(value: float) -> str | None:
    return "must be between 0 and 1 (e.g. 0.21 for 21 %)" if not 0 <= value <= 1 else None


def _year(value: int) -> str | None:
    if MIN_YEAR <= value <= MAX_YEAR:
        return None
    return f"must be between {MIN_YEAR} and {MAX_YEAR}"


def _label(data: Any, *keys: str) -> str | None:
    if isinstance(data, Mapping):
        for key in keys:
            if isinstance(data.get(key), str) and data[key].strip():
                return data[key]
    return None


def _optional_text(ctx: _Context, data: Mapping, key: str) -> str | None:
    value = ctx.string(data, key, required=False, default=None)
    return None if value is MISSING else value


# --------------------------------------------------------------------------- the case
def load_case(data: Any) -> Case:
    """Validate a dict in input format v1 and build the :class:`Case`.

    Raises :class:`CaseValidationError` listing every problem; returns only fully valid cases.
    """
    errors: list[ValidationIssue] = []
    root = _Context(errors, "", None, ())
    if not isinstance(data, Mapping):
        root.error("", f"the case must be a JSON object, got {type(data).__name__}")
        raise CaseValidationError(errors)

    root.unknown_fields(data, _CASE_FIELDS)
    fmt = data.get("format", MISSING)
    if fmt is MISSING:
        root.error("format", f'missing (expected "{INPUT_FORMAT}")')
    elif fmt != INPUT_FORMAT:
        root.error("format", f'expected "{INPUT_FORMAT}", got {fmt!r}')

    start_year = root.integer(data, "start_year", check=_year)
    horizon = root.integer(
        data, "horizon_years",
        check=lambda v: None if 1 <= v <= MAX_HORIZON else f"must be between 1 and {MAX_HORIZON}",
    )
    discount_rate = root.number(data, "discount_rate", check=_rate)
    price_index = root.number(data, "price_index", check=_rate)
    vat_rate = root.number(data, "vat_rate", check=_fraction)
    depreciation_start = root.string(
        data, "depreciation_start", required=False, default="next_year",
        choices=DEPRECIATION_STARTS,
    )

    horizon_ok = start_year is not MISSING and horizon is not MISSING
    years = (start_year, start_year + horizon - 1) if horizon_ok else None

    personas = _load_personas(root, data)
    participants = _load_participants(root, data)
    allocation_key = _load_allocation_key(root, data, participants)

    # Ids of every persona that has one, even if another of its fields is invalid, so a bad
    # headcount is reported once and not again as "unknown persona" on every line using it.
    raw_personas = data.get("personas") if isinstance(data.get("personas"), list) else []
    persona_ids = {
        raw["id"] for raw in raw_personas
        if isinstance(raw, Mapping) and isinstance(raw.get("id"), str)
    }
    scenarios = _load_scenarios(root, data, years, persona_ids)

    # The interest rate only matters for capital charges, so it is required only when there is
    # something to charge: a silent 0 % would understate the budget.
    has_investment = any(
        isinstance(line.driver, InvestmentDriver)
        for s in scenarios if s is not MISSING for line in s.lines
    )
    interest_rate = root.number(
        data, "interest_rate", required=has_investment, default=0.0, check=_rate
    )

    if errors:
        raise CaseValidationError(errors)
    case = Case(
        start_year=start_year,
        horizon_years=horizon,
        discount_rate=discount_rate,
        price_index=price_index,
        vat_rate=vat_rate,
        interest_rate=interest_rate,
        depreciation_start=depreciation_start,
        personas=tuple(personas),
        participants=tuple(participants),
        allocation_key=allocation_key,
        scenarios=tuple(scenarios),
        name=_optional_text(root, data, "name"),
        note=_optional_text(root, data, "note"),
    )
    _check_magnitudes(case, root)
    if errors:
        raise CaseValidationError(errors)
    return case


def _check_magnitudes(case: Case, root: _Context) -> None:
    """Refuse lines whose indexed, grown amounts run beyond MAX_LINE_YEAR euros in some year:
    with every field valid on its own, e.g. 60 years of 100 % growth still explode."""
    from .drivers import line_matrix  # here, not at the top: drivers imports the model only

    for s_index, scenario in enumerate(case.scenarios):
        amounts = line_matrix(case, scenario.lines, rounded=False).amounts
        too_big = ~(np.abs(amounts) <= MAX_LINE_YEAR)  # also catches inf and nan
        for i in np.flatnonzero(too_big.any(axis=1)):
            year = case.start_year + int(np.flatnonzero(too_big[i])[0])
            line = scenario.lines[i]
            root.child("scenarios").child(s_index).child("lines").child(int(i), line.name).error(
                "driver", f"the amount exceeds {MAX_LINE_YEAR:.0e} euros in {year}; check the "
                          "amounts, growth and indexation"
            )


def _list(ctx: _Context, data: Mapping, key: str, *, required: bool) -> list:
    value = data.get(key)
    if value is None:
        if required:
            ctx.error(key, "missing")
        return []
    if not isinstance(value, list):
        ctx.error(key, f"must be a list, got {type(value).__name__}")
        return []
    return value


def _check_unique_ids(ctx: _Context, items: list, what: str) -> None:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item is MISSING:
            continue
        if item.id in seen:
            ctx.child(index, getattr(item, "name", None) or item.id).error(
                "id", f"duplicate {what} id {item.id!r} (also {what}s[{seen[item.id]}])"
            )
        else:
            seen[item.id] = index


def _load_personas(root: _Context, data: Mapping) -> list:
    out = []
    items = _list(root, data, "personas", required=False)
    ctx = root.child("personas")
    for i, raw in enumerate(items):
        c = ctx.child(i, _label(raw, "name", "id"))
        if not isinstance(raw, Mapping):
            c.error("", "must be an object with id and headcount")
            out.append(MISSING)
            continue
        c.unknown_fields(raw, _PERSONA_FIELDS)
        pid = c.string(raw, "id")
        headcount = c.integer(raw, "headcount", check=_non_negative)
        name = _optional_text(c, raw, "name")
        ok = MISSING not in (pid, headcount)
        out.append(Persona(pid, headcount, name) if ok else MISSING)
    _check_unique_ids(ctx, out, "persona")
    return out


def _load_participants(root: _Context, data: Mapping) -> list:
    out = []
    items = _list(root, data, "participants", required=False)
    ctx = root.child("participants")
    for i, raw in enumerate(items):
        c = ctx.child(i, _label(raw, "name", "id"))
        if not isinstance(raw, Mapping):
            c.error("", "must be an object with id, headcount and/or inhabitants")
            out.append(MISSING)
            continue
        c.unknown_fields(raw, _PARTICIPANT_FIELDS)
        pid = c.string(raw, "id")
        headcount = c.integer(raw, "headcount", required=False, default=None,
                              check=_non_negative)
        inhabitants = c.integer(raw, "inhabitants", required=False, default=None,
                                check=_non_negative)
        name = _optional_text(c, raw, "name")
        ok = MISSING not in (pid, headcount, inhabitants)
        out.append(Participant(pid, headcount, inhabitants, name) if ok else MISSING)
    _check_unique_ids(ctx, out, "participant")
    return out


def _load_allocation_key(root: _Context, data: Mapping, participants: list):
    key = data.get("allocation_key")
    if not participants:
        if key is not None:
            root.error("allocation_key", "given, but there are no participants to allocate to")
        return None
    if key is None:
        root.error("allocation_key",
                   'missing: "headcount", "inhabitants" or fixed shares per participant')
        return MISSING
    valid = [p for p in participants if p is not MISSING]
    if isinstance(key, str):
        if key not in ALLOCATION_KEYS:
            root.error("allocation_key",
                       f"unknown value {key!r} (allowed: headcount, inhabitants, or fixed shares)")
            return MISSING
        for i, p in enumerate(participants):
            if p is not MISSING and getattr(p, key) is None:
                root.child("participants").child(i, p.name or p.id).error(
                    key, f"missing (needed by allocation_key {key!r})"
                )
        if valid and all(getattr(p, key) is not None for p in valid) and \
                sum(getattr(p, key) for p in valid) == 0:
            root.error("allocation_key", f"the participants' total {key} is 0: nothing to split by")
        return key
    if isinstance(key, Mapping):
        shares: dict[str, float] = {}
        ids = [p.id for p in valid]
        for pid, share in key.items():
            if pid not in ids:
                root.error(f"allocation_key.{pid}",
                           f"unknown participant (known: {', '.join(ids)})")
            elif not _is_number(share) or share < 0:
                root.error(f"allocation_key.{pid}",
                           f"share must be a number 0 or more, got {share!r}")
            else:
                shares[pid] = float(share)
        for pid in ids:
            if pid not in key:
                root.error(f"allocation_key.{pid}", "missing share for this participant")
        total = sum(shares.values())
        if len(shares) == len(ids) == len(key) and abs(total - 1) > SHARE_TOLERANCE:
            root.error("allocation_key", f"shares must sum to 1, they sum to {total:.6g}")
        return shares
    root.error("allocation_key", f"must be a text or an object of shares, got {key!r}")
    return MISSING


def _load_scenarios(root: _Context, data: Mapping, years: tuple[int, int] | None,
                    persona_ids: set[str]) -> list:
    items = _list(root, data, "scenarios", required=True)
    ctx = root.child("scenarios")
    out: list = []
    for i, raw in enumerate(items):
        c = ctx.child(i, _label(raw, "name", "id"))
        if not isinstance(raw, Mapping):
            c.error("", "must be an object with id, baseline and lines")
            out.append(MISSING)
            continue
        out.append(_load_scenario(c, raw, years, persona_ids))
    _check_unique_ids(ctx, out, "scenario")

    if "scenarios" in data and isinstance(data["scenarios"], list):
        baselines = [
            (i, raw) for i, raw in enumerate(items)
            if isinstance(raw, Mapping) and raw.get("baseline") is True
        ]
        if not items:
            root.error("scenarios", "at least one scenario (the baseline) is needed")
        elif not baselines:
            root.error("scenarios",
                       'no baseline: exactly one scenario must have "baseline": true '
                       "(the current situation)")
        for i, raw in baselines[1:]:
            first = baselines[0][1]
            ctx.child(i, _label(raw, "name", "id")).error(
                "baseline",
                f"a second baseline; scenarios[{baselines[0][0]}] "
                f"{_label(first, 'name', 'id')!r} is already the baseline (exactly one allowed)",
            )
    return out


def _load_scenario(c: _Context, raw: Mapping, years, persona_ids: set[str]):
    c.unknown_fields(raw, _SCENARIO_FIELDS)
    sid = c.string(raw, "id")
    name = c.string(raw, "name", required=False, default=None)
    baseline = raw.get("baseline", False)
    if not isinstance(baseline, bool):
        c.error("baseline", f"must be true or false, got {baseline!r}")
        baseline = MISSING
    lines_raw = _list(c, raw, "lines", required=True)
    lines_ctx = c.child("lines")
    lines = []
    for j, line_raw in enumerate(lines_raw):
        lc = lines_ctx.child(j, _label(line_raw, "name", "id"))
        if not isinstance(line_raw, Mapping):
            lc.error("", "must be an object")
            lines.append(MISSING)
            continue
        lines.append(_load_line(lc, line_raw, j, years, persona_ids))
    _check_unique_ids(lines_ctx, lines, "line")
    if MISSING in (sid, name, baseline) or MISSING in lines:
        return MISSING
    return Scenario(sid, name or sid, baseline, tuple(lines), _optional_text(c, raw, "note"))


def _load_line(c: _Context, raw: Mapping, index: int, years, persona_ids: set[str]):
    c.unknown_fields(raw, _LINE_FIELDS)
    line_id = c.string(raw, "id", required=False, default=f"L{index + 1}")
    name = c.string(raw, "name")
    kind = c.string(raw, "kind", choices=KINDS)
    category = c.string(raw, "category", choices=CATEGORIES)
    vat = c.string(raw, "vat", required=False, default="compensable", choices=VAT_TREATMENTS)
    nature = c.string(raw, "nature", required=False, default=None, choices=NATURES)
    indexation = c.number(raw, "indexation", required=False, default=None, check=_rate)
    start = c.integer(raw, "start_year", required=False, default=None, check=_year)
    end = c.integer(raw, "end_year", required=False, default=None, check=_year)
    line_range = _load_range(c, raw)

    if start not in (None, MISSING) and end not in (None, MISSING) and end < start:
        c.error("end_year", f"{end} is before start_year {start}")
        end = MISSING
    elif years is not None:
        first = years[0] if start in (None, MISSING) else start
        last = years[1] if end in (None, MISSING) else end
        if MISSING not in (start, end) and (last < years[0] or first > years[1]):
            c.error("start_year" if first > years[1] else "end_year",
                    f"the line is active {first}-{last}, outside the horizon "
                    f"{years[0]}-{years[1]}")
            start = MISSING

    driver = _load_driver(c, raw, years, persona_ids, kind)
    # A dated driver (one_off, investment) must fall inside the line's active years when given.
    year = getattr(driver, "year", None)
    if year is not None and driver is not MISSING:
        before = start not in (None, MISSING) and year < start
        after = end not in (None, MISSING) and year > end
        if before or after:
            c.error("driver.year", f"{year} is outside the line's active years "
                                   f"{start or ''}-{end or ''}")
            driver = MISSING

    values = (line_id, name, kind, category, vat, nature, indexation, start, end, line_range,
              driver)
    if MISSING in values:
        return MISSING
    return Line(
        id=line_id, name=name, kind=kind, category=category, driver=driver,
        start_year=start, end_year=end, indexation=indexation, vat=vat, range=line_range,
        nature=nature, assumption=_optional_text(c, raw, "assumption"),
        note=_optional_text(c, raw, "note"),
    )


def _load_range(c: _Context, raw: Mapping):
    value = raw.get("range")
    if value is None:
        return None
    if not isinstance(value, Mapping):
        c.error("range", 'must be an object {"low": ..., "high": ...}')
        return MISSING
    c.unknown_fields(value, {"low", "high"}, prefix="range.")
    low = c.number(value, "low", prefix="range.", check=_non_negative)
    high = c.number(value, "high", prefix="range.",
                    check=lambda v: None if 0 <= v <= 100 else "must be between 0 and 100")
    if MISSING in (low, high):
        return MISSING
    if not low <= 1 <= high:
        c.error("range", f"needs low <= 1 <= high (multipliers of the line's amount), "
                         f"got low {low:g}, high {high:g}")
        return MISSING
    return Range(low, high)


def _load_driver(c: _Context, raw: Mapping, years, persona_ids: set[str], kind):
    driver = raw.get("driver")
    if driver is None:
        c.error("driver", "missing")
        return MISSING
    if not isinstance(driver, Mapping):
        c.error("driver", 'must be an object with a "type"')
        return MISSING
    dtype = driver.get("type")
    if dtype is None:
        c.error("driver.type", f"missing (allowed: {', '.join(DRIVER_TYPES)})")
        return MISSING
    if not isinstance(dtype, str) or dtype not in DRIVER_TYPES:
        c.error("driver.type", f"unknown driver {dtype!r} (allowed: {', '.join(DRIVER_TYPES)})")
        return MISSING
    c.unknown_fields(driver, _DRIVER_FIELDS[dtype] | {"type"}, prefix="driver.")
    p = "driver."

    def in_horizon(value: int) -> str | None:
        problem = _year(value)
        if problem or years is None:
            return problem
        if not years[0] <= value <= years[1]:
            return f"{value} is outside the horizon {years[0]}-{years[1]}"
        return None

    if dtype == "fixed":
        values = (c.number(driver, "amount", prefix=p, check=_amount),)
        cls = FixedDriver
    elif dtype == "one_off":
        values = (c.number(driver, "amount", prefix=p, check=_amount),
                  c.integer(driver, "year", prefix=p, check=in_horizon))
        cls = OneOffDriver
    elif dtype == "per_fte":
        values = (c.number(driver, "fte", prefix=p, check=_amount),
                  c.number(driver, "cost_per_fte", prefix=p, check=_amount))
        cls = PerFteDriver
    elif dtype == "usage":
        values = (c.number(driver, "units", prefix=p, check=_amount),
                  c.number(driver, "unit_price", prefix=p, check=_amount),
                  c.number(driver, "growth", prefix=p, required=False, default=0.0,
                           check=_rate))
        cls = UsageDriver
    elif dtype == "investment":
        values = (c.number(driver, "amount", prefix=p, check=_amount),
                  c.integer(driver, "year", prefix=p, check=in_horizon),
                  c.integer(driver, "depreciation_years", prefix=p,
                            check=lambda v: None if 1 <= v <= 100 else "must be 1 to 100"))
        cls = InvestmentDriver
        if kind == "benefit":
            c.error("driver.type", "investment is only allowed on cost lines (model an avoided "
                                   "investment as a cost in the baseline)")
            return MISSING
    else:  # per_user
        return _load_per_user(c, driver, persona_ids)
    if MISSING in values:
        return MISSING
    return cls(*values)


def _load_per_user(c: _Context, driver: Mapping, persona_ids: set[str]):
    p = "driver."
    price = c.number(driver, "price_per_user_month", prefix=p, check=_amount)
    has_users = driver.get("users") is not None
    has_personas = driver.get("personas") is not None
    users: Any = None
    personas: Any = ()
    if has_users == has_personas:
        c.error("driver.users", 'give either "users" (a number) or "personas" (a list of persona '
                                'ids), not ' + ("both" if has_users else "neither"))
        return MISSING
    if has_users:
        users = c.number(driver, "users", prefix=p, check=_amount)
    else:
        raw = driver["personas"]
        if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
            c.error("driver.personas", "must be a non-empty list of persona ids")
            return MISSING
        for pid in raw:
            if pid not in persona_ids:
                known = ", ".join(sorted(persona_ids)) or "none defined"
                c.error("driver.personas", f"unknown persona {pid!r} (known: {known})")
                personas = MISSING
        if len(set(raw)) != len(raw):
            c.error("driver.personas", "lists a persona twice")
            personas = MISSING
        if personas is not MISSING:
            personas = tuple(raw)
    if MISSING in (price, users, personas):
        return MISSING
    return PerUserDriver(price, users, personas)
