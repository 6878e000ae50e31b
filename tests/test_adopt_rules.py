"""The falling-behind rule of step 5, on plain values."""

from datetime import date
from decimal import Decimal as D

from workplace_planner.steps.adopt.rules import (
    SATISFACTION,
    TICKETS,
    USAGE,
    Reading,
    TargetLine,
    behind_on,
    latest,
    target_usage_on,
)

LINE = TargetLine(date(2028, 1, 1), date(2028, 11, 27), D(80), D(7), D(4))  # 331 days


def test_the_target_line_rises_from_zero_at_go_live_to_the_target_and_stays_there():
    assert target_usage_on(LINE, date(2027, 12, 1)) == D("0.0")
    assert target_usage_on(LINE, date(2028, 1, 1)) == D("0.0")
    # 100 of 331 days: 80 × 100 / 331 = 24.17 → 24.2
    assert target_usage_on(LINE, date(2028, 4, 10)) == D("24.2")
    assert target_usage_on(LINE, date(2028, 11, 27)) == D("80.0")
    assert target_usage_on(LINE, date(2030, 1, 1)) == D("80.0")


def test_usage_below_the_line_on_its_date_is_behind_and_on_the_line_is_not():
    assert behind_on(Reading(date(2028, 4, 10), D("24.1")), LINE) == [USAGE]
    assert behind_on(Reading(date(2028, 4, 10), D("24.2")), LINE) == []


def test_satisfaction_and_tickets_count_only_from_the_target_date():
    early = Reading(date(2028, 6, 1), D(70), satisfaction=D(5), tickets=D(12))
    assert behind_on(early, LINE) == []
    late = Reading(date(2028, 12, 1), D(85), satisfaction=D("6.9"), tickets=D("4.1"))
    assert behind_on(late, LINE) == [SATISFACTION, TICKETS]
    on_target = Reading(date(2028, 12, 1), D(80), satisfaction=D(7), tickets=D(4))
    assert behind_on(on_target, LINE) == []


def test_a_missing_value_or_target_is_never_behind():
    line = TargetLine(date(2028, 1, 1), date(2028, 3, 1), D(50))
    assert behind_on(Reading(date(2028, 6, 1), D(60), satisfaction=D(1), tickets=D(99)),
                     line) == []
    assert behind_on(Reading(date(2028, 6, 1), D(60)), LINE) == []


def test_the_latest_reading_is_the_one_with_the_latest_date():
    readings = [Reading(date(2028, 4, 1), D(10)), Reading(date(2028, 6, 1), D(5)),
                Reading(date(2028, 5, 1), D(30))]
    assert latest(readings).usage == D(5)
    assert latest([]) is None
