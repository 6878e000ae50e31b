"""Step 7: the roadmap refresh copies exactly the chosen unfinished items into a new programme,
with their links and the dependencies among them, in one transaction, and nothing of another
organisation."""

from __future__ import annotations

from workplace_planner.extensions import db
from workplace_planner.programmes.models import Programme
from workplace_planner.steps.evaluate.models import CarriedOverItem, CycleRefresh
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.technology.choices import ItemStatus
from workplace_planner.steps.strategy.technology.models import RoadmapItem, System

CHOSEN = ("Apparaatbeheer vanuit de cloud", "Laptops voor Lingewaard-Oost",
          "Teams als samenwerkplek")


def _items(programme_id: int) -> dict[str, RoadmapItem]:
    return {i.title: i for i in db.session.scalars(
        db.select(RoadmapItem).where(RoadmapItem.programme_id == programme_id))}


def _count(model, **where) -> int:
    query = db.select(db.func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return db.session.scalar(query)


def _snapshot_of_other(demo, ids) -> tuple:
    with demo.app_context():
        return (_count(Programme, organisation_id=ids["other"]),
                _count(RoadmapItem, organisation_id=ids["other"]),
                _count(System, organisation_id=ids["other"]),
                _count(Persona, organisation_id=ids["other"]))


def test_the_next_cycle_copies_exactly_the_chosen_items_with_their_links(login, ids, demo):
    other_before = _snapshot_of_other(demo, ids)
    with demo.app_context():
        old = _items(ids["programme"])
        chosen = [old[t].id for t in CHOSEN]
        programmes_before = _count(Programme)
    response = login("editor").post(
        f"/programmes/{ids['programme']}/evaluate/next-cycle",
        data={"items": chosen, "name": "Digitale werkplek 2032–2035", "start_year": "2032",
              "horizon_years": "4", "note": "Wat niet af kwam"})
    assert response.status_code == 302
    with demo.app_context():
        assert _count(Programme) == programmes_before + 1
        following = db.session.scalar(db.select(Programme).where(
            Programme.name == "Digitale werkplek 2032–2035"))
        assert response.headers["Location"].endswith(f"/programmes/{following.id}/evaluate/"
                                                     "next-cycle")
        old_programme = db.session.get(Programme, ids["programme"])
        assert following.organisation_id == ids["shared"]
        assert (following.start_year, following.horizon_years) == (2032, 4)
        assert [p.id for p in following.participants] == [
            p.id for p in old_programme.participants]

        old, new = _items(ids["programme"]), _items(following.id)
        assert set(new) == set(CHOSEN)
        intune, laptops, teams = (new[t] for t in CHOSEN)
        assert laptops.dependencies == [intune]
        assert teams.dependencies == []  # mail and office stayed behind
        assert old["Teams als samenwerkplek"].dependencies  # the original keeps its own
        for title, copy in new.items():
            original = old[title]
            assert copy.organisation_id == ids["shared"]
            assert copy.status is original.status
            assert (copy.start_quarter, copy.end_quarter) == (original.start_quarter,
                                                              original.end_quarter)
            assert [p.id for p in copy.participants] == [p.id for p in original.participants]
            assert [s.name for s in copy.systems] == [s.name for s in original.systems]
            assert all(s.programme_id == following.id for s in copy.systems)
            assert [p.name for p in copy.personas] == [p.name for p in original.personas]
            assert all(p.programme_id == following.id for p in copy.personas)
        # A system two items share is copied once; only what the items link to comes along.
        assert [s.name for s in db.session.scalars(
            db.select(System).where(System.programme_id == following.id))] == [
            "Vaste desktops"]
        persona = db.session.scalar(db.select(Persona).where(
            Persona.programme_id == following.id))
        original_persona = old["Teams als samenwerkplek"].personas[0]
        assert persona.name == original_persona.name
        assert persona.headcount == original_persona.headcount

        refresh = db.session.scalar(db.select(CycleRefresh).where(
            CycleRefresh.programme_id == ids["programme"]))
        assert refresh.next_programme_id == following.id and refresh.note == "Wat niet af kwam"
        following_id = following.id
        carried = {c.from_item_id: c.to_item_id for c in refresh.items}
        assert carried == {old[t].id: new[t].id for t in CHOSEN}
    assert _snapshot_of_other(demo, ids) == other_before

    client = login("reviewer")
    page = client.get(f"/programmes/{ids['programme']}/evaluate/next-cycle").get_data(
        as_text=True)
    assert "Digitale werkplek 2032–2035" in page
    page = client.get(f"/programmes/{following_id}/evaluate/next-cycle").get_data(
        as_text=True)
    assert "Laptops voor Lingewaard-Oost" in page


def test_a_done_item_or_another_programmes_item_is_refused_and_nothing_is_written(
    login, ids, demo
):
    with demo.app_context():
        old = _items(ids["programme"])
        done = old["Identiteit naar Entra ID"]
        done.status = ItemStatus.DONE
        db.session.commit()
        done_id, open_id = done.id, old["Meerfactorauthenticatie voor iedereen"].id
        foreign = RoadmapItem(organisation_id=ids["other"], programme_id=ids["other_programme"],
                              title="Van een ander", status=ItemStatus.PLANNED)
        db.session.add(foreign)
        db.session.commit()
        foreign_id = foreign.id
        before = (_count(Programme), _count(RoadmapItem), _count(CarriedOverItem))
    client = login("editor")
    url = f"/programmes/{ids['programme']}/evaluate/next-cycle"
    data = {"name": "Volgende ronde", "start_year": "2032", "horizon_years": "4"}
    for items in ([open_id, done_id], [open_id, foreign_id], []):
        response = client.post(url, data={**data, "items": items})
        assert response.status_code == 422, items
    with demo.app_context():
        assert (_count(Programme), _count(RoadmapItem), _count(CarriedOverItem)) == before
    assert login("reviewer").post(url, data={**data, "items": [open_id]}).status_code == 403
    assert login("outsider").post(url, data={**data, "items": [open_id]}).status_code == 404
