"""The risk heat map (inherent and residual side by side) and the risk level over the roadmap
timeline (stacked bars per quarter). Inputs are plain data, so the SVG is cached by them."""

from __future__ import annotations

from matplotlib.patches import Rectangle

from workplace_planner.steps.strategy.risks.matrix import LEVEL_KEYS, SIZE

# Fill colours of the levels, light enough for black text on top (contrast above 4.5:1).
COLOURS = {"low": "#B7E4C7", "medium": "#FFE08A", "high": "#F8B47A", "critical": "#F08080"}
HATCHES = {"low": "", "medium": "..", "high": "//", "critical": "xx"}


def heat_inputs(heat, levels, likelihood_labels, impact_labels, titles, axis_labels) -> dict:
    return {
        "levels": [list(row) for row in levels],
        "inherent": heat.inherent, "residual": heat.residual,
        "likelihood": list(likelihood_labels), "impact": list(impact_labels),
        "titles": [str(t) for t in titles], "axes": [str(a) for a in axis_labels],
    }


def draw_heat_map(figure, inputs) -> None:
    axes = figure.subplots(1, 2, sharey=True)
    for ax, key, title in zip(axes, ("inherent", "residual"), inputs["titles"], strict=True):
        counts = inputs[key]
        for likelihood in range(SIZE):
            for impact in range(SIZE):
                level = inputs["levels"][likelihood][impact]
                ax.add_patch(Rectangle((impact, likelihood), 1, 1, facecolor=COLOURS[level],
                                       edgecolor="#333333", linewidth=0.8,
                                       hatch=HATCHES[level]))
                count = counts[likelihood][impact]
                if count:
                    ax.text(impact + 0.5, likelihood + 0.5, str(count), ha="center",
                            va="center", fontsize=13, fontweight="bold",
                            bbox={"boxstyle": "circle", "facecolor": "white",
                                  "edgecolor": "#333333"})
        ax.set_xlim(0, SIZE)
        ax.set_ylim(0, SIZE)
        ax.set_aspect("equal")
        ax.set_xticks([n + 0.5 for n in range(SIZE)],
                      [f"{n + 1}\n{label}" for n, label in enumerate(inputs["impact"])],
                      fontsize=7)
        ax.set_yticks([n + 0.5 for n in range(SIZE)],
                      [f"{label} {n + 1}" for n, label in enumerate(inputs["likelihood"])],
                      fontsize=7)
        ax.tick_params(length=0)
        ax.set_title(title, fontsize=11)
        ax.set_xlabel(inputs["axes"][1])
    axes[0].set_ylabel(inputs["axes"][0])


def timeline_inputs(per_quarter: dict, quarter_labels: dict, level_labels: dict,
                    axis_label, empty) -> dict:
    quarters = sorted(per_quarter)
    return {
        "quarters": [quarter_labels[q] for q in quarters],
        "series": {level: [per_quarter[q][level] for q in quarters] for level in LEVEL_KEYS},
        "levels": {level: str(level_labels[level]) for level in LEVEL_KEYS},
        "axis": str(axis_label), "empty": str(empty),
        "total": sum(sum(v.values()) for v in per_quarter.values()),
    }


def draw_timeline(figure, inputs) -> None:
    ax = figure.add_subplot()
    if not inputs["total"]:
        ax.set_axis_off()
        ax.text(0.5, 0.5, inputs["empty"], ha="center", va="center", transform=ax.transAxes)
        return
    positions = range(len(inputs["quarters"]))
    bottom = [0] * len(inputs["quarters"])
    for level in LEVEL_KEYS:
        values = inputs["series"][level]
        ax.bar(positions, values, bottom=bottom, color=COLOURS[level], hatch=HATCHES[level],
               edgecolor="#333333", linewidth=0.6, label=inputs["levels"][level])
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_ylim(0, max(bottom) * 1.3 + 0.5)  # room for the legend above the bars
    ax.set_xticks(list(positions), inputs["quarters"], rotation=90, fontsize=8)
    ax.set_ylabel(inputs["axis"])
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", fontsize=8, ncols=4)
