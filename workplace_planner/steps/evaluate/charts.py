"""Planned against realised benefits per year: paired bars, drawn from plain inputs."""

from __future__ import annotations

from workplace_planner.charts import PALETTE


def draw_benefits(figure, inputs) -> None:
    ax = figure.add_subplot()
    years = inputs["years"]
    labels = inputs["labels"]
    if not years:
        ax.text(0.5, 0.5, labels.get("empty", ""), ha="center", va="center",
                transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
        return
    positions = range(len(years))
    width = 0.38
    ax.bar([p - width / 2 for p in positions], [v / 1000 for v in inputs["planned"]], width,
           color=PALETTE[0], label=labels["planned"])
    ax.bar([p + width / 2 for p in positions], [v / 1000 for v in inputs["realised"]], width,
           color=PALETTE[1], hatch="//", edgecolor="#ffffff", label=labels["realised"])
    ax.set_xticks(list(positions), [str(y) for y in years])
    ax.set_ylabel(labels["unit"])
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2, frameon=False)
    ax.grid(axis="y", color="#dddddd")
    ax.set_axisbelow(True)
