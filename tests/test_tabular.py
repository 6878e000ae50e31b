"""CSV/Excel import with row errors and nothing half-imported; exports that cannot inject."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from workplace_planner.tabular import (
    Column,
    TableFileError,
    amount,
    choice,
    integer,
    neutralise,
    parse_table,
    read_table,
    text,
    write_csv,
    write_xlsx,
)

COLUMNS = [
    Column("name", "Naam", text(50), required=True, example="Buitendienst"),
    Column("headcount", "Aantal", integer(0, 100_000), required=True, example="120"),
    Column("price", "Prijs", amount(), example="28,20"),
    Column("skill", "Vaardigheid", choice(["1", "2", "3", "4", "5"])),
]


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def dutch(app):
    with app.test_request_context():
        yield


def test_a_good_dutch_csv_is_read_with_semicolons_and_decimal_commas(dutch):
    data = b"name;headcount;price\nBuitendienst;120;28,20\nBaliemedewerker;1.250;5\n"
    result = parse_table(read_table(data, "personas.csv"), COLUMNS)
    assert result.ok
    assert result.records == [
        {"name": "Buitendienst", "headcount": 120, "price": Decimal("28.20")},
        {"name": "Baliemedewerker", "headcount": 1250, "price": Decimal("5.00")},
    ]


def test_excel_numbers_stay_numbers(dutch):
    data = _xlsx([["name", "headcount", "price"], ["GIS", 20, 44.6]])
    result = parse_table(read_table(data, "p.xlsx"), COLUMNS)
    assert result.records == [{"name": "GIS", "headcount": 20, "price": Decimal("44.60")}]


def test_every_bad_row_is_reported_with_row_and_column_and_nothing_is_returned(dutch):
    data = b"name,headcount,skill\nGoed,10,3\n,abc,9\n\nOok goed,-1,2\n"
    result = parse_table(read_table(data, "p.csv"), COLUMNS)
    assert not result.ok and result.records == []
    where = {(e.row, e.column) for e in result.errors}
    # Row numbers are those of the file: the empty line 4 still counts.
    assert where == {(3, "name"), (3, "headcount"), (3, "skill"), (5, "headcount")}


def test_unknown_and_missing_columns_are_reported_on_the_header_row(dutch):
    result = parse_table(read_table(b"naam,headcount\nx,1\n", "p.csv"), COLUMNS)
    assert {(e.row, e.column) for e in result.errors} == {(1, "naam"), (1, "name")}


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"name\nx\n", "p.txt"), (b"not a zip", "p.xlsx"), (b"PK\x03\x04garbage", "p.xlsx"),
     (b"\n\n", "p.csv")],
)
def test_unreadable_files_are_refused_as_a_whole(dutch, data, name):
    with pytest.raises(TableFileError):
        read_table(data, name)


def test_formulas_in_an_excel_file_are_never_evaluated(dutch):
    data = _xlsx([["name", "headcount"], ["=1+1", 3]])
    result = parse_table(read_table(data, "p.xlsx"), COLUMNS)
    # No cached value in a file openpyxl wrote: the formula yields nothing, never "2", so the
    # required name is reported missing.
    assert [(e.row, e.column) for e in result.errors] == [(2, "name")]


def test_windows_1252_csv_from_dutch_excel_is_read(dutch):
    data = "name;headcount\nCoördinator;2\n".encode("cp1252")
    result = parse_table(read_table(data, "p.csv"), COLUMNS)
    assert result.records[0]["name"] == "Coördinator"


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"x\")", "+31 6", "-2+3", "@SUM(A1)", "\tx"])
def test_neutralise_makes_formula_cells_text(dangerous):
    assert neutralise(dangerous) == "'" + dangerous
    assert neutralise("Gewoon tekst") == "Gewoon tekst"
    assert neutralise(-5) == -5  # numbers are not text cells


def test_csv_export_neutralises_and_uses_dutch_conventions(dutch):
    data = write_csv(COLUMNS, [{"name": "=cmd|' /C calc'!A0", "headcount": 3,
                                "price": Decimal("28.20")}])
    content = data.decode("utf-8")
    assert content.startswith("\ufeffname;headcount;price;skill")
    assert "'=cmd" in content and "28,20" in content


def test_xlsx_export_writes_text_never_formulas(dutch):
    data = write_xlsx(COLUMNS, [{"name": "=1+1", "headcount": 3, "price": Decimal("1.5")}], "P")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == 3 and sheet["C2"].value == 1.5
    assert [c.value for c in sheet[1]] == ["name", "headcount", "price", "skill"]


def test_an_exported_file_imports_again(dutch):
    records = [{"name": "Beleid", "headcount": 40, "price": Decimal("44.60"), "skill": "4"}]
    for data, name in ((write_csv(COLUMNS, records), "x.csv"),
                       (write_xlsx(COLUMNS, records, "P"), "x.xlsx")):
        assert parse_table(read_table(data, name), COLUMNS).records == records
