"""Vision and cooperation in a real browser: the vision, the one-A4 print view, an activity
list (with a new activity typed in) and the joint roadmap; screenshots and axe on each."""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

pytestmark = pytest.mark.browser


def _chart_loaded(page) -> bool:
    page.locator("img.wp-chart__image").first.wait_for()
    page.wait_for_function("() => document.querySelector('img.wp-chart__image').complete")
    return page.evaluate("() => document.querySelector('img.wp-chart__image').naturalWidth") > 0


def test_the_vision_pages_look_right_and_pass_axe(page, live_server, ids):
    base = f"{live_server}/programmes/{ids['programme']}/strategy/direction"
    browser_log_in(page, live_server, "editor@demo.example")
    problems = {}

    page.goto(f"{base}/vision")
    assert "8 of hoger in 2028" in page.locator("main").inner_text()
    assert _chart_loaded(page)
    page.screenshot(path=str(ARTIFACTS / "direction-vision.png"), full_page=True)
    problems["vision"] = serious_violations(page)

    page.goto(f"{base}/kpis/{ids['kpi']}")
    assert _chart_loaded(page)
    page.screenshot(path=str(ARTIFACTS / "direction-kpi.png"), full_page=True)
    problems["kpi"] = serious_violations(page)

    page.goto(f"{base}/one-a4")
    assert page.get_by_role("heading", level=1).inner_text()
    page.screenshot(path=str(ARTIFACTS / "direction-one-a4.png"), full_page=True)
    problems["one-a4"] = serious_violations(page)
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "direction-one-a4-print.png"), full_page=True)
    assert not page.locator(".wp-a4-hint").is_visible()
    page.emulate_media(media="screen")

    page.goto(f"{base}/municipalities/{ids['participant']}/activities")
    page.locator("a[href$='/activities/new']").first.click()
    page.locator("#title").fill("Proef met digitale handtekening")
    page.locator("#customer_value").select_option("5")
    page.locator("#organisation_value").select_option("4")
    page.locator("#urgency").select_option("5")
    page.locator("#horizon").select_option("now")
    with page.expect_navigation():
        page.locator("form.wp-form button[type=submit]").first.click()
    first_row = page.locator("table.utrecht-table tbody tr").first.inner_text()
    assert "Proef met digitale handtekening" in first_row  # 4,7: the highest priority
    page.screenshot(path=str(ARTIFACTS / "direction-activity-list.png"), full_page=True)
    problems["activity list"] = serious_violations(page)

    page.goto(f"{base}/joint-roadmap")
    assert _chart_loaded(page)
    assert page.locator(".wp-opportunity").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "direction-joint-roadmap.png"), full_page=True)
    problems["joint roadmap"] = serious_violations(page)

    page.goto(f"{base}/visions")
    page.screenshot(path=str(ARTIFACTS / "direction-visions.png"), full_page=True)
    problems["visions"] = serious_violations(page)

    assert not any(problems.values()), problems
