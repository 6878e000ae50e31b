"""Vision and cooperation in the app: the pages, the one-A4 PDF, roles, tenancy, stale saves
and refused input."""

from __future__ import annotations

import html
import io
import re

import pytest
from conftest import ARTIFACTS
from pypdf import PdfReader

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.direction.models import (
    Kpi,
    MunicipalActivity,
    Pillar,
    Vision,
)
from workplace_planner.steps.strategy.technology.models import RoadmapItem


def _base(ids):
    return f"/programmes/{ids['programme']}/strategy/direction"


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def pdf_pages(data: bytes, tmp_path) -> int:
    """Pages of a PDF, read by pypdf (WeasyPrint compresses its page tree into object streams,
    where no text search finds it)."""
    assert data.startswith(b"%PDF")
    return len(PdfReader(io.BytesIO(data)).pages)


def test_the_vision_page_shows_goal_pillars_and_kpis(login, ids):
    page = _text(login("reviewer").get(f"{_base(ids)}/vision"))
    assert "Inwoners geven onze online dienstverlening een 8 of hoger in 2028" in page
    assert "Eén team digitale dienstverlening" in page and "Manager Dienstverlening" in page
    assert "Klanttevredenheid online dienstverlening" in page
    assert "6,4" in page and "7,1" in page  # baseline and latest measurement


def test_the_kpi_chart_renders_with_a_table(login, ids):
    client = login("reviewer")
    chart = client.get(f"{_base(ids)}/kpis/{ids['kpi']}/chart.svg")
    assert chart.status_code == 200
    assert chart.mimetype == "image/svg+xml"
    assert b"<svg" in chart.data
    page = _text(client.get(f"{_base(ids)}/kpis/{ids['kpi']}"))
    assert 'id="measurements-table"' in page and "6,8" in page
    progress = client.get(f"{_base(ids)}/kpis/progress.svg")
    assert progress.status_code == 200 and b"<svg" in progress.data
    assert b"44 %" in progress.data  # 6.4 → 7.1 of the way to 8.0
    assert 'id="kpis-table"' in _text(client.get(f"{_base(ids)}/vision"))


def test_the_one_a4_pdf_is_one_page_and_names_the_approved_version(login, ids, tmp_path):
    client = login("reviewer")
    response = client.get(f"{_base(ids)}/one-a4.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert pdf_pages(response.data, tmp_path) == 1
    page = _text(client.get(f"{_base(ids)}/one-a4"))
    assert "approved version" in page or "goedgekeurde versie" in page
    assert "Belangrijkste acties in" in page and "Identiteit naar Entra ID" in page


def test_long_content_still_fits_one_page(login, ids, demo, tmp_path):
    with demo.app_context():
        vision = db.session.scalar(db.select(Vision))
        vision.statement = "Een lange visie met heel veel woorden. " * 80
        vision.goal = "Een heel lang doel " * 25
        vision.obstacles = "\n".join(f"Obstakel {n} " + "met een lange toelichting " * 12
                                     for n in range(12))
        programme_id, organisation_id = vision.programme_id, vision.organisation_id
        for kpi in db.session.scalars(db.select(Kpi)).all():  # the demo's KPIs, first on the page
            kpi.name, kpi.owner = kpi.name + " lang" * 28, "Iemand " * 25
        for n in range(12):
            db.session.add(Pillar(programme_id=programme_id, organisation_id=organisation_id,
                                  title=f"Extra pijler {n} " + "lang " * 35, owner="Iemand " * 25,
                                  position=n - 20))
            db.session.add(Kpi(programme_id=programme_id, organisation_id=organisation_id,
                               name=f"Extra KPI {n} " + "lang " * 35, unit="eenheid " * 6,
                               owner="Iemand " * 25))
        participant = db.session.scalar(db.select(MunicipalActivity)).participant
        for n in range(20):
            db.session.add(MunicipalActivity(
                programme_id=programme_id, organisation_id=organisation_id,
                participant=participant, title=f"Extra actie {n} " + "lang " * 12,
                customer_value=5, organisation_value=5, urgency=5, horizon="now"))
        db.session.commit()
    client = login("reviewer")
    data = client.get(f"{_base(ids)}/one-a4.pdf").data
    assert pdf_pages(data, tmp_path) == 1
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "direction-one-a4-long.pdf").write_bytes(data)
    page = _text(client.get(f"{_base(ids)}/one-a4"))
    assert re.search(r"(and \d+ more|en nog \d+)", page)
    assert "…" in page


