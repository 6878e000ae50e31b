"""Walking the demo programme from step 1 to step 7 in a real browser, the way a programme
manager would: the dashboard, each step with its three perspectives, following the links a
step offers back to the step-1 artefacts it uses. Every page is checked with axe; the
screenshots (``test-artifacts/walk-*.png``) are for people to look at."""

import re

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

pytestmark = pytest.mark.browser

STEPS = (
    ("strategy", "Stap 1: Strategie"),
    ("design", "Stap 2: Ontwerp"),
    ("prepare", "Stap 3: Voorbereiden & pilot"),
    ("implement", "Stap 4: Implementeren & migreren"),
    ("adopt", "Stap 5: Adoptie"),
    ("operate", "Stap 6: Beheer"),
    ("evaluate", "Stap 7: Evalueren & doorontwikkelen"),
)
PERSPECTIVES = (("employee", "Medewerker"), ("technology", "Technologie"),
                ("organisation", "Organisatie"))


def test_a_programme_manager_walks_from_strategy_to_evaluation(page, live_server, ids):
    browser_log_in(page, live_server, "editor@demo.example")
    page.get_by_role("link", name="Digitale werkplek 2027–2031").click()
    base = f"{live_server}/programmes/{ids['programme']}"
    grid = page.get_by_role("table", name="De zeven stappen vanuit drie perspectieven")
    # Midway: strategy, design and pilot done, implementation under way.
    assert grid.get_by_role("row").nth(1).inner_text().count("Gereed") == 3
    assert "Bezig" in grid.get_by_role("row").nth(4).inner_text()
    page.screenshot(path=str(ARTIFACTS / "walk-0-dashboard.png"), full_page=True)
    problems = []
    for number, (step, name) in enumerate(STEPS, start=1):
        page.goto(f"{base}/steps/{step}")
        heading = page.get_by_role("heading", level=1).inner_text()
        assert heading.startswith(name), heading
        page.screenshot(path=str(ARTIFACTS / f"walk-{number}-{step}.png"), full_page=True)
        problems += [f"{step}: {v}" for v in serious_violations(page)]
        for perspective, label in PERSPECTIVES:
            page.goto(f"{base}/steps/{step}/{perspective}")
            assert label in page.get_by_role("heading", level=1).inner_text()
            # Each perspective page shows its module's content, not the "no module" text.
            assert page.locator(".wp-section").count() >= 1, (step, perspective)
            if step != "strategy":
                # Later steps link back to what step 1 produced.
                links = page.locator("a[href*='/personas'], a[href*='/technology/'], "
                                     "a[href*='/risks'], a[href*='/business-case'], "
                                     "a[href*='/bia'], a[href*='/strategy/direction']")
                assert links.count() >= 1, (step, perspective)
            problems += [f"{step}/{perspective}: {v}" for v in serious_violations(page)]
            page.screenshot(path=str(ARTIFACTS / f"walk-{number}-{step}-{perspective}.png"),
                            full_page=True)
    assert not problems, problems


def test_the_walk_follows_a_change_from_roadmap_to_operation(page, live_server, ids):
    """One change, "Identiteit naar Entra ID", through the steps: its risks in step 1, its
    place in the pilot of step 3, and in operation (done) in step 6."""
    browser_log_in(page, live_server, "reviewer@demo.example")
    base = f"{live_server}/programmes/{ids['programme']}"
    page.goto(f"{base}/risks")
    assert "Identiteit naar Entra ID" in page.content()
    page.goto(f"{base}/steps/operate/technology")
    section = page.locator("section", has=page.get_by_role(
        "heading", name="Beveiliging van de afgeronde veranderingen"))
    assert "Identiteit naar Entra ID" in section.inner_text()
    page.screenshot(path=str(ARTIFACTS / "walk-operate-finished-risks.png"), full_page=True)
    page.goto(f"{base}/steps/prepare/technology")
    section = page.locator("section", has=page.get_by_role(
        "heading", name="Beveiligingsmaatregelen van de veranderingen in de pilot"))
    assert re.search(r"Meerfactorauthenticatie|Apparaatbeheer", section.inner_text())
    # A reviewer reads, and has nothing to edit here.
    assert page.get_by_role("button", name="Opslaan").count() == 0
