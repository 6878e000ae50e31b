"""The step page and the dashboard cell of step 1, technology: links, key figures, and checks
that cost a fixed number of queries; and the generic audit trail."""

from __future__ import annotations

import html

from sqlalchemy import event

from workplace_planner import audit
from workplace_planner.extensions import db
from workplace_planner.programmes.models import Programme
from workplace_planner.steps import panels
from workplace_planner.steps.strategy.technology import quarters, services
from workplace_planner.steps.strategy.technology.choices import ItemStatus
from workplace_planner.steps.strategy.technology.models import RoadmapItem


def test_the_step_page_links_to_the_module(login, ids):
    page = html.unescape(login("reviewer").get(
        f"/programmes/{ids['programme']}/steps/strategy/technology").get_data(as_text=True))
    for path in ("/technology/workshops", "/technology/systems", "/technology/ambition",
                 "/technology/roadmap/timeline", "/technology/roadmap/board",
                 "/technology/governance"):
        assert path in page
    assert "Huidige situatie in kaart" in page  # the workshops, in order


def test_the_checks_reflect_the_demo(demo, ids):
    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        # The technology module's own checks come first; the risk assessment adds its own.
        checks = panels.checks_for(programme, "strategy", "technology")[:3]
        assert [c.ok for c in checks] == [False, False, False]
        assert checks[0].detail == "16 / 17"  # parking permits: no target yet
        assert checks[1].detail == "20 / 21"  # the archive idea has no dates yet
        assert checks[2].detail == "3 / 4"  # ownership is still open


def _count_queries(function) -> int:
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        function()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements)


def test_the_checks_cost_the_same_number_of_queries_for_any_roadmap(demo, ids):
    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        before = _count_queries(lambda: panels.checks_for(programme, "strategy", "technology"))
        for n in range(40):
            services.create_item(programme, {}, title=f"Extra {n}", status=ItemStatus.IDEA)
        db.session.commit()
        db.session.refresh(programme)  # reloading the committed programme is not the checks' cost
        after = _count_queries(lambda: panels.checks_for(programme, "strategy", "technology"))
        assert after == before


def test_the_dashboard_cell_shows_the_checks(login, ids):
    page = html.unescape(login("reviewer").get(
        f"/programmes/{ids['programme']}").get_data(as_text=True))
    assert "16 / 17" in page and "3 / 4" in page


def test_audit_records_columns_and_collections(demo, ids):
    with demo.app_context():
        item = db.session.scalar(
            db.select(RoadmapItem).where(RoadmapItem.title == "Teams als samenwerkplek"))
        # As services do: no flush between the change and the record (it would reset the
        # attribute history that record_changes reads).
        with db.session.no_autoflush:
            item.end_quarter = quarters.quarter_index(2029, 2)
            item.dependencies = [
                d for d in item.dependencies if d.title != "Mail naar Exchange Online"
            ]
            entry = audit.record_changes(item)
        db.session.commit()
        assert entry.object_type == "RoadmapItem" and entry.object_id == item.id
        assert entry.changes["end_quarter"] == {
            "old": quarters.quarter_index(2029, 1), "new": quarters.quarter_index(2029, 2)}
        assert entry.changes["dependencies"]["old"] == [
            "Mail naar Exchange Online", "Microsoft 365 Apps uitrollen"]
        assert entry.changes["dependencies"]["new"] == ["Microsoft 365 Apps uitrollen"]
        assert audit.record_changes(item) is None  # nothing changed since
        history = audit.history_for(item)
        assert history[0].id == entry.id and history[-1].action == "created"
