"""The Excel export has live formulas: LibreOffice (headless) recalculates the workbook from its
inputs and gets the app's per-year totals and NPV to the cent. The workbook is written with the
computed values replaced by 0, so only a real recalculation can produce the right figures.

In CI (``CI`` set) a missing LibreOffice fails the test instead of skipping it."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pytest

from workplace_planner.extensions import db

RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            raise RuntimeError("CI needs LibreOffice: apt-get install libreoffice-calc")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc)")
    return found


def recalculate(data: bytes, tmp_path) -> bytes:
    """Open the workbook in LibreOffice, recalculating every formula, and save it again."""
    profile = tmp_path / "lo-profile"
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(RECALCULATE_ALWAYS)
    source = tmp_path / "in" / "case.xlsx"
    source.parent.mkdir()
    source.write_bytes(data)
    out = tmp_path / "out"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", "xlsx", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    return (out / "case.xlsx").read_bytes()


def _rows(sheet, label: str) -> list[tuple]:
    return [row for row in sheet.iter_rows(values_only=True) if row[0] == label]


def test_excel_recalculated_by_libreoffice_matches_the_app(demo, ids, tmp_path):
    import openpyxl

    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps.strategy.organisation import excel, services

    with demo.test_request_context():
        programme = db.session.get(Programme, ids["programme"])
        outcome = services.compute(services.get_business_case(programme), monte_carlo=False)
        assert outcome.ok
        assumptions = services.list_assumptions(programme)
        uses = services.assumption_uses(programme)
        stale = excel.workbook(outcome, assumptions, uses, cached=False)
        cached = excel.workbook(outcome, assumptions, uses, cached=True)
        result = outcome.result
        # Sheet names and row labels are in the user's language: take them as written.
        from flask_babel import gettext as _

        label = {text: _(text) for text in (
            "Budget", "Comparison", "Total costs", "Total benefits",
            "Incremental cash flow versus the baseline", "Net present value (NPV)",
            "Payback (years from the start of the first year)")}

    # The download itself stores the engine's values with the formulas.
    book = openpyxl.load_workbook(io.BytesIO(cached), data_only=True)
    first = _rows(book[label["Budget"]], label["Total costs"])[0]
    assert list(first[1:1 + len(result.years)]) == list(result.scenarios[0].cash.costs)

    book = openpyxl.load_workbook(io.BytesIO(recalculate(stale, tmp_path)), data_only=True)
    n = len(result.years)
    totals = _rows(book[label["Budget"]], label["Total costs"])
    benefits = _rows(book[label["Budget"]], label["Total benefits"])
    expected = [(s, view) for s in result.scenarios for view in ("cash", "budget")]
    assert len(totals) == len(expected)
    for row, benefit_row, (scenario, view) in zip(totals, benefits, expected, strict=True):
        figures = getattr(scenario, view)
        assert [round(v, 2) for v in row[1:1 + n]] == list(figures.costs), (scenario.id, view)
        assert [round(v, 2) for v in benefit_row[1:1 + n]] == list(figures.benefits)
    comparison = book[label["Comparison"]]
    alternative = result.scenarios[1].versus_baseline
    flows = _rows(comparison, label["Incremental cash flow versus the baseline"])[0]
    assert [round(v, 2) for v in flows[1:1 + n]] == list(alternative.flows)
    npv = _rows(comparison, label["Net present value (NPV)"])[0][1]
    assert round(npv, 2) == alternative.npv
    payback = _rows(comparison, label["Payback (years from the start of the first year)"])[0][1]
    if alternative.payback_years is None:
        assert isinstance(payback, str)
    else:
        assert payback == pytest.approx(alternative.payback_years, abs=1e-9)
