"""Charts of the vision pages: a KPI's measurements against its baseline and target, and the
joint roadmap timeline (which municipality does what when). Drawn on a matplotlib Figure."""

from __future__ import annotations

from datetime import date

TARGET_COLOUR, LINE_COLOUR, BASE_COLOUR = "#D55E00", "#0072B2", "#777777"
MUNICIPALITY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


def kpi_inputs(kpi, texts: dict) -> dict:
    return {
        "points": [(m.measured_on.isoformat(), float(m.value)) for m in kpi.measurements],
        "baseline": float(kpi.baseline) if kpi.baseline is not None else None,
        "target": float(kpi.target) if kpi.target is not None else None,
        "target_date": kpi.target_date.isoformat() if kpi.target_date else None,
        "unit": kpi.unit, **texts,
    }


def draw_kpi(figure, inputs) -> None:
    ax = figure.add_subplot()
    points = [(date.fromisoformat(d), v) for d, v in inputs["points"]]
    if not points and inputs["target"] is None:
        ax.set_axis_off()
        ax.text(0.5, 0.5, inputs["empty"], ha="center", va="center", transform=ax.transAxes)
        return
    if points:
        ax.plot([d for d, _ in points], [v for _, v in points], marker="o", color=LINE_COLOUR,
                label=inputs["measured"])
    if inputs["baseline"] is not None:
        ax.axhline(inputs["baseline"], color=BASE_COLOUR, linestyle=":", linewidth=1.2,
                   label=inputs["baseline_label"])
    if inputs["target"] is not None:
        ax.axhline(inputs["target"], color=TARGET_COLOUR, linestyle="--", linewidth=1.2,
                   label=inputs["target_label"])
        if inputs["target_date"]:
            ax.plot([date.fromisoformat(inputs["target_date"])], [inputs["target"]], marker="D",
                    color=TARGET_COLOUR, linestyle="none")
    ax.set_ylabel(inputs["unit"] or "")
    ax.legend(loc="best", fontsize=8)
    figure.autofmt_xdate()


def timeline_inputs(rows, participants, opportunity_ids: set[int], texts: dict,
                    label) -> dict:
    """rows: ``services.Rated`` with a period; one bar per activity in its municipality's lane."""
    lanes = [p.name for p in participants]
    bars = []
    for row in rows:
        if row.period is None:
            continue
        a = row.activity
        bars.append({
            "lane": lanes.index(a.participant.name) if a.participant.name in lanes else 0,
            "title": a.title, "start": row.period[0], "end": row.period[1],
            "together": a.id in opportunity_ids,
        })
    first = min((b["start"] for b in bars), default=0)
    last = max((b["end"] for b in bars), default=0)
    ticks = [q for q in range(first, last + 1) if q % 4 == 0] or [first]
    return {"lanes": lanes, "bars": bars, "ticks": ticks,
            "tick_labels": [label(q) for q in ticks], **texts}


def timeline_height(inputs) -> float:
    per_lane = {}
    for bar in inputs["bars"]:
        per_lane[bar["lane"]] = per_lane.get(bar["lane"], 0) + 1
    return max(2.5, 1.2 + 0.32 * sum(per_lane.values()) + 0.3 * len(inputs["lanes"]))


def draw_timeline(figure, inputs) -> None:
    ax = figure.add_subplot()
    if not inputs["bars"]:
        ax.set_axis_off()
        ax.text(0.5, 0.5, inputs["empty"], ha="center", va="center", transform=ax.transAxes)
        return
    y, yticks, ylabels = 0, [], []
    for lane, name in enumerate(inputs["lanes"]):
        bars = sorted((b for b in inputs["bars"] if b["lane"] == lane),
                      key=lambda b: (b["start"], b["title"]))
        colour = MUNICIPALITY_COLOURS[lane % len(MUNICIPALITY_COLOURS)]
        for bar in bars:
            ax.barh(y, bar["end"] - bar["start"] + 1, left=bar["start"], height=0.7,
                    color=colour, edgecolor="#000000" if bar["together"] else colour,
                    linewidth=1.6 if bar["together"] else 0.5,
                    hatch="//" if bar["together"] else None)
            ax.text(bar["start"] + 0.1, y, bar["title"], va="center", fontsize=7.5,
                    color="#000000", clip_on=True,
                    bbox={"facecolor": "#ffffff", "alpha": 0.8, "pad": 0.5, "linewidth": 0})
            yticks.append(y)
            ylabels.append(name if bar is bars[0] else "")
            y += 1
        y += 0.6
    ax.set_yticks(yticks, ylabels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xticks(inputs["ticks"], inputs["tick_labels"], fontsize=8)
    ax.grid(axis="x", color="#dddddd")
    ax.set_title(inputs["legend"], fontsize=8, loc="left")


def progress_inputs(progress_rows, texts: dict) -> dict:
    """Per KPI: how far the latest measurement has come from baseline to target, in percent."""
    return {"names": [p.kpi.name for p in progress_rows],
            "shares": [float(p.share) if p.share is not None else None for p in progress_rows],
            **texts}


def progress_height(inputs) -> float:
    return max(2.2, 1.0 + 0.42 * len(inputs["names"]))


def draw_progress(figure, inputs) -> None:
    ax = figure.add_subplot()
    if not inputs["names"]:
        ax.set_axis_off()
        ax.text(0.5, 0.5, inputs["empty"], ha="center", va="center", transform=ax.transAxes)
        return
    positions = range(len(inputs["names"]))
    shares = [s if s is not None else 0 for s in inputs["shares"]]
    ax.barh(list(positions), shares, color=LINE_COLOUR, height=0.6)
    for y, share in zip(positions, inputs["shares"], strict=True):
        ax.text(max(share or 0, 0) + 2, y, f"{share:.0f} %" if share is not None
                else inputs["unmeasured"], va="center", fontsize=8)
    ax.axvline(100, color=TARGET_COLOUR, linestyle="--", linewidth=1.2)
    ax.set_yticks(list(positions), [n if len(n) <= 45 else n[:44] + "…"
                                    for n in inputs["names"]], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(min(0, min(shares)) - 5, max(110, max(shares) + 20))
    ax.set_xlabel(inputs["axis"])
