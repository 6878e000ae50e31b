"""The Excel export: inputs and assumptions on one sheet, and sheets of **live formulas** over
those inputs (per line and year, per category, totals, incremental flows, NPV, payback), each
formula cell storing the engine's value too. A reviewer who changes an input in Excel sees the
effect; the formulas follow the engine's conventions (docs/business-case-format.md):

- a line's amount in year Y = ROUND(base × VAT factor × (1 + indexation)^(Y − start year)
  × (1 + growth)^(Y − first active year), 2) in its active years (rounded once, to cents);
- an investment in the budget view: depreciation INT(A×100/N)/100 (the last year takes the
  remainder) plus ROUND(interest rate × book value, 2), from the year after purchase
  (or the purchase year, as set);
- totals are SUMIFS over the lines; NPV = ROUND(SUMPRODUCT(flow / (1 + r)^(Y − start year)), 2),
  the first year undiscounted; payback interpolates within the year where the cumulative flow
  turns ≥ 0.
"""

from __future__ import annotations

import io

from flask_babel import gettext as _
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell

from workplace_planner.business_case import CATEGORIES, load_case
from workplace_planner.business_case.compute import line_figures
from workplace_planner.steps.strategy.organisation.forms import CATEGORY_LABELS, DRIVER_LABELS
from workplace_planner.tabular import neutralise


def _q(sheet: str) -> str:
    return f"'{sheet}'"


