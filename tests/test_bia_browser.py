"""The BIA in a real browser: an editor records a process with its impact and dependencies,
runs an internet-outage scenario and finds it listed; axe on every BIA page. The editor works
in English (the message ids), so the test holds whatever the Dutch catalogue says."""

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
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    page.goto(base)
    page.get_by_role("link", name="Add a process").click()
    page.get_by_label("Process or service").fill("Marktvergunningen")
    page.get_by_label("Owner", exact=True).fill("Team Vergunningen")
    page.get_by_label("Gemeente Merwedal").check()
    page.get_by_label("Baliemedewerker Burgerzaken").check()
    page.get_by_label("Parkeervergunningen (SaaS)").check()
    page.get_by_label("Zaaksysteem (Private cloud → SaaS)").check()
    for window, score in (("4 hours", "1"), ("1 day", "2"), ("3 days", "3"), ("1 week", "4")):
        page.get_by_label(f"Citizens and businesses after {window}").select_option(score)
    page.get_by_label("Reputation and public trust after 1 week").select_option("3")
    page.get_by_label("Maximum tolerable downtime").fill("1 dag")
    page.get_by_label("Recovery time objective (RTO)").fill("2 dagen")
    page.get_by_label("Recovery point objective (RPO)").fill("4 uur")
    page.get_by_label("Availability").select_option("medium")
    page.get_by_role("button", name="Save").click()

    # An RTO beyond the maximum tolerable downtime is refused next to the field.
    error = page.locator("#rto_hours-error")
    error.wait_for()
    assert "maximum tolerable downtime" in error.inner_text()
    assert page.get_by_label("Process or service").input_value() == "Marktvergunningen"
    assert page.get_by_label("Recovery time objective (RTO)").input_value() == "2 dagen"
    page.screenshot(path=str(ARTIFACTS / "bia-rto-refused.png"), full_page=True)

    page.get_by_label("Recovery time objective (RTO)").fill("8 uur")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Marktvergunningen"
    _wait_for_chart(page)
    assert "1 day" in page.locator(".wp-facts").first.inner_text()
    assert "Parkeervergunningen" in page.locator("#systems-heading + div").inner_text()
    page.screenshot(path=str(ARTIFACTS / "bia-entry.png"), full_page=True)

    page.get_by_role("link", name="What if it fails?").first.click()
    page.get_by_label("What fails", exact=True).select_option("internet")
    page.get_by_label("Situation", exact=True).select_option("now")
    page.get_by_label("Outage duration").fill("2 dagen")
    page.get_by_role("button", name="Show what stops").click()
    table = page.locator("#scenario-table")
    table.wait_for()
    row = table.locator("tr", has_text="Marktvergunningen")
    assert "No fallback" in row.inner_text()
    assert "beyond the maximum tolerable downtime" in row.inner_text()
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
