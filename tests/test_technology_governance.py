"""Governance decisions: a choice proposes its follow-ups and cost lines; taking them over."""

from __future__ import annotations

import html
from decimal import Decimal

from workplace_planner.extensions import db
from workplace_planner.programmes.models import Programme
from workplace_planner.steps.strategy.technology import governance
from workplace_planner.steps.strategy.technology.choices import Topic
from workplace_planner.steps.strategy.technology.models import FollowUp, GovernanceDecision


class _Decision:
    def __init__(self, topic, choice_key):
        self.topic, self.choice_key = topic, choice_key


def test_as_a_service_proposes_a_regie_organisation_sized_to_the_workforce(demo, ids):
    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        employees = governance.headcount(programme)
        assert employees == 640 + 410 + 265
        proposals = governance.proposals(_Decision(Topic.SOURCING, "as_a_service"), programme)
        regie = next(p for p in proposals if p.key == "regie_organisation")
        assert regie.cost_category == "internal_staff"
        assert regie.fte == Decimal("3.5")  # 1315 / 400 = 3.3, rounded up to a half FTE
        assert regie.yearly_amount == Decimal("332500")


def test_in_house_proposes_training_per_role(demo, ids):
    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        proposals = governance.proposals(_Decision(Topic.SOURCING, "in_house"), programme)
        assert {p.cost_category for p in proposals} == {"training"}
        assert len(proposals) == 4 and all(p.one_off_amount > 0 for p in proposals)


def test_agile_and_devops_propose_a_change_in_organisation_and_culture(demo, ids):
    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        for choice in ("agile", "devops"):
            keys = {p.key for p in governance.proposals(
                _Decision(Topic.WAY_OF_WORKING, choice), programme)}
            assert "culture_change" in keys and "product_owners" in keys
        assert governance.proposals(_Decision(Topic.WAY_OF_WORKING, None), programme) == []


def test_a_choice_pattern_of_another_topic_is_refused(login, ids):
    response = login("editor").post(
        f"/programmes/{ids['programme']}/technology/governance/new",
        data={"topic": "sourcing", "question": "Hoe werken we?", "choice_key": "devops",
              "workshop_id": 0},
    )
    assert response.status_code == 422
    assert 'id="choice_key-error"' in response.get_data(as_text=True)


def test_recording_a_decision_proposes_follow_ups_that_can_be_taken_over(login, ids, demo):
    client = login("editor")
    base = f"/programmes/{ids['programme']}/technology/governance"
    response = client.post(f"{base}/new", data={
        "topic": "way_of_working", "question": "Werken we in DevOps-teams?",
        "options-0-name": "DevOps", "options-0-pros": "Snel", "options-0-cons": "Wennen",
        "choice_key": "devops", "choice": "DevOps voor het platformteam",
        "decided_on": "2027-04-01", "workshop_id": 0,
    })
    assert response.status_code == 302
    page = html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))
    assert page.count('name="key"') == 4  # change, product owners, training, on-call
    with demo.app_context():
        decision = db.session.scalar(
            db.select(GovernanceDecision).where(
                GovernanceDecision.question == "Werken we in DevOps-teams?"))
        assert decision.options == [{"name": "DevOps", "pros": "Snel", "cons": "Wennen"}]
        decision_id = decision.id
    client.post(f"{base}/{decision_id}/proposals", data={"key": "culture_change"})
    client.post(f"{base}/{decision_id}/proposals", data={"key": "culture_change"})  # twice
    client.post(f"{base}/{decision_id}/proposals", data={"key": "all"})
    with demo.app_context():
        follow_ups = db.session.scalars(
            db.select(FollowUp).where(FollowUp.decision_id == decision_id)).all()
        assert sorted(f.rule_key for f in follow_ups) == [
            "culture_change", "on_call", "product_owners", "training_devops"]
    overview = html.unescape(client.get(base).get_data(as_text=True))
    assert overview.count("wp-proposals") == 0 and 'id="cost-lines"' in overview


def test_the_demo_governance_has_a_regie_cost_line(login, ids):
    page = html.unescape(login("reviewer").get(
        f"/programmes/{ids['programme']}/technology/governance").get_data(as_text=True))
    lines = page[page.index('id="cost-lines"'):]
    assert "332.500" in lines  # € 332.500 per year, Dutch notation
