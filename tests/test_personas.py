"""Step 1, employee perspective: personas, interviews, adoption framework, catalogues."""

import html
import io

import pytest
from openpyxl import load_workbook

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.employee.models import (
    AdoptionMeasure,
    LicenceBundle,
    Persona,
)


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def base(ids):
    return f"/programmes/{ids['programme']}/personas"


@pytest.fixture
def participants(demo, ids):
    from workplace_planner.programmes.models import Programme

    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        return [p.id for p in programme.participants]


def _persona(app, name):
    with app.app_context():
        return db.session.scalar(db.select(Persona).where(Persona.name == name))


def _count(app, model=Persona) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_gallery_shows_the_personas_and_that_they_cover_the_workforce(login, base):
    page = _text(login("reviewer").get(base))
    assert "Groenbeheerder buitendienst" in page and "Ruimtelijk planner" in page
    assert "1.315 van 1.315" in page  # 640 + 410 + 265, all covered
    assert "gevalideerd door 2 interviews" in page  # the green maintenance persona


def test_a_workshop_lead_captures_a_persona_with_only_the_required_fields(
    login, base, demo, participants
):
    response = login("workshop_lead").post(f"{base}/new", data={
        "name": "Handhaver", "role": "Boa", f"headcount_{participants[0]}": "12",
    })
    assert response.status_code == 302
    persona = _persona(demo, "Handhaver")
    assert persona.role == "Boa"
    with demo.app_context():
        assert db.session.merge(persona).headcount == 12


def test_the_running_total_warns_when_personas_cover_more_than_the_workforce(
    login, base, participants
):
    client = login("editor")
    client.post(f"{base}/new", data={
        "name": "Handhaver", "role": "Boa", f"headcount_{participants[0]}": "12",
    })
    page = _text(client.get(base))
    assert "12 meer dan" in page


@pytest.mark.parametrize("typed", ["-3", "veel", "2.000.000", "1,5"])
def test_a_bad_headcount_is_refused_next_to_the_field_and_nothing_saved(
    login, base, demo, participants, typed
):
    before = _count(demo)
    response = login("editor").post(f"{base}/new", data={
        "name": "Nieuw", "role": "Rol", f"headcount_{participants[0]}": typed,
    })
    assert response.status_code == 422
    page = _text(response)
    assert f'id="headcount_{participants[0]}-error"' in page
    assert f'value="{typed}"' in page  # what was typed is shown back
    assert _count(demo) == before


def test_a_persona_stands_for_at_least_one_employee(login, base, participants):
    response = login("editor").post(f"{base}/new", data={"name": "Leeg", "role": "Rol"})
    assert response.status_code == 422
    assert f'id="headcount_{participants[0]}-error"' in _text(response)


def test_names_are_unique_within_the_programme(login, base, participants):
    response = login("editor").post(f"{base}/new", data={
        "name": "Beleidsmedewerker", "role": "x", f"headcount_{participants[0]}": "1",
    })
    assert response.status_code == 422
    assert 'id="name-error"' in _text(response)


def test_an_unknown_catalogue_item_is_refused(login, base, demo, participants):
    persona = _persona(demo, "Beleidsmedewerker")
    response = login("editor").post(f"{base}/{persona.id}/edit", data={
        "version": persona.version, "name": persona.name, "role": persona.role,
        f"headcount_{participants[0]}": "210", "licence_bundle_id": "99999",
    })
    assert response.status_code == 422
    assert 'id="licence_bundle_id-error"' in _text(response)


def test_full_edit_saves_every_field(login, base, demo, participants):
    persona = _persona(demo, "Leidinggevende")
    with demo.app_context():
        e5 = db.session.scalar(db.select(LicenceBundle).where(LicenceBundle.name.like("%E5%")))
    response = login("workshop_lead").post(f"{base}/{persona.id}/edit", data={
        "version": persona.version, "name": "Leidinggevende", "role": "Afdelingshoofd",
        f"headcount_{participants[0]}": "50", f"headcount_{participants[1]}": "30",
        f"headcount_{participants[2]}": "20", "quote": "Tijd is schaars.",
        "work_locations": ["office", "on_the_road"], "devices_needed": ["laptop", "phone"],
        "digital_skill": "4", "mobility": "mobile", "licence_bundle_id": str(e5.id),
        "device_kit_id": "0", "adoption_channels": ["walk_in"],
    })
    assert response.status_code == 302
    page = _text(login("reviewer").get(f"{base}/{persona.id}"))
    assert "Afdelingshoofd" in page and "Tijd is schaars." in page
    assert "Microsoft 365 E5" in page and "€ 4.460 per maand" in page.replace("\u00a0", " ")