class _Book:
    def __init__(self, cached: bool):
        import xlsxwriter

        self.buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(self.buffer, {
            "in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        })
        wb = self.workbook
        self.cached = cached
        self.bold = wb.add_format({"bold": True})
        self.head = wb.add_format({"bold": True, "bg_color": "#E8EEF6", "text_wrap": True,
                                   "valign": "top"})
        self.money = wb.add_format({"num_format": "#,##0.00"})
        self.money_bold = wb.add_format({"num_format": "#,##0.00", "bold": True})
        self.input_money = wb.add_format({"num_format": "#,##0.00", "bg_color": "#FFF5CC"})
        self.input = wb.add_format({"bg_color": "#FFF5CC"})
        self.rate = wb.add_format({"num_format": "0.00####%", "bg_color": "#FFF5CC"})
        self.number = wb.add_format({"num_format": "0.00"})
        self.mjb = wb.add_format({"num_format": "#,##0.00", "bg_color": "#EEF6EE"})

    def formula(self, sheet, row, col, formula, fmt, value):
        sheet.write_formula(row, col, formula, fmt, value if self.cached else 0)

    def text(self, sheet, row, col, value, fmt=None):
        sheet.write_string(row, col, str(neutralise("" if value is None else str(value))), fmt)


def workbook(outcome, assumptions, uses, cached: bool = True) -> bytes:
    """The .xlsx of a computed case (``outcome`` from ``services.compute``). ``cached=False``
    stores 0 instead of the computed values: only for tests that prove recalculation."""
    INPUTS, LINES, BUDGET, COMPARISON = (  # noqa: N806 - sheet names, in the user's language
        _("Inputs"), _("Lines"), _("Budget"), _("Comparison"))
    book = _Book(cached)
    wb = book.workbook
    data, result = outcome.data, outcome.result
    years = list(result.years)
    per_line = line_figures(load_case(data))

    # ------------------------------------------------------------------ inputs
    ws = wb.add_worksheet(INPUTS)
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 16)
    ws.set_column(2, 40, 14)
    book.text(ws, 0, 0, data.get("name") or _("Business case"), book.bold)
    book.text(ws, 1, 0, _("Yellow cells are inputs: change them and every formula follows. "
                          "Rates as fractions (0.0225 = 2.25 %)."))
    parameters = [
        ("start_year", _("First year (T)"), data["start_year"], book.input),
        ("horizon_years", _("Horizon (years)"), data["horizon_years"], book.input),
        ("discount_rate", _("Discount rate"), data["discount_rate"], book.rate),
        ("price_index", _("Price index"), data["price_index"], book.rate),
        ("vat_rate", _("VAT rate"), data["vat_rate"], book.rate),
        ("interest_rate", _("Internal interest rate"), data.get("interest_rate") or 0, book.rate),
        ("depreciation_shift", _("Depreciation starts the year after purchase (1) or in it (0)"),
         1 if data.get("depreciation_start", "next_year") == "next_year" else 0, book.input),
    ]
    sources = {
        "discount_rate": outcome.business_case.discount_rate_assumption,
        "price_index": outcome.business_case.price_index_assumption,
        "vat_rate": outcome.business_case.vat_rate_assumption,
        "interest_rate": outcome.business_case.interest_rate_assumption,
    }
    row = 3
    for key, label, value, fmt in parameters:
        book.text(ws, row, 0, label)
        ws.write_number(row, 1, value, fmt)
        wb.define_name(key, f"={_q(INPUTS)}!$B${row + 1}")
        source = sources.get(key)
        if source is not None:
            book.text(ws, row, 2, f"{source.statement} — {source.source or _('assumption')}")
        row += 1

    row += 1
    book.text(ws, row, 0, _("Personas (users of linked licence lines)"), book.bold)
    row += 1
    persona_cells = {}
    for persona in data.get("personas", []):
        book.text(ws, row, 0, persona.get("name") or persona["id"])
        ws.write_number(row, 1, persona["headcount"], book.input)
        persona_cells[persona["id"]] = f"{_q(INPUTS)}!$B${row + 1}"
        row += 1

    row += 1
    book.text(ws, row, 0, _("Lines"), book.bold)
    row += 1
    columns = [_("Scenario"), _("Line"), _("Kind"), _("Category"), _("Driver"),
               _("Amount"), _("Year"), _("Price per user per month"), _("Users"), _("FTE"),
               _("Cost per FTE"), _("Units"), _("Unit price"), _("Growth"),
               _("Depreciation years"), _("First year"), _("Last year"), _("Indexation"),
               _("VAT factor"), _("Assumption"), _("Source")]
    for col, title in enumerate(columns):
        book.text(ws, row, col, title, book.head)
    ws.set_row(row, 30)
    row += 1
    line_rows = []  # (scenario dict, line dict, inputs row number 1-based)
    vat_factor = {"compensable": "1", "exempt": "1", "non_compensable": "(1+vat_rate)"}
    for scenario in data["scenarios"]:
        for line in scenario["lines"]:
            d = line["driver"]
            r = row + 1
            book.text(ws, row, 0, scenario.get("name") or scenario["id"])
            book.text(ws, row, 1, line["name"])
            book.text(ws, row, 2, line["kind"])
            book.text(ws, row, 3, line["category"])
            book.text(ws, row, 4, DRIVER_LABELS[d["type"]])
            numbers = {5: d.get("amount"), 6: d.get("year"), 7: d.get("price_per_user_month"),
                       9: d.get("fte"), 10: d.get("cost_per_fte"), 11: d.get("units"),
                       12: d.get("unit_price"), 13: d.get("growth", 0 if d["type"] == "usage"
                                                          else None),
                       14: d.get("depreciation_years")}
            for col, value in numbers.items():
                if value is not None:
                    fmt = book.rate if col == 13 else (
                        book.input_money if col in (5, 7, 10, 12) else book.input)
                    ws.write_number(row, col, value, fmt)
            if d["type"] == "per_user":
                if d.get("personas"):
                    cells = "+".join(persona_cells[p] for p in d["personas"])
                    users = sum(p["headcount"] for p in data["personas"]
                                if p["id"] in d["personas"])
                    book.formula(ws, row, 8, f"={cells}", None, users)
                else:
                    ws.write_number(row, 8, d["users"], book.input)
            if d["type"] in ("one_off", "investment"):
                first = last = d["year"]
            else:
                first, last = line.get("start_year"), line.get("end_year")
            if first is not None:
                ws.write_number(row, 15, first, book.input)
            if last is not None:
                ws.write_number(row, 16, last, book.input)
            if line.get("indexation") is not None:
                ws.write_number(row, 17, line["indexation"], book.rate)
            else:
                book.formula(ws, row, 17, "=price_index", book.rate, data["price_index"])
            vat = 1 + data["vat_rate"] if line.get("vat") == "non_compensable" else 1
            book.formula(ws, row, 18, "=" + vat_factor[line.get("vat", "compensable")],
                         None, vat)
            book.text(ws, row, 19, line.get("assumption", ""))
            book.text(ws, row, 20, line.get("source", ""))
            line_rows.append((scenario, line, r))
            row += 1
    ws.freeze_panes(3, 1)

    # ------------------------------------------------------------------ lines (formulas)
    ls = wb.add_worksheet(LINES)
    n_years = len(years)
    cash_col = 8  # first cash year column
    budget_col = cash_col + n_years + 1
    heads = [_("Scenario"), _("Line"), _("Kind"), _("Category"), _("One-off (cash)"),
             _("One-off (budget)"), _("Amount per year (base)"), _("First active year")]
    for col, title in enumerate(heads):
        book.text(ls, 0, col, title, book.head)
    for j, year in enumerate(years):
        ls.write_number(0, cash_col + j, year, book.head)
        ls.write_number(0, budget_col + j, year, book.head)
    book.text(ls, 1, cash_col, _("Cash view (kasstroom)"), book.bold)
    book.text(ls, 1, budget_col, _("Budget view (begroting)"), book.bold)
    ls.set_column(0, 1, 28)
    ls.set_column(2, budget_col + n_years, 13)
    ls.freeze_panes(2, 2)
    i = f"{_q(INPUTS)}!"
    first_line_row = 3  # 1-based row of the first line on this sheet
    for k, (scenario, line, r) in enumerate(line_rows):
        out = first_line_row - 1 + k
        figures = next(f for f in per_line[scenario["id"]] if f["line_id"] == line["id"])
        d = line["driver"]
        book.text(ls, out, 0, scenario["id"])
        book.text(ls, out, 1, line["name"])
        book.text(ls, out, 2, line["kind"])
        book.text(ls, out, 3, line["category"])
        ls.write_number(out, 4, 1 if figures["one_off_cash"] else 0)
        ls.write_number(out, 5, 1 if figures["one_off_budget"] else 0)
        base = {
            "fixed": f"={i}F{r}", "one_off": f"={i}F{r}", "investment": f"={i}F{r}",
            "per_user": f"={i}H{r}*12*{i}I{r}", "per_fte": f"={i}J{r}*{i}K{r}",
            "usage": f"={i}L{r}*{i}M{r}",
        }[d["type"]]
        ls.write_formula(out, 6, base, book.money)
        first = f"MAX(IF(ISBLANK({i}P{r}),start_year,{i}P{r}),start_year)"
        ls.write_formula(out, 7, "=" + first, None)
        base_cell, first_cell = f"$G{out + 1}", f"$H{out + 1}"
        last = f"IF(ISBLANK({i}Q{r}),start_year+horizon_years-1,{i}Q{r})"
        growth = f"(1+{i}N{r})^MAX({{Y}}-{first_cell},0)" if d["type"] == "usage" else "1"
        for j in range(n_years):
            y = f"{xl_col_to_name(cash_col + j)}$1"
            formula = (f"=IF(AND({y}>={first_cell},{y}<={last}),"
                       f"ROUND({base_cell}*{i}S{r}*(1+{i}R{r})^({y}-start_year)*"
                       f"{growth.replace('{Y}', y)},2),0)")
            fmt = book.mjb if j < 4 else book.money
            book.formula(ls, out, cash_col + j, formula, fmt, figures["cash"][j])
            by = f"{xl_col_to_name(budget_col + j)}$1"
            if d["type"] == "investment":
                amount = (f"ROUND({base_cell}*{i}S{r}*(1+{i}R{r})^({i}G{r}-start_year),2)")
                n = f"{i}O{r}"
                regular = f"INT(ROUND({amount}*100,0)/{n})/100"
                k0 = f"({by}-{i}G{r}-depreciation_shift)"
                budget = (f"=IF(AND({k0}>=0,{k0}<{n}),IF({k0}={n}-1,{amount}-({n}-1)*{regular},"
                          f"{regular})+ROUND(interest_rate*({amount}-{k0}*{regular}),2),0)")
            else:
                budget = f"={xl_rowcol_to_cell(out, cash_col + j)}"
            book.formula(ls, out, budget_col + j, budget, fmt, figures["budget"][j])
    last_line_row = first_line_row + len(line_rows) - 1

    def rng(col: int) -> str:
        letter = xl_col_to_name(col)
        end = max(last_line_row, first_line_row)
        return f"{_q(LINES)}!${letter}${first_line_row}:${letter}${end}"

    # ------------------------------------------------------------------ budget per scenario
    bs = wb.add_worksheet(BUDGET)
    bs.set_column(0, 0, 44)
    bs.set_column(1, n_years + 1, 15)
    totals = {}  # (scenario id, view, "costs"|"benefits") → (row, first col) 0-based
    row = 0
    for s_result, scenario in zip(result.scenarios, data["scenarios"], strict=True):
        for view, first_col in (("cash", cash_col), ("budget", budget_col)):
            figures = getattr(s_result, view)
            title = _("Cash view (kasstroom)") if view == "cash" else _("Budget view (begroting)")
            book.text(bs, row, 0, f"{scenario.get('name')} — {title}", book.bold)
            for j, year in enumerate(years):
                label = "T" if j == 0 else (f"T+{j}" if j < 4 else "")
                bs.write_number(row, 1 + j, year, book.head)
                if label:
                    book.text(bs, row + 1, 1 + j, label)
            book.text(bs, row, 1 + n_years, _("Total"), book.head)
            row += 2

            def sumifs(col, kind, extra="", sid=scenario["id"]):
                return (f"SUMIFS({rng(col)},{rng(0)},\"{sid}\",{rng(2)},\"{kind}\"{extra})")

            def put_row(label, formulas, values, fmt=book.money, strong=False):
                nonlocal row
                book.text(bs, row, 0, label, book.bold if strong else None)
                for j in range(n_years):
                    book.formula(bs, row, 1 + j, "=" + formulas(j),
                                 book.money_bold if strong else (book.mjb if j < 4 else fmt),
                                 values[j])
                first_c = xl_rowcol_to_cell(row, 1)
                last_c = xl_rowcol_to_cell(row, n_years)
                book.formula(bs, row, 1 + n_years, f"=SUM({first_c}:{last_c})", book.money_bold,
                             round(sum(values), 2))
                row += 1
                return row - 1

            for category in CATEGORIES:
                values = figures.costs_by_category[category]
                if any(values):
                    put_row(str(CATEGORY_LABELS[category]),
                            lambda j, c=category, fc=first_col: sumifs(fc + j, "cost",
                                                         f",{rng(3)},\"{c}\""), values)
            one_off_flag = 4 if view == "cash" else 5
            put_row(_("One-off costs"),
                    lambda j, fc=first_col, of=one_off_flag: sumifs(fc + j, "cost",
                                                                   f",{rng(of)},1"),
                    figures.one_off_costs)
            put_row(_("Structural costs"),
                    lambda j, fc=first_col, of=one_off_flag: sumifs(fc + j, "cost",
                                                                   f",{rng(of)},0"),
                    figures.structural_costs)
            costs_row = put_row(_("Total costs"), lambda j, fc=first_col: sumifs(fc + j, "cost"),
                                figures.costs, strong=True)
            benefits_row = put_row(_("Total benefits"),
                                   lambda j, fc=first_col: sumifs(fc + j, "benefit"),
                                   figures.benefits, strong=True)
            put_row(_("Net (benefits − costs)"),
                    lambda j, b=benefits_row, c=costs_row:
                    f"{xl_rowcol_to_cell(b, 1 + j)}-{xl_rowcol_to_cell(c, 1 + j)}",
                    figures.net, strong=True)
            totals[(scenario["id"], view, "costs")] = costs_row
            totals[(scenario["id"], view, "benefits")] = benefits_row
            row += 1

    # ------------------------------------------------------------------ comparison
    cs = wb.add_worksheet(COMPARISON)
    cs.set_column(0, 0, 44)
    cs.set_column(1, n_years + 1, 15)
    baseline_id = result.baseline_id
    row = 0
    for j, year in enumerate(years):
        cs.write_number(row, 1 + j, year, book.head)
    year_range = f"$B$1:${xl_col_to_name(n_years)}$1"
    row = 2
    b = f"{_q(BUDGET)}!"
    for s_result in result.scenarios:
        if s_result.baseline:
            continue
        vb = s_result.versus_baseline
        book.text(cs, row, 0, s_result.name, book.bold)
        row += 1
        flow_row = row
        book.text(cs, row, 0, _("Incremental cash flow versus the baseline"))
        for j in range(n_years):
            col = xl_col_to_name(1 + j)
            bc = totals[(baseline_id, "cash", "costs")] + 1
            bb = totals[(baseline_id, "cash", "benefits")] + 1
            sc = totals[(s_result.id, "cash", "costs")] + 1
            sb = totals[(s_result.id, "cash", "benefits")] + 1
            book.formula(cs, row, 1 + j,
                         f"=({b}{col}{bc}-{b}{col}{sc})+({b}{col}{sb}-{b}{col}{bb})",
                         book.money, vb.flows[j])
        row += 1
        cumulative_row = row
        book.text(cs, row, 0, _("Cumulative"))
        for j in range(n_years):
            first = xl_rowcol_to_cell(flow_row, 1, row_abs=True, col_abs=True)
            book.formula(cs, row, 1 + j, f"=SUM({first}:{xl_rowcol_to_cell(flow_row, 1 + j)})",
                         book.money, vb.cumulative_flows[j])
        row += 1
        flows = f"$B${flow_row + 1}:${xl_col_to_name(n_years)}${flow_row + 1}"
        book.text(cs, row, 0, _("Net present value (NPV)"), book.bold)
        book.formula(cs, row, 1,
                     f"=ROUND(SUMPRODUCT({flows}/(1+discount_rate)^({year_range}-start_year)),2)",
                     book.money_bold, vb.npv)
        row += 1
        # Payback: 0 when the first cumulative is >= 0, else the first crossing, interpolated.
        crossing_row = row
        book.text(cs, row, 0, _("Payback crossing in this year (helper)"))
        half = "0.005"
        for j in range(n_years):
            cum = xl_rowcol_to_cell(cumulative_row, 1 + j)
            flow = xl_rowcol_to_cell(flow_row, 1 + j)
            if j == 0:
                formula = f'=IF({cum}>=-{half},0,"")'
            else:
                prev = xl_rowcol_to_cell(cumulative_row, j)
                formula = f'=IF(AND({prev}<-{half},{cum}>=-{half}),{j - 1}+(-{prev})/{flow},"")'
            crossed = vb.cumulative_flows[j] >= -0.005 and (
                j == 0 or vb.cumulative_flows[j - 1] < -0.005)
            value = (0 if j == 0 else vb.payback_years) if crossed and j == 0 else ""
            if crossed and j > 0:
                value = (j - 1) + (-vb.cumulative_flows[j - 1]) / vb.flows[j]
            cs.write_formula(row, 1 + j, formula, book.number, value if book.cached else "")
        row += 1
        crossings = f"$B${crossing_row + 1}:${xl_col_to_name(n_years)}${crossing_row + 1}"
        book.text(cs, row, 0, _("Payback (years from the start of the first year)"), book.bold)
        payback = vb.payback_years
        book.formula(cs, row, 1, f'=IF(COUNT({crossings})=0,"{_("not within the horizon")}",'
                                 f"MIN({crossings}))", book.number,
                     payback if payback is not None else _("not within the horizon"))
        row += 1
        book.text(cs, row, 0, _("Internal rate of return (IRR)"))
        if vb.irr.status == "unique":
            book.formula(cs, row, 1, f"=IRR({flows})", wb.add_format({"num_format": "0.00%"}),
                         vb.irr.value)
        else:
            book.text(cs, row, 1, _("none: the flows never change sign")
                      if vb.irr.status == "none" else _("ambiguous: several roots"))
        row += 2

    # ------------------------------------------------------------------ assumptions
    rs = wb.add_worksheet(_("Assumptions"))
    rs.set_column(0, 0, 50)
    rs.set_column(1, 5, 24)
    for col, title in enumerate([_("Statement"), _("Value"), _("Source"), _("Owner"), _("Date"),
                                 _("Used by")]):
        book.text(rs, 0, col, title, book.head)
    for r, a in enumerate(assumptions, start=1):
        book.text(rs, r, 0, a.statement)
        book.text(rs, r, 1, a.value)
        book.text(rs, r, 2, a.source or _("assumption"))
        book.text(rs, r, 3, a.owner)
        book.text(rs, r, 4, a.dated.isoformat() if a.dated else "")
        book.text(rs, r, 5, "; ".join(str(u.label) for u in uses.get(a.id, [])))

    wb.close()
    return book.buffer.getvalue()
