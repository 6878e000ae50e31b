"""Step 3, Prepare & pilot: the go/no-go rule, champions, criteria and the pages."""

from __future__ import annotations

import html
from datetime import date

import pytest

from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.steps.prepare.models import (
    Champion,
    PilotCriterion,
    PilotDecision,
    PilotGroup,
)


def english(login, role):
    client = login(role)
    client.post("/language", data={"language": "en"})
    return client


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_go_is_refused_while_a_criterion_is_unmet_or_unmeasured(demo):
    with demo.test_request_context():
        pilot = PilotGroup(name="Proef")
        with pytest.raises(DomainError):
            pilot.decide(PilotDecision.GO, date(2028, 3, 1))  # no criteria at all
        pilot.criteria.append(PilotCriterion(criterion="MFA lukt", met=True))
        pilot.criteria.append(PilotCriterion(criterion="Tevredenheid", met=None))
        with pytest.raises(DomainError, match="Tevredenheid"):
            pilot.decide(PilotDecision.GO, date(2028, 3, 1))
        pilot.criteria[1].met = False
        with pytest.raises(DomainError, match="Tevredenheid"):
            pilot.decide(PilotDecision.GO, date(2028, 3, 1))
        pilot.decide(PilotDecision.NO_GO, date(2028, 3, 1), "Eerst tevredenheid verbeteren")
        assert pilot.decision is PilotDecision.NO_GO
        pilot.criteria[1].met = True
        pilot.decide(PilotDecision.GO, date(2028, 4, 1))
        assert pilot.decision is PilotDecision.GO and pilot.may_go


def test_an_unmet_criterion_blocks_go_on_the_page(login, ids, demo):
    client = english(login, "editor")
    base = f"/programmes/{ids['programme']}/prepare"
    with demo.app_context():
        criterion = db.session.get(PilotCriterion, ids["criterion"])
        version = criterion.version
    response = client.post(f"{base}/criteria/{ids['criterion']}/edit", data={
        "criterion": "Inloggen met MFA lukt zonder hulp", "norm": "90 procent",
        "outcome": "70 procent", "result": "no", "version": version})
    assert response.status_code == 302
    with demo.app_context():
        pilot = db.session.get(PilotGroup, ids["pilot_group"])
        pilot_version = pilot.version
    response = client.post(f"{base}/pilots/{ids['pilot_group']}/decision", data={
        "decision": "go", "decided_on": "2028-04-01", "version": pilot_version})
    assert response.status_code == 422
    assert "Go is refused" in _text(response)
    assert "Inloggen met MFA lukt zonder hulp" in _text(response)


def test_the_demo_pilot_page_links_back_to_step_1(login, ids):
    page = _text(english(login, "reviewer").get(
        f"/programmes/{ids['programme']}/prepare/pilots/{ids['pilot_group']}"))
    assert "Pilot moderne werkplek Lingewaard-Oost" in page
    assert "Go" in page and "Met" in page
    assert f"/programmes/{ids['programme']}/personas/" in page
    assert f"/programmes/{ids['programme']}/technology/roadmap/" in page
    assert "Record the go/no-go decision" not in page  # a reviewer cannot decide


def test_a_reviewer_cannot_add_a_champion(login, ids, demo):
    with demo.app_context():
        before = db.session.scalar(db.select(db.func.count(Champion.id)))
    response = login("reviewer").post(f"/programmes/{ids['programme']}/prepare/champions/new",
                                      data={"name": "Iemand"})
    assert response.status_code == 403
    with demo.app_context():
        assert db.session.scalar(db.select(db.func.count(Champion.id))) == before


def test_a_pilot_ending_before_it_starts_is_refused(login, ids, demo):
    response = english(login, "editor").post(
        f"/programmes/{ids['programme']}/prepare/pilots/new",
        data={"name": "Omgekeerd", "starts_on": "2028-05-01", "ends_on": "2028-04-01",
              "size": "12"})
    assert response.status_code == 422
    assert "The pilot cannot end before it starts." in _text(response)
    with demo.app_context():
        assert db.session.scalar(db.select(PilotGroup).where(PilotGroup.name == "Omgekeerd")) \
            is None


def test_a_stale_pilot_edit_is_refused(login, ids, demo):
    response = english(login, "editor").post(
        f"/programmes/{ids['programme']}/prepare/pilots/{ids['pilot_group']}/edit",
        data={"name": "Andere naam", "version": 0})
    assert response.status_code == 422
    assert "Someone else saved a change" in _text(response)
    with demo.app_context():
        assert db.session.get(PilotGroup, ids["pilot_group"]).name != "Andere naam"


def test_another_organisation_gets_404(login, ids):
    client = login("outsider")
    base = f"/programmes/{ids['other_programme']}/prepare"
    assert client.get(f"{base}/pilots/{ids['pilot_group']}").status_code == 404
    assert client.get(f"{base}/champions/{ids['champion']}/edit").status_code == 404


def test_a_champion_is_added_with_persona_and_pilot(login, ids, demo):
    client = english(login, "editor")
    response = client.post(f"/programmes/{ids['programme']}/prepare/champions/new", data={
        "name": "Sanne Pol", "role": "Wijkconsulent", "participant_id": ids["participant"],
        "persona_id": ids["persona"], "pilot_id": ids["pilot_group"]})
    assert response.status_code == 302
    page = _text(client.get(f"/programmes/{ids['programme']}/prepare/champions"))
    assert "Sanne Pol" in page and "Pilot moderne werkplek Lingewaard-Oost" in page
