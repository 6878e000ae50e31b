"""The business case in a real browser: an editor adds a scenario and a line with the keyboard
alone and sees the charts; a reviewer comments and approves; axe on the pages."""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

pytestmark = pytest.mark.browser


def _tab_to_id(page, element_id: str, limit: int = 150) -> None:
    """Press Tab until the element with this id has the focus (language-independent)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == \
                element_id:
            return
    raise AssertionError(f"could not reach #{element_id} with Tab")


def _tab_to_submit(page, limit: int = 150) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.type"
                         " === 'submit'"):
            return
    raise AssertionError("could not reach a submit button with Tab")


def _charts_loaded(page) -> list[str]:
    """The src of every chart image that did not load."""
    page.wait_for_load_state("networkidle")
    return page.evaluate(
        "() => [...document.querySelectorAll('img.wp-chart__image')]"
        ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
    )


def test_an_editor_builds_with_the_keyboard_and_sees_the_charts(page, live_server, ids):
    browser_log_in(page, live_server, "editor@demo.example")
    base = f"{live_server}/programmes/{ids['programme']}/business-case"
    page.goto(base + "/scenarios")
    _tab_to_id(page, "name")
    page.keyboard.type("Hybride werkplek")
    page.keyboard.press("Tab")
    page.keyboard.type("Laptops voor iedereen, servers blijven nog twee jaar.")
    _tab_to_submit(page)  # past the baseline box: left unticked
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Hybride werkplek" in page.content()

    # The new scenario is the last one: its "add a line" link, reached with the keyboard.
    page.locator("a[href*='/lines/new']").last.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to_id(page, "name")
    page.keyboard.type("Beheer hybride werkplek")
    _tab_to_id(page, "category")
    page.keyboard.press("Home")  # operations
    _tab_to_id(page, "amount")
    page.keyboard.type("125.000,00")
    _tab_to_id(page, "assumption_id")
    page.keyboard.press("ArrowDown")
    page.screenshot(path=str(ARTIFACTS / "business-case-line-form.png"), full_page=True)
    _tab_to_submit(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Beheer hybride werkplek" in page.content()

    page.goto(base)
    assert page.locator("img.wp-chart__image").count() >= 5
    assert _charts_loaded(page) == []
    assert "Hybride werkplek" in page.content()
    page.screenshot(path=str(ARTIFACTS / "business-case-results.png"), full_page=True)


def test_a_reviewer_comments_and_approves(page, live_server, ids):
    browser_log_in(page, live_server, "reviewer@demo.example")
    base = f"{live_server}/programmes/{ids['programme']}/business-case"
    page.goto(base + f"/versions/{ids['bc_version']}")
    page.locator("#subject").select_option(index=2)
    page.locator("#body").fill("Graag de bron van de licentieprijs actualiseren na 1 juli 2026.")
    with page.expect_navigation():
        page.locator("form[action$='/comments'] button[type=submit]").click()
    assert "Graag de bron van de licentieprijs" in page.content()
    page.locator("#note").fill("Akkoord, met de opmerking over de licentieprijs.")
    with page.expect_navigation():
        page.locator("form[action$='/approve'] button[type=submit]").first.click()
    assert page.locator(".wp-bc-status--approved").count() == 1
    page.screenshot(path=str(ARTIFACTS / "business-case-approved.png"), full_page=True)


@pytest.mark.parametrize("path", ["", "/scenarios", "/parameters", "/assumptions", "/catalogue",
                                  "/benefits", "/versions", "/version", "/history"])
def test_business_case_pages_have_no_serious_accessibility_violations(page, live_server, ids,
                                                                       path):
    browser_log_in(page, live_server, "editor@demo.example")
    if path == "/version":
        path = f"/versions/{ids['bc_version']}"
    page.goto(f"{live_server}/programmes/{ids['programme']}/business-case{path}")
    violations = serious_violations(page)
    assert not violations, violations
