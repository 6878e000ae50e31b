"""Charts of the BIA: impact over time of one process (a line per category) and the
criticality heat map (processes by highest impact × maximum-tolerable-downtime band)."""

from __future__ import annotations

import textwrap

from workplace_planner.charts import PALETTE

MARKERS = ("o", "s", "^", "D", "v")


def impact_inputs(profile: dict, category_labels: dict, window_labels: list[str],
                  axis_label: str, empty_label: str) -> dict:
    return {
        "categories": [str(category_labels[c]) for c in category_labels],
        "scores": [profile[getattr(c, "value", c)] for c in category_labels],
        "windows": [str(w) for w in window_labels],
        "axis": axis_label, "empty": empty_label,
    }


def draw_impact(figure, inputs) -> None:
    ax = figure.add_subplot()
    x = list(range(len(inputs["windows"])))
    drawn = False
    for n, (label, scores) in enumerate(zip(inputs["categories"], inputs["scores"],
                                            strict=True)):
        points = [(i, s) for i, s in zip(x, scores, strict=True) if s]
        if not points:
            continue
        drawn = True
        ax.plot([p[0] for p in points], [p[1] for p in points], label=label,
                color=PALETTE[n % len(PALETTE)], marker=MARKERS[n % len(MARKERS)],
                linewidth=2, markersize=6)
    ax.set_xticks(x, inputs["windows"])
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(inputs["axis"])
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    if drawn:
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    else:
        ax.text(0.5, 0.5, inputs["empty"], ha="center", va="center", transform=ax.transAxes)


def heat_inputs(heat: dict, row_labels: list[str], column_labels: list[str], x_label: str,
                y_label: str) -> dict:
    return {
        "counts": [[len(heat["cells"][(r, c)]) for c in heat["columns"]] for r in heat["rows"]],
        "rows": row_labels, "columns": column_labels, "x": x_label, "y": y_label,
    }


def draw_heat(figure, inputs) -> None:
    from matplotlib.colors import LinearSegmentedColormap

    ax = figure.add_subplot()
    counts = inputs["counts"]
    # Urgency grows with impact (top rows) and with a short maximum tolerable downtime (left).
    n_rows, n_cols = len(counts), len(counts[0])
    risk = [[max(0.0, (n_rows - 1 - r) / (n_rows - 1) * 0.6 + (n_cols - 1 - c) / (n_cols - 1)
                 * 0.4) if r < n_rows - 1 and c < n_cols - 1 else 0.0
             for c in range(n_cols)] for r in range(n_rows)]
    cmap = LinearSegmentedColormap.from_list("bia", ["#f7f7f7", "#fde0c5", "#f4a261", "#d55e00"])
    ax.imshow(risk, cmap=cmap, vmin=0, vmax=1, aspect="auto")
    for r, row in enumerate(counts):
        for c, count in enumerate(row):
            if count:
                ax.text(c, r, str(count), ha="center", va="center", fontsize=12,
                        fontweight="bold", color="#000000")
    ax.set_xticks(range(n_cols), [textwrap.fill(c, 14) for c in inputs["columns"]], fontsize=9)
    ax.set_yticks(range(n_rows), inputs["rows"], fontsize=9)
    ax.set_xlabel(inputs["x"])
    ax.set_ylabel(inputs["y"])
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([c - 0.5 for c in range(1, n_cols)], minor=True)
    ax.set_yticks([r - 0.5 for r in range(1, n_rows)], minor=True)
    ax.grid(which="minor", color="#ffffff", linewidth=2)
    ax.tick_params(which="minor", length=0)
