"""Invalid input is refused with messages naming the line and the field; nothing is computed."""

from __future__ import annotations

import copy
import json

import pytest
from bc_helpers import EXAMPLE, base_case, line

from workplace_planner.business_case import CaseValidationError, load_case

VALID = json.loads(EXAMPLE.read_text(encoding="utf-8"))


def errors_of(data) -> list[str]:
    with pytest.raises(CaseValidationError) as info:
        load_case(data)
    return [str(e) for e in info.value.errors]


def mutate(fn):
    data = copy.deepcopy(VALID)
    fn(data)
    return errors_of(data)


def test_the_example_is_valid():
    load_case(VALID)


def test_unknown_driver():
    def change(d):
        d["scenarios"][1]["lines"][0]["driver"]["type"] = "per_seat"
    assert mutate(change) == [
        'scenarios[1].lines[0] "Microsoft 365 E3": driver.type: unknown driver \'per_seat\' '
        "(allowed: fixed, one_off, per_user, per_fte, usage, investment)"
    ]


def test_missing_field_names_line_and_field():
    def change(d):
        del d["scenarios"][1]["lines"][0]["driver"]["price_per_user_month"]
    assert mutate(change) == [
        'scenarios[1].lines[0] "Microsoft 365 E3": driver.price_per_user_month: missing'
    ]


def test_error_carries_a_machine_readable_path():
    data = copy.deepcopy(VALID)
    del data["scenarios"][1]["lines"][0]["driver"]["price_per_user_month"]
    with pytest.raises(CaseValidationError) as info:
        load_case(data)
    issue = info.value.errors[0]
    assert issue.path == ("scenarios", 1, "lines", 0, "driver", "price_per_user_month")
    assert issue.label == "Microsoft 365 E3"


def test_two_baselines():
    def change(d):
        d["scenarios"][1]["baseline"] = True
    [message] = mutate(change)
    assert message.startswith('scenarios[1] "Microsoft 365 en cloudwerkplek": baseline: '
                              "a second baseline")


def test_no_baseline():
    def change(d):
        del d["scenarios"][0]["baseline"]
    [message] = mutate(change)
    assert message.startswith("scenarios: no baseline")


@pytest.mark.parametrize("field", ["discount_rate", "price_index", "interest_rate"])
def test_rate_at_or_below_minus_100_percent(field):
    def change(d):
        d[field] = -1.0
    assert mutate(change) == [f"{field}: must be more than -1 (-100 %)"]


def test_line_indexation_and_usage_growth_below_minus_100_percent():
    def change(d):
        d["scenarios"][1]["lines"][0]["indexation"] = -1.5
        d["scenarios"][1]["lines"][2]["driver"]["growth"] = -1
    assert mutate(change) == [
        'scenarios[1].lines[0] "Microsoft 365 E3": indexation: must be more than -1 (-100 %)',
        'scenarios[1].lines[2] "Extra SharePoint storage": driver.growth: '
        "must be more than -1 (-100 %)",
    ]


def test_unknown_persona():
    def change(d):
        d["scenarios"][1]["lines"][1]["driver"]["personas"] = ["field", "ghost"]
    assert mutate(change) == [
        'scenarios[1].lines[1] "Microsoft 365 F3": driver.personas: unknown persona \'ghost\' '
        "(known: field, gis, office)"
    ]


def test_negative_headcount_reported_once():
    def change(d):
        d["personas"][0]["headcount"] = -5
        d["participants"][1]["headcount"] = -1
    assert mutate(change) == [
        'personas[0] "Buitendienst": headcount: must be 0 or more',
        'participants[1] "Gemeente B": headcount: must be 0 or more',
    ]


def test_end_before_start():
    def change(d):
        d["scenarios"][1]["lines"][3]["start_year"] = 2030
        d["scenarios"][1]["lines"][3]["end_year"] = 2028
    assert mutate(change) == [
        'scenarios[1].lines[3] "Cloud backup (SaaS)": end_year: 2028 is before start_year 2030'
    ]


def test_wrong_format_string():
    def change(d):
        d["format"] = "workplace-planner/business-case/v2"
    assert mutate(change) == [
        'format: expected "workplace-planner/business-case/v1", '
        "got 'workplace-planner/business-case/v2'"
    ]


def test_missing_format():
    def change(d):
        del d["format"]
    assert mutate(change) == ['format: missing (expected "workplace-planner/business-case/v1")']


def test_all_errors_are_collected_at_once():
    def change(d):
        d["scenarios"][1]["baseline"] = True
        d["discount_rate"] = -2
        d["scenarios"][1]["lines"][0]["driver"]["type"] = "nope"
        d["scenarios"][1]["lines"][5]["kind"] = "saving"
    assert len(mutate(change)) == 4


def test_unknown_field_is_refused_so_typos_are_caught():
    def change(d):
        d["scenarios"][1]["lines"][0]["driver"]["price_per_user_mnth"] = 28.2
    messages = mutate(change)
    assert any("driver.price_per_user_mnth: unknown field" in m for m in messages)


def test_type_errors():
    errors = errors_of(base_case([line(driver={"type": "fixed", "amount": "1000"})],
                                 horizon_years=2.5, vat_rate=True))
    assert errors == [
        "horizon_years: must be a whole number, got 2.5",
        "vat_rate: must be a number, got True",
        'scenarios[0].lines[0] "line": driver.amount: must be a number, got \'1000\'',
    ]


