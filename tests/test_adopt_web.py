"""Step 5 pages: the demo's lagging persona is flagged with the measures that reach it;
reviewers read only, other organisations get 404, stale and bad saves are refused."""

from __future__ import annotations

import html

from workplace_planner.extensions import db
from workplace_planner.steps.adopt.models import AdoptionMeasurement
from workplace_planner.steps.strategy.employee.models import Persona


def _english(login, role: str):
    """A client in English: the tests read the English texts, whatever the Dutch catalogue
    says."""
    client = login(role)
    client.post("/language", data={"language": "en", "next": "/programmes"})
    return client


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _persona_id(demo, name: str) -> int:
    with demo.app_context():
        return db.session.scalar(db.select(Persona.id).where(Persona.name == name))


def _count(demo) -> int:
    with demo.app_context():
        return db.session.scalar(db.select(db.func.count(AdoptionMeasurement.id)))


def test_the_overview_flags_the_lagging_pilot_persona_and_names_its_measures(login, ids):
    page = _page(_english(login, "reviewer").get(f"/programmes/{ids['programme']}/adopt"))
    row = page[page.index("Groenbeheerder buitendienst"):]
    row = row[:row.index("</tr>")]
    assert "Behind on usage" in row
    assert "Instructievideo's voor de telefoon" in row  # the step-1 measure that reaches it
    policy = page[page.index(">Beleidsmedewerker<"):]
    assert "On track" in policy[:policy.index("</tr>")]


def test_the_persona_page_shows_the_chart_with_a_table_and_the_target_line(login, ids, demo):
    client = _english(login, "reviewer")
    persona = _persona_id(demo, "Groenbeheerder buitendienst")
    base = f"/programmes/{ids['programme']}/adopt/personas/{persona}"
    page = _page(client.get(base))
    assert 'id="measurements-table"' in page
    assert "21.4" in page  # target usage on 15 April 2028: 70 × 74 / 242 days
    assert f"/programmes/{ids['programme']}/personas/{persona}" in page  # back to step 1
    chart = client.get(base + "/chart.svg")
    assert chart.status_code == 200 and chart.mimetype == "image/svg+xml"
    assert "Gemeente Merwedal" in chart.get_data(as_text=True)


def test_an_editor_records_a_measurement_that_brings_the_persona_back_on_track(login, ids,
                                                                                demo):
    client = _english(login, "editor")
    persona = _persona_id(demo, "Groenbeheerder buitendienst")
    response = client.post(f"/programmes/{ids['programme']}/adopt/measurements/new", data={
        "persona_id": persona, "participant_id": ids["participant"],
        "measured_on": "2028-05-01", "usage_pct": "40", "satisfaction": "7.1",
        "tickets_per_100": "3.5", "note": "",
    })
    assert response.status_code == 302
    page = _page(client.get(f"/programmes/{ids['programme']}/adopt"))
    row = page[page.index("Groenbeheerder buitendienst"):]
    # Merwedal's latest (18 percent on 15 April) still lags: the persona stays behind.
    assert "Behind on usage" in row[:row.index("</tr>")]


def test_bad_input_is_refused_with_422_and_saves_nothing(login, ids, demo):
    before = _count(demo)
    client = _english(login, "editor")
    response = client.post(f"/programmes/{ids['programme']}/adopt/measurements/new",
                                    data={"persona_id": ids["persona"], "participant_id": 0,
                                          "measured_on": "2028-05-01", "usage_pct": "150",
                                          "satisfaction": "11"})
    assert response.status_code == 422
    page = _page(response)
    assert "Enter 100 or less." in page and "Enter 10 or less." in page
    assert _count(demo) == before


def test_a_target_date_before_go_live_is_refused_next_to_the_field(login, ids):
    client = _english(login, "editor")
    response = client.post(f"/programmes/{ids['programme']}/adopt/targets/new", data={
        "persona_id": ids["persona"], "starts_on": "2028-05-01", "target_date": "2028-04-01",
        "usage_pct": "80"})
    assert response.status_code == 422
    assert "The target date comes after the go-live date." in _page(response)


def test_a_stale_edit_is_refused_and_the_input_kept(login, ids, demo):
    url = (f"/programmes/{ids['programme']}/adopt/measurements/"
           f"{ids['adoption_measurement']}/edit")
    with demo.app_context():
        measurement = db.session.get(AdoptionMeasurement, ids["adoption_measurement"])
        shown = measurement.version
        data = {"persona_id": measurement.persona_id,
                "participant_id": measurement.participant_id or 0,
                "measured_on": measurement.measured_on.isoformat(), "version": shown}
    client = _english(login, "editor")
    assert client.post(url, data={**data, "usage_pct": "50"}).status_code == 302
    response = client.post(url, data={**data, "usage_pct": "55.5"})
    assert response.status_code == 422
    page = _page(response)
    assert "Someone else saved a change" in page and 'value="55.5"' in page
    with demo.app_context():
        assert db.session.get(AdoptionMeasurement, ids["adoption_measurement"]).usage_pct == 50


def test_a_reviewer_reads_but_cannot_write_and_another_organisation_gets_404(login, ids,
                                                                              demo):
    before = _count(demo)
    base = f"/programmes/{ids['programme']}/adopt"
    reviewer = _english(login, "reviewer")
    assert reviewer.get(base + "/measurements").status_code == 200
    assert reviewer.post(base + "/measurements/new", data={"usage_pct": "1"}).status_code == 403
    outsider = _english(login, "outsider")
    assert outsider.get(base).status_code == 404
    other = f"/programmes/{ids['other_programme']}/adopt/measurements/"
    assert outsider.get(f"{other}{ids['adoption_measurement']}/edit").status_code == 404
    assert outsider.post(f"{other}{ids['adoption_measurement']}/delete").status_code == 404
    assert _count(demo) == before


def test_the_dashboard_cell_shows_the_lagging_persona(login, ids):
    page = _page(_english(login, "reviewer").get(
        f"/programmes/{ids['programme']}/steps/adopt/employee"))
    assert "No persona falls behind its target" in page
    assert "Groenbeheerder buitendienst" in page
