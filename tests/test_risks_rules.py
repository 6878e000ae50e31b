"""The pure parts of the risk assessment: levels from the matrix, the heat-map counts, the
risk timeline, and every consistency check on its own (no app, no database)."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from workplace_planner.steps.strategy.risks import checks, figures, matrix

TODAY = date(2028, 6, 15)


# ----------------------------------------------------------------------------- matrix
def test_the_default_matrix_levels_every_cell():
    levels = matrix.DEFAULT_LEVELS
    assert matrix.is_valid(levels)
    assert matrix.level_for(levels, 1, 1) == "low"
    assert matrix.level_for(levels, 3, 3) == "high"
    assert matrix.level_for(levels, 5, 5) == "critical"
    assert matrix.level_for(levels, 4, 2) == "high"


def test_rare_but_catastrophic_is_not_low_by_default():
    assert matrix.level_for(matrix.DEFAULT_LEVELS, 1, 5) != "low"
    assert matrix.rank(matrix.level_for(matrix.DEFAULT_LEVELS, 1, 5)) >= matrix.rank("medium")


def test_a_changed_matrix_changes_the_level():
    changed = [list(row) for row in matrix.DEFAULT_LEVELS]
    changed[0][4] = "critical"
    changed[2][2] = "medium"
    assert matrix.level_for(changed, 1, 5) == "critical"
    assert matrix.level_for(changed, 3, 3) == "medium"
    assert matrix.level_for(matrix.DEFAULT_LEVELS, 3, 3) == "high"  # the default is untouched


def test_missing_scores_have_no_level_and_wrong_scores_are_refused():
    assert matrix.level_for(matrix.DEFAULT_LEVELS, None, 3) is None
    with pytest.raises(ValueError):
        matrix.level_for(matrix.DEFAULT_LEVELS, 6, 1)


def test_an_incomplete_matrix_is_not_valid():
    assert not matrix.is_valid([["low"] * 5] * 4)
    assert not matrix.is_valid([["low"] * 5] * 4 + [["low"] * 4 + ["extreme"]])


def test_heat_counts_put_each_pair_in_its_cell_and_skip_missing_scores():
    counts = matrix.heat_counts([(1, 5), (1, 5), (3, 2), (None, 4), (2, None)])
    assert counts[0][4] == 2
    assert counts[2][1] == 1
    assert sum(map(sum, counts)) == 3


# ----------------------------------------------------------------------------- timeline
def test_risk_over_time_counts_the_risks_of_items_running_in_each_quarter():
    quarters = [100, 101, 102, 103]
    entries = [(100, 101, "high"), (101, 103, "low"), (101, 101, "high"),
               (None, None, "critical"), (102, 102, None)]
    result = figures.risk_over_time(entries, quarters)
    assert result[100] == {"low": 0, "medium": 0, "high": 1, "critical": 0}
    assert result[101] == {"low": 1, "medium": 0, "high": 2, "critical": 0}
    assert result[102] == {"low": 1, "medium": 0, "high": 0, "critical": 0}
    assert result[103]["low"] == 1


# ----------------------------------------------------------------------------- checks
def _risk(**fields):
    base = {
        "id": 7, "roadmap_item_id": 1, "inherent_likelihood": 4, "inherent_impact": 4,
        "residual_likelihood": None, "residual_impact": None, "treatment": "mitigate",
        "measures": [], "acceptances": [], "review_on": None,
    }
    return SimpleNamespace(**(base | fields))


def _measure(due_on=None, status="planned", description="MFA"):
    return SimpleNamespace(id=3, description=description, due_on=due_on, status=status)


def _acceptance(expires_on=date(2029, 1, 1), needs_renewal=False, decided_on=date(2028, 1, 1),
                id=1):
    return SimpleNamespace(id=id, decided_on=decided_on, expires_on=expires_on,
                           needs_renewal=needs_renewal)


def _codes(risk):
    return [f.code for f in checks.risk_findings(risk, TODAY)]


def test_a_clean_risk_has_no_findings():
    risk = _risk(residual_likelihood=2, residual_impact=3,
                 measures=[_measure(due_on=date(2028, 9, 1))], review_on=date(2028, 12, 1))
    assert _codes(risk) == []


def test_residual_higher_than_inherent():
    assert _codes(_risk(residual_likelihood=5, residual_impact=4,
                        measures=[_measure()])) == [checks.RESIDUAL_ABOVE_INHERENT]
    assert _codes(_risk(residual_likelihood=4, residual_impact=4)) == []


def test_residual_lowered_without_a_measure():
    assert _codes(_risk(residual_likelihood=2, residual_impact=4)) == [
        checks.LOWERED_WITHOUT_MEASURE]
    assert _codes(_risk(residual_likelihood=2, residual_impact=4, measures=[_measure()])) == []


def test_accept_without_an_acceptance():
    assert _codes(_risk(treatment="accept")) == [checks.ACCEPTANCE_MISSING]
    assert _codes(_risk(treatment="accept", acceptances=[_acceptance()])) == []


def test_an_acceptance_that_expired_or_needs_renewal_is_not_valid():
    expired = _risk(treatment="accept", acceptances=[_acceptance(expires_on=date(2028, 6, 1))])
    renew = _risk(treatment="mitigate", acceptances=[_acceptance(needs_renewal=True)])
    assert _codes(expired) == [checks.ACCEPTANCE_INVALID]
    assert _codes(renew) == [checks.ACCEPTANCE_INVALID]  # an accepted risk, whatever the plan


def test_the_newest_acceptance_counts():
    old = _acceptance(needs_renewal=True, decided_on=date(2027, 1, 1), id=1)
    new = _acceptance(decided_on=date(2028, 5, 1), id=2)
    assert _codes(_risk(treatment="accept", acceptances=[old, new])) == []


def test_a_measure_past_its_due_date_and_not_done():
    late = _measure(due_on=date(2028, 6, 1), status="in_progress", description="Oefenmail")
    done = _measure(due_on=date(2028, 6, 1), status="done")
    findings = checks.risk_findings(_risk(measures=[late, done]), TODAY)
    assert [(f.code, f.detail) for f in findings] == [(checks.MEASURE_OVERDUE, "Oefenmail")]


def test_a_review_date_that_passed():
    assert _codes(_risk(review_on=date(2028, 6, 14))) == [checks.REVIEW_OVERDUE]
    assert _codes(_risk(review_on=TODAY)) == []


def test_a_roadmap_item_that_changes_systems_without_a_risk():
    def item(id, systems, status="planned"):
        return SimpleNamespace(id=id, title=f"item {id}", systems=systems, status=status)

    items = [item(1, ["AD"]), item(2, ["Exchange"]), item(3, []), item(4, ["VPN"], "dropped")]
    risks = [_risk(roadmap_item_id=1)]
    assert [i.id for i in checks.items_without_assessment(items, risks)] == [2]
    findings = checks.programme_findings(items, risks, TODAY)
    assert (checks.ITEM_WITHOUT_ASSESSMENT, 2) in [(f.code, f.subject_id) for f in findings]
