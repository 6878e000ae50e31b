"""The one-A4 summary: vision, goal, pillars, KPIs, the top actions of this year and the
business-case headline. Long content is cut off with "… and N more" so it fits one page."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from workplace_planner.steps.strategy.direction import cooperation, priority, services
from workplace_planner.steps.strategy.technology.models import RoadmapItem
from workplace_planner.steps.strategy.technology.services import items_planned_between

# How much goes on the page, per level of compaction: the first level whose PDF is one page
# wins (``views.one_a4``). Level 1 only makes the type smaller; level 2 also shows less.
LIMITS = (
    {"pillars": 4, "obstacles": 3, "kpis": 5, "actions": 6, "text": 420},
    {"pillars": 4, "obstacles": 3, "kpis": 5, "actions": 6, "text": 420},
    {"pillars": 3, "obstacles": 2, "kpis": 4, "actions": 4, "text": 260},
)


@dataclass
class Action:
    title: str
    priority: Decimal | None
    period: tuple[int, int] | None
    municipalities: list[str] = field(default_factory=list)


@dataclass
class Headline:
    source: str  # "approved" or "live"
    version_number: int | None
    scenario: str
    investment: float
    npv: float
    payback_years: float | None


@dataclass
class OnePage:
    vision: object
    statement: str
    year: int
    pillars: list
    more_pillars: int
    obstacles: list[str]
    more_obstacles: int
    kpis: list
    more_kpis: int
    actions: list[Action]
    more_actions: int
    headline: Headline | None
    level: int = 0


def shorten(text: str, limit: int) -> str:
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _in_year(period, year: int) -> bool:
    return cooperation.overlaps(period, (year * 4, year * 4 + 3))


def top_actions(programme, year: int, today: date | None = None) -> list[Action]:
    """This year's actions, highest priority first: activities of the same roadmap item or title
    are one action (with every municipality), and roadmap items planned this year that no
    activity names are actions too (priority from the item's own ratings)."""
    weights = services.weights_of(programme)
    rows = services.rated(programme, services.list_activities(programme), weights, today)
    actions: dict[object, Action] = {}
    for row in rows:
        if not _in_year(row.period, year):
            continue
        a = row.activity
        key = ("item", a.roadmap_item_id) if a.roadmap_item_id else (
            "title", cooperation.normalise_title(a.title))
        action = actions.setdefault(key, Action(a.title, row.priority, row.period))
        if a.participant.name not in action.municipalities:
            action.municipalities.append(a.participant.name)
    for item in items_planned_between(programme, year * 4, year * 4 + 3):
        item: RoadmapItem
        period = (item.start_quarter, item.end_quarter or item.start_quarter) \
            if item.start_quarter is not None else None
        if ("item", item.id) in actions or not _in_year(period, year):
            continue
        value = priority.priority(item.customer_value, item.organisation_value, item.urgency,
                                  weights)
        actions[("item", item.id)] = Action(item.title, value, period,
                                            [p.name for p in item.participants])
    ordered = list(actions.values())
    ordered.sort(key=lambda x: (priority.sort_key(x.priority, x.title), x.period or (0, 0)))
    return ordered


def business_case_headline(programme) -> Headline | None:
    """The approved business-case version if there is one, else the live case."""
    from workplace_planner.steps.strategy.organisation import services as case

    approved = case.latest_approved(programme)
    try:
        if approved is not None:
            result, source, number = case.version_result(approved), "approved", approved.number
        else:
            business_case = case.get_business_case(programme)
            if business_case is None:
                return None
            result, source, number = case.compute(business_case, monte_carlo=False).result, \
                "live", None
    except Exception:  # noqa: BLE001 - a broken case must not break the one-A4 page
        return None
    if result is None:
        return None
    alternatives = [s for s in result.scenarios if not s.baseline and s.versus_baseline]
    if not alternatives:
        return None
    best = max(alternatives, key=lambda s: s.versus_baseline.npv)
    vb = best.versus_baseline
    return Headline(source, number, best.name, vb.incremental_investment, vb.npv,
                    vb.payback_years)


def one_page(programme, today: date | None = None, level: int = 0) -> OnePage:
    limit = LIMITS[level]
    vision = services.get_vision(programme)
    year = services.programme_year(programme, today)
    pillars = services.list_pillars(programme)
    obstacles = vision.obstacle_list if vision else []
    kpis = [services.kpi_progress(k) for k in services.list_kpis(programme)]
    actions = top_actions(programme, year, today)
    return OnePage(
        vision=vision,
        statement=shorten(vision.statement if vision else "", limit["text"]),
        year=year,
        pillars=pillars[:limit["pillars"]], more_pillars=max(0, len(pillars) - limit["pillars"]),
        obstacles=obstacles[:limit["obstacles"]],
        more_obstacles=max(0, len(obstacles) - limit["obstacles"]),
        kpis=kpis[:limit["kpis"]], more_kpis=max(0, len(kpis) - limit["kpis"]),
        actions=actions[:limit["actions"]],
        more_actions=max(0, len(actions) - limit["actions"]),
        headline=business_case_headline(programme),
        level=level,
    )
