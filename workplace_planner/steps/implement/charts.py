"""Budget against actuals: planned and actual spending per year, side by side."""

from __future__ import annotations

from matplotlib.ticker import FuncFormatter

from workplace_planner.charts import PALETTE


def budget_inputs(comparison, labels: dict) -> dict:
    return {
        "years": [str(t.year) for t in comparison.totals],
        "planned": [float(t.planned) for t in comparison.totals],
        "actual": [float(t.actual) for t in comparison.totals],
        **labels,
    }


def draw_budget(figure, inputs, money) -> None:
    axes = figure.add_subplot()
    positions = range(len(inputs["years"]))
    width = 0.38
    axes.bar([p - width / 2 for p in positions], inputs["planned"], width,
             label=inputs["planned_label"], color=PALETTE[0])
    axes.bar([p + width / 2 for p in positions], inputs["actual"], width,
             label=inputs["actual_label"], color=PALETTE[1], hatch="//", edgecolor="white")
    axes.set_xticks(list(positions), inputs["years"])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: money(value)))
    axes.set_title(inputs["title"])
    axes.legend(frameon=False)
