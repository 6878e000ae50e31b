"""The risk assessment through the web: levels from the matrix, acceptance renewal, the
checks on the pages, filters, the heat map and timeline figures, roles, tenancy, stale edits
and form errors."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

from workplace_planner.audit import AuditEntry
from workplace_planner.extensions import db
from workplace_planner.steps.strategy.risks import services
from workplace_planner.steps.strategy.risks.models import Risk, RiskAcceptance, RiskMeasure
from workplace_planner.steps.strategy.technology.models import RoadmapItem

MAIL_ABROAD = "Mail bereikbaar voor buitenlandse overheden"
RANSOMWARE = "Ransomware via een werkplek"


def _base(ids):
    return f"/programmes/{ids['programme']}/risks"


def _risk(demo, title) -> Risk:
    with demo.app_context():
        risk = db.session.scalar(db.select(Risk).where(Risk.title == title))
        db.session.expunge_all()
        return risk


def _english(client):
    client.post("/language", data={"language": "en", "next": "/"})
    return client


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _form(demo, risk_id, **changes) -> dict:
    with demo.app_context():
        risk = db.session.get(Risk, risk_id)
        data = {
            "roadmap_item_id": risk.roadmap_item_id, "title": risk.title,
            "threat_key": risk.threat_key or "", "threat_text": risk.threat_text,
            "vulnerability": risk.vulnerability, "aspects": [a.value for a in risk.aspects],
            "systems": [s.id for s in risk.systems],
            "inherent_likelihood": risk.inherent_likelihood,
            "inherent_impact": risk.inherent_impact,
            "residual_likelihood": risk.residual_likelihood or 0,
            "residual_impact": risk.residual_impact or 0,
            "treatment": risk.treatment.value, "owner": risk.owner,
            "review_on": risk.review_on.isoformat() if risk.review_on else "",
            "version": risk.version,
        }
    data.update(changes)
    return data


# ----------------------------------------------------------------------------- levels
def test_levels_come_from_the_default_matrix(login, ids, demo):
    risk = _risk(demo, "Accounts overgenomen tijdens de hybride koppeling")  # 4×5 → 2×4
    page = _text(login("reviewer").get(f"{_base(ids)}/{risk.id}"))
    assert 'id="inherent-level"><span class="wp-level wp-level--critical"' in page
    assert 'id="residual-level"><span class="wp-level wp-level--high"' in page


def test_changing_the_matrix_relevels_every_risk(login, ids, demo):
    risk = _risk(demo, "Accounts overgenomen tijdens de hybride koppeling")
    editor = login("editor")
    data = {f"likelihood_{n}": f"K{n}" for n in range(1, 6)}
    data |= {f"impact_{n}": f"I{n}" for n in range(1, 6)}
    data |= {f"cell_{lk}_{im}": "low" for lk in range(1, 6) for im in range(1, 6)}
    data["cell_2_4"] = "medium"
    response = editor.post(f"{_base(ids)}/matrix", data=data)
    assert response.status_code == 302
    page = _text(editor.get(f"{_base(ids)}/{risk.id}"))
    assert 'id="inherent-level"><span class="wp-level wp-level--low"' in page
    assert 'id="residual-level"><span class="wp-level wp-level--medium"' in page
    assert "(K2)" in page and "(I4)" in page  # the step names come from the matrix too
    register = _text(editor.get(f"{_base(ids)}?level=critical"))
    assert "wp-level--critical" not in register.split('id="risk-register"')[-1]


def test_a_matrix_with_an_unknown_level_is_refused_next_to_the_cell(login, ids):
    data = {f"likelihood_{n}": f"K{n}" for n in range(1, 6)}
    data |= {f"impact_{n}": f"I{n}" for n in range(1, 6)}
    data |= {f"cell_{lk}_{im}": "low" for lk in range(1, 6) for im in range(1, 6)}
    data["cell_1_5"] = "extreme"
    data["impact_3"] = ""
    response = login("editor").post(f"{_base(ids)}/matrix", data=data)
    assert response.status_code == 422
    page = _text(response)
    assert 'id="cell_1_5-error"' in page and 'id="impact_3-error"' in page


# ----------------------------------------------------------------------------- acceptance
def test_a_score_change_after_acceptance_asks_for_renewal(login, ids, demo):
    risk = _risk(demo, MAIL_ABROAD)
    editor = _english(login("editor"))
    page = _text(editor.get(f"{_base(ids)}/{risk.id}"))
    assert "Needs renewal" not in page
    response = editor.post(f"{_base(ids)}/{risk.id}/edit",
                           data=_form(demo, risk.id, residual_likelihood=3))
    assert response.status_code == 302
    page = _text(editor.get(f"{_base(ids)}/{risk.id}"))
    assert "Needs renewal: the scores changed after this decision" in page
    assert "The acceptance is no longer valid" in page
    with demo.app_context():
        acceptance = db.session.scalar(
            db.select(RiskAcceptance).where(RiskAcceptance.risk_id == risk.id))
        assert acceptance.needs_renewal
        assert (acceptance.accepted_likelihood, acceptance.accepted_impact) == (2, 4)
        kinds = {(e.object_type, e.action) for e in db.session.scalars(db.select(AuditEntry))}
        assert ("Risk", "updated") in kinds and ("RiskAcceptance", "updated") in kinds


def test_a_change_that_leaves_the_scores_alone_keeps_the_acceptance(login, ids, demo):
    risk = _risk(demo, MAIL_ABROAD)
    response = login("editor").post(f"{_base(ids)}/{risk.id}/edit",
                                    data=_form(demo, risk.id, owner="Directie"))
    assert response.status_code == 302
    with demo.app_context():
        assert not db.session.scalar(
            db.select(RiskAcceptance).where(RiskAcceptance.risk_id == risk.id)).needs_renewal


def test_a_new_acceptance_is_a_new_row_and_makes_the_risk_valid_again(login, ids, demo):
    risk = _risk(demo, RANSOMWARE)  # the demo's acceptance needs renewal
    today = date.today()
    response = login("editor").post(f"{_base(ids)}/{risk.id}/acceptances/new", data={
        "accepted_by": "Jeroen Bakker", "role": "ciso", "decided_on": today.isoformat(),
        "expires_on": (today + timedelta(days=365)).isoformat(),
        "justification": "Na de nieuwe hersteltest opnieuw beoordeeld.",
    })
    assert response.status_code == 302
    with demo.app_context():
        rows = db.session.scalars(
            db.select(RiskAcceptance).where(RiskAcceptance.risk_id == risk.id)).all()
        assert len(rows) == 2
        fresh = db.session.get(Risk, risk.id)
        assert all(f.code != "acceptance_invalid" for f in services.risk_findings(fresh))
        assert fresh.current_acceptance.accepted_impact == 5


def test_an_acceptance_that_expires_before_it_starts_is_refused(login, ids, demo):
    risk = _risk(demo, RANSOMWARE)
    response = login("editor").post(f"{_base(ids)}/{risk.id}/acceptances/new", data={
        "accepted_by": "Jeroen Bakker", "role": "ciso", "decided_on": "2028-05-01",
        "expires_on": "2028-04-01", "justification": "Akkoord.",
    })
    assert response.status_code == 422
    assert 'id="expires_on-error"' in _text(response)


# ----------------------------------------------------------------------------- checks on pages
def test_the_register_shows_the_demo_findings(login, ids):
    page = _text(_english(login("reviewer")).get(_base(ids)))
    assert "The residual risk is lower than the inherent risk, but there is no measure." in page
    assert "A measure is past its due date and not done: Bewustwordingscampagne" in page
    assert "The review date has passed:" in page
    assert "The acceptance is no longer valid" in page
    assert "This change affects systems but has no risk yet: Nieuw intranet in SharePoint" in page


def test_the_risk_page_shows_its_own_findings(login, ids, demo):
    risk = _risk(demo, "Medewerkers wijken uit naar eigen cloudopslag")
    page = _text(_english(login("reviewer")).get(f"{_base(ids)}/{risk.id}"))
    assert "but there is no measure" in page
    assert "A measure is past its due date" not in page


def test_residual_higher_than_inherent_is_shown(login, ids, demo):
    risk = _risk(demo, "Laptop met gevoelige gegevens kwijt of gestolen")
    editor = _english(login("editor"))
    editor.post(f"{_base(ids)}/{risk.id}/edit",
                data=_form(demo, risk.id, residual_likelihood=5, residual_impact=5))
    page = _text(editor.get(f"{_base(ids)}/{risk.id}"))
    assert "The residual risk is higher than the inherent risk." in page


# ----------------------------------------------------------------------------- filters
def test_the_register_filters_by_item_level_owner_and_treatment(login, ids, demo):
    client = login("reviewer")
    with demo.app_context():
        item = db.session.scalar(
            db.select(RoadmapItem).where(RoadmapItem.title == "Identiteit naar Entra ID"))
        item_id = item.id

    def titles(query):
        page = _text(client.get(f"{_base(ids)}?{query}"))
        table = page.split('id="risk-register"')[-1] if 'id="risk-register"' in page else ""
        return {t for t in ("Accounts overgenomen tijdens de hybride koppeling",
                            "Tenant verkeerd ingericht", MAIL_ABROAD, RANSOMWARE,
                            "Terugzetten duurt te lang na een grote storing") if t in table}

    assert titles(f"item={item_id}") == {"Accounts overgenomen tijdens de hybride koppeling",
                                         "Tenant verkeerd ingericht"}
    assert titles("treatment=accept") == {MAIL_ABROAD, RANSOMWARE}
    assert titles("owner=infrastructuur") == {"Terugzetten duurt te lang na een grote storing"}
    # Current level: the residual once assessed (2×5 and 2×4 are high, 2×3 medium).
    assert titles("level=high") == {MAIL_ABROAD, RANSOMWARE,
                                    "Accounts overgenomen tijdens de hybride koppeling"}
    assert titles("level=medium") == {"Tenant verkeerd ingericht",
                                      "Terugzetten duurt te lang na een grote storing"}
    assert titles("level=critical") == set()


def test_the_export_follows_the_filters(login, ids):
    response = login("reviewer").get(f"{_base(ids)}/register.csv?treatment=accept")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert MAIL_ABROAD in text and RANSOMWARE in text
    assert "Tenant verkeerd ingericht" not in text
    excel = login("reviewer").get(f"{_base(ids)}/register.xlsx")
    assert excel.status_code == 200 and excel.data[:2] == b"PK"


# ----------------------------------------------------------------------------- heat map, timeline
def test_heat_map_counts_inherent_and_residual_per_cell(demo, ids):
    from workplace_planner.programmes.models import Programme

    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        risks = services.list_risks(programme)
        heat = services.heat(risks)
        assert sum(map(sum, heat.inherent)) == len(risks)
        assert sum(map(sum, heat.residual)) == len(risks) - heat.not_assessed == len(risks) - 1
        # Three laptop risks: inherent 4×3, residual 1×3 (with the mailbox migration: 4).
        assert heat.inherent[3][2] == 3 and heat.residual[0][2] == 4


def test_the_heat_map_page_has_the_chart_and_both_tables(login, ids):
    client = login("reviewer")
    page = _text(client.get(f"{_base(ids)}/heat-map"))
    assert 'id="heat-inherent"' in page and 'id="heat-residual"' in page
    inherent = page.split('id="heat-inherent"')[1].split("</table>")[0]
    assert 'data-cell="4-3"><strong>3</strong>' in inherent
    svg = client.get(f"{_base(ids)}/heat-map.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"


def test_the_timeline_counts_open_risk_per_quarter(demo, ids, login):
    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps.strategy.technology.quarters import quarter_index

    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        levels = services.levels_of(services.get_matrix(programme))
        per_quarter = services.risk_over_time(programme, services.list_risks(programme), levels)
        # 2027 Q2: only "Identiteit naar Entra ID" runs, and it is done: its two risks are
        # no longer open. 2028 Q1 carries the open risk of the changes running then.
        assert sum(per_quarter[quarter_index(2027, 2)].values()) == 0
        assert sum(per_quarter[quarter_index(2028, 1)].values()) > 0
        assert sum(per_quarter[quarter_index(2031, 4)].values()) == 0
    page = _text(login("reviewer").get(f"{_base(ids)}/timeline"))
    assert 'id="risk-timeline-table"' in page and "2027 K2" in page
    assert login("reviewer").get(f"{_base(ids)}/timeline.svg").status_code == 200


def test_every_roadmap_item_is_listed_with_its_risks(login, ids):
    page = _text(login("reviewer").get(f"{_base(ids)}/by-item"))
    assert "Nieuw intranet in SharePoint Online" in page
    assert "Accounts overgenomen tijdens de hybride koppeling" in page


# ----------------------------------------------------------------------------- dashboard
def test_the_dashboard_cell_shows_the_risk_checks(login, ids):
    page = _text(_english(login("reviewer")).get(
        f"/programmes/{ids['programme']}/steps/strategy/technology"))
    assert "Every roadmap item that changes systems has a risk assessment" in page
    assert "No accepted risk without a valid acceptance" in page
    assert "Security risk assessment" in page


def test_completion_figures(demo, ids):
    from workplace_planner.programmes.models import Programme

    with demo.app_context():
        figures = services.completion(db.session.get(Programme, ids["programme"]))
    assert figures["items_changing_systems"] - figures["items_assessed"] == 2  # intranet, office
    assert figures["accepted"] == 3 and figures["accepted_invalid"] == 2


# ----------------------------------------------------------------------------- measures, history
def test_a_measure_is_added_changed_and_in_the_history(login, ids, demo):
    risk = _risk(demo, "Medewerkers wijken uit naar eigen cloudopslag")
    editor = _english(login("editor"))
    response = editor.post(f"{_base(ids)}/{risk.id}/measures/new", data={
        "description": "Eigen cloudopslag blokkeren op beheerde apparaten", "control": "5.10",
        "owner": "Team Werkplek", "due_on": "2029-06-30", "status": "planned",
    })
    assert response.status_code == 302
    with demo.app_context():
        measure = db.session.scalar(db.select(RiskMeasure).where(RiskMeasure.risk_id == risk.id))
        measure_id, version = measure.id, measure.version
    response = editor.post(f"{_base(ids)}/{risk.id}/measures/{measure_id}/edit", data={
        "description": "Eigen cloudopslag blokkeren op beheerde apparaten", "control": "5.10",
        "owner": "Team Werkplek", "due_on": "2029-06-30", "status": "done",
        "version": version,
    })
    assert response.status_code == 302
    page = _text(editor.get(f"{_base(ids)}/{risk.id}"))
    assert "5.10" in page and "but there is no measure" not in page
    history = page.split('id="history"')[1]
    assert "Eigen cloudopslag blokkeren" in history and "Planned → Done" in history


# ----------------------------------------------------------------------------- roles, tenancy
def test_a_reviewer_sees_but_cannot_change(login, ids, demo):
    risk = _risk(demo, MAIL_ABROAD)
    reviewer = login("reviewer")
    page = _text(reviewer.get(f"{_base(ids)}/{risk.id}"))
    assert "/edit" not in page and "/measures/new" not in page and "/acceptances/new" not in page
    assert reviewer.post(f"{_base(ids)}/{risk.id}/edit",
                         data=_form(demo, risk.id, title="Anders")).status_code == 403
    assert reviewer.post(f"{_base(ids)}/{risk.id}/delete").status_code == 403
    assert reviewer.post(f"{_base(ids)}/matrix", data={}).status_code == 403
    assert 'name="cell_1_1"' not in _text(reviewer.get(f"{_base(ids)}/matrix"))


def test_another_organisation_gets_not_found(login, ids, demo):
    risk = _risk(demo, MAIL_ABROAD)
    outsider = login("outsider")
    assert outsider.get(f"{_base(ids)}/{risk.id}").status_code == 404
    assert outsider.get(_base(ids)).status_code == 404
    own = f"/programmes/{ids['other_programme']}/risks"
    assert outsider.get(f"{own}/{risk.id}").status_code == 404
    assert outsider.get(f"{own}/{risk.id}/measures/{ids['risk_measure']}/edit").status_code == 404


def test_a_measure_of_another_risk_is_not_found(login, ids, demo):
    other = _risk(demo, MAIL_ABROAD)
    url = f"{_base(ids)}/{other.id}/measures/{ids['risk_measure']}/edit"
    assert login("editor").get(url).status_code == 404


# ----------------------------------------------------------------------------- stale, errors
def test_a_stale_edit_is_refused_and_the_input_kept(login, ids, demo):
    risk = _risk(demo, MAIL_ABROAD)
    editor = login("editor")
    old = _form(demo, risk.id)
    assert editor.post(f"{_base(ids)}/{risk.id}/edit",
                       data={**old, "owner": "Eerste"}).status_code == 302
    response = editor.post(f"{_base(ids)}/{risk.id}/edit", data={**old, "owner": "Tweede"})
    assert response.status_code == 422
    page = _text(response)
    assert 'value="Tweede"' in page
    with demo.app_context():
        assert db.session.get(Risk, risk.id).owner == "Eerste"


def test_form_errors_are_next_to_the_field(login, ids, demo):
    risk = _risk(demo, MAIL_ABROAD)
    editor = login("editor")
    response = editor.post(f"{_base(ids)}/{risk.id}/edit", data=_form(
        demo, risk.id, threat_key="", threat_text="", title=""))
    assert response.status_code == 422
    page = _text(response)
    assert 'id="title-error"' in page
    response = editor.post(f"{_base(ids)}/{risk.id}/edit", data=_form(
        demo, risk.id, threat_key="", threat_text=""))
    assert response.status_code == 422
    assert 'id="threat_text-error"' in _text(response)
    response = editor.post(f"{_base(ids)}/{risk.id}/edit", data=_form(
        demo, risk.id, residual_likelihood=2, residual_impact=0))
    assert response.status_code == 422
    assert 'id="residual_impact-error"' in _text(response)
    response = editor.post(f"{_base(ids)}/{risk.id}/edit", data=_form(demo, risk.id, aspects=[]))
    assert response.status_code == 422
    assert 'id="aspects-error"' in _text(response)
    with demo.app_context():
        assert db.session.get(Risk, risk.id).version == risk.version


def test_a_new_risk_from_the_item_page_starts_with_its_systems(login, ids, demo):
    with demo.app_context():
        item = db.session.scalar(db.select(RoadmapItem).where(
            RoadmapItem.title == "Nieuw intranet in SharePoint Online"))
        item_id, system_id = item.id, item.systems[0].id
    editor = login("editor")
    item_page = _text(editor.get(f"/programmes/{ids['programme']}/technology/roadmap/{item_id}"))
    assert f"/risks?item={item_id}" in item_page and f"/risks/new?item={item_id}" in item_page
    form = _text(editor.get(f"{_base(ids)}/new?item={item_id}"))
    assert f'<option selected value="{item_id}">' in form
    checked = re.findall(r'<input checked[^>]*name="systems"[^>]*value="(\d+)"', form)
    assert checked == [str(system_id)]
    response = editor.post(f"{_base(ids)}/new", data={
        "roadmap_item_id": item_id, "title": "Verouderde pagina's met persoonsgegevens",
        "threat_key": "sharing_leak", "threat_text": "", "vulnerability": "",
        "aspects": ["confidentiality"], "systems": [system_id], "inherent_likelihood": 3,
        "inherent_impact": 3, "residual_likelihood": 0, "residual_impact": 0,
        "treatment": "mitigate", "owner": "Communicatie", "review_on": "",
    })
    assert response.status_code == 302
    page = _text(_english(editor).get(_base(ids)))
    assert "has no risk yet: Nieuw intranet" not in page


# ----------------------------------------------------------------------------- integrity
def test_deleting_a_roadmap_item_or_system_takes_its_risks_or_links_along(login, ids, demo):
    risk = _risk(demo, "Accounts overgenomen tijdens de hybride koppeling")
    editor = login("editor")
    with demo.app_context():
        system_id = db.session.get(Risk, risk.id).systems[0].id
    technology = f"/programmes/{ids['programme']}/technology"
    assert editor.post(f"{technology}/systems/{system_id}/delete").status_code == 302
    with demo.app_context():
        assert db.session.get(Risk, risk.id).systems == []
    assert editor.post(f"{technology}/roadmap/{risk.roadmap_item_id}/delete").status_code == 302
    with demo.app_context():
        assert db.session.get(Risk, risk.id) is None
        assert db.session.scalar(
            db.select(RiskMeasure).where(RiskMeasure.risk_id == risk.id)) is None


def test_the_risk_checks_cost_the_same_number_of_queries_for_any_register(demo, ids):
    from sqlalchemy import event

    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps import panels

    def count(function) -> int:
        statements = []

        def listener(*_args):
            statements.append(1)

        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            function()
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    with demo.app_context():
        programme = db.session.get(Programme, ids["programme"])
        before = count(lambda: panels.checks_for(programme, "strategy", "technology"))
        item = db.session.scalar(db.select(RoadmapItem).where(
            RoadmapItem.programme_id == programme.id))
        for n in range(20):
            created = services.create_risk(
                programme, [s.id for s in item.systems], ["confidentiality"],
                roadmap_item_id=item.id, title=f"Extra {n}", threat_key="phishing",
                inherent_likelihood=3, inherent_impact=3, treatment="accept")
            services.add_measure(programme, created, description="Iets", status="planned")
        db.session.commit()
        db.session.expire_all()
        programme = db.session.get(Programme, ids["programme"])
        after = count(lambda: panels.checks_for(programme, "strategy", "technology"))
        assert after == before


def _matrix_form(**cells) -> dict:
    data = {f"likelihood_{n}": f"K{n}" for n in range(1, 6)}
    data |= {f"impact_{n}": f"I{n}" for n in range(1, 6)}
    data |= {f"cell_{lk}_{im}": "low" for lk in range(1, 6) for im in range(1, 6)}
    return data | cells


def test_two_people_saving_the_first_matrix_at_once_lose_nothing(login, ids, demo):
    """Nobody has changed the default matrix yet; two people open it and press save at the same
    moment. One save lands; the other gets the form back with a message and their input, and a
    deliberate second save then replaces the first."""
    import threading

    from workplace_planner.steps.strategy.risks.models import RiskMatrix

    url = f"{_base(ids)}/matrix"
    first, second = login("editor"), login("admin")
    forms = [_matrix_form(cell_1_1="medium"), _matrix_form(cell_1_1="critical")]
    for client in (first, second):
        assert client.get(url).status_code == 200
    start = threading.Barrier(2)
    answers: list = [None, None]

    def save(index, client):
        start.wait()
        response = client.post(url, data=forms[index])
        answers[index] = (response.status_code, _text(response))

    threads = [threading.Thread(target=save, args=(i, c)) for i, c in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(code for code, _ in answers) == [302, 422], [code for code, _ in answers]
    winner = 0 if answers[0][0] == 302 else 1
    loser = 1 - winner
    refused = answers[loser][1]
    assert "Iemand anders heeft" in refused
    kept = re.search(r'name="cell_1_1".*?</select>', refused, re.S).group(0)
    assert f'selected value="{forms[loser]["cell_1_1"]}"' in kept  # their input is kept
    with demo.app_context():
        saved = db.session.scalars(db.select(RiskMatrix).where(
            RiskMatrix.programme_id == ids["programme"])).all()
        assert len(saved) == 1 and saved[0].levels[0][0] == forms[winner]["cell_1_1"]
    # The refused form now carries the saved version: saving it again is a deliberate choice.
    version = re.search(r'name="version"[^>]*value="(\d+)"', answers[loser][1]).group(1)
    again = (first, second)[loser].post(url, data=forms[loser] | {"version": version})
    assert again.status_code == 302
    with demo.app_context():
        matrix = db.session.scalar(db.select(RiskMatrix).where(
            RiskMatrix.programme_id == ids["programme"]))
        assert matrix.levels[0][0] == forms[loser]["cell_1_1"]


def test_a_long_register_is_paged_and_the_filters_stay(login, ids, demo, monkeypatch):
    """A programme with hundreds of risks shows the register a page at a time; the caption
    counts every risk that matches, the links keep the filters and a page past the end shows
    the last page."""
    from workplace_planner.steps.strategy.risks import views

    with demo.app_context():
        titles = db.session.scalars(db.select(Risk.title).where(
            Risk.programme_id == ids["programme"]).order_by(Risk.roadmap_item_id, Risk.id)).all()
    assert len(titles) > 4
    monkeypatch.setattr(views, "RISKS_PER_PAGE", 3)
    client = login("reviewer")

    def shown(url):
        page = _text(client.get(url))
        table = page[page.index('id="risk-register"'):page.index("</table>",
                                                                  page.index('id="risk-register"'))]
        return page, [t for t in titles if f">{t}</a>" in table]

    first, on_first = shown(_base(ids))
    assert on_first == titles[:3]
    assert f"{len(titles)} van {len(titles)} risico's · 1–3 van {len(titles)}" in first
    assert 'rel="next"' in first and f"Pagina 1 van {-(-len(titles) // 3)}" in first
    _, on_second = shown(f"{_base(ids)}?page=2")
    assert on_second == titles[3:6]
    _, on_last = shown(f"{_base(ids)}?page=99")
    assert on_last == titles[(len(titles) - 1) // 3 * 3:]

    with_query, _ = shown(f"{_base(ids)}?item=0&owner=")
    link = re.search(r'rel="next" href="([^"]+)"', with_query).group(1)
    assert "item=0" in link and "page=2" in link


def test_risks_per_item_are_shown_a_page_of_items_at_a_time(login, ids, demo, monkeypatch):
    from workplace_planner.steps.strategy.risks import views

    with demo.app_context():
        items = db.session.scalars(db.select(RoadmapItem).where(
            RoadmapItem.programme_id == ids["programme"])).all()
        with_risks = {r.roadmap_item_id for r in db.session.scalars(db.select(Risk))}
    monkeypatch.setattr(views, "ITEMS_PER_PAGE", 4)
    client = login("reviewer")
    pages = -(-len(items) // 4)
    seen = []
    for number in range(1, pages + 1):
        page = _text(client.get(f"{_base(ids)}/by-item?page={number}"))
        sections = re.findall(r'id="roadmap-item-(\d+)"', page)
        assert len(sections) == (4 if number < pages else len(items) - 4 * (pages - 1))
        assert f"Pagina {number} van {pages}" in page
        seen += [int(s) for s in sections]
    assert sorted(seen) == sorted(i.id for i in items)  # every item once, with its risks
    item = next(i for i in items if i.id in with_risks)
    number = seen.index(item.id) // 4 + 1
    page = _text(client.get(f"{_base(ids)}/by-item?page={number}"))
    section = page[page.index(f'id="roadmap-item-{item.id}"'):]
    section = section[:section.index("</section>")]
    with demo.app_context():
        titles = db.session.scalars(db.select(Risk.title).where(
            Risk.roadmap_item_id == item.id)).all()
    assert all(title in section for title in titles)


def test_the_register_lists_the_first_points_to_check_and_all_on_request(login, ids, monkeypatch):
    from workplace_planner.steps.strategy.risks import views

    monkeypatch.setattr(views, "FINDINGS_SHOWN", 1)
    client = login("reviewer")

    def points(page):
        box = page[page.index('id="findings"'):]
        box = box[:box.index("</ul>")]
        return box.count("<li>"), int(re.search(r"(\d+) (?:punt|punten) om na te lopen",
                                                 page).group(1))

    short = _text(client.get(f"{_base(ids)}?treatment=mitigate"))
    listed, total = points(short)
    assert total > 1 and listed == 1
    link = re.search(rf'href="([^"]+)#findings">Alle {total} punten tonen', short).group(1)
    assert "treatment=mitigate" in link and "findings=all" in link
    listed_all, _ = points(_text(client.get(link)))
    assert listed_all == total
