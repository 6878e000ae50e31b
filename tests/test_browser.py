"""A smoke test in a real browser (Debian's Chromium, driven by Playwright): log in, switch
language, open a step, take screenshots, and check accessibility with axe.

Screenshots land in ``test-artifacts/``; look at them after a change to the UI. The browser
fixtures (``live_server``, ``page``, ``browser_log_in``, ``serious_violations``) are in conftest.
"""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

pytestmark = pytest.mark.browser


def test_log_in_switch_language_and_open_a_step(page, live_server):
    page.goto(live_server + "/")
    assert "/login" in page.url  # a visitor who is not logged in is sent to the log-in page
    browser_log_in(page, live_server)
    page.get_by_role("link", name="Digitale werkplek 2027–2031").click()
    assert page.locator("html").get_attribute("lang") == "nl"
    grid = page.get_by_role("table", name="De zeven stappen vanuit drie perspectieven")
    assert grid.get_by_role("rowheader").count() == 7
    assert grid.get_by_role("columnheader").count() == 4
    page.screenshot(path=str(ARTIFACTS / "dashboard-nl.png"), full_page=True)

    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    grid = page.get_by_role("table", name="The seven steps from three perspectives")
    assert grid.get_by_role("rowheader").nth(3).inner_text().strip() == "4. Implement & migrate"
    page.screenshot(path=str(ARTIFACTS / "dashboard-en.png"), full_page=True)

    page.get_by_role("link", name="1. Strategy").first.click()
    page.get_by_role("link", name="Employee").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("1. Strategy")
    page.get_by_label("Personas recorded from the interviews").is_checked()
    page.screenshot(path=str(ARTIFACTS / "step-strategy-employee-en.png"), full_page=True)


def test_an_editor_saves_a_step_with_the_keyboard(page, live_server):
    browser_log_in(page, live_server, "editor@demo.example")
    page.goto(live_server + "/programmes")
    page.get_by_role("link", name="Digitale werkplek 2027–2031").click()
    page.get_by_role("link", name="Adoptie, Organisatie:").click()
    page.get_by_label("Adoptie gerapporteerd aan het management").check()
    page.get_by_label("Notities").fill("Eerste meting besproken in het MT.")
    page.get_by_label("Notities").press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # focus is on "Opslaan" after the notes
    page.screenshot(path=str(ARTIFACTS / "step-saved-nl.png"), full_page=True)
    assert page.get_by_role("status").first.inner_text().strip() == "Opgeslagen."
    assert page.get_by_label("Bezig").is_checked()


@pytest.mark.parametrize(
    "path",
    ["/login", "/programmes", "{programme}", "{programme}/steps/strategy",
     "{programme}/steps/strategy/technology", "/organisation", "/organisation/members",
     "/account/password", "/organisation/changes"],
)
def test_pages_have_no_serious_accessibility_violations(page, live_server, ids, path):
    if path != "/login":
        browser_log_in(page, live_server)
    url = path.replace("{programme}", f"/programmes/{ids['programme']}")
    page.goto(live_server + url)
    violations = serious_violations(page)
    assert not violations, violations


def test_a_reviewer_reads_the_change_log(page, live_server, ids):
    browser_log_in(page, live_server, "reviewer@demo.example")
    page.get_by_role("link", name="Wijzigingslog").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Wijzigingslog")
    page.get_by_label("Soort").select_option(label="Versie van de business case")
    with page.expect_navigation():
        page.get_by_role("button", name="Filteren").click()
    page.screenshot(path=str(ARTIFACTS / "change-log.png"), full_page=True)
    assert "Akkoord als kader voor de begroting" in page.content()