def test_activity_lists_are_sorted_by_priority_and_export(login, ids):
    client = login("reviewer")
    page = _text(client.get(f"{_base(ids)}/municipalities/{ids['participant']}/activities"))
    priorities = [float(p.replace(",", ".")) for p in
                  re.findall(r"<strong>(\d,\d)</strong>", page)]
    assert priorities and priorities == sorted(priorities, reverse=True)
    assert "Priority = (40" in page or "Prioriteit = (40" in page
    csv = client.get(f"{_base(ids)}/activities/export.csv")
    assert csv.status_code == 200
    assert "Webrichtlijnen-audit van de website" in csv.get_data(as_text=True)
    xlsx = client.get(f"{_base(ids)}/activities/export.xlsx")
    assert xlsx.status_code == 200 and xlsx.data.startswith(b"PK")


def test_the_joint_roadmap_highlights_cooperation_opportunities(login, ids):
    page = _text(login("reviewer").get(f"{_base(ids)}/joint-roadmap"))
    section = page.split('id="opportunities-heading"')[1].split("</section>")[0]
    assert "Webrichtlijnen-audit van de website" in section
    assert "Digitale vaardigheden in de buitendienst" in section
    assert "Digitale assistent op de website" in section  # explicitly linked to a chat function
    assert "Zaakgericht werken" not in section  # one municipality only
    assert "Glasvezel en wifi in de gemeentewerf" in page  # success factors
    timeline = login("reviewer").get(f"{_base(ids)}/joint-roadmap/timeline.svg")
    assert timeline.status_code == 200 and b"<svg" in timeline.data


def test_visions_compared_show_shared_keywords(login, ids):
    page = _text(login("reviewer").get(f"{_base(ids)}/visions"))
    shared = page.split('id="shared-heading"')[1].split("</section>")[0]
    assert "dienstverlening" in shared and "inwoners" in shared
    assert "vakmanschap" in page


def test_the_step_page_links_vision_and_cooperation(login, ids):
    page = _text(login("reviewer").get(f"/programmes/{ids['programme']}/steps/strategy"))
    assert f"{_base(ids)}/one-a4" in page and f"{_base(ids)}/joint-roadmap" in page


@pytest.mark.parametrize("path", ["/vision/edit", "/activities", "/kpis/new"])
def test_a_reviewer_reads_but_cannot_write(login, ids, path):
    client = login("reviewer")
    assert client.get(f"{_base(ids)}{path}").status_code == 200
    assert client.post(f"{_base(ids)}{path}", data={}).status_code == 403


def test_a_reviewer_cannot_make_a_roadmap_item(login, ids):
    response = login("reviewer").post(f"{_base(ids)}/activities/{ids['activity']}/roadmap-item")
    assert response.status_code == 403


def test_another_organisation_gets_not_found(login, ids):
    client = login("outsider")
    for path in ["/vision", "/one-a4.pdf", f"/kpis/{ids['kpi']}", "/joint-roadmap"]:
        assert client.get(f"{_base(ids)}{path}").status_code == 404
    other = f"/programmes/{ids['other_programme']}/strategy/direction"
    assert client.get(f"{other}/kpis/{ids['kpi']}").status_code == 404
    assert client.get(f"{other}/activities/{ids['activity']}/edit").status_code == 404


def test_a_stale_vision_save_is_refused_and_keeps_the_input(login, ids, demo):
    with demo.app_context():
        version = db.session.scalar(db.select(Vision)).version
    client = login("editor")
    data = {"statement": "Eerste wijziging", "goal": "Een 8 in 2028", "version": version}
    assert client.post(f"{_base(ids)}/vision/edit", data=data).status_code == 302
    stale = client.post(f"{_base(ids)}/vision/edit",
                        data={**data, "statement": "Tweede, op een oude versie"})
    assert stale.status_code == 422
    page = _text(stale)
    assert "Tweede, op een oude versie" in page and "nothing was saved" in page.replace(
        "niets opgeslagen", "nothing was saved")
    with demo.app_context():
        assert db.session.scalar(db.select(Vision)).statement == "Eerste wijziging"


def test_weights_that_do_not_add_up_are_refused_next_to_the_field(login, ids, demo):
    response = login("editor").post(f"{_base(ids)}/activities", data={
        "weight_customer": "50", "weight_organisation": "35", "weight_urgency": "25"})
    assert response.status_code == 422
    page = _text(response)
    assert 'id="weight_customer-error"' in page and "110" in page
    with demo.app_context():
        assert db.session.scalar(db.select(Vision)).weight_customer == 40


