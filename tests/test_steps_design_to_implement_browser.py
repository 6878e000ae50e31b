"""Steps 2, 3 and 4 of the demo programme in a real browser: every page renders, the chart
loads, a refused wave is shown next to its field, and axe finds nothing serious."""

import re

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

pytestmark = pytest.mark.browser

PAGES = (
    ("design-step", "/steps/design"),
    ("design-profiles", "/design/profiles"),
    ("design-architecture", "/design/architecture"),
    ("design-procurements", "/design/procurements"),
    ("prepare-step-organisation", "/steps/prepare/organisation"),
    ("prepare-pilots", "/prepare/pilots"),
    ("prepare-champions", "/prepare/champions"),
    ("prepare-decisions", "/prepare/decisions"),
    ("implement-step-technology", "/steps/implement/technology"),
    ("implement-waves", "/implement/waves"),
    ("implement-communication", "/implement/communication"),
    ("implement-budget", "/implement/budget"),
)


def test_walk_steps_2_to_4_of_the_demo(page, live_server, ids):
    base = f"{live_server}/programmes/{ids['programme']}"
    browser_log_in(page, live_server, "editor@demo.example")
    problems = {}
    for name, path in PAGES:
        page.goto(base + path)
        assert page.get_by_role("heading", level=1).count() == 1
        if name == "implement-budget":
            page.wait_for_function(
                "() => document.querySelector('img.wp-chart__image').complete")
            assert page.evaluate(
                "() => document.querySelector('img.wp-chart__image').naturalWidth") > 0
            assert "Golf" not in page.locator("#budget-table").inner_text()
        page.screenshot(path=str(ARTIFACTS / f"steps-{name}.png"), full_page=True)
        found = serious_violations(page)
        if found:
            problems[name] = found
    assert problems == {}

    page.goto(f"{base}/prepare/pilots/{ids['pilot_group']}")
    assert "Pilot moderne werkplek Lingewaard-Oost" in page.locator("h1").inner_text()
    page.screenshot(path=str(ARTIFACTS / "steps-prepare-pilot.png"), full_page=True)
    assert serious_violations(page) == []


def test_a_wave_with_too_many_users_is_refused_next_to_the_field(page, live_server, ids):
    base = f"{live_server}/programmes/{ids['programme']}/implement"
    browser_log_in(page, live_server, "editor@demo.example")
    page.goto(f"{base}/waves/{ids['wave']}/edit")
    field = page.get_by_label(re.compile(r": Beleidsmedewerker$"))
    field.fill("9.999")
    page.locator("form.wp-form button[type=submit]").click()
    error = page.locator(".utrecht-form-field-error-message").first
    error.wait_for()
    assert "433" in error.inner_text()  # the persona's headcount
    page.screenshot(path=str(ARTIFACTS / "steps-implement-wave-refused.png"), full_page=True)
    assert serious_violations(page) == []
