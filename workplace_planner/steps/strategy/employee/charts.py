"""The workforce chart: headcount per persona, stacked per participating municipality."""

from __future__ import annotations

from workplace_planner.charts import PALETTE


def workforce_inputs(personas, columns) -> dict:
    return {
        "municipalities": [p.name if p else "" for p in columns],
        "personas": [
            [persona.name, [persona.headcount_for(p.id if p else None) for p in columns]]
            for persona in personas
        ],
    }


def draw_workforce(inputs: dict, axis_label: str):
    """A horizontal stacked bar per persona; the largest persona on top."""

    def draw(figure):
        axes = figure.add_subplot()
        rows = sorted(inputs["personas"], key=lambda row: sum(row[1]))
        names = [name for name, _ in rows]
        left = [0] * len(rows)
        for index, municipality in enumerate(inputs["municipalities"]):
            values = [counts[index] for _, counts in rows]
            axes.barh(names, values, left=left, label=municipality or None,
                      color=PALETTE[index % len(PALETTE)])
            left = [a + b for a, b in zip(left, values, strict=True)]
        for y, total in enumerate(left):
            axes.text(total, y, f" {total}", va="center", fontsize=9)
        axes.set_xlabel(axis_label)
        axes.margins(x=0.12)
        if any(inputs["municipalities"]):
            axes.legend(loc="lower right", frameon=False)
        if not rows:
            axes.set_axis_off()

    return draw


def chart_height(personas) -> float:
    return max(2.5, 0.45 * len(personas) + 1.2)
