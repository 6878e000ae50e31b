"""Step 7: benefits realised against the approved business-case version, to the cent; the
baseline is named, and a programme without an approved version says so."""

from __future__ import annotations

import html
from decimal import Decimal

from workplace_planner.extensions import db
from workplace_planner.programmes.models import Programme
from workplace_planner.steps.evaluate import services
from workplace_planner.steps.evaluate.models import LessonLearned, RealisedBenefit
from workplace_planner.steps.strategy.organisation import services as business_case
from workplace_planner.steps.strategy.organisation.models import CaseVersion


def _english(login, role: str):
    client = login(role)
    client.post("/language", data={"language": "en", "next": "/programmes"})
    return client


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_planned_benefits_are_the_engine_figures_of_the_approved_version(demo, ids):
    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        version = services.approved_version(programme)
        assert version.id == ids["bc_approved_version"]
        comparison = services.compare_benefits(programme, version)
        result = business_case.version_result(version)
        scenario = next(s for s in result.scenarios if s.id == comparison.scenario)
        assert not scenario.baseline
        assert comparison.years == list(result.years)
        assert comparison.planned == [Decimal(f"{v:.2f}") for v in scenario.cash.benefits]
        # The time-saving line: 4 FTE × 82,000 from 2028, indexed 3.5 percent from 2027.
        assert comparison.planned[:3] == [Decimal("0.00"), Decimal("339480.00"),
                                          Decimal("351361.80")]
        assert comparison.realised[1] == Decimal("42500.00")
        assert comparison.difference[1] == Decimal("-296980.00")


def test_a_realised_benefit_booked_on_a_line_moves_the_difference_to_the_cent(login, ids,
                                                                              demo):
    with demo.app_context():
        version = db.session.get(CaseVersion, ids["bc_approved_version"])
        line = services.benefit_lines(version)[0]
    client = _english(login, "editor")
    response = client.post(f"/programmes/{ids['programme']}/evaluate/benefits/new", data={
        "year": "2028", "line_key": line["key"], "category": "", "amount": "1,234.56",
        "note": "Tweede steekproef"})
    assert response.status_code == 302
    page = _page(client.get(f"/programmes/{ids['programme']}/evaluate"))
    assert "Baseline: version 1 of the business case" in page
    table = page[page.index('id="benefits-table"'):]
    row = table[table.index(">2028<"):]
    row = row[:row.index("</tr>")]
    assert "€339,480.00" in row and "€43,734.56" in row and "-€295,745.44" in row
    with demo.app_context():
        saved = db.session.scalar(db.select(RealisedBenefit).where(
            RealisedBenefit.note == "Tweede steekproef"))
        assert saved.line_name == line["name"] and saved.category == line["category"]


def test_a_benefit_without_a_line_needs_a_category_and_bad_amounts_are_refused(login, ids,
                                                                               demo):
    client = _english(login, "editor")
    url = f"/programmes/{ids['programme']}/evaluate/benefits/new"
    with demo.app_context():
        before = db.session.scalar(db.select(db.func.count(RealisedBenefit.id)))
    response = client.post(url, data={"year": "2028", "line_key": "", "category": "",
                                      "amount": "100"})
    assert response.status_code == 422
    assert "Choose a benefit line or a category." in _page(response)
    response = client.post(url, data={"year": "2028", "line_key": "", "category": "other",
                                      "amount": "12.345"})
    assert response.status_code == 422
    assert client.post(url, data={"year": "1999", "category": "other",
                                  "amount": "1"}).status_code == 422
    with demo.app_context():
        assert db.session.scalar(db.select(db.func.count(RealisedBenefit.id))) == before


def test_without_an_approved_version_the_page_says_so(login, ids):
    page = _page(_english(login, "outsider").get(
        f"/programmes/{ids['other_programme']}/evaluate"))
    assert "No version of the business case has been approved yet" in page
    assert 'id="benefits-table"' not in page


def test_stale_lesson_edits_are_refused_and_reviewers_and_outsiders_cannot_write(login, ids,
                                                                                  demo):
    url = f"/programmes/{ids['programme']}/evaluate/lessons/{ids['lesson_learned']}/edit"
    with demo.app_context():
        version = db.session.get(LessonLearned, ids["lesson_learned"]).version
    data = {"title": "Houders in de bus", "category": "adoption", "perspective": "employee",
            "step_key": "prepare", "version": version}
    editor = _english(login, "editor")
    assert editor.post(url, data=data).status_code == 302
    response = editor.post(url, data={**data, "title": "Iets anders"})
    assert response.status_code == 422 and "Someone else saved a change" in _page(response)
    assert _english(login, "reviewer").post(url, data=data).status_code == 403
    assert _english(login, "outsider").get(url).status_code == 404
    with demo.app_context():
        assert db.session.get(LessonLearned, ids["lesson_learned"]).title == "Houders in de bus"


def test_the_step_pages_show_the_baseline_the_satisfaction_and_the_checks(login, ids):
    client = _english(login, "reviewer")
    base = f"/programmes/{ids['programme']}/steps/evaluate"
    page = _page(client.get(base + "/organisation"))
    assert "Measured against version 1 of the business case (approved)." in page
    assert "An approved business case to measure benefits against" in page
    assert 'id="benefits-table"' in page
    page = _page(client.get(base + "/employee"))
    assert 'id="satisfaction-table"' in page
    row = page[page.index("Groenbeheerder buitendienst"):]
    assert "+0.2" in row[:row.index("</tr>")]  # 5.9 on 1 March, 6.1 on 15 April