def test_duplicate_as_new_copies_the_persona_under_a_new_name(login, base, demo):
    persona = _persona(demo, "Ruimtelijk planner")
    response = login("editor").post(f"{base}/{persona.id}/duplicate")
    assert response.status_code == 302
    copy = _persona(demo, "Ruimtelijk planner (kopie)")
    assert copy is not None and copy.role == persona.role and copy.id != persona.id


def test_an_interview_backs_a_persona(login, base, demo):
    persona = _persona(demo, "Leidinggevende")
    client = login("workshop_lead")
    response = client.post(f"{base}/interviews", data={
        "held_on": "2027-02-10", "interviewer": "Fatima", "interviewee_role": "Teamleider",
        "participant_id": "0", "personas": [str(persona.id)], "notes": "Veel onderweg.",
    })
    assert response.status_code == 302
    assert "gevalideerd door 1 interview" in _text(client.get(f"{base}/{persona.id}"))


def test_interview_notes_keep_personal_data_out(login, base):
    response = login("workshop_lead").post(f"{base}/interviews", data={
        "held_on": "2027-02-10", "interviewer": "Fatima", "interviewee_role": "Teamleider",
        "notes": "Bel jan@gemeente.nl",
    })
    assert response.status_code == 422
    assert 'id="notes-error"' in _text(response)


def test_coverage_shows_personas_no_measure_reaches(login, base, demo):
    page = _text(login("reviewer").get(f"{base}/adoption"))
    assert "Nog geen maatregel bereikt deze persona's:" in page
    warning = page.split("Nog geen maatregel bereikt deze persona's:")[1].split("</div>")[0]
    assert "Leidinggevende" in warning and "Beleidsmedewerker" not in warning


def test_a_new_measure_can_close_the_gap(login, base, demo):
    persona = _persona(demo, "Leidinggevende")
    client = login("editor")
    response = client.post(f"{base}/adoption/new", data={
        "title": "Inloopspreekuur voor leidinggevenden", "channel": "walk_in",
        "personas": [str(persona.id)], "support_point": "Servicedesk",
    })
    assert response.status_code == 302
    assert "Elke persona wordt door minstens één maatregel bereikt." in _text(
        client.get(f"{base}/adoption"))


def test_a_workshop_lead_may_not_change_adoption_measures_or_the_catalogue(login, base):
    client = login("workshop_lead")
    assert client.post(f"{base}/adoption/new", data={"title": "x"}).status_code == 403
    assert client.post(f"{base}/catalogue/licences", data={"name": "x"}).status_code == 403


def test_catalogue_prices_are_typed_in_dutch_notation(login, base, demo):
    response = login("editor").post(f"{base}/catalogue/licences", data={
        "name": "Copilot", "price_per_user_month": "28,10", "source": "aanname",
    })
    assert response.status_code == 302
    with demo.app_context():
        bundle = db.session.scalar(db.select(LicenceBundle).where(LicenceBundle.name == "Copilot"))
        assert str(bundle.price_per_user_month) == "28.10"


def test_dashboard_cell_reflects_completion(login, ids):
    page = _text(login("reviewer").get(f"/programmes/{ids['programme']}"))
    assert "Persona's dekken het hele personeel" in page
    assert "Nog niet voldaan:" in page  # one persona has no adoption measure yet


def test_the_workforce_chart_is_an_svg_with_a_table_alternative(login, base):
    client = login("reviewer")
    response = client.get(f"{base}/workforce.svg")
    assert response.mimetype == "image/svg+xml" and b"Groenbeheerder" in response.data
    page = _text(client.get(base))
    assert 'id="workforce-table"' in page and 'alt="' in page


def test_cards_print_and_come_as_pdf(login, base, demo):
    client = login("reviewer")
    persona = _persona(demo, "Wijkteammedewerker")
    card = _text(client.get(f"{base}/{persona.id}/card"))
    assert "Wijkteammedewerker" in card and "print.css" in card
    pdf = client.get(f"{base}/{persona.id}/card.pdf")
    assert pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert b"Wijkteammedewerker" in pdf.data or len(pdf.data) > 5000


def _upload(client, url, content: bytes, filename: str):
    return client.post(url, data={"file": (io.BytesIO(content), filename)},
                       content_type="multipart/form-data")