@pytest.mark.parametrize(("fields", "expected"), [
    ({"kind": "saving"}, "kind: unknown value 'saving' (allowed: cost, benefit)"),
    ({"category": "hardware"}, "category: unknown value 'hardware'"),
    ({"vat": "partly"}, "vat: unknown value 'partly'"),
    ({"range": {"low": 1.1, "high": 1.3}}, "range: needs low <= 1 <= high"),
    ({"range": {"low": 0.9}}, "range.high: missing"),
    ({"start_year": 2040}, "start_year: the line is active 2040-2031, outside the horizon"),
    ({"driver": {"type": "fixed", "amount": -1}}, "driver.amount: must be 0 or more"),
    ({"driver": {"type": "one_off", "amount": 1, "year": 2035}},
     "driver.year: 2035 is outside the horizon 2027-2031"),
    ({"driver": {"type": "investment", "amount": 1, "year": 2027, "depreciation_years": 0}},
     "driver.depreciation_years: must be 1 to 100"),
    ({"driver": {"type": "per_user", "price_per_user_month": 1}},
     'driver.users: give either "users" (a number) or "personas"'),
    ({"driver": {"type": "per_user", "price_per_user_month": 1, "users": 3,
                 "personas": ["x"]}}, 'driver.users: give either'),
    ({"kind": "benefit", "driver": {"type": "investment", "amount": 1, "year": 2027,
                                    "depreciation_years": 3}},
     "driver.type: investment is only allowed on cost lines"),
    ({"start_year": 2029, "driver": {"type": "one_off", "amount": 1, "year": 2028}},
     "driver.year: 2028 is outside the line's active years"),
])
def test_invalid_line_fields(fields, expected):
    data = base_case([{**line("Servers"), **fields}])
    [message] = errors_of(data)
    assert message.startswith('scenarios[0].lines[0] "Servers": ')
    assert expected in message


def test_missing_line_fields():
    errors = errors_of(base_case([{"driver": {"type": "fixed", "amount": 1}}]))
    assert errors == [
        "scenarios[0].lines[0]: name: missing",
        "scenarios[0].lines[0]: kind: missing",
        "scenarios[0].lines[0]: category: missing",
    ]


def test_missing_case_fields():
    errors = errors_of({"format": "workplace-planner/business-case/v1"})
    assert errors == ["start_year: missing", "horizon_years: missing", "discount_rate: missing",
                      "price_index: missing", "vat_rate: missing", "scenarios: missing"]


def test_interest_rate_required_only_with_investments():
    data = base_case([line()])
    del data["interest_rate"]
    assert load_case(data).interest_rate == 0.0
    data = base_case([line(driver={"type": "investment", "amount": 1, "year": 2027,
                                   "depreciation_years": 3})])
    del data["interest_rate"]
    assert errors_of(data) == ["interest_rate: missing"]


def test_duplicate_ids():
    errors = errors_of(base_case([line("a", id="x"), line("b", id="x")],
                                 personas=[{"id": "p", "headcount": 1},
                                           {"id": "p", "headcount": 2}]))
    assert errors == [
        "personas[1] \"p\": id: duplicate persona id 'p' (also personas[0])",
        "scenarios[0].lines[1] \"b\": id: duplicate line id 'x' (also lines[0])",
    ]


def test_allocation_key_problems():
    participants = [{"id": "a", "headcount": 3}, {"id": "b"}]
    assert errors_of(base_case([line()], participants=participants,
                               allocation_key="headcount")) == [
        "participants[1] \"b\": headcount: missing (needed by allocation_key 'headcount')"
    ]
    assert errors_of(base_case([line()], participants=participants,
                               allocation_key={"a": 0.5, "b": 0.4})) == [
        "allocation_key: shares must sum to 1, they sum to 0.9"
    ]
    assert errors_of(base_case([line()], participants=participants,
                               allocation_key={"a": 1, "z": 0})) == [
        "allocation_key.z: unknown participant (known: a, b)",
        "allocation_key.b: missing share for this participant",
    ]
    assert errors_of(base_case([line()], participants=participants)) == [
        'allocation_key: missing: "headcount", "inhabitants" or fixed shares per participant'
    ]


def test_not_an_object():
    assert errors_of([1, 2]) == ["the case must be a JSON object, got list"]


def test_defaults():
    data = base_case([{"name": "x", "kind": "cost", "category": "other",
                       "driver": {"type": "fixed", "amount": 1}}])
    case = load_case(data)
    [only] = case.scenarios[0].lines
    assert (only.id, only.vat, only.indexation, only.start_year, only.end_year) == (
        "L1", "compensable", None, None, None)
    assert case.depreciation_start == "next_year"


def test_round_trip_through_case_to_dict():
    from workplace_planner.business_case import case_to_dict

    case = load_case(VALID)
    assert load_case(case_to_dict(case)) == case


def test_driver_type_of_the_wrong_type():
    [message] = errors_of(base_case([line(driver={"type": ["fixed"], "amount": 1})]))
    assert "driver.type: unknown driver ['fixed']" in message


def test_absurd_magnitudes_are_refused_before_computing():
    # Each field is valid on its own, but 100 % growth for 60 years explodes past 1e12 euros.
    data = base_case([line("Storage", category="cloud",
                           driver={"type": "usage", "units": 1e6, "unit_price": 1e3,
                                   "growth": 1.0})], horizon_years=60)
    assert errors_of(data) == [
        'scenarios[0].lines[0] "Storage": driver: the amount exceeds 1e+12 euros in 2037; '
        "check the amounts, growth and indexation"
    ]
    assert errors_of(base_case([line(driver={"type": "fixed", "amount": 1e13})])) == [
        'scenarios[0].lines[0] "line": driver.amount: must be at most 1e+12'
    ]
