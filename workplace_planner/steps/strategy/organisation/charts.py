"""Business-case charts. Inputs are taken from the engine's result only (never recomputed);
each ``*_inputs`` function gives the plain data a chart is drawn from (also its cache key) and
each ``draw_*`` returns the function that draws it on a matplotlib Figure."""

from __future__ import annotations

from matplotlib.ticker import FuncFormatter

from workplace_planner.charts import PALETTE
from workplace_planner.i18n import format_money


def _euros(language: str):
    return FuncFormatter(lambda value, _pos: format_money(value, language=language))


def category_inputs(result, scenario, view: str, labels: dict) -> dict:
    figures = getattr(scenario, view)
    return {
        "years": list(result.years),
        "series": [[str(labels[c]), list(v)] for c, v in figures.costs_by_category.items()
                   if any(v)],
        "benefits": list(figures.benefits),
    }


def draw_categories(inputs: dict, texts: dict, language: str):
    def draw(figure):
        axes = figure.add_subplot()
        years = [str(y) for y in inputs["years"]]
        bottom = [0.0] * len(years)
        for index, (label, values) in enumerate(inputs["series"]):
            axes.bar(years, values, bottom=bottom, label=label,
                     color=PALETTE[index % len(PALETTE)], edgecolor="white", linewidth=0.5)
            bottom = [a + b for a, b in zip(bottom, values, strict=True)]
        if any(inputs["benefits"]):
            axes.plot(years, inputs["benefits"], color="#000000", marker="o",
                      label=texts["benefits"])
        axes.yaxis.set_major_formatter(_euros(language))
        axes.set_ylabel(texts["axis"])
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)

    return draw


def cumulative_inputs(result, scenario) -> dict:
    versus = scenario.versus_baseline
    return {
        "years": list(result.years),
        "flows": list(versus.flows),
        "cumulative": list(versus.cumulative_flows),
        "payback": versus.payback_years,
    }


def draw_cumulative(inputs: dict, texts: dict, language: str):
    """Bars: the yearly incremental flow at t = 0, 1, ...; line: the cumulative flow; the payback
    point (interpolated by the engine) marked on the zero line."""

    def draw(figure):
        axes = figure.add_subplot()
        t = list(range(len(inputs["years"])))
        colours = [PALETTE[2] if v >= 0 else PALETTE[3] for v in inputs["flows"]]
        axes.bar(t, inputs["flows"], color=colours, alpha=0.55, label=texts["flow"])
        axes.plot(t, inputs["cumulative"], color=PALETTE[0], marker="o", linewidth=2,
                  label=texts["cumulative"])
        axes.axhline(0, color="#000000", linewidth=0.8)
        if inputs["payback"] is not None:
            axes.plot([inputs["payback"]], [0], marker="D", markersize=10, color="#000000",
                      linestyle="none", label=texts["payback"])
            axes.annotate(texts["payback_at"], (inputs["payback"], 0),
                          textcoords="offset points", xytext=(8, 10), fontsize=9)
        axes.set_xticks(t, [str(y) for y in inputs["years"]])
        axes.yaxis.set_major_formatter(_euros(language))
        axes.legend(loc="upper left", frameon=False, fontsize=8)

    return draw


def comparison_inputs(result) -> dict:
    return {
        "years": list(result.years),
        "scenarios": [[s.name, list(s.cash.costs), list(s.budget.costs)]
                      for s in result.scenarios],
    }


def draw_comparison(inputs: dict, texts: dict, language: str):
    """Total costs per year per scenario, cash view (solid) and budget view (dashed)."""

    def draw(figure):
        axes = figure.add_subplot()
        years = [str(y) for y in inputs["years"]]
        count = max(1, len(inputs["scenarios"]))
        width = 0.8 / count
        for index, (name, cash, budget) in enumerate(inputs["scenarios"]):
            colour = PALETTE[index % len(PALETTE)]
            positions = [i - 0.4 + width * (index + 0.5) for i in range(len(years))]
            axes.bar(positions, cash, width=width, color=colour,
                     label=f"{name} – {texts['cash']}")
            axes.plot(range(len(years)), budget, color=colour, linestyle="--", marker="s",
                      label=f"{name} – {texts['budget']}")
        axes.set_xticks(range(len(years)), years)
        axes.yaxis.set_major_formatter(_euros(language))
        axes.set_ylabel(texts["axis"])
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)

    return draw


def tornado_inputs(scenario, baseline_label: str, limit: int = 12) -> dict:
    """The largest swings; a baseline line is named as such (both scenarios may have a line
    of the same name)."""
    entries = list(scenario.sensitivity or ())[:limit]
    return {
        "npv": scenario.versus_baseline.npv,
        "bars": [[e.name if e.scenario_id == scenario.id else f"{e.name} ({baseline_label})",
                  e.npv_low, e.npv_high] for e in entries],
    }


def draw_tornado(inputs: dict, texts: dict, language: str):
    def draw(figure):
        axes = figure.add_subplot()
        bars = list(reversed(inputs["bars"]))  # largest swing on top
        names = [name for name, *_ in bars]
        base = inputs["npv"]
        for y, (_, low, high) in enumerate(bars):
            axes.barh(y, low - base, left=base, color=PALETTE[3],
                      label=texts["low"] if y == 0 else None)
            axes.barh(y, high - base, left=base, color=PALETTE[0],
                      label=texts["high"] if y == 0 else None)
        axes.axvline(base, color="#000000", linewidth=1)
        axes.set_yticks(range(len(names)), names, fontsize=8)
        axes.xaxis.set_major_formatter(_euros(language))
        axes.set_xlabel(texts["axis"])
        axes.tick_params(axis="x", labelrotation=20)
        if bars:
            axes.legend(loc="lower right", frameon=False, fontsize=8)
        else:
            axes.set_axis_off()

    return draw


def distribution_inputs(draws, monte_carlo) -> dict:
    return {
        "draws": [round(float(v), 2) for v in draws],
        "p10": monte_carlo.npv_p10, "p50": monte_carlo.npv_p50, "p90": monte_carlo.npv_p90,
    }


def draw_distribution(inputs: dict, texts: dict, language: str):
    def draw(figure):
        axes = figure.add_subplot()
        draws = inputs["draws"]
        if min(draws) == max(draws):
            axes.axvline(draws[0], color=PALETTE[0], linewidth=3)
        else:
            axes.hist(draws, bins=40, color=PALETTE[5], edgecolor="white", linewidth=0.3)
        for key, style in (("p10", ":"), ("p50", "-"), ("p90", "--")):
            axes.axvline(inputs[key], color="#000000", linestyle=style, linewidth=1.2,
                         label=f"{key.upper()}: {format_money(inputs[key], language=language)}")
        axes.axvline(0, color=PALETTE[3], linewidth=1)
        axes.xaxis.set_major_formatter(_euros(language))
        axes.tick_params(axis="x", labelrotation=20)
        axes.set_xlabel(texts["axis"])
        axes.set_ylabel(texts["count"])
        axes.legend(loc="upper left", frameon=False, fontsize=8)

    return draw
