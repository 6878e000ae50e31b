"""The programme list, the seven-step dashboard and the step pages."""

import html
import re

import pytest

from workplace_planner.extensions import db
from workplace_planner.programmes.models import IllegalTransition, Programme, Status, StepProgress
from workplace_planner.steps import PERSPECTIVE_KEYS, STEP_KEYS, STEPS


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _progress(app, programme_id, step="operate", perspective="organisation") -> StepProgress:
    with app.app_context():
        return db.session.scalar(
            db.select(StepProgress).where(
                StepProgress.programme_id == programme_id,
                StepProgress.step_key == step,
                StepProgress.perspective == perspective,
            )
        )


def test_the_registry_holds_seven_ordered_steps_with_deliverables_per_perspective():
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6, 7]
    assert STEP_KEYS == (
        "strategy", "design", "prepare", "implement", "adopt", "operate", "evaluate"
    )
    for step in STEPS:
        for perspective in PERSPECTIVE_KEYS:
            assert step.deliverables_for(perspective), (step.key, perspective)


def test_dashboard_shows_seven_steps_by_three_perspectives(login, ids):
    response = login("admin").get(f"/programmes/{ids['programme']}")
    page = _text(response)
    assert response.status_code == 200
    assert len(re.findall(r'<td class="utrecht-table__cell wp-cell', page)) == 21
    assert page.count('scope="row"') == 7
    # The demo programme is midway: step 1 done (3 of 3), step 4 started (1 of 2).
    assert "3 van 3 resultaten" in page
    assert "1 van 2 resultaten" in page
    assert "Gereed" in page and "Bezig" in page


def test_list_shows_the_organisations_programmes_only(login):
    page = _text(login("admin").get("/programmes"))
    assert "Digitale werkplek 2027–2031" in page
    assert "Werkplek in de cloud" not in page


def test_an_editor_changes_a_status_and_sees_it(login, ids, demo):
    client = login("editor")
    url = f"/programmes/{ids['programme']}/steps/operate/organisation"
    version = _progress(demo, ids["programme"]).version
    started = _text(client.get(f"/programmes/{ids['programme']}")).count("1 van 2 resultaten")
    response = client.post(
        url,
        data={
            "version": version,
            "status": "in_progress",
            "owner_id": "0",
            "due_date": "2027-05-15",
            "notes": "Eerste raming met de controller besproken.",
            "deliverables": ["vendor_management"],
        },
    )
    assert response.status_code == 302
    page = _text(client.get(url))
    assert "Eerste raming met de controller besproken." in page
    dashboard = _text(client.get(f"/programmes/{ids['programme']}"))
    assert dashboard.count("1 van 2 resultaten") == started + 1
    progress = _progress(demo, ids["programme"])
    assert progress.status is Status.IN_PROGRESS
    assert progress.completed_deliverables == ["vendor_management"]
    assert str(progress.due_date) == "2027-05-15"


def test_done_needs_every_deliverable_and_the_message_says_so(login, ids, demo):
    client = login("editor")
    url = f"/programmes/{ids['programme']}/steps/operate/organisation"
    progress = _progress(demo, ids["programme"])
    response = client.post(
        url,
        data={"version": progress.version, "status": "done", "owner_id": "0",
              "deliverables": ["vendor_management"], "notes": "mijn notitie"},
    )
    assert response.status_code == 422
    page = _text(response)
    assert 'id="status-error"' in page
    assert "mijn notitie" in page  # the input is not lost
    assert _progress(demo, ids["programme"]).status is Status.NOT_STARTED


def test_ticking_every_deliverable_allows_done(login, ids, demo):
    client = login("editor")
    progress = _progress(demo, ids["programme"])
    response = client.post(
        f"/programmes/{ids['programme']}/steps/operate/organisation",
        data={"version": progress.version, "status": "done", "owner_id": "0",
              "deliverables": ["vendor_management", "sla_kpi"]},
    )
    assert response.status_code == 302
    assert _progress(demo, ids["programme"]).status is Status.DONE


