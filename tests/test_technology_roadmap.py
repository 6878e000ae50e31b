"""Roadmap items: dependencies without cycles, the start-before-dependency warning, the item's
history, tenancy and roles."""

from __future__ import annotations

import html

import pytest

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.technology import quarters, services
from workplace_planner.steps.strategy.technology.models import RoadmapItem


def _item(demo, title):
    with demo.app_context():
        return db.session.scalar(db.select(RoadmapItem).where(RoadmapItem.title == title))


def _form(item, **changes):
    """The edit form of an item as the browser would post it."""
    data = {
        "title": item.title, "description": item.description, "perspective": item.perspective,
        "status": item.status.value, "start_quarter": item.start_quarter or 0,
        "end_quarter": item.end_quarter or 0, "owner": item.owner, "version": item.version,
        "dependencies": [d.id for d in item.dependencies],
        "participants": [p.id for p in item.participants],
        "customer_value": 0, "organisation_value": 0, "urgency": 0, "workshop_id": 0,
    }
    data.update(changes)
    return data


def _base(ids):
    return f"/programmes/{ids['programme']}/technology"


def test_find_cycle_names_the_path():
    edges = {2: {1}, 3: {2}}
    assert services.find_cycle(edges, 1, [3]) == [1, 3, 2, 1]
    assert services.find_cycle(edges, 1, []) is None
    assert services.find_cycle(edges, 4, [3]) is None


def test_a_dependency_cycle_is_refused_and_named(login, ids, demo):
    identity = _item(demo, "Identiteit naar Entra ID")  # MFA depends on it
    mfa = _item(demo, "Meerfactorauthenticatie voor iedereen")
    with demo.app_context():
        identity = db.session.merge(identity)
        data = _form(identity, dependencies=[mfa.id])
    response = login("editor").post(f"{_base(ids)}/roadmap/{identity.id}/edit", data=data)
    assert response.status_code == 422
    page = html.unescape(response.get_data(as_text=True))
    assert ("Identiteit naar Entra ID → Meerfactorauthenticatie voor iedereen → "
            "Identiteit naar Entra ID") in page
    # The message is next to the dependencies field, and nothing was saved.
    assert 'id="dependencies-error"' in page
    with demo.app_context():
        assert db.session.get(RoadmapItem, identity.id).dependencies == []


def test_a_longer_cycle_is_named_with_every_step(login, ids, demo):
    identity = _item(demo, "Identiteit naar Entra ID")
    teams = _item(demo, "Teams als samenwerkplek")  # teams → mail → identity
    with demo.app_context():
        data = _form(db.session.merge(identity), dependencies=[teams.id])
    response = login("editor").post(f"{_base(ids)}/roadmap/{identity.id}/edit", data=data)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert "Identiteit naar Entra ID → Teams als samenwerkplek → " in page
    assert "→ Identiteit naar Entra ID" in page


def test_an_item_cannot_depend_on_itself(demo, ids):
    from workplace_planner.programmes.models import Programme

    with demo.app_context():
        item = db.session.get(RoadmapItem, ids["roadmap_item"])
        programme = db.session.get(Programme, ids["programme"])
        with pytest.raises(services.DomainError):
            services.update_item(item, None, programme, {"dependency_ids": [item.id]},
                                 title=item.title)


def test_starting_before_a_dependency_ends_warns_and_moves_nothing(login, ids, demo):
    mail = _item(demo, "Mail naar Exchange Online")  # ends 2028 Q2, depends on identity
    with demo.app_context():
        mail = db.session.merge(mail)
        data = _form(mail, start_quarter=quarters.quarter_index(2027, 3))
    client = login("editor")
    response = client.post(f"{_base(ids)}/roadmap/{mail.id}/edit", data=data,
                           follow_redirects=True)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "Identiteit naar Entra ID" in page and "2027 K3" in page and "2028 K1" in page
    assert "wp-flash" in page and "utrecht-alert--warning" in page
    with demo.app_context():
        saved = db.session.get(RoadmapItem, mail.id)
        assert saved.start_quarter == quarters.quarter_index(2027, 3)  # kept as entered
        dependency = saved.dependencies[0]
        assert dependency.end_quarter == quarters.quarter_index(2027, 4)  # not shifted


