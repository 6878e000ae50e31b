"""The current-vs-target chart of the ambition: per domain, where systems run now and where
they run once the ambition is reached (stacked bars, two per domain)."""

from __future__ import annotations

from workplace_planner.steps.strategy.technology.choices import Hosting

CATEGORIES = (*(h.value for h in Hosting), "retired", "open")
COLOURS = {
    "on_premise": "#D55E00",
    "private_cloud": "#E69F00",
    "public_cloud": "#56B4E9",
    "saas": "#0072B2",
    "retired": "#999999",
    "open": "#FFFFFF",
}
HATCHES = {"retired": "//", "open": ".."}


def movement_inputs(movements, domain_labels, category_labels, now_label, target_label,
                    empty_label) -> dict:
    def counts(counter):
        return [int(counter.get(Hosting(c) if c in Hosting._value2member_map_ else c, 0))
                for c in CATEGORIES]

    return {
        "domains": [str(domain_labels[m.domain]) for m in movements],
        "now": [counts(m.now) for m in movements],
        "target": [counts(m.target) for m in movements],
        "categories": [str(category_labels[c]) for c in CATEGORIES],
        "now_label": now_label, "target_label": target_label, "empty": empty_label,
    }


def chart_height(inputs) -> float:
    return max(2.5, 1.4 + 0.62 * len(inputs["domains"]))


def draw_movement(figure, inputs) -> None:
    ax = figure.add_subplot()
    if not inputs["domains"]:
        ax.set_axis_off()
        ax.text(0.5, 0.5, inputs["empty"], ha="center", va="center", transform=ax.transAxes)
        return
    ticks, tick_labels = [], []
    for n, domain in enumerate(inputs["domains"]):
        base = n * 3
        for offset, key, label in ((0, "now", inputs["now_label"]),
                                   (1, "target", inputs["target_label"])):
            left = 0
            for c, count in enumerate(inputs[key][n]):
                if count:
                    category = CATEGORIES[c]
                    ax.barh(base + offset, count, left=left, height=0.8,
                            color=COLOURS[category], hatch=HATCHES.get(category),
                            edgecolor="#333333", linewidth=0.6,
                            label=inputs["categories"][c])
                    left += count
            ticks.append(base + offset)
            tick_labels.append(f"{domain} · {label}" if offset == 0 else label)
    ax.set_yticks(ticks, tick_labels, fontsize=9)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    ordered = [c for c in inputs["categories"] if c in unique]
    ax.legend([unique[c] for c in ordered], ordered, loc="lower right", fontsize=8)
