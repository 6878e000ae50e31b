"""The system inventory: import from CSV/Excel (all or nothing), export, the ambition page."""

from __future__ import annotations

import html
import io

from openpyxl import load_workbook

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.technology.choices import Hosting, Target
from workplace_planner.steps.strategy.technology.models import System

HEADER = "name;domain;supplier;hosting;end_of_support;municipalities;target;replacement_hosting"


def _upload(client, ids, text: str, filename="systemen.csv"):
    return client.post(
        f"/programmes/{ids['programme']}/technology/systems/import",
        data={"file": (io.BytesIO(text.encode("utf-8")), filename)},
        content_type="multipart/form-data",
    )


def _count(demo) -> int:
    with demo.app_context():
        return db.session.scalar(db.select(db.func.count(System.id)))


def test_an_import_with_errors_saves_nothing(login, ids, demo):
    before = _count(demo)
    text = "\n".join([
        HEADER,
        "Nieuw zaaksysteem;business_applications;Zaakwijs;saas;2031-12-31;"
        "Gemeente Merwedal;keep;",
        "Printservers;devices;HP;in_de_kelder;31-12-2027;;retire;",
        "Telefonie;telephony;Mitel;on_premise;;Gemeente Nergensland;replace;",
    ])
    response = _upload(login("editor"), ids, text)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert 'role="alert"' in page
    # Row 3 has a bad hosting and a bad date, row 4 an unknown municipality; row 2 is fine
    # but is not saved either.
    rows = page[page.index("<tbody"):]
    assert ">3<" in rows and "hosting" in rows and "end_of_support" in rows
    assert ">4<" in rows and "municipalities" in rows
    assert _count(demo) == before


def test_a_replacement_without_hosting_is_a_row_error(login, ids, demo):
    before = _count(demo)
    text = "\n".join([HEADER, "Telefonie;telephony;Mitel;on_premise;;;replace;"])
    page = html.unescape(_upload(login("editor"), ids, text).get_data(as_text=True))
    rows = page[page.index("<tbody"):]
    assert ">2<" in rows and "replacement_hosting" in rows
    assert _count(demo) == before


def test_a_good_import_adds_and_updates(login, ids, demo):
    text = "\n".join([
        HEADER,
        "Exchange 2016;mail;Microsoft;on_premise;2025-10-14;Gemeente Merwedal;retire;",
        "Printservers;devices;HP;on_premise;2027-12-31;Gemeente Zandvliet, Gemeente Merwedal;"
        "replace;saas",
    ])
    before = _count(demo)
    response = _upload(login("editor"), ids, text)
    assert response.status_code == 302
    assert _count(demo) == before + 1
    with demo.app_context():
        exchange = db.session.scalar(db.select(System).where(System.name == "Exchange 2016"))
        printers = db.session.scalar(db.select(System).where(System.name == "Printservers"))
        assert exchange.target is Target.RETIRE
        assert [p.name for p in exchange.participants] == ["Gemeente Merwedal"]
        assert printers.target_hosting is Hosting.SAAS
        assert len(printers.participants) == 2


def test_an_excel_export_imports_again_unchanged(login, ids, demo):
    client = login("editor")
    base = f"/programmes/{ids['programme']}/technology"
    exported = client.get(f"{base}/systems.xlsx")
    assert exported.status_code == 200
    sheet = load_workbook(io.BytesIO(exported.data)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["name", "domain", "supplier", "hosting"]
    assert sheet.max_row - 1 == _count(demo)
    before = _count(demo)
    response = client.post(
        f"{base}/systems/import",
        data={"file": (io.BytesIO(exported.data), "systemen.xlsx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert _count(demo) == before


def test_csv_export_neutralises_formulas(login, ids, demo):
    client = login("editor")
    base = f"/programmes/{ids['programme']}/technology"
    with demo.app_context():
        system = db.session.get(System, ids["system"])
        system.pain_points = "=HYPERLINK(\"http://example.com\")"
        db.session.commit()
    data = client.get(f"{base}/systems.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in data
    template = client.get(f"{base}/systems-template.csv").get_data(as_text=True)
    assert template.lstrip("\ufeff").startswith("name;domain;")


def test_the_ambition_page_shows_targets_and_the_chart(login, ids):
    client = login("reviewer")
    base = f"/programmes/{ids['programme']}/technology"
    page = html.unescape(client.get(f"{base}/ambition").get_data(as_text=True))
    assert "Cloud, tenzij" in page
    assert 'id="movement-table"' in page
    chart = client.get(f"{base}/ambition/chart.svg")
    assert chart.status_code == 200 and chart.mimetype == "image/svg+xml"
    assert b"<svg" in chart.data


def test_a_system_needs_a_replacement_hosting_when_replaced(login, ids, demo):
    client = login("editor")
    base = f"/programmes/{ids['programme']}/technology"
    response = client.post(f"{base}/systems/new", data={
        "name": "Kopieerapparaten", "domain": "devices", "hosting": "on_premise",
        "target": "replace", "replacement_hosting": "", "workshop_id": 0,
    })
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert 'id="replacement_hosting-error"' in page
    response = client.post(f"{base}/systems/new", data={
        "name": "Exchange 2016", "domain": "mail", "hosting": "on_premise", "workshop_id": 0,
    })
    assert response.status_code == 422
    assert 'id="name-error"' in response.get_data(as_text=True)
