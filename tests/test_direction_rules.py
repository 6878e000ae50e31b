"""The pure rules of vision and cooperation: the priority formula, cooperation-opportunity
detection and the keyword comparison."""

from __future__ import annotations

from decimal import Decimal

import pytest

from workplace_planner.steps.strategy.direction import cooperation, keywords
from workplace_planner.steps.strategy.direction.cooperation import Planned, find_opportunities
from workplace_planner.steps.strategy.direction.priority import Weights, priority, sort_key


# ----------------------------------------------------------------------------- priority
def test_priority_is_the_weighted_mean_rounded_to_one_decimal():
    # (40×5 + 35×3 + 25×1) / 100 = 3.30
    assert priority(5, 3, 1) == Decimal("3.3")
    assert priority(5, 5, 5) == Decimal("5.0")
    assert priority(1, 1, 1) == Decimal("1.0")


def test_the_weights_change_the_priority():
    assert priority(5, 1, 1, Weights(100, 0, 0)) == Decimal("5.0")
    assert priority(5, 1, 1, Weights(0, 0, 100)) == Decimal("1.0")
    assert priority(4, 2, 3, Weights(34, 33, 33)) == Decimal("3.0")  # 3.02


def test_rounding_is_half_up():
    # (50×3 + 25×4 + 25×4)/100 = 3.50; (45×2 + 30×3 + 25×4)/100 = 2.80;
    # (35×2 + 30×3 + 35×3)/100 = 2.65 → 2.7 (half up, not to even)
    assert priority(3, 4, 4, Weights(50, 25, 25)) == Decimal("3.5")
    assert priority(2, 3, 3, Weights(35, 30, 35)) == Decimal("2.7")
    assert priority(2, 3, 4, Weights(45, 30, 25)) == Decimal("2.8")


def test_a_missing_rating_means_no_priority_yet_and_it_sorts_last():
    assert priority(None, 3, 3) is None
    assert priority(5, 5, None) is None
    values = [(None, "b"), (Decimal("2.0"), "c"), (Decimal("4.1"), "a")]
    assert [t for _v, t in sorted(values, key=lambda x: sort_key(*x))] == ["a", "c", "b"]


def test_bad_ratings_and_weights_are_refused():
    with pytest.raises(ValueError):
        priority(6, 3, 3)
    with pytest.raises(ValueError):
        priority(3, 3, 3, Weights(50, 50, 50))
    assert Weights(40, 35, 25).problem() is None
    assert Weights(40, 35, 20).problem()
    assert Weights(-10, 60, 50).problem()


# ----------------------------------------------------------------------------- cooperation
Q = 2028 * 4  # 2028 Q1


def test_the_same_roadmap_item_in_overlapping_quarters_is_an_opportunity():
    found = find_opportunities([
        Planned(1, 10, "Buitendienst", (Q + 2, Q + 3), roadmap_item_id=7),
        Planned(2, 20, "Vaardigheden buitendienst", (Q + 3, Q + 4), roadmap_item_id=7),
    ])
    assert len(found) == 1
    assert found[0].participant_ids == [10, 20]
    assert found[0].period == (Q + 3, Q + 3)
    assert found[0].reason == "roadmap_item"


def test_no_overlap_no_opportunity():
    assert find_opportunities([
        Planned(1, 10, "Webrichtlijnen-audit", (Q, Q + 1)),
        Planned(2, 20, "webrichtlijnen-audit", (Q + 2, Q + 3)),
    ]) == []


def test_the_same_item_by_one_municipality_twice_is_no_opportunity():
    assert find_opportunities([
        Planned(1, 10, "Laptops", (Q, Q + 3), roadmap_item_id=7),
        Planned(2, 10, "Laptops deel 2", (Q, Q + 3), roadmap_item_id=7),
    ]) == []


def test_titles_match_after_normalising_case_and_spaces():
    found = find_opportunities([
        Planned(1, 10, "  Webrichtlijnen-audit van de website", (Q, Q + 3)),
        Planned(2, 20, "webrichtlijnen-audit   van de WEBSITE ", (Q + 1, Q + 1)),
        Planned(3, 30, "Iets anders", (Q, Q + 3)),
    ])
    assert [(o.activity_ids, o.reason) for o in found] == [([1, 2], "title")]


def test_explicit_links_join_activities_transitively():
    found = find_opportunities([
        Planned(1, 10, "Digitale assistent", (Q, Q + 3)),
        Planned(2, 20, "Chatfunctie", (Q + 2, Q + 5), linked_id=1),
        Planned(3, 30, "Chatbot", (Q + 5, Q + 6), linked_id=2),
    ])
    assert len(found) == 1
    assert found[0].activity_ids == [1, 2, 3]
    assert found[0].participant_ids == [10, 20, 30]
    assert found[0].reason == "link"


def test_unplaced_activities_never_cooperate():
    assert find_opportunities([
        Planned(1, 10, "Archief", None),
        Planned(2, 20, "Archief", (Q, Q + 3)),
    ]) == []


def test_now_next_later_map_to_years():
    assert cooperation.horizon_period("now", 2027, 2031) == (2027 * 4, 2027 * 4 + 3)
    assert cooperation.horizon_period("next", 2027, 2031) == (2028 * 4, 2028 * 4 + 3)
    assert cooperation.horizon_period("later", 2027, 2031) == (2029 * 4, 2031 * 4 + 3)
    assert cooperation.horizon_period("later", 2031, 2031) == (2033 * 4, 2033 * 4 + 3)
    assert cooperation.current_year(2027, 2031, 2026) == 2027
    assert cooperation.current_year(2027, 2031, 2029) == 2029
    assert cooperation.current_year(2027, 2031, 2040) == 2031


def test_now_activities_of_two_municipalities_overlap():
    now = cooperation.horizon_period("now", 2027, 2031)
    found = find_opportunities([Planned(1, 10, "Audit", now), Planned(2, 20, "audit", now)])
    assert found[0].period == now


# ----------------------------------------------------------------------------- keywords
def test_keywords_drop_stop_words_and_count():
    words = keywords.keywords("De inwoners en de inwoners: dienstverlening voor inwoners, "
                              "digitaal en dichtbij. Our services for the residents.")
    assert words[0] == "inwoners"
    assert "dienstverlening" in words and "digitaal" in words and "residents" in words
    assert not {"de", "en", "voor", "our", "for", "the"} & set(words)


def test_typed_keywords_win():
    assert keywords.keywords("Veel tekst hier", "Cloud; samenwerken,  Minder kwetsbaar ") == [
        "cloud", "samenwerken", "minder kwetsbaar"]


def test_compare_says_what_is_shared_and_what_is_own():
    result = keywords.compare({
        "A": ["dienstverlening", "inwoners", "cloud"],
        "B": ["dienstverlening", "inwoners", "vakmanschap"],
        "C": ["dienstverlening", "cloud"],
        "D": [],
    })
    assert result.shared_by_all == ["dienstverlening"]
    assert result.shared_by_some == {"inwoners": ["A", "B"], "cloud": ["A", "C"]}
    assert result.own == {"A": [], "B": ["vakmanschap"], "C": []}
