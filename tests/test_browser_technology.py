"""The roadmap in a real browser: two items, a dependency, the timeline, a refused cycle; and
axe on the technology pages."""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.technology.quarters import quarter_index

pytestmark = pytest.mark.browser


@pytest.fixture
def fresh_programme(demo, ids):
    """An empty programme of the demo organisation, for a timeline with only our items."""
    from workplace_planner.auth.models import Organisation
    from workplace_planner.programmes import services

    with demo.app_context():
        organisation = db.session.get(Organisation, ids["shared"])
        programme = services.create_programme(
            organisation, "Proef roadmap", 2027, 3, "",
            [p.id for p in organisation.participants])
        db.session.commit()
        return programme.id


def _add_item(page, base, title, start, end, depends_on=None):
    page.goto(f"{base}/roadmap/new")
    page.locator("#title").fill(title)
    page.locator("#status").select_option("planned")
    page.locator("#start_quarter").select_option(str(start))
    page.locator("#end_quarter").select_option(str(end))
    page.locator("#owner").fill("Team Werkplek")
    if depends_on:
        page.get_by_label(depends_on, exact=True).check()
    with page.expect_navigation():
        page.locator("form.wp-form button[type=submit]").click()
    assert page.get_by_role("heading", level=1).inner_text() == title
    return page.url


def test_an_editor_plans_two_items_with_a_dependency_and_cannot_make_a_cycle(
    page, live_server, fresh_programme
):
    base = f"{live_server}/programmes/{fresh_programme}/technology"
    browser_log_in(page, live_server, "editor@demo.example")
    first = _add_item(page, base, "Identiteit naar de cloud",
                      quarter_index(2027, 1), quarter_index(2027, 2))
    _add_item(page, base, "Mail naar de cloud", quarter_index(2027, 3),
              quarter_index(2028, 1), depends_on="Identiteit naar de cloud")
    assert "Identiteit naar de cloud" in page.locator(".wp-facts").inner_text()

    page.goto(f"{base}/roadmap/timeline")
    image = page.locator("img.wp-chart__image")
    image.wait_for()
    page.wait_for_function("() => document.querySelector('img.wp-chart__image').complete")
    assert page.evaluate(
        "() => document.querySelector('img.wp-chart__image').naturalWidth") > 0
    table = page.locator("#timeline-table").inner_text()
    assert "Identiteit naar de cloud" in table and "Mail naar de cloud" in table
    assert "2027 K1" in table and "2028 K1" in table
    svg = page.request.get(live_server + image.get_attribute("src")).text()
    assert "Identiteit naar de cloud" in svg and "Mail naar de cloud" in svg
    page.screenshot(path=str(ARTIFACTS / "technology-timeline-two-items.png"), full_page=True)

    page.goto(first + "/edit")
    page.get_by_label("Mail naar de cloud", exact=True).check()
    page.locator("form.wp-form button[type=submit]").click()
    error = page.locator("#dependencies-error")
    error.wait_for()
    assert ("Identiteit naar de cloud → Mail naar de cloud → Identiteit naar de cloud"
            in error.inner_text())
    page.screenshot(path=str(ARTIFACTS / "technology-cycle-refused.png"), full_page=True)


def test_the_demo_timeline_and_board_look_right(page, live_server, ids):
    base = f"{live_server}/programmes/{ids['programme']}/technology"
    browser_log_in(page, live_server, "editor@demo.example")
    for name, path in (("timeline", "/roadmap/timeline"),
                       ("timeline-municipalities", "/roadmap/timeline?lanes=municipality"),
                       ("board", "/roadmap/board"), ("ambition", "/ambition"),
                       ("governance-decision", f"/governance/{ids['decision']}"),
                       ("item", f"/roadmap/{ids['roadmap_item']}")):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"technology-{name}.png"), full_page=True)


PAGES = ["/workshops", "/workshops/{workshop}", "/workshops/new", "/systems", "/systems/new",
         "/systems/import", "/ambition", "/roadmap", "/roadmap/timeline", "/roadmap/board",
         "/roadmap/new", "/roadmap/{roadmap_item}", "/roadmap/{roadmap_item}/edit",
         "/governance", "/governance/{decision}", "/governance/new"]


@pytest.mark.parametrize("path", PAGES)
def test_technology_pages_have_no_serious_accessibility_violations(page, live_server, ids,
                                                                    path):
    browser_log_in(page, live_server, "editor@demo.example")
    page.goto(f"{live_server}/programmes/{ids['programme']}/technology" + path.format(**ids))
    assert page.get_by_role("heading", level=1).count() == 1
    assert serious_violations(page) == []
