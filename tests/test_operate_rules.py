"""The renewal flag of step 6, on plain dates."""

from datetime import date

from workplace_planner.steps.operate.rules import (
    DUE,
    ENDED,
    OK,
    OVERDUE,
    add_months,
    decision_date,
    renewal_status,
)

TODAY = date(2028, 5, 15)


def test_months_are_added_on_the_calendar():
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2028, 3, 31), -1) == date(2028, 2, 29)
    assert add_months(date(2028, 11, 15), 3) == date(2029, 2, 15)


def test_the_decision_date_is_the_renewal_date_or_the_end_minus_the_notice():
    assert decision_date(date(2029, 6, 30), 3, None) == date(2029, 3, 30)
    assert decision_date(date(2029, 6, 30), 3, date(2029, 1, 1)) == date(2029, 1, 1)
    assert decision_date(date(2029, 6, 30), 0, None) == date(2029, 6, 30)


def test_a_renewal_within_the_months_is_due_and_the_border_counts():
    # End 15 February 2029 with 3 months' notice: decide by 15 November 2028, 6 months ahead.
    assert renewal_status(date(2029, 2, 15), 3, None, TODAY, 6) == DUE
    assert renewal_status(date(2029, 2, 16), 3, None, TODAY, 6) == OK
    assert renewal_status(date(2029, 2, 16), 3, None, TODAY, 7) == DUE
    assert renewal_status(date(2030, 1, 1), 0, date(2028, 5, 15), TODAY, 6) == DUE


def test_a_passed_decision_date_of_a_running_contract_is_overdue_and_a_past_end_ended():
    assert renewal_status(date(2028, 7, 1), 3, None, TODAY, 6) == OVERDUE
    assert renewal_status(date(2028, 5, 14), 3, None, TODAY, 6) == ENDED
    assert renewal_status(date(2028, 5, 15), 0, None, TODAY, 6) == DUE
