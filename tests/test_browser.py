"""A smoke test in a real browser (Debian's Chromium, driven by Playwright): log in, switch
language, open a step, take screenshots, and check accessibility with axe.

Screenshots land in ``test-artifacts/``; look at them after a change to the UI.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest
from conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Chromium for the browser tests: apt-get install chromium")
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)

sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright


@pytest.fixture
def live_server(demo):
    from waitress.server import create_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = create_server(demo, host="127.0.0.1", port=port, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture
def page(live_server):
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def _log_in(page, base, email="admin@demo.example"):
    page.goto(base + "/")
    assert page.url.startswith(base + "/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def _serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    wcag_21_aa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": wcag_21_aa}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_log_in_switch_language_and_open_a_step(page, live_server):
    _log_in(page, live_server)
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
    _log_in(page, live_server, "editor@demo.example")
    page.goto(live_server + "/programmes")
    page.get_by_role("link", name="Digitale werkplek 2027–2031").click()
    page.get_by_role("link", name="Strategie, Organisatie:").click()
    page.get_by_label("Meerjarige projectplanning en meerjarenbegroting").check()
    page.get_by_label("Notities").fill("Raming besproken met de controller.")
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
     "/account/password"],
)
def test_pages_have_no_serious_accessibility_violations(page, live_server, ids, path):
    if path != "/login":
        _log_in(page, live_server)
    url = path.replace("{programme}", f"/programmes/{ids['programme']}")
    page.goto(live_server + url)
    violations = _serious_violations(page)
    assert not violations, violations
