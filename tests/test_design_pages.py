"""Step 2, Design: profiles checked against the personas' needs, the architecture, procurements."""

from __future__ import annotations

import html

from workplace_planner.extensions import db
from workplace_planner.steps.design import services
from workplace_planner.steps.design.models import Procurement, WorkplaceProfile
from workplace_planner.steps.strategy.employee.models import Persona


def english(login, role):
    """A client in English: the new pages' Dutch texts arrive when the catalogue is merged."""
    client = login(role)
    client.post("/language", data={"language": "en"})
    return client


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _persona(demo, name):
    with demo.app_context():
        return db.session.scalar(db.select(Persona.id).where(Persona.name == name))


def test_the_demo_profiles_fit_and_link_back_to_the_personas(login, ids):
    page = _text(english(login, "reviewer").get(f"/programmes/{ids['programme']}/design/profiles"))
    assert "Groenbeheerder buitendienst" in page
    assert f"/programmes/{ids['programme']}/personas" in page
    assert "Mismatches" not in page


def test_a_field_worker_without_a_mobile_device_or_an_application_is_flagged(login, ids, demo):
    persona_id = _persona(demo, "Groenbeheerder buitendienst")
    client = english(login, "editor")
    url = f"/programmes/{ids['programme']}/design/profiles/{persona_id}/edit"
    with demo.app_context():
        version = db.session.scalar(db.select(WorkplaceProfile.version).where(
            WorkplaceProfile.persona_id == persona_id))
    response = client.post(url, data={
        "version": version, "device_types": ["laptop"], "applications": "Teams",
        "licence_bundle_id": 0, "security_level": "basic", "mfa": "y"})
    assert response.status_code == 302
    page = _text(client.get(f"/programmes/{ids['programme']}/design/profiles"))
    section = page[page.index(f'id="persona-{persona_id}"'):]
    section = section[:section.index("</section>")]
    assert "works in the field, but the profile has no phone or tablet" in section
    assert "uses Roosterapp; the profile lacks it" in section.replace("roosterapp", "Roosterapp")
    assert "Smartphone" in section  # the persona's device kit is not in the profile


def test_check_profile_names_every_mismatch(demo):
    with demo.test_request_context():
        persona = db.session.scalar(db.select(Persona).where(
            Persona.name == "Wijkteammedewerker"))
        profile = WorkplaceProfile(device_types=["laptop"], applications="Teams",
                                   device_kits=[], mfa=True, managed_device=True)
        problems = services.check_profile(persona, profile).problems
        assert any("tablet" in p for p in problems)
        assert any("Zaaksysteem sociaal domein" in p for p in problems)
        assert not services.check_profile(persona, None).ok


def test_a_reviewer_reads_but_cannot_edit_a_profile(login, ids, demo):
    persona_id = _persona(demo, "Beleidsmedewerker")
    client = english(login, "reviewer")
    url = f"/programmes/{ids['programme']}/design/profiles/{persona_id}/edit"
    assert client.post(url, data={"applications": "x"}).status_code == 403
    page = _text(client.get(f"/programmes/{ids['programme']}/design/profiles"))
    assert "/edit" not in page


def test_the_architecture_shows_now_to_target_and_links_the_roadmap(login, ids):
    client = english(login, "editor")
    page = _text(client.get(f"/programmes/{ids['programme']}/design/architecture"))
    assert "Entra ID met voorwaardelijke toegang" in page
    assert "On-premise → SaaS" in page
    assert "Identiteit naar Entra ID" in page
    assert f"/programmes/{ids['programme']}/technology/ambition" in page


def test_a_contract_after_its_roadmap_item_is_flagged(login, ids):
    client = english(login, "editor")
    page = _text(client.get(f"/programmes/{ids['programme']}/design/procurements"))
    row = page[page.index("Laptops en telefoons"):]
    row = row[:row.index("</tr>")]
    assert "Laptops voor Lingewaard-Oost" in row and "2028 Q3" in row
    assert "Warning: the contract starts after" in row


def test_a_procurement_awarded_before_publication_is_refused(login, ids, demo):
    with demo.app_context():
        before = db.session.scalar(db.select(db.func.count(Procurement.id)))
    response = english(login, "editor").post(
        f"/programmes/{ids['programme']}/design/procurements/new",
        data={"title": "Printers", "kind": "tender", "status": "planned",
              "decision_id": 0, "publication_date": "2028-05-01", "award_date": "2028-03-01",
              "estimated_value": "12,500.00"})
    assert response.status_code == 422
    assert "The award cannot come before the publication." in _text(response)
    with demo.app_context():
        assert db.session.scalar(db.select(db.func.count(Procurement.id))) == before


def test_a_stale_procurement_edit_is_refused(login, ids, demo):
    url = f"/programmes/{ids['programme']}/design/procurements/{ids['procurement']}/edit"
    data = {"title": "Nieuwe titel", "kind": "call_off", "status": "contracted",
            "decision_id": 0, "version": 0}
    response = english(login, "editor").post(url, data=data)
    assert response.status_code == 422
    with demo.app_context():
        assert db.session.get(Procurement, ids["procurement"]).title != "Nieuwe titel"


def test_another_organisation_gets_404(login, ids):
    client = english(login, "outsider")
    assert client.get(f"/programmes/{ids['programme']}/design/profiles").status_code == 404
    url = f"/programmes/{ids['other_programme']}/design/procurements/{ids['procurement']}/edit"
    assert client.get(url).status_code == 404


def test_the_design_step_pages_show_the_module_and_checks(login, ids):
    client = english(login, "editor")
    for perspective, link in (("employee", "/design/profiles"),
                              ("technology", "/design/architecture"),
                              ("organisation", "/design/procurements")):
        page = _text(client.get(f"/programmes/{ids['programme']}/steps/design/{perspective}"))
        assert link in page
    dashboard = _text(client.get(f"/programmes/{ids['programme']}"))
    assert "Every persona has a workplace profile" in dashboard


def test_the_profile_form_shows_what_the_persona_needs(login, ids, demo):
    persona_id = _persona(demo, "Wijkteammedewerker")
    page = _text(english(login, "editor").get(
        f"/programmes/{ids['programme']}/design/profiles/{persona_id}/edit"))
    assert "needs: Tablet, Phone" in page
    assert "Zaaksysteem sociaal domein" in page