def test_schedule_conflicts_are_listed_on_the_roadmap(login, ids):
    page = html.unescape(login("reviewer").get(f"{_base(ids)}/roadmap").get_data(as_text=True))
    # The demo plans telephony in the quarter Teams is finished: a deliberate warning.
    warning = page[page.index("utrecht-alert--warning"):page.index("wp-filters")]
    assert "Telefonie naar Teams" in warning and "Teams als samenwerkplek" in warning
    assert "wp-row--warning" in page


def test_moving_an_item_shows_in_its_history(login, ids, demo):
    backup = _item(demo, "Back-up naar een Nederlands clouddatacenter")
    with demo.app_context():
        backup = db.session.merge(backup)
        data = _form(backup, start_quarter=quarters.quarter_index(2029, 1),
                     end_quarter=quarters.quarter_index(2029, 2))
    client = login("editor")
    assert client.post(f"{_base(ids)}/roadmap/{backup.id}/edit", data=data).status_code == 302
    page = html.unescape(client.get(f"{_base(ids)}/roadmap/{backup.id}").get_data(as_text=True))
    history = page[page.index('id="history"'):]
    assert "Bram Jansen" in history
    assert "2028 K2 → 2029 K1" in history
    assert "2028 K3 → 2029 K2" in history


def test_a_stale_edit_is_refused(login, ids, demo):
    item = _item(demo, "EDR op alle werkplekken")
    with demo.app_context():
        data = _form(db.session.merge(item), title="Eerste versie")
    client = login("editor")
    assert client.post(f"{_base(ids)}/roadmap/{item.id}/edit", data=data).status_code == 302
    data["title"] = "Tweede versie op oude basis"
    assert client.post(f"{_base(ids)}/roadmap/{item.id}/edit", data=data).status_code == 422
    assert _item(demo, "Eerste versie") is not None


def test_creating_two_items_with_a_dependency(login, ids, demo):
    client = login("editor")
    base = _base(ids)
    first = client.post(f"{base}/roadmap/new", data={
        "title": "Proef met thuiswerkplekken", "perspective": "technology", "status": "planned",
        "start_quarter": quarters.quarter_index(2027, 2),
        "end_quarter": quarters.quarter_index(2027, 3), "owner": "Team Werkplek",
    })
    assert first.status_code == 302
    with demo.app_context():
        first_id = db.session.scalar(
            db.select(RoadmapItem.id).where(RoadmapItem.title == "Proef met thuiswerkplekken"))
    second = client.post(f"{base}/roadmap/new", data={
        "title": "Thuiswerkplekken voor iedereen", "perspective": "technology",
        "status": "idea", "start_quarter": quarters.quarter_index(2027, 4),
        "end_quarter": quarters.quarter_index(2028, 2), "owner": "Team Werkplek",
        "dependencies": [first_id],
    })
    assert second.status_code == 302
    page = html.unescape(client.get(second.headers["Location"]).get_data(as_text=True))
    assert "Proef met thuiswerkplekken" in page and "2027 K4 – 2028 K2" in page


def test_another_organisation_gets_404(login, ids):
    client = login("outsider")
    base = _base(ids)
    for url in ("/roadmap", f"/roadmap/{ids['roadmap_item']}", "/systems",
                f"/governance/{ids['decision']}", "/roadmap/timeline.svg"):
        assert client.get(base + url).status_code == 404, url
    # Their own programme with our item's id is a 404 too.
    other = f"/programmes/{ids['other_programme']}/technology/roadmap/{ids['roadmap_item']}"
    assert client.get(other).status_code == 404


def test_an_item_of_another_programme_is_404_within_the_same_organisation(login, ids, demo):
    from workplace_planner.programmes import services as programmes
    from workplace_planner.programmes.models import Programme

    with demo.app_context():
        shared = db.session.get(Programme, ids["programme"])
        from workplace_planner.auth.models import Organisation

        second = programmes.create_programme(
            db.session.get(Organisation, shared.organisation_id), "Tweede programma", 2028, 3)
        db.session.commit()
        second_id = second.id
    url = f"/programmes/{second_id}/technology/roadmap/{ids['roadmap_item']}"
    assert login("editor").get(url).status_code == 404


