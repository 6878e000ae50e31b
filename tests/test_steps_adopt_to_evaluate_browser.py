"""Steps 5, 6 and 7 in a real browser: walk the demo's pages from adoption to the next cycle,
with screenshots and axe on every page, and record a measurement with the keyboard."""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.employee.models import Persona

pytestmark = pytest.mark.browser


def _persona(demo, name):
    with demo.app_context():
        return db.session.scalar(db.select(Persona.id).where(Persona.name == name))


def _walk(demo, ids):
    programme = f"/programmes/{ids['programme']}"
    field = _persona(demo, "Groenbeheerder buitendienst")
    return [
        ("adopt-step", f"{programme}/steps/adopt"),
        ("adopt-employee", f"{programme}/steps/adopt/employee"),
        ("adopt-overview", f"{programme}/adopt"),
        ("adopt-persona", f"{programme}/adopt/personas/{field}"),
        ("adopt-measurements", f"{programme}/adopt/measurements"),
        ("adopt-target-form", f"{programme}/adopt/targets/{ids['adoption_target']}/edit"),
        ("operate-step", f"{programme}/steps/operate"),
        ("operate-organisation", f"{programme}/steps/operate/organisation"),
        ("operate-run-organisation", f"{programme}/operate"),
        ("operate-contracts", f"{programme}/operate/contracts"),
        ("operate-contract", f"{programme}/operate/contracts/{ids['service_contract']}"),
        ("operate-contract-form", f"{programme}/operate/contracts/new"),
        ("operate-service-levels", f"{programme}/operate/service-levels"),
        ("evaluate-step", f"{programme}/steps/evaluate"),
        ("evaluate-organisation", f"{programme}/steps/evaluate/organisation"),
        ("evaluate-benefits", f"{programme}/evaluate"),
        ("evaluate-satisfaction", f"{programme}/evaluate/satisfaction"),
        ("evaluate-lessons", f"{programme}/evaluate/lessons"),
        ("evaluate-next-cycle", f"{programme}/evaluate/next-cycle"),
    ]


def test_walk_from_adoption_to_the_next_cycle(page, live_server, ids, demo):
    browser_log_in(page, live_server, "editor@demo.example")
    problems = {}
    for name, path in _walk(demo, ids):
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
        assert page.get_by_role("heading", level=1).count() == 1, path
        for image in page.locator("img.wp-chart__image").all():
            assert image.evaluate("img => img.complete && img.naturalWidth > 0"), path
        page.screenshot(path=str(ARTIFACTS / f"steps-b-{name}.png"), full_page=True)
        found = serious_violations(page)
        if found:
            problems[path] = found
    assert problems == {}


def test_an_editor_records_a_measurement_with_the_keyboard(page, live_server, ids, demo):
    browser_log_in(page, live_server, "editor@demo.example")
    page.goto(f"{live_server}/programmes/{ids['programme']}/adopt/measurements/new")
    page.locator("#persona_id").select_option(label="Beleidsmedewerker")
    page.locator("#participant_id").select_option(label="Gemeente Lingewaard-Oost")
    page.locator("#measured_on").fill("2028-06-15")
    page.locator("#usage_pct").fill("150")
    page.locator("#usage_pct").press("Enter")
    error = page.locator("#usage_pct-error")
    error.wait_for()
    assert page.locator("#usage_pct").get_attribute("aria-invalid") == "true"
    page.screenshot(path=str(ARTIFACTS / "steps-b-measurement-refused.png"), full_page=True)
    page.locator("#usage_pct").fill("72,5")
    page.locator("#satisfaction").fill("7,6")
    with page.expect_navigation():
        page.locator("#usage_pct").press("Enter")
    assert "72,5" in page.locator("table").first.inner_text()
