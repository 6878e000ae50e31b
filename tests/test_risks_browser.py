"""The risk assessment in a real browser: an editor adds a risk with a measure and residual
scores and sees it move in the heat map from inherent to residual; a reviewer sees it without
edit controls; and axe on the risk pages."""

import pytest
from conftest import ARTIFACTS, browser_log_in, serious_violations

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.technology.quarters import quarter_index

pytestmark = pytest.mark.browser


@pytest.fixture
def fresh_item(demo, ids):
    """An empty programme of the demo organisation with one roadmap item that changes one
    system, so that the heat map shows only our risk. (programme id, item id)"""
    from workplace_planner.auth.models import Organisation
    from workplace_planner.programmes import services as programmes
    from workplace_planner.steps.strategy.technology import services
    from workplace_planner.steps.strategy.technology.choices import Domain, Hosting

    with demo.app_context():
        organisation = db.session.get(Organisation, ids["shared"])
        programme = programmes.create_programme(organisation, "Proef risico's", 2027, 3, "", [])
        db.session.flush()
        system = services.create_system(programme, name="Exchange 2016", domain=Domain.MAIL,
                                        hosting=Hosting.ON_PREMISE)
        db.session.flush()
        item = services.create_item(
            programme, {"system_ids": [system.id]}, title="Mail naar de cloud",
            start_quarter=quarter_index(2027, 2), end_quarter=quarter_index(2027, 4))
        db.session.commit()
        return programme.id, item.id


def _cell(page, table, cell) -> str:
    return page.locator(f"#{table} td[data-cell='{cell}'] strong").inner_text()


def _look_at_heat_map(page, base, name):
    page.goto(f"{base}/heat-map")
    page.wait_for_function("() => document.querySelector('img.wp-chart__image').complete")
    assert page.evaluate("() => document.querySelector('img.wp-chart__image').naturalWidth") > 0
    page.screenshot(path=str(ARTIFACTS / f"risks-heat-map-{name}.png"), full_page=True)


def _save(page):
    with page.expect_navigation():
        page.locator("form.wp-form button[type=submit]").click()


def test_an_editor_adds_a_risk_and_sees_it_move_from_inherent_to_residual(
    page, live_server, fresh_item
):
    programme_id, item_id = fresh_item
    base = f"{live_server}/programmes/{programme_id}/risks"
    browser_log_in(page, live_server, "editor@demo.example")

    # From the roadmap item to a new risk for it.
    page.goto(f"{live_server}/programmes/{programme_id}/technology/roadmap/{item_id}")
    page.locator(f"a[href$='/risks/new?item={item_id}']").click()
    page.locator("#title").fill("Mailboxen overgenomen na phishing")
    page.locator("#threat_key").select_option("phishing")
    page.locator("#vulnerability").fill("Nog geen meerfactorauthenticatie.")
    page.locator("input[name=aspects][value=confidentiality]").check()
    assert page.locator("input[name=systems]").first.is_checked()  # the item's system
    page.locator("#inherent_likelihood").select_option("4")
    page.locator("#inherent_impact").select_option("5")
    page.locator("#owner").fill("CISO")
    _save(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Mailboxen overgenomen na phishing"
    risk_url = page.url

    _look_at_heat_map(page, base, "1-inherent-only")
    assert _cell(page, "heat-inherent", "4-5") == "1"
    assert "wp-level--critical" in page.locator(
        "#heat-inherent td[data-cell='4-5']").get_attribute("class")
    assert sum(int(t) for t in page.locator("#heat-residual td strong").all_inner_texts()) == 0

    # A measure that refers to a control, then the residual scores.
    page.goto(risk_url)
    page.locator("a[href$='/measures/new']").click()
    page.locator("#description").fill("Meerfactorauthenticatie met een authenticator-app")
    page.locator("#control").select_option("8.5")
    page.locator("#owner").fill("Informatiebeveiliging")
    page.locator("#due_on").fill("2027-09-30")
    _save(page)
    assert "8.5" in page.locator("#measures ~ div table").inner_text()
    page.locator(f"a[href$='/risks/{risk_url.rsplit('/', 1)[-1]}/edit']").click()
    page.locator("#residual_likelihood").select_option("2")
    page.locator("#residual_impact").select_option("3")
    _save(page)
    assert "wp-level--medium" in page.locator("#residual-level").inner_html()
    page.screenshot(path=str(ARTIFACTS / "risks-risk-page-editor.png"), full_page=True)

    _look_at_heat_map(page, base, "2-inherent-and-residual")
    assert _cell(page, "heat-inherent", "4-5") == "1"
    assert _cell(page, "heat-residual", "2-3") == "1"
    assert _cell(page, "heat-residual", "4-5") == "0"
    svg = page.request.get(live_server + page.locator("img.wp-chart__image")
                           .get_attribute("src")).text()
    assert "<svg" in svg

    # A reviewer sees the risk, but no control to change it.
    page.context.clear_cookies()
    browser_log_in(page, live_server, "reviewer@demo.example")
    page.goto(risk_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Mailboxen overgenomen na phishing"
    assert "Meerfactorauthenticatie" in page.locator("#measures ~ div table").inner_text()
    assert page.locator("a[href$='/edit']").count() == 0
    assert page.locator("main form[method=post]").count() == 0
    page.screenshot(path=str(ARTIFACTS / "risks-risk-page-reviewer.png"), full_page=True)
    page.goto(f"{base}/matrix")
    assert page.locator("select").count() == 0


def test_the_demo_risk_pages_look_right(page, live_server, ids):
    base = f"{live_server}/programmes/{ids['programme']}/risks"
    browser_log_in(page, live_server, "editor@demo.example")
    for name, path in (("register", ""), ("by-item", "/by-item"), ("timeline", "/timeline"),
                       ("heat-map", "/heat-map"), ("matrix", "/matrix"),
                       ("risk", f"/{ids['risk']}")):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(ARTIFACTS / f"risks-demo-{name}.png"), full_page=True)


PAGES = ["", "/new", "/{risk}", "/{risk}/edit", "/{risk}/measures/new",
         "/{risk}/measures/{risk_measure}/edit", "/{risk}/acceptances/new", "/matrix",
         "/heat-map", "/by-item", "/timeline"]


@pytest.mark.parametrize("path", PAGES)
def test_risk_pages_have_no_serious_accessibility_violations(page, live_server, ids, path):
    browser_log_in(page, live_server, "editor@demo.example")
    page.goto(f"{live_server}/programmes/{ids['programme']}/risks" + path.format(**ids))
    assert page.get_by_role("heading", level=1).count() == 1
    assert serious_violations(page) == []
