"""The roadmap timeline: one bar per item, swimlanes per perspective or per municipality,
quarters on the axis, dependencies as arrows (dashed and red where an item starts before what
it depends on ends).

``timeline_inputs`` turns items into plain, JSON-able data (the chart cache hashes it, and the
table alternative on the page shows the same data); ``draw_timeline`` draws it onto a matplotlib
``Figure``. It draws a readable chart for no items, one item, and hundreds of items.
"""

from __future__ import annotations

from matplotlib.patches import Patch

from workplace_planner.steps.strategy.technology import quarters

STATUS_COLOURS = {  # Okabe-Ito, colour-blind safe; the legend names them
    "idea": "#CCCCCC",
    "planned": "#56B4E9",
    "in_progress": "#0072B2",
    "done": "#009E73",
    "dropped": "#F0E442",
}
CONFLICT_COLOUR = "#D55E00"
ROW_INCHES = 0.3
MAX_TITLE = 42
LANE_MODES = ("perspective", "municipality")


def _short(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1] + "…"


def timeline_inputs(items, lanes: list[tuple[str, str]], lane_of, conflicts, labels) -> dict:
    """Plain data for the chart.

    ``lanes``: (key, label) in display order; ``lane_of(item)``: the lane keys of an item (an
    item shared by three municipalities appears in each of their lanes); ``conflicts``: a set
    of (item id, dependency id); ``labels``: translated texts (statuses, "now", "no items").
    """
    scheduled = [i for i in items if i.is_scheduled]
    rows = []
    for key, lane_label in lanes:
        members = sorted(
            (i for i in scheduled if key in lane_of(i)),
            key=lambda i: (i.start_quarter, i.end_quarter, i.title),
        )
        if members:
            rows.append({"lane": lane_label, "items": [
                {"id": i.id, "title": _short(i.title), "start": i.start_quarter,
                 "end": i.end_quarter, "status": i.status.value}
                for i in members
            ]})
    shown = {i.id for i in scheduled}
    arrows = sorted(
        [i.id, d.id, (i.id, d.id) in conflicts]
        for i in scheduled for d in i.dependencies if d.id in shown
    )
    return {"rows": rows, "arrows": arrows, "labels": labels,
            "now": labels.get("now_quarter"), "letter": labels.get("letter", "Q")}


def _quarter_label(index: int, letter: str) -> str:
    return f"{quarters.year_of(index)} {letter}{quarters.quarter_of(index)}"


def figure_height(inputs: dict) -> float:
    rows = sum(len(r["items"]) + 1 for r in inputs["rows"])
    return max(2.5, 1.6 + ROW_INCHES * rows)


def draw_timeline(figure, inputs: dict) -> None:
    ax = figure.add_subplot()
    labels = inputs["labels"]
    if not inputs["rows"]:
        ax.set_axis_off()
        ax.text(0.5, 0.5, labels["empty"], ha="center", va="center", fontsize=12,
                transform=ax.transAxes)
        return
    y = 0
    positions: dict[int, list[tuple[str, float]]] = {}
    ticks, tick_labels, lane_rows = [], [], []
    for row in inputs["rows"]:
        lane_rows.append(y)
        ticks.append(y)
        tick_labels.append(row["lane"])
        y += 1
        for item in row["items"]:
            ax.barh(y, item["end"] - item["start"] + 1, left=item["start"], height=0.62,
                    color=STATUS_COLOURS[item["status"]], edgecolor="#333333", linewidth=0.6)
            positions.setdefault(item["id"], []).append((row["lane"], y))
            ticks.append(y)
            tick_labels.append(item["title"])
            y += 1
    first = min(i["start"] for r in inputs["rows"] for i in r["items"])
    last = max(i["end"] for r in inputs["rows"] for i in r["items"]) + 1
    first -= first % 4  # whole years on the axis
    last += (4 - last % 4) % 4

    for item_id, dependency_id, conflict in inputs["arrows"]:
        ends = positions.get(dependency_id, [])
        starts = positions.get(item_id, [])
        if not ends or not starts:
            continue
        # Within one lane where both are in it, otherwise between their first places.
        lane_ys = {lane: yy for lane, yy in ends}
        start_lane, start_y = next(((ln, yy) for ln, yy in starts if ln in lane_ys), starts[0])
        end_y = lane_ys.get(start_lane, ends[0][1])
        item_start = _start_of(inputs, item_id)
        dependency_end = _end_of(inputs, dependency_id) + 1
        ax.annotate(
            "", xy=(item_start, start_y), xytext=(dependency_end, end_y),
            arrowprops={
                "arrowstyle": "-|>", "color": CONFLICT_COLOUR if conflict else "#444444",
                "linestyle": "--" if conflict else "-", "linewidth": 1.4 if conflict else 0.9,
                "connectionstyle": "arc3,rad=0.15", "shrinkA": 1, "shrinkB": 1,
            },
        )
    for lane_y in lane_rows:
        ax.axhline(lane_y - 0.5, color="#999999", linewidth=0.8)
    if inputs.get("now") is not None and first <= inputs["now"] <= last:
        ax.axvline(inputs["now"], color="#000000", linewidth=1, linestyle=":")
        ax.text(inputs["now"], -0.9, labels["now"], ha="center", va="bottom", fontsize=8)

    ax.set_ylim(y - 0.5, -1)
    ax.set_yticks(ticks, tick_labels, fontsize=8 if y > 40 else 9)
    for tick, lane_y in zip(ax.get_yticklabels(), ticks, strict=True):
        if lane_y in lane_rows:
            tick.set_fontweight("bold")
    span = last - first
    step = 1 if span <= 16 else (2 if span <= 32 else 4)
    ax.set_xlim(first, last)
    ax.set_xticks(range(first, last + 1, step),
                  [_quarter_label(q, inputs["letter"]) for q in range(first, last + 1, step)],
                  fontsize=8, rotation=45 if step < 4 else 0, ha="right" if step < 4 else "center")
    ax.set_xticks(range(first, last + 1), minor=True)
    ax.grid(axis="x", which="major", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    legend = [Patch(facecolor=colour, edgecolor="#333333", label=labels["statuses"][status])
              for status, colour in STATUS_COLOURS.items()]
    # Outside the axes, below the quarter labels: constrained layout makes room for it.
    figure.legend(handles=legend, loc="outside lower center", ncol=len(legend), frameon=False,
                  fontsize=8)


def _start_of(inputs, item_id):
    return next(i["start"] for r in inputs["rows"] for i in r["items"] if i["id"] == item_id)


def _end_of(inputs, item_id):
    return next(i["end"] for r in inputs["rows"] for i in r["items"] if i["id"] == item_id)
