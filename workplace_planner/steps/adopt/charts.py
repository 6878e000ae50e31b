"""The adoption chart of a persona: usage per municipality over time against the target line.
Drawn from plain inputs (``services.chart_inputs``) on a matplotlib ``Figure``."""

from __future__ import annotations

from datetime import date

from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

from workplace_planner.charts import PALETTE

MARKERS = ("o", "s", "^", "D", "v", "P")


def _day(text: str) -> date:
    return date.fromisoformat(text)


def draw_adoption(figure, inputs) -> None:
    ax = figure.add_subplot()
    labels = inputs["labels"]
    last_day = None
    for index, series in enumerate(inputs["series"]):
        days = [_day(d) for d, _v in series["points"]]
        values = [v for _d, v in series["points"]]
        last_day = max([last_day, *days] if last_day else days)
        ax.plot(days, values, marker=MARKERS[index % len(MARKERS)],
                color=PALETTE[index % len(PALETTE)], linewidth=2, label=series["label"])
    if inputs["target"]:
        (start, _zero), (target_day, usage) = inputs["target"]
        days, values = [_day(start), _day(target_day)], [0.0, usage]
        if last_day and last_day > days[-1]:
            days.append(last_day)
            values.append(usage)
        ax.plot(days, values, linestyle="--", color="#000000", linewidth=1.5,
                label=labels["target"])
    if not inputs["series"] and not inputs["target"]:
        ax.text(0.5, 0.5, labels["empty"], ha="center", va="center", transform=ax.transAxes)
        ax.set_xticks([])
    else:
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.legend(loc="upper left", frameon=False)
    ax.set_ylim(0, 100)
    ax.set_ylabel(labels["usage"])
    ax.set_title(inputs["title"], loc="left")
    ax.grid(axis="y", color="#dddddd")