def test_import_adds_and_updates_personas(login, base, demo, participants):
    client = login("workshop_lead")
    template = client.get(f"{base}/template.csv").data.decode("utf-8-sig")
    header = template.splitlines()[0].split(";")
    assert header[:2] == ["name", "role"]
    rows = [
        ";".join(header),
        ";".join({"name": "Handhaver", "role": "Boa", header[2]: "12",
                  "licence_profile": "Microsoft 365 F3"}.get(h, "") for h in header),
        ";".join({"name": "Beleidsmedewerker", "role": "Senior beleidsadviseur",
                  header[2]: "200", header[3]: "135", header[4]: "88"}.get(h, "")
                 for h in header),
    ]
    before = _count(demo)
    response = _upload(client, f"{base}/import", "\n".join(rows).encode(), "personas.csv")
    assert response.status_code == 302, _text(response)[-2000:]
    assert _count(demo) == before + 1
    assert _persona(demo, "Beleidsmedewerker").role == "Senior beleidsadviseur"


def test_an_import_with_errors_saves_nothing_and_names_row_and_column(
    login, base, demo
):
    client = login("editor")
    header = client.get(f"{base}/template.csv").data.decode("utf-8-sig").splitlines()[0]
    columns = header.split(";")
    good = {"name": "Goed", "role": "Rol", columns[2]: "5"}
    unknown_licence = {"name": "Fout", "role": "Rol", columns[2]: "5",
                       "licence_profile": "Bestaat niet"}
    bad_count = {"name": "Ook fout", "role": "Rol", columns[2]: "-1"}
    lines = [header] + [";".join(r.get(c, "") for c in columns)
                        for r in (good, unknown_licence, bad_count)]
    before = _count(demo)
    response = _upload(client, f"{base}/import", "\n".join(lines).encode(), "p.csv")
    assert response.status_code == 422
    page = _text(response)
    assert "Er is niets geïmporteerd" in page
    assert "licence_profile" in page and columns[2] in page
    assert ">3<" in page and ">4<" in page  # the file's row numbers
    assert _count(demo) == before and _persona(demo, "Goed") is None


def test_a_file_of_the_wrong_type_is_refused(login, base):
    response = _upload(login("editor"), f"{base}/import", b"MZ\x90\x00", "virus.exe")
    assert response.status_code == 422
    assert 'id="file-error"' in _text(response)


def test_exports_neutralise_formula_cells(login, base, demo, participants):
    client = login("editor")
    persona = _persona(demo, "ICT-medewerker")
    client.post(f"{base}/{persona.id}/edit", data={
        "version": persona.version, "name": persona.name, "role": "=HYPERLINK(\"http://x\")",
        f"headcount_{participants[0]}": "30", "quote": "@SUM(A1:A9)",
        "tasks": "+31 6 1234", "goals": "-1+1",
    })
    csv_text = client.get(f"{base}/export.csv").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "'@SUM" in csv_text and "'+31" in csv_text
    sheet = load_workbook(io.BytesIO(client.get(f"{base}/export.xlsx").data)).worksheets[0]
    values = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'=HYPERLINK(\"http://x\")" in values
    assert not any(v.startswith(("=", "+", "@")) for v in values)


def test_another_organisation_gets_404_on_personas(login, base, demo):
    persona = _persona(demo, "Beleidsmedewerker")
    client = login("outsider")
    assert client.get(base).status_code == 404
    assert client.get(f"{base}/{persona.id}").status_code == 404
    assert client.get(f"{base}/{persona.id}/card.pdf").status_code == 404


def test_an_object_of_another_programme_is_404_even_in_the_same_organisation(
    login, base, demo, ids
):
    from workplace_planner.auth.models import Organisation
    from workplace_planner.programmes import services as programmes

    with demo.app_context():
        organisation = db.session.get(Organisation, ids["shared"])
        other = programmes.create_programme(organisation, "Tweede", 2028, 3)
        db.session.commit()
        other_id = other.id
    persona = _persona(demo, "Beleidsmedewerker")
    assert login("admin").get(f"/programmes/{other_id}/personas/{persona.id}").status_code == 404


def test_removing_a_persona_removes_its_links(login, base, demo):
    persona = _persona(demo, "Groenbeheerder buitendienst")
    assert login("editor").post(f"{base}/{persona.id}/delete").status_code == 302
    with demo.app_context():
        measures = db.session.scalars(db.select(AdoptionMeasure)).all()
        assert all("Groenbeheerder buitendienst" not in [p.name for p in m.personas]
                   for m in measures)
