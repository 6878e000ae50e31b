"""Step 4, Implement & migrate: wave headcounts, communication per persona, budget against the
approved business-case version (to the cent)."""

from __future__ import annotations

import html
from decimal import Decimal

from workplace_planner.extensions import db
from workplace_planner.i18n import format_money
from workplace_planner.steps.implement import services
from workplace_planner.steps.implement.models import BudgetActual, MigrationWave
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.organisation.models import CaseVersion
from workplace_planner.steps.strategy.organisation.services import version_result


def english(login, role):
    client = login(role)
    client.post("/language", data={"language": "en"})
    return client


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _wave_data(demo, wave_id, **users):
    with demo.app_context():
        wave = db.session.get(MigrationWave, wave_id)
        data = {"name": wave.name, "status": wave.status.value,
                "start_quarter": wave.start_quarter, "end_quarter": wave.end_quarter,
                "version": wave.version,
                "participants": [p.id for p in wave.participants],
                "roadmap_items": [i.id for i in wave.roadmap_items]}
        for u in wave.users:
            data[f"users_{u.persona_id}"] = str(u.users)
    data.update(users)
    return data


def test_users_beyond_a_personas_headcount_are_refused(login, ids, demo):
    with demo.app_context():
        persona = db.session.scalar(db.select(Persona).where(
            Persona.name == "Beleidsmedewerker"))
        persona_id, headcount = persona.id, persona.headcount
        before = db.session.get(MigrationWave, ids["wave"]).users_for(persona_id)
    url = f"/programmes/{ids['programme']}/implement/waves/{ids['wave']}/edit"
    response = english(login, "editor").post(
        url, data=_wave_data(demo, ids["wave"], **{f"users_{persona_id}": str(before + 1)}))
    assert response.status_code == 422
    page = _text(response)
    assert f"Beleidsmedewerker stands for {headcount} employees" in page
    assert f'id="users_{persona_id}-error"' in page
    with demo.app_context():
        assert db.session.get(MigrationWave, ids["wave"]).users_for(persona_id) == before


def test_fewer_users_leave_some_to_migrate(login, ids, demo):
    with demo.app_context():
        persona = db.session.scalar(db.select(Persona).where(
            Persona.name == "Beleidsmedewerker"))
        persona_id = persona.id
        before = db.session.get(MigrationWave, ids["wave"]).users_for(persona_id)
    client = english(login, "editor")
    url = f"/programmes/{ids['programme']}/implement/waves/{ids['wave']}/edit"
    response = client.post(url, data=_wave_data(
        demo, ids["wave"], **{f"users_{persona_id}": str(before - 10)}))
    assert response.status_code == 302
    with demo.test_request_context():
        from workplace_planner.programmes.models import Programme

        programme = db.session.get(Programme, ids["programme"])
        row = next(r for r in services.persona_progress(programme) if r.persona.id == persona_id)
        assert row.unplanned == 10
        assert row.remaining == row.headcount - row.migrated
    page = _text(client.get(f"/programmes/{ids['programme']}/implement/waves"))
    assert "Remaining to migrate" in page and "Not in a wave" in page


def test_budget_against_actuals_matches_the_approved_version_to_the_cent(login, ids, demo):
    client = english(login, "editor")
    response = client.post(f"/programmes/{ids['programme']}/implement/budget/actuals/new",
                           data={"year": "2027", "category": "licences", "amount": "1,000.01",
                                 "note": "Correctie"})
    assert response.status_code == 302
    with demo.test_request_context():
        version = db.session.get(CaseVersion, ids["bc_approved_version"])
        result = version_result(version)
        scenario = next(s for s in result.scenarios if not s.baseline)
        index = result.years.index(2027)
        planned = Decimal(str(scenario.cash.costs_by_category["licences"][index])).quantize(
            Decimal("0.01"))
        actual = db.session.scalar(db.select(db.func.sum(BudgetActual.amount)).where(
            BudgetActual.year == 2027, BudgetActual.category == "licences"))
        assert actual == Decimal("398450.12") + Decimal("1000.01")
        from workplace_planner.programmes.models import Programme

        comparison = services.budget_comparison(db.session.get(Programme, ids["programme"]))
        row = next(r for r in comparison.rows if r.year == 2027 and r.category == "licences")
        assert (row.planned, row.actual, row.difference) == (planned, actual, actual - planned)
        total = next(t for t in comparison.totals if t.year == 2027)
        assert total.planned == Decimal(str(scenario.cash.costs[index])).quantize(
            Decimal("0.01"))
        expected = [format_money(v, cents=True, language="en")
                    for v in (planned, actual, actual - planned)]
        number = version.number
    page = _text(client.get(f"/programmes/{ids['programme']}/implement/budget"))
    assert f"business-case version {number}" in page
    row_html = page[page.index("Licences", page.index('id="budget-table"')):]
    row_html = row_html[:row_html.index("</tr>")]
    for text in expected:
        assert text in row_html
    chart = client.get(f"/programmes/{ids['programme']}/implement/budget/chart.svg")
    assert chart.status_code == 200 and chart.mimetype == "image/svg+xml"


