"""Step 6 pages: the demo's renewal due soon is flagged, service levels met or not, and the
usual refusals (reviewer 403, other organisation 404, stale save, bad input 422)."""

from __future__ import annotations

import html
from datetime import date

from workplace_planner.extensions import db
from workplace_planner.steps.operate.models import RunRole, ServiceContract
from workplace_planner.steps.operate.rules import add_months


def _english(login, role: str):
    client = login(role)
    client.post("/language", data={"language": "en", "next": "/programmes"})
    return client


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _row(page: str, text: str) -> str:
    row = page[page.index(text):]
    return row[:row.index("</tr>")]


def test_the_contract_due_for_renewal_is_flagged_and_the_others_are_not(login, ids):
    client = _english(login, "reviewer")
    page = _page(client.get(f"/programmes/{ids['programme']}/operate/contracts"))
    assert "Renewal due soon" in _row(page, "Servicedesk en werkplekbeheer")
    assert "Running" in _row(page, "Security Operations Center")
    # Its decision date is four months ahead: asked for three months, nothing is flagged.
    page = _page(client.get(f"/programmes/{ids['programme']}/operate/contracts?months=3"))
    assert "Renewal due soon" not in page
    cell = _page(client.get(f"/programmes/{ids['programme']}/steps/operate/organisation"))
    assert "No contract renewal due within six months" in cell
    assert "Servicedesk en werkplekbeheer" in cell


def test_a_contract_page_shows_its_systems_and_which_months_met_the_norm(login, ids, demo):
    with demo.app_context():
        contract_id = db.session.scalar(db.select(ServiceContract.id).where(
            ServiceContract.subject == "Servicedesk en werkplekbeheer"))
    page = _page(_english(login, "reviewer").get(
        f"/programmes/{ids['programme']}/operate/contracts/{contract_id}"))
    assert "Vaste desktops" in page  # the system from the step-1 inventory
    availability = page[page.index("Beschikbaarheid werkplekdiensten"):]
    assert "Met in 2 of 3 measured months." in availability
    march = _row(availability, "March 2028")
    assert "99.2" in march and "not met" in march


def test_an_editor_adds_a_contract_and_an_end_before_the_start_is_refused(login, ids, demo):
    client = _english(login, "editor")
    url = f"/programmes/{ids['programme']}/operate/contracts/new"
    data = {"supplier": "Printpartner B.V.", "subject": "Printdiensten",
            "systems": [ids["system"]], "starts_on": "2028-01-01", "ends_on": "2027-12-31",
            "notice_months": "3", "annual_value": "24,000.50"}
    response = client.post(url, data=data)
    assert response.status_code == 422
    assert "The end date cannot be before the start date." in _page(response)
    renewal = add_months(date.today(), 2)
    response = client.post(url, data={**data, "starts_on": add_months(renewal, -24).isoformat(),
                                      "ends_on": add_months(renewal, 3).isoformat()})
    assert response.status_code == 302
    with demo.app_context():
        contract = db.session.scalar(db.select(ServiceContract).where(
            ServiceContract.subject == "Printdiensten"))
        assert str(contract.annual_value) == "24000.50"
        assert [s.id for s in contract.systems] == [ids["system"]]
    page = _page(client.get(f"/programmes/{ids['programme']}/operate/contracts"))
    assert "Renewal due soon" in _row(page, "Printdiensten")


def test_bad_numbers_are_refused_with_422(login, ids, demo):
    with demo.app_context():
        before = db.session.scalar(db.select(db.func.count(RunRole.id)))
    response = _english(login, "editor").post(
        f"/programmes/{ids['programme']}/operate/roles/new",
        data={"name": "Architect", "fte": "veel", "sourcing": "internal"})
    assert response.status_code == 422
    assert "Enter an amount, for example" in _page(response)
    with demo.app_context():
        assert db.session.scalar(db.select(db.func.count(RunRole.id))) == before


def test_a_stale_edit_of_a_role_is_refused(login, ids, demo):
    url = f"/programmes/{ids['programme']}/operate/roles/{ids['run_role']}/edit"
    with demo.app_context():
        version = db.session.get(RunRole, ids["run_role"]).version
    client = _english(login, "editor")
    data = {"name": "Regisseur", "fte": "2.5", "sourcing": "internal", "version": version}
    assert client.post(url, data=data).status_code == 302
    response = client.post(url, data={**data, "fte": "3"})
    assert response.status_code == 422
    assert "Someone else saved a change" in _page(response)
    with demo.app_context():
        assert str(db.session.get(RunRole, ids["run_role"]).fte) == "2.50"


def test_a_reviewer_reads_only_and_another_organisation_gets_404(login, ids):
    base = f"/programmes/{ids['programme']}/operate"
    reviewer = _english(login, "reviewer")
    assert reviewer.get(base).status_code == 200
    assert reviewer.get(base + "/service-levels").status_code == 200
    assert reviewer.post(base + "/roles/new", data={"name": "x"}).status_code == 403
    outsider = _english(login, "outsider")
    assert outsider.get(f"{base}/contracts/{ids['service_contract']}").status_code == 404
    other = f"/programmes/{ids['other_programme']}/operate"
    assert outsider.get(f"{other}/contracts/{ids['service_contract']}").status_code == 404
    assert outsider.post(f"{other}/levels/{ids['service_level']}/delete").status_code == 404
