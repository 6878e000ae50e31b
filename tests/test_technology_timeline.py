"""The timeline renders for no items, one item and three hundred; the table alternative
carries the same information."""

from __future__ import annotations

import html

import pytest

from workplace_planner.extensions import db
from workplace_planner.programmes import services as programmes
from workplace_planner.programmes.models import Programme
from workplace_planner.steps.strategy.technology import quarters, services
from workplace_planner.steps.strategy.technology.choices import ItemStatus


def _empty_programme(demo, ids) -> int:
    with demo.app_context():
        shared = db.session.get(Programme, ids["programme"])
        from workplace_planner.auth.models import Organisation

        organisation = db.session.get(Organisation, shared.organisation_id)
        programme = programmes.create_programme(
            organisation, "Leeg programma", 2027, 5, "",
            [p.id for p in organisation.participants])
        db.session.commit()
        return programme.id


def _add_items(demo, programme_id, count):
    with demo.app_context():
        programme = db.session.get(Programme, programme_id)
        previous = None
        for n in range(count):
            start = quarters.quarter_index(2027, 1) + n % 16
            item = services.create_item(
                programme,
                {"dependency_ids": [previous.id] if previous and n % 3 else [],
                 "participant_ids": [programme.participants[n % 3].id]},
                title=f"Verandering {n + 1}", perspective=("technology", "employee",
                                                            "organisation")[n % 3],
                start_quarter=start, end_quarter=start + n % 4, status=ItemStatus.PLANNED,
                owner="Team",
            )
            previous = item
        db.session.commit()


@pytest.mark.parametrize("count", [0, 1, 300])
@pytest.mark.parametrize("lanes", ["perspective", "municipality"])
def test_the_timeline_renders(login, ids, demo, count, lanes):
    programme_id = _empty_programme(demo, ids)
    _add_items(demo, programme_id, count)
    client = login("reviewer")
    base = f"/programmes/{programme_id}/technology/roadmap"
    chart = client.get(f"{base}/timeline.svg?lanes={lanes}")
    assert chart.status_code == 200
    assert chart.mimetype == "image/svg+xml"
    svg = chart.get_data(as_text=True)
    assert svg.startswith("<?xml") and "</svg>" in svg
    page = html.unescape(client.get(f"{base}/timeline?lanes={lanes}").get_data(as_text=True))
    if count == 0:
        assert "No items with a start and end quarter yet." in svg or "Nog geen" in svg
        assert 'id="timeline-table"' not in page
    else:
        assert "Verandering 1" in svg
        assert page.count("Verandering 1<") >= 1
        assert 'id="timeline-table"' in page


def test_the_timeline_shows_quarters_and_dependency_arrows(login, ids):
    client = login("reviewer")
    svg = client.get(
        f"/programmes/{ids['programme']}/technology/roadmap/timeline.svg").get_data(as_text=True)
    assert "2028 K1" in svg  # Dutch quarter labels
    assert "Identiteit naar Entra ID" in svg
    assert "Technologie" in svg and "Organisatie" in svg  # lanes per perspective


def test_unscheduled_items_are_listed_beside_the_timeline(login, ids):
    page = html.unescape(login("reviewer").get(
        f"/programmes/{ids['programme']}/technology/roadmap/timeline").get_data(as_text=True))
    unscheduled = page[page.index("wp-chart"):]
    assert "Archief en DMS naar SaaS" in unscheduled