def test_a_stale_save_is_refused_and_overwrites_nothing(login, ids, demo):
    url = f"/programmes/{ids['programme']}/steps/operate/organisation"
    old_version = _progress(demo, ids["programme"]).version
    first, second = login("editor"), login("admin")
    first.post(url, data={"version": old_version, "status": "in_progress", "owner_id": "0",
                          "notes": "van de redacteur"})
    response = second.post(url, data={"version": old_version, "status": "not_started",
                                      "owner_id": "0", "notes": "van de beheerder"})
    assert response.status_code == 422
    page = _text(response)
    assert "van de beheerder" in page  # the input is kept
    # ... and the message shows what the other person saved.
    assert "Nu opgeslagen: Status: Bezig; Notities: van de redacteur." in page
    assert _progress(demo, ids["programme"]).notes == "van de redacteur"


def test_reviewer_reads_the_step_page_without_a_form_and_cannot_post(login, ids):
    client = login("reviewer")
    url = f"/programmes/{ids['programme']}/steps/strategy/employee"
    page = _text(client.get(url))
    assert "<form method=\"post\" novalidate" not in page
    assert "Interviews gehouden" in page or "Interviews" in page
    assert client.post(url, data={"status": "done"}).status_code == 403


def test_other_organisation_gets_404_on_the_demo_programme(login, ids):
    client = login("outsider")
    for url in (
        f"/programmes/{ids['programme']}",
        f"/programmes/{ids['programme']}/steps/strategy",
        f"/programmes/{ids['programme']}/steps/strategy/employee",
        f"/programmes/{ids['programme']}/edit",
    ):
        assert client.get(url).status_code == 404, url


def test_unknown_step_or_perspective_is_404(login, ids):
    client = login("admin")
    assert client.get(f"/programmes/{ids['programme']}/steps/nope").status_code == 404
    assert client.get(
        f"/programmes/{ids['programme']}/steps/strategy/nope"
    ).status_code == 404


def test_create_a_programme_with_its_participants(login, demo):
    client = login("editor")
    response = client.post(
        "/programmes/new",
        data={"name": "Werkplek 2030", "start_year": "2028", "horizon_years": "6",
              "ambition": "Alles als dienst.", "participants": []},
    )
    assert response.status_code == 302
    with demo.app_context():
        programme = db.session.scalar(db.select(Programme).where(Programme.name == "Werkplek 2030"))
        assert programme.end_year == 2033
        assert len(programme.progress) == 21


def test_bad_programme_input_is_reported_next_to_the_field(login):
    response = login("editor").post(
        "/programmes/new", data={"name": "", "start_year": "1900", "horizon_years": "0"}
    )
    assert response.status_code == 422
    page = _text(response)
    for field in ("name", "start_year", "horizon_years"):
        assert f'id="{field}-error"' in page


def test_status_transitions_live_on_the_model(app):
    progress = StepProgress(step_key="strategy", perspective="employee", status=Status.NOT_STARTED,
                            completed_deliverables=[])
    with pytest.raises(IllegalTransition):
        progress.move_to(Status.DONE)  # nothing delivered yet
    progress.tick(["personas"])
    assert progress.status is Status.IN_PROGRESS  # ticking starts the work
    with pytest.raises(IllegalTransition):
        progress.move_to(Status.NOT_STARTED)  # work has started
    with pytest.raises(IllegalTransition):
        progress.tick(["no_such_deliverable"])
    progress.tick(["interviews", "personas", "adoption_framework"])
    progress.move_to(Status.DONE)
    assert progress.status is Status.DONE and progress.percent_complete == 100
    progress.tick(["interviews", "personas"])
    assert progress.status is Status.IN_PROGRESS  # unticking reopens


def test_ticking_a_deliverable_with_the_status_left_alone_starts_the_work(login, ids, demo):
    progress = _progress(demo, ids["programme"])
    response = login("editor").post(
        f"/programmes/{ids['programme']}/steps/operate/organisation",
        data={"version": progress.version, "status": "not_started", "owner_id": "0",
              "deliverables": ["vendor_management"]},
    )
    assert response.status_code == 302
    assert _progress(demo, ids["programme"]).status is Status.IN_PROGRESS