def test_reviewer_gets_403_on_every_write(login, ids):
    from test_authorization_matrix import ROUTES, _url

    client = login("reviewer")
    writes = [(rule, endpoint) for rule, endpoint, method, _needed in ROUTES
              if endpoint.startswith("technology.") and method == "POST"]
    assert len(writes) >= 20
    for rule, _endpoint in writes:
        url, _ = _url(rule, ids)
        assert client.post(url, data={}).status_code == 403, url


def test_workshop_lead_may_record_workshops_but_not_the_roadmap(login, ids):
    client = login("workshop_lead")
    base = _base(ids)
    response = client.post(f"{base}/workshops/new", data={
        "kind": "roadmap", "title": "Tweede roadmapsessie", "held_on": "2027-04-12",
    })
    assert response.status_code == 302
    assert client.post(f"{base}/roadmap/new", data={"title": "x"}).status_code == 403


def test_board_puts_items_in_now_next_later(demo):
    with demo.app_context():
        from workplace_planner.programmes.models import Programme

        programme = db.session.scalar(db.select(Programme).order_by(Programme.id))
        items = services.list_items(programme)
        columns = services.board(items, quarters.quarter_index(2028, 1))
        titles = {k: {i.title for i in v} for k, v in columns.items()}
        assert "Regieorganisatie inrichten" in titles["now"]  # in progress
        assert "Identiteit naar Entra ID" not in titles["now"]  # done
        assert "Mail naar Exchange Online" in titles["now"]  # starts this quarter
        assert "Microsoft 365 Apps uitrollen" in titles["next"]  # 2028 Q3
        assert "Citrix-farm uitfaseren" in titles["later"]
        assert "Archief en DMS naar SaaS" in titles["later"]  # not planned yet


def test_milestones_are_added_and_marked(login, ids, demo):
    client = login("editor")
    base = f"{_base(ids)}/roadmap/{ids['roadmap_item']}"
    client.post(f"{base}/milestones", data={"title": "Pilot afgerond",
                                            "quarter": quarters.quarter_index(2027, 3)})
    page = html.unescape(client.get(base).get_data(as_text=True))
    assert "2027 K3 · Pilot afgerond" in page
    client.post(f"{base}/milestones/{ids['milestone']}/reached", data={"reached": "1"})
    from workplace_planner.steps.strategy.technology.models import Milestone

    with demo.app_context():
        assert db.session.get(Milestone, ids["milestone"]).reached is True


def test_quarters_are_shown_per_language():
    index = quarters.quarter_index(2027, 2)
    assert quarters.label(index, "nl") == "2027 K2"
    assert quarters.label(index, "en") == "2027 Q2"
    assert quarters.parse("2027 K2") == quarters.parse("2027-Q2") == index
    with pytest.raises(ValueError):
        quarters.parse("2027 K5")


def test_quarters_read_q_in_english(login, ids):
    client = login("reviewer")
    client.post("/language", data={"language": "en", "next": "/programmes"})
    page = html.unescape(client.get(
        f"{_base(ids)}/roadmap/{ids['roadmap_item']}").get_data(as_text=True))
    assert "2027 Q2 – 2027 Q4" in page
    svg = client.get(f"{_base(ids)}/roadmap/timeline.svg").get_data(as_text=True)
    assert "2028 Q1" in svg and "2028 K1" not in svg


def test_the_roadmap_table_is_paged_with_the_total_of_every_item(login, ids, demo, monkeypatch):
    from workplace_planner.steps.strategy.technology import views

    with demo.app_context():
        count = db.session.scalar(db.select(db.func.count(RoadmapItem.id)).where(
            RoadmapItem.programme_id == ids["programme"]))
    monkeypatch.setattr(views, "ITEMS_PER_PAGE", 2)
    client = login("reviewer")
    base = f"{_base(ids)}/roadmap"
    first = html.unescape(client.get(base).get_data(as_text=True))
    assert f"{count} van de {count} roadmap-onderdelen · 1–2 van {count}" in first
    assert first.count('<tr class="utrecht-table__row') - 1 == 2  # the header row and two items
    last = html.unescape(client.get(f"{base}?page=999").get_data(as_text=True))
    assert f"Pagina {-(-count // 2)} van {-(-count // 2)}" in last and 'rel="prev"' in last
    filtered = html.unescape(client.get(f"{base}?status=done").get_data(as_text=True))
    assert f"van de {count} roadmap-onderdelen" in filtered
