"""The business case in the app: every figure equals the engine's for the same input; links to
personas, exports, review and approval."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal

import pytest

from workplace_planner.business_case import compute_case, load_case, result_to_dict
from workplace_planner.extensions import db
from workplace_planner.i18n import format_money


def _programme(demo, ids):
    from workplace_planner.programmes.models import Programme

    return db.session.get(Programme, ids["programme"])


def _outcome(demo, ids, monte_carlo=False):
    from workplace_planner.steps.strategy.organisation import services

    programme = _programme(demo, ids)
    return services.compute(services.get_business_case(programme), monte_carlo=monte_carlo)


def test_demo_case_computes(demo, ids):
    with demo.app_context():
        outcome = _outcome(demo, ids)
        assert outcome.ok, outcome.issues
        names = [s.name for s in outcome.result.scenarios]
        assert names == ["Huidige situatie (on-premise)", "Cloudwerkplek (Microsoft 365)"]


def test_results_page_shows_the_engines_figures(login, demo, ids):
    client = login("reviewer")
    response = client.get(f"/programmes/{ids['programme']}/business-case")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    with demo.test_request_context():
        outcome = _outcome(demo, ids, monte_carlo=True)
        business_case = outcome.business_case
        # The same input, straight to the engine.
        expected = compute_case(load_case(outcome.data), simulations=business_case.simulations,
                                seed=business_case.seed)
        assert result_to_dict(expected) == result_to_dict(outcome.result)
        for scenario in expected.scenarios:
            cell = re.search(rf'data-figure="tco-{scenario.id}">([^<]+)<', html).group(1)
            assert cell == format_money(scenario.tco, cents=True, language="nl")
            if scenario.versus_baseline:
                cell = re.search(rf'data-figure="npv-{scenario.id}">([^<]+)<', html).group(1)
                assert cell == format_money(scenario.versus_baseline.npv, cents=True,
                                            language="nl")
                mc = scenario.monte_carlo
                assert format_money(mc.npv_p50, cents=True, language="nl") in html
        for year_cost in expected.scenarios[1].cash.costs:
            assert format_money(year_cost, cents=True, language="nl") in html


def test_exported_json_gives_the_same_result_on_the_command_line(login, demo, ids, tmp_path):
    client = login("editor")
    response = client.get(f"/programmes/{ids['programme']}/business-case/export.json")
    assert response.status_code == 200
    path = tmp_path / "case.json"
    path.write_bytes(response.data)
    completed = subprocess.run(
        [sys.executable, "-m", "workplace_planner.cli", "business-case", "compute", str(path),
         "--simulations", "500", "--seed", "7"],
        capture_output=True, check=False,
    )
    if completed.returncode != 0 or not completed.stdout:
        completed = subprocess.run(
            [str(__import__("pathlib").Path(sys.executable).parent / "workplace-planner"),
             "business-case", "compute", str(path), "--simulations", "500", "--seed", "7"],
            capture_output=True, check=True,
        )
    from_cli = json.loads(completed.stdout)
    with demo.app_context():
        outcome = _outcome(demo, ids)
        assert json.loads(response.data) == outcome.data
        in_app = result_to_dict(compute_case(load_case(outcome.data), simulations=500, seed=7))
    assert from_cli == json.loads(json.dumps(in_app))


def test_a_persona_headcount_change_moves_the_licence_line(demo, ids):
    from workplace_planner.steps.strategy.employee.models import Persona

    with demo.app_context():
        before = _outcome(demo, ids).result
        persona = db.session.scalar(db.select(Persona).where(
            Persona.programme_id == ids["programme"], Persona.name == "Beleidsmedewerker"))
        key = f"persona-{persona.id}"
        cloud = before.scenarios[1]
        e3_before = cloud.licence_cost_per_persona[key][0]
        persona.headcounts[0].headcount += 100
        db.session.commit()
        after = _outcome(demo, ids).result
        e3_after = after.scenarios[1].licence_cost_per_persona[key][0]
        # Microsoft 365 E3 + Teams at 28.20 a month: 100 more users cost 33,840.00 a year more.
        assert round(e3_after - e3_before, 2) == 33840.00
        licences = after.scenarios[1].cash.costs_by_category["licences"][0]
        assert round(licences - cloud.cash.costs_by_category["licences"][0], 2) == 33840.00


def test_editor_builds_lines_and_the_engine_message_lands_next_to_the_field(login, ids):
    client = login("editor")
    base = f"/programmes/{ids['programme']}/business-case"
    page = client.get(base + "/scenarios").get_data(as_text=True)
    scenario_id = re.search(r'/scenarios/(\d+)/lines/new', page).group(1)
    response = client.post(base + f"/scenarios/{scenario_id}/lines/new", data={
        "name": "Printers", "kind": "cost", "category": "operations", "driver_type": "fixed",
        "amount": "12.345,50", "vat": "compensable", "nature": "", "roadmap_timing": "during",
        "start_year": "2040", "assumption_id": "0", "roadmap_item_id": "0", "follow_up_id": "0",
        "licence_bundle_id": "0", "device_kit_id": "0", "cloud_resource_id": "0",
    })
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert re.search(r'id="start_year-error".*outside the horizon', html, re.S)
    response = client.post(base + f"/scenarios/{scenario_id}/lines/new", data={
        "name": "Printers", "kind": "cost", "category": "operations", "driver_type": "fixed",
        "amount": "12.345,50", "vat": "compensable", "nature": "", "roadmap_timing": "during",
        "assumption_id": "0", "roadmap_item_id": "0", "follow_up_id": "0",
        "licence_bundle_id": "0", "device_kit_id": "0", "cloud_resource_id": "0",
    })
    assert response.status_code == 302
    from workplace_planner.steps.strategy.organisation.models import CaseLine

    with client.application.app_context():
        line = db.session.scalar(db.select(CaseLine).where(CaseLine.name == "Printers"))
        assert line.amount == Decimal("12345.50")


def test_a_frozen_version_cannot_be_changed(login, demo, ids):
    from workplace_planner.programmes.models import IllegalTransition
    from workplace_planner.steps.strategy.organisation.models import CaseVersion, VersionStatus

    editor, reviewer = login("editor"), login("reviewer")
    base = f"/programmes/{ids['programme']}/business-case"
    assert editor.post(base + "/versions", data={"label": "Voor het MT"}).status_code == 302
    with demo.app_context():
        version = db.session.scalar(db.select(CaseVersion).order_by(CaseVersion.id.desc()))
        version_id, snapshot = version.id, version.snapshot
    assert editor.post(base + f"/versions/{version_id}/submit").status_code == 302
    assert reviewer.post(base + f"/versions/{version_id}/comments",
                         data={"body": "Bron E3-prijs graag actualiseren", "subject": ""}
                         ).status_code == 302
    assert editor.post(base + f"/versions/{version_id}/approve").status_code == 403
    assert reviewer.post(base + f"/versions/{version_id}/approve",
                         data={"note": "Akkoord"}).status_code == 302
    # Changing the approved version is refused: label, removal, a second decision.
    with demo.app_context():
        counter = db.session.get(CaseVersion, version_id).version
    response = editor.post(base + f"/versions/{version_id}/relabel",
                           data={"label": "anders", "version": str(counter)})
    assert response.status_code == 422
    assert "frozen" in response.get_data(as_text=True) or "bevroren" in response.get_data(
        as_text=True)
    editor.post(base + f"/versions/{version_id}/delete")
    response = reviewer.post(base + f"/versions/{version_id}/send-back", data={"note": "toch"})
    assert response.status_code == 422
    with demo.app_context():
        version = db.session.get(CaseVersion, version_id)
        assert version.status is VersionStatus.APPROVED
        assert version.label == "Voor het MT"
        assert version.snapshot == snapshot
        with pytest.raises(IllegalTransition):
            version.relabel("x")
        with pytest.raises(IllegalTransition):
            version.submit(None)


def test_compare_two_versions_shows_changes_and_effect(login, demo, ids):
    editor = login("editor")
    base = f"/programmes/{ids['programme']}/business-case"
    editor.post(base + "/versions", data={"label": "eerste"})
    page = editor.get(base + "/scenarios").get_data(as_text=True)
    line_id = re.search(r'/lines/(\d+)/edit', page).group(1)
    editor.post(base + f"/lines/{line_id}/delete")
    editor.post(base + "/versions", data={"label": "tweede"})
    from workplace_planner.steps.strategy.organisation.models import CaseVersion

    with demo.app_context():
        old, new = list(db.session.scalars(
            db.select(CaseVersion.id).order_by(CaseVersion.number)))[-2:]
    response = editor.get(base + f"/versions/compare?old={old}&new={new}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "verwijderd" in html or "removed" in html


def test_csv_and_pdf_exports(login, ids):
    client = login("reviewer")
    base = f"/programmes/{ids['programme']}/business-case"
    csv = client.get(base + "/export.csv")
    assert csv.status_code == 200
    assert csv.data.startswith("\ufeff".encode())
    pdf = client.get(base + "/export.pdf")
    assert pdf.status_code == 200
    assert pdf.data.startswith(b"%PDF")


def test_panel_checks(login, ids):
    client = login("reviewer")
    response = client.get(f"/programmes/{ids['programme']}/steps/strategy/organisation")
    assert response.status_code == 200


def test_distribution_chart_draws_are_the_engines_simulation(demo, ids):
    import numpy as np

    from workplace_planner.business_case.compute import monte_carlo_npv_draws

    with demo.app_context():
        outcome = _outcome(demo, ids, monte_carlo=True)
        alternative = outcome.result.scenarios[1]
        mc = alternative.monte_carlo
        draws = monte_carlo_npv_draws(load_case(outcome.data), mc.simulations, mc.seed,
                                      mc.distribution)[alternative.id]
        p10, p50, p90 = np.percentile(draws, [10, 50, 90])
        assert (round(p10, 2), round(p50, 2), round(p90, 2)) == (mc.npv_p10, mc.npv_p50,
                                                                 mc.npv_p90)


def test_json_import_reproduces_the_exported_case(login, demo, ids):
    client = login("editor")
    base = f"/programmes/{ids['programme']}/business-case"
    exported = client.get(base + "/export.json").data
    with demo.app_context():
        before = result_to_dict(_outcome(demo, ids).result)
    import io

    response = client.post(base + "/import", data={
        "file": (io.BytesIO(exported), "case.json"), "confirm": "y",
    }, content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    with demo.app_context():
        after = result_to_dict(_outcome(demo, ids).result)

    def without_ids(payload):
        text = json.dumps(payload)
        return json.loads(re.sub(r'"(scenario|line)-\d+"', '"x"', text))

    assert without_ids(after) == without_ids(before)


def test_a_bad_import_changes_nothing(login, demo, ids):
    import io

    client = login("editor")
    base = f"/programmes/{ids['programme']}/business-case"
    data = json.loads(client.get(base + "/export.json").data)
    data["discount_rate"] = -2
    response = client.post(base + "/import", data={
        "file": (io.BytesIO(json.dumps(data).encode()), "case.json"), "confirm": "y",
    }, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "discount_rate" in response.get_data(as_text=True)