def test_without_an_approved_version_the_page_says_so(login, ids, demo):
    with demo.app_context():
        from workplace_planner.auth.models import Organisation
        from workplace_planner.programmes import services as programmes

        programme = programmes.create_programme(
            db.session.get(Organisation, ids["shared"]), "Zonder businesscase", 2027, 3, "")
        db.session.commit()
        programme_id = programme.id
    client = english(login, "editor")
    response = client.get(f"/programmes/{programme_id}/implement/budget")
    assert response.status_code == 200
    assert "No business-case version has been approved yet" in _text(response)
    assert client.get(f"/programmes/{programme_id}/implement/budget/chart.svg").status_code == 200


def test_a_bad_amount_is_refused_next_to_the_field(login, ids, demo):
    with demo.app_context():
        before = db.session.scalar(db.select(db.func.count(BudgetActual.id)))
    response = english(login, "editor").post(
        f"/programmes/{ids['programme']}/implement/budget/actuals/new",
        data={"year": "2028", "category": "devices", "amount": "12.345"})
    assert response.status_code == 422
    assert 'id="amount-error"' in _text(response)
    with demo.app_context():
        assert db.session.scalar(db.select(db.func.count(BudgetActual.id))) == before


def test_a_dutch_amount_is_read_as_dutch(login, ids, demo):
    response = login("editor").post(
        f"/programmes/{ids['programme']}/implement/budget/actuals/new",
        data={"year": "2028", "category": "devices", "amount": "1.234,56"})
    assert response.status_code == 302
    with demo.app_context():
        assert db.session.scalar(db.select(BudgetActual.amount).where(
            BudgetActual.year == 2028, BudgetActual.category == "devices")
            .order_by(BudgetActual.id.desc()).limit(1)) == Decimal("1234.56")


def test_a_stale_actual_edit_is_refused(login, ids, demo):
    response = english(login, "editor").post(
        f"/programmes/{ids['programme']}/implement/budget/actuals/{ids['actual']}/edit",
        data={"year": "2027", "category": "licences", "amount": "1.00", "version": 0})
    assert response.status_code == 422
    with demo.app_context():
        assert db.session.get(BudgetActual, ids["actual"]).amount != Decimal("1.00")


def test_a_reviewer_reads_but_cannot_record_actuals(login, ids):
    client = english(login, "reviewer")
    page = _text(client.get(f"/programmes/{ids['programme']}/implement/budget"))
    assert "Record actual spending" not in page
    response = client.post(f"/programmes/{ids['programme']}/implement/budget/actuals/new",
                           data={"year": "2028", "category": "devices", "amount": "1"})
    assert response.status_code == 403


def test_another_organisation_gets_404(login, ids):
    client = login("outsider")
    base = f"/programmes/{ids['programme']}/implement"
    assert client.get(f"{base}/budget").status_code == 404
    other = f"/programmes/{ids['other_programme']}/implement"
    assert client.get(f"{other}/waves/{ids['wave']}/edit").status_code == 404


def test_communication_only_for_the_personas_of_the_measure(login, ids, demo):
    with demo.app_context():
        from workplace_planner.steps.strategy.employee.models import AdoptionMeasure

        measure = db.session.get(AdoptionMeasure, ids["measure"])
        outside = db.session.scalar(db.select(Persona.id).where(
            Persona.programme_id == ids["programme"],
            Persona.id.not_in([p.id for p in measure.personas])).limit(1))
    response = english(login, "editor").post(
        f"/programmes/{ids['programme']}/implement/communication/new",
        data={"measure_id": ids["measure"], "persona_id": outside, "wave_id": 0,
              "status": "planned"})
    assert response.status_code == 422
    assert "The adoption framework does not plan" in _text(response)
    page = _text(english(login, "reviewer").get(
        f"/programmes/{ids['programme']}/implement/communication"))
    assert "Adoption framework (step 1)" in page


def test_budget_exports_and_actual_history(login, ids, demo):
    client = english(login, "editor")
    base = f"/programmes/{ids['programme']}/implement/budget"
    csv_text = client.get(f"{base}.csv").get_data(as_text=True)
    assert "year,category,category_label,planned,actual,difference" in csv_text
    assert "398450.12" in csv_text
    xlsx = client.get(f"{base}.xlsx")
    assert xlsx.status_code == 200 and xlsx.data[:2] == b"PK"
    with demo.app_context():
        version = db.session.get(BudgetActual, ids["actual"]).version
    response = client.post(f"{base}/actuals/{ids['actual']}/edit", data={
        "year": "2027", "category": "licences", "amount": "398,450.13", "version": version})
    assert response.status_code == 302
    page = _text(client.get(f"{base}/actuals/{ids['actual']}/edit"))
    assert "Changes" in page and "398450.13" in page.replace(",", "")


def test_a_roadmap_item_outside_the_wave_is_flagged(login, ids, demo):
    with demo.app_context():
        from workplace_planner.steps.strategy.technology.models import RoadmapItem

        late = db.session.scalar(db.select(RoadmapItem.id).where(
            RoadmapItem.title == "Citrix-farm uitfaseren"))
        data = _wave_data(demo, ids["wave"])
    data["roadmap_items"] = [*data["roadmap_items"], late]
    client = english(login, "editor")
    url = f"/programmes/{ids['programme']}/implement/waves/{ids['wave']}/edit"
    assert client.post(url, data=data).status_code == 302
    page = _text(client.get(f"/programmes/{ids['programme']}/implement/waves"))
    assert "Warning: Citrix-farm uitfaseren is planned for 2030 Q1 – 2030 Q2, outside this wave." \
        in page
