"""Personas in a real browser: capture with the keyboard alone, print the card, and axe."""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

pytestmark = pytest.mark.browser


def _tab_to(page, text: str, limit: int = 60) -> None:
    """Press Tab until the focused element is the one with this text (or label)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return (e.innerText || e.value || '') + '|' + (e.labels && e.labels[0]"
            " ? e.labels[0].innerText : ''); }"
        )
        if text in focused:
            return
    raise AssertionError(f"could not reach {text!r} with Tab")


def test_a_workshop_lead_captures_a_persona_with_the_keyboard_and_prints_its_card(
    page, live_server, ids
):
    browser_log_in(page, live_server, "workshop@demo.example")
    page.goto(f"{live_server}/programmes/{ids['programme']}/personas")
    _tab_to(page, "Persona toevoegen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "Naam")
    page.keyboard.type("Handhaver")
    page.keyboard.press("Tab")
    page.keyboard.type("Boa openbare ruimte")
    page.keyboard.press("Tab")
    page.keyboard.type("14")
    page.screenshot(path=str(ARTIFACTS / "persona-quick-capture.png"), full_page=True)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submits the form: the first button is "Opslaan"
    assert page.get_by_role("heading", level=1).inner_text() == "Handhaver"
    assert "14" in page.get_by_text("Medewerkers").locator("xpath=following-sibling::dd[1]")\
        .inner_text()

    _tab_to(page, "Kaart om af te drukken")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.emulate_media(media="print")
    assert page.get_by_role("heading", level=1).inner_text() == "Handhaver"
    page.screenshot(path=str(ARTIFACTS / "persona-card-print.png"), full_page=True)
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("path", ["", "/1", "/new", "/interviews", "/adoption", "/catalogue",
                                  "/import", "/1/edit"])
def test_persona_pages_have_no_serious_accessibility_violations(page, live_server, ids, path):
    browser_log_in(page, live_server, "editor@demo.example")
    path = path.replace("/1", f"/{ids['persona']}")
    page.goto(f"{live_server}/programmes/{ids['programme']}/personas{path}")
    if path == "":
        page.screenshot(path=str(ARTIFACTS / "persona-gallery.png"), full_page=True)
    violations = serious_violations(page)
    assert not violations, violations
