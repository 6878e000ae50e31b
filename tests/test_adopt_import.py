"""Adoption measurements from CSV or Excel: every row checked first (all or nothing), and an
export imports again without duplicates."""

from __future__ import annotations

import html
import io

from workplace_planner.extensions import db
from workplace_planner.steps.adopt.models import AdoptionMeasurement

HEADER = "persona;municipality;measured_on;usage_pct;satisfaction;tickets_per_100;note"


def _upload(client, ids, data: bytes, filename="metingen.csv"):
    return client.post(f"/programmes/{ids['programme']}/adopt/measurements/import",
                       data={"file": (io.BytesIO(data), filename)},
                       content_type="multipart/form-data")


def _count(demo) -> int:
    with demo.app_context():
        return db.session.scalar(db.select(db.func.count(AdoptionMeasurement.id)))


def test_a_file_with_errors_imports_nothing_and_names_rows_and_columns(login, ids, demo):
    before = _count(demo)
    text = "\n".join([
        HEADER,
        "Beleidsmedewerker;Gemeente Merwedal;2028-05-01;55;7;2;",
        "Onbekende persona;Gemeente Merwedal;2028-05-01;150;11;;",
        "Beleidsmedewerker;;01-05-2028;44,44;;;",
    ])
    response = _upload(login("editor"), ids, text.encode())
    assert response.status_code == 422
    rows = html.unescape(response.get_data(as_text=True))
    rows = rows[rows.index("<tbody"):]
    assert ">3<" in rows and "persona" in rows and "usage_pct" in rows and "satisfaction" in rows
    assert ">4<" in rows and "measured_on" in rows
    assert _count(demo) == before


def test_a_good_file_adds_and_an_export_imports_again_unchanged(login, ids, demo):
    client = login("editor")
    text = "\n".join([HEADER, "Beleidsmedewerker;Gemeente Merwedal;2028-05-01;55,5;7;2;Ok"])
    before = _count(demo)
    assert _upload(client, ids, text.encode()).status_code == 302
    assert _count(demo) == before + 1
    exported = client.get(f"/programmes/{ids['programme']}/adopt/measurements.xlsx")
    assert exported.status_code == 200
    assert _upload(client, ids, exported.data, "metingen.xlsx").status_code == 302
    assert _count(demo) == before + 1
    with demo.app_context():
        added = db.session.scalar(db.select(AdoptionMeasurement).where(
            AdoptionMeasurement.note == "Ok"))
        assert str(added.usage_pct) == "55.5" and added.participant.name == "Gemeente Merwedal"
