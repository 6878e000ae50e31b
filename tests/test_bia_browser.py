"""The BIA in a real browser: an editor records a process with its impact and dependencies,
runs an internet-outage scenario and finds it listed; axe on every BIA page."""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

pytestmark = pytest.mark.browser


def _wait_for_chart(page):
    image = page.locator("img.wp-chart__image")
    image.wait_for()
    page.wait_for_function("() => document.querySelector('img.wp-chart__image').complete")
    assert page.evaluate("() => document.querySelector('img.wp-chart__image').naturalWidth") > 0


def test_an_editor_records_a_process_and_sees_it_stop_when_the_internet_fails(
    page, live_server, ids
):
    base = f"{live_server}/programmes/{ids['programme']}/bia"
    browser_log_in(page, live_server, "editor@demo.example")
    page.goto(base)
    page.get_by_role("link", name="Een proces toevoegen").click()
    page.get_by_label("Proces of dienst").fill("Marktvergunningen")
    page.get_by_label("Eigenaar", exact=True).fill("Team Vergunningen")
    page.get_by_label("Gemeente Merwedal").check()
    page.get_by_label("Baliemedewerker Burgerzaken").check()
    page.get_by_label("Parkeervergunningen (SaaS)").check()
    page.get_by_label("Zaaksysteem (Private cloud → SaaS)").check()
    for window, score in (("4 uur", "1"), ("1 dag", "2"), ("3 dagen", "3"), ("1 week", "4")):
        page.get_by_label(f"Inwoners en bedrijven na {window}").select_option(score)
    page.get_by_label("Imago en vertrouwen na 1 week").select_option("3")
    page.get_by_label("Maximaal toelaatbare uitval").fill("1 dag")
    page.get_by_label("Hersteltijd (RTO)").fill("2 dagen")
    page.get_by_label("Maximaal dataverlies (RPO)").fill("4 uur")
    page.get_by_label("Beschikbaarheid").select_option("medium")
    page.get_by_role("button", name="Opslaan").click()

    # An RTO beyond the maximum tolerable downtime is refused next to the field.
    error = page.locator("#rto_hours-error")
    error.wait_for()
    assert "maximaal toelaatbare uitval" in error.inner_text()
    assert page.get_by_label("Proces of dienst").input_value() == "Marktvergunningen"
    page.screenshot(path=str(ARTIFACTS / "bia-rto-refused.png"), full_page=True)

    page.get_by_label("Hersteltijd (RTO)").fill("8 uur")
    with page.expect_navigation():
        page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Marktvergunningen"
    _wait_for_chart(page)
    assert "1 dag" in page.locator(".wp-facts").first.inner_text()
    assert "Parkeervergunningen" in page.locator("#systems-heading + div").inner_text()
    page.screenshot(path=str(ARTIFACTS / "bia-entry.png"), full_page=True)

    page.get_by_role("link", name="Wat als het uitvalt?").first.click()
    page.get_by_label("Wat valt uit", exact=True).select_option("internet")
    page.get_by_label("Situatie", exact=True).select_option("now")
    page.get_by_label("Duur van de uitval").fill("2 dagen")
    page.get_by_role("button", name="Toon wat stilligt").click()
    table = page.locator("#scenario-table")
    table.wait_for()
    row = table.locator("tr", has_text="Marktvergunningen")
    assert "Geen uitwijk" in row.inner_text()
    assert "langer dan de maximaal toelaatbare uitval" in row.inner_text()
    assert table.locator("tbody tr").count() == 2  # with the demo's parking permits
    page.screenshot(path=str(ARTIFACTS / "bia-internet-outage.png"), full_page=True)


def test_the_demo_bia_pages_look_right(page, live_server, ids):
    base = f"{live_server}/programmes/{ids['programme']}/bia"
    browser_log_in(page, live_server, "reviewer@demo.example")
    for name, path in (("register", ""), ("scenario-target", "/scenarios?kind=internet&"
                                                             "situation=target"),
                       ("roadmap", "/roadmap"), ("matrix", "/matrix?situation=target"),
                       ("heat-map", "/heat-map"), ("demo-entry", f"/{ids['bia_entry']}")):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"bia-{name}.png"), full_page=True)


PAGES = ["", "/new", "/{bia_entry}", "/{bia_entry}/edit", "/scenarios",
         "/scenarios?kind=identity&situation=target&outage=8", "/roadmap", "/matrix",
         "/heat-map"]


@pytest.mark.parametrize("path", PAGES)
def test_bia_pages_have_no_serious_accessibility_violations(page, live_server, ids, path):
    browser_log_in(page, live_server, "editor@demo.example")
    page.goto(f"{live_server}/programmes/{ids['programme']}/bia" + path.format(**ids))
    assert page.get_by_role("heading", level=1).count() == 1
    assert serious_violations(page) == []