def test_new_weights_recalculate_the_priority(login, ids, demo):
    client = login("editor")
    response = client.post(f"{_base(ids)}/activities", data={
        "weight_customer": "100", "weight_organisation": "0", "weight_urgency": "0"})
    assert response.status_code == 302
    page = _text(client.get(f"{_base(ids)}/municipalities/{ids['participant']}/activities"))
    assert "Priority = (100" in page or "Prioriteit = (100" in page


def test_an_activity_ending_before_it_starts_is_refused(login, ids, demo):
    with demo.app_context():
        activity = db.session.get(MunicipalActivity, ids["activity"])
        participant_id = activity.participant_id
    response = login("workshop_lead").post(
        f"{_base(ids)}/municipalities/{participant_id}/activities/new",
        data={"title": "Nieuwe activiteit", "start_quarter": 2028 * 4 + 2,
              "end_quarter": 2028 * 4, "customer_value": 3})
    assert response.status_code == 422
    assert 'id="end_quarter-error"' in _text(response)
    with demo.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(MunicipalActivity)
                                 .where(MunicipalActivity.title == "Nieuwe activiteit")) == 0


def test_a_bad_measurement_is_refused_next_to_the_field(login, ids):
    response = login("editor").post(f"{_base(ids)}/kpis/{ids['kpi']}",
                                    data={"measured_on": "2027-06-01", "value": "zeven"})
    assert response.status_code == 422
    assert 'id="value-error"' in _text(response)


def test_make_roadmap_item_turns_an_activity_into_a_linked_item(login, ids, demo):
    with demo.app_context():
        activity = db.session.scalar(db.select(MunicipalActivity).where(
            MunicipalActivity.title == "Ambassadeursnetwerk per afdeling"))
        activity_id, participant = activity.id, activity.participant.name
    client = login("editor")
    response = client.post(f"{_base(ids)}/activities/{activity_id}/roadmap-item")
    assert response.status_code == 302
    with demo.app_context():
        activity = db.session.get(MunicipalActivity, activity_id)
        item = activity.roadmap_item
        assert item is not None and item.title == "Ambassadeursnetwerk per afdeling"
        assert [p.name for p in item.participants] == [participant]
        assert item.start_quarter is not None  # "Now" became the quarters of this year
        assert (item.customer_value, item.organisation_value, item.urgency) == (2, 4, 4)
        count = db.session.scalar(db.select(db.func.count()).select_from(RoadmapItem))
    # A second time is refused: it is already linked.
    client.post(f"{_base(ids)}/activities/{activity_id}/roadmap-item")
    with demo.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(RoadmapItem)) == count


def test_the_dashboard_shows_the_checks(login, ids):
    page = _text(login("reviewer").get(f"/programmes/{ids['programme']}"))
    assert "Every municipality has an activity list" in page or \
        "Elke gemeente heeft een activiteitenlijst" in page


def test_an_empty_programme_shows_every_page(login, ids, demo, tmp_path):
    from workplace_planner.auth.models import Organisation
    from workplace_planner.programmes import services as programmes

    with demo.app_context():
        organisation = db.session.get(Organisation, ids["shared"])
        programme = programmes.create_programme(organisation, "Leeg", 2027, 3, "", [])
        db.session.commit()
        base = f"/programmes/{programme.id}/strategy/direction"
    client = login("editor")
    for path in ("/vision", "/activities", "/joint-roadmap", "/visions", "/one-a4",
                 "/kpis/progress.svg", "/joint-roadmap/timeline.svg", "/activities/export.csv"):
        assert client.get(base + path).status_code == 200, path
    assert pdf_pages(client.get(base + "/one-a4.pdf").data, tmp_path) == 1
    assert "No vision recorded yet." in _text(client.get(base + "/one-a4")) or \
        "Nog geen visie vastgelegd." in _text(client.get(base + "/one-a4"))
    # The weights of a programme without a vision are saved on a new vision.
    response = client.post(base + "/activities", data={
        "weight_customer": "50", "weight_organisation": "30", "weight_urgency": "20"})
    assert response.status_code == 302
    with demo.app_context():
        saved = db.session.scalar(db.select(Vision).where(Vision.programme_id == programme.id))
        assert (saved.weight_customer, saved.weight_organisation, saved.weight_urgency) == (
            50, 30, 20)
