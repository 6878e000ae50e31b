"""The BIA pages: recording a process (RTO within the maximum tolerable downtime, impact that
never decreases, stale saves), the scenarios and the roadmap effect on the demo, charts,
exports, the dashboard, and who may do what. The pages are read in English (the message ids),
so the tests hold whatever the Dutch catalogue says; durations are typed in Dutch."""

from __future__ import annotations

import html
import io
import re

import pytest
from openpyxl import load_workbook

from workplace_planner.extensions import db
from workplace_planner.steps.strategy.continuity.models import BiaEntry
from workplace_planner.steps.strategy.technology.choices import Hosting
from workplace_planner.steps.strategy.technology.models import System


@pytest.fixture
def login(login):
    """Like the shared fixture, with the user interface in English."""

    def as_role(role: str):
        client = login(role)
        client.post("/language", data={"language": "en", "next": "/programmes"})
        return client

    return as_role


def _base(ids) -> str:
    return f"/programmes/{ids['programme']}/bia"


def _count(demo) -> int:
    with demo.app_context():
        return db.session.scalar(db.select(db.func.count(BiaEntry.id)))


def _system_ids(demo, *names) -> list[int]:
    with demo.app_context():
        return [db.session.scalar(db.select(System.id).where(System.name == n)) for n in names]


def _form(demo, **extra) -> dict:
    data = {
        "name": "Afvalinzameling", "owner": "Team Afval", "mtd_hours": "3 dagen",
        "rto_hours": "1 dag", "rpo_hours": "4 uur", "has_fallback": "y",
        "fallback": "Routes op papier", "availability": "high", "integrity": "medium",
        "confidentiality": "low", "systems": _system_ids(demo, "Parkeervergunningen"),
        "impact_citizens_4": "1", "impact_citizens_24": "2", "impact_citizens_72": "3",
        "impact_citizens_168": "4", "impact_safety_168": "2",
    }
    data.update(extra)
    return data


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_an_editor_records_a_process(login, ids, demo):
    client = login("editor")
    response = client.post(f"{_base(ids)}/new", data=_form(demo))
    assert response.status_code == 302
    page = _page(client.get(response.headers["Location"]))
    assert "Afvalinzameling" in page and "Team Afval" in page
    assert "3 days" in page and "1 day" in page and "4 hours" in page
    assert 'id="impact-table"' in page and "Parkeervergunningen" in page
    with demo.app_context():
        entry = db.session.scalar(db.select(BiaEntry).where(BiaEntry.name == "Afvalinzameling"))
        assert (entry.mtd_hours, entry.rto_hours, entry.rpo_hours) == (72, 24, 4)
        assert entry.impacts["citizens"] == [1, 2, 3, 4]
        assert entry.impacts["safety"] == [None, None, None, 2]
        assert entry.highest_impact == 4 and entry.has_fallback


def test_an_rto_beyond_the_maximum_tolerable_downtime_is_refused(login, ids, demo):
    before = _count(demo)
    response = login("editor").post(f"{_base(ids)}/new",
                                    data=_form(demo, mtd_hours="1 dag", rto_hours="25 uur"))
    assert response.status_code == 422
    page = _page(response)
    error = re.search(r'id="rto_hours-error">(.*?)</div>', page, re.S)
    assert error and "maximum tolerable downtime" in error.group(1)
    assert 'value="25 uur"' in page  # the input is kept
    assert _count(demo) == before


def test_an_rto_equal_to_the_maximum_tolerable_downtime_is_accepted(login, ids, demo):
    before = _count(demo)
    response = login("editor").post(f"{_base(ids)}/new",
                                    data=_form(demo, mtd_hours="1 dag", rto_hours="24"))
    assert response.status_code == 302
    assert _count(demo) == before + 1


def test_impact_that_decreases_over_time_is_refused(login, ids, demo):
    before = _count(demo)
    response = login("editor").post(
        f"{_base(ids)}/new", data=_form(demo, impact_citizens_72="1"))
    assert response.status_code == 422
    assert 'id="impact_citizens_72-error"' in _page(response)
    assert _count(demo) == before


def test_a_duration_people_cannot_read_is_a_field_error(login, ids, demo):
    response = login("editor").post(f"{_base(ids)}/new", data=_form(demo, mtd_hours="lang"))
    assert response.status_code == 422
    assert 'id="mtd_hours-error"' in _page(response)


def test_a_stale_edit_is_refused(login, ids, demo):
    client = login("editor")
    url = f"{_base(ids)}/{ids['bia_entry']}/edit"
    with demo.app_context():
        entry = db.session.get(BiaEntry, ids["bia_entry"])
        version, name = entry.version, entry.name
    first = client.post(url, data=_form(demo, name=name, owner="Eerste", version=version))
    assert first.status_code == 302
    second = client.post(url, data=_form(demo, name=name, owner="Tweede", version=version))
    assert second.status_code == 422
    assert "Someone else saved a change" in _page(second)
    with demo.app_context():
        assert db.session.get(BiaEntry, ids["bia_entry"]).owner == "Eerste"


def test_a_reviewer_sees_everything_but_cannot_change_it(login, ids, demo):
    client = login("reviewer")
    base = _base(ids)
    for path in ("", f"/{ids['bia_entry']}", "/scenarios", "/roadmap", "/matrix",
                 "/heat-map"):
        response = client.get(base + path)
        assert response.status_code == 200, path
    assert "Add a process" not in _page(client.get(base))
    assert f"{ids['bia_entry']}/edit" not in _page(client.get(f"{base}/{ids['bia_entry']}"))
    before = _count(demo)
    assert client.post(f"{base}/new", data=_form(demo)).status_code == 403
    assert client.post(f"{base}/{ids['bia_entry']}/edit", data=_form(demo)).status_code == 403
    assert client.post(f"{base}/{ids['bia_entry']}/delete").status_code == 403
    assert _count(demo) == before


def test_another_organisation_gets_not_found(login, ids):
    client = login("outsider")
    base = _base(ids)
    for path in ("", f"/{ids['bia_entry']}", f"/{ids['bia_entry']}/chart.svg", "/scenarios",
                 "/register.csv"):
        assert client.get(base + path).status_code == 404, path
    own = f"/programmes/{ids['other_programme']}/bia/{ids['bia_entry']}"
    assert client.get(own).status_code == 404


def _scenario_rows(page: str) -> set[str]:
    table = page[page.index('id="scenario-table"'):page.index("</table>",
                                                              page.index('id="scenario-table"'))]
    return set(re.findall(r'scope="row"><a class="utrecht-link" href="[^"]+">([^<]+)</a>', table))


def _expected(demo, ids, hostings, situation="now") -> set[str]:
    """The demo processes that depend on a system hosted in one of the hostings."""
    with demo.app_context():
        entries = db.session.scalars(db.select(BiaEntry).where(
            BiaEntry.programme_id == ids["programme"])).all()

        def hosting(s):
            if situation == "now":
                return s.hosting
            return None if s.target and s.target.value == "retire" else (
                s.target_hosting or s.hosting)

        return {e.name for e in entries if any(hosting(s) in hostings for s in e.systems)}


def test_an_internet_outage_lists_exactly_the_dependent_demo_processes(login, ids, demo):
    client = login("reviewer")
    cloud = {Hosting.PUBLIC_CLOUD, Hosting.SAAS}
    now = _page(client.get(f"{_base(ids)}/scenarios?kind=internet&situation=now"))
    assert _scenario_rows(now) == _expected(demo, ids, cloud) == {"Parkeervergunningen"}
    assert "No fallback" in now

    after = _page(client.get(f"{_base(ids)}/scenarios?kind=internet&situation=target"))
    expected = _expected(demo, ids, cloud, "target")
    assert _scenario_rows(after) == expected
    assert len(expected) >= 8  # after the roadmap nearly everything runs over the internet


def test_the_identity_provider_scenario_and_an_outage_duration(login, ids, demo):
    client = login("reviewer")
    page = _page(client.get(f"{_base(ids)}/scenarios?kind=identity&situation=now&outage=2+dagen"))
    with demo.app_context():
        entries = db.session.scalars(db.select(BiaEntry)).all()
        expected = {e.name for e in entries if any(s.name == "Active Directory" for s in e.systems)}
    assert _scenario_rows(page) == expected
    assert "beyond the maximum tolerable downtime" in page


def test_a_saas_supplier_needs_a_saas_system(login, ids, demo):
    client = login("reviewer")
    [exchange, parking] = _system_ids(demo, "Exchange 2016", "Parkeervergunningen")
    refused = client.get(f"{_base(ids)}/scenarios?kind=saas_supplier&situation=now"
                         f"&system_id={exchange}")
    assert refused.status_code == 422 and 'id="system_id-error"' in _page(refused)
    page = _page(client.get(f"{_base(ids)}/scenarios?kind=saas_supplier&situation=now"
                            f"&system_id={parking}"))
    assert _scenario_rows(page) == {"Parkeervergunningen"}


def test_the_roadmap_effect_on_the_demo(login, ids):
    page = _page(login("reviewer").get(f"{_base(ids)}/roadmap"))
    summary_end = page.index("</table>", page.index('id="roadmap-summary"'))
    summary = page[page.index('id="roadmap-summary"'):summary_end]
    identity_row = summary[summary.index("Identiteit naar Entra ID"):]
    identity_row = identity_row[:identity_row.index("</tr>")]
    assert "Sociaal domein: Wmo, jeugd en schuldhulp" in identity_row
    start = page.index("Identiteit naar Entra ID", summary_end)
    section = page[start:page.index("</table>", start)]
    # Active Directory moves to SaaS: everything that depends on it gains an internet
    # dependency; the social domain has no fallback and an RTO of 4 hours.
    assert "Sociaal domein: Wmo, jeugd en schuldhulp" in section
    assert "Burgerzaken: balie en reisdocumenten" in section
    row = section[section.index("Sociaal domein"):]
    row = row[:row.index("</tr>")]
    assert "wp-warning-text" in row
    # Back-up moves to a public cloud; no BIA process depends on it, so no section.
    assert "Back-up naar een Nederlands clouddatacenter" not in page


def test_charts_render(login, ids):
    client = login("reviewer")
    for path in (f"/{ids['bia_entry']}/chart.svg", "/heat-map.svg"):
        response = client.get(_base(ids) + path)
        assert response.status_code == 200 and response.mimetype == "image/svg+xml"
        assert b"<svg" in response.data
    heat = _page(client.get(f"{_base(ids)}/heat-map"))
    assert 'id="heat-table"' in heat and "Klantcontactcentrum (KCC)" in heat


def test_the_dependency_matrix_marks_internet_dependencies(login, ids):
    client = login("reviewer")
    now = _page(client.get(f"{_base(ids)}/matrix"))
    target = _page(client.get(f"{_base(ids)}/matrix?situation=target"))
    assert 'id="dependency-matrix"' in now
    assert now.count('class="wp-bia-internet"') < target.count('class="wp-bia-internet"')


def test_the_register_exports(login, ids, demo):
    client = login("reviewer")
    csv = client.get(f"{_base(ids)}/register.csv").get_data(as_text=True)
    assert csv.lstrip("\ufeff").startswith("name,owner,")  # English: comma-separated
    assert "Parkeervergunningen" in csv
    xlsx = client.get(f"{_base(ids)}/register.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.data)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert "mtd_hours" in header and "citizens_4h" in header and "safety_168h" in header
    assert sheet.max_row - 1 == _count(demo)


def test_the_dashboard_and_step_page_show_the_bia(login, ids):
    client = login("reviewer")
    dashboard = _page(client.get(f"/programmes/{ids['programme']}"))
    checks = dashboard[dashboard.index("Every BIA process has an owner") - 200:]
    assert "Met:</span> Every BIA process has an owner" in checks
    # Half the demo processes that will depend on the internet have no fallback yet.
    assert ("Not met yet:</span> Every process that depends on the internet has a fallback "
            "(5 / 10)") in checks
    assert dashboard.index("A baseline and at least one alternative") < \
        dashboard.index("Every BIA process")
    step = _page(client.get(f"/programmes/{ids['programme']}/steps/strategy/organisation"))
    assert 'id="bia-heading"' in step
    assert f"/programmes/{ids['programme']}/bia/scenarios" in step


def test_odd_scenario_questions_are_answered_not_crashed(login, ids):
    client = login("reviewer")
    base = _base(ids)
    for query in ("kind=meteor", "kind=system&system_id=abc", "kind=system&system_id=0",
                  "kind=internet&outage=-1", "kind=internet&outage=12+maanden",
                  "situation=later", "kind=system&system_id=2147483647"):
        response = client.get(f"{base}/scenarios?{query}")
        assert response.status_code == 422, query
        assert 'role="alert"' in response.get_data(as_text=True) or "-error" in \
            response.get_data(as_text=True)
    assert client.get(f"{base}/roadmap?recovery=gauw").status_code == 422
    longer = _page(client.get(f"{base}/roadmap?recovery=2+dagen"))
    assert 'value="2 days"' in longer
    # With two days for an outside outage, the council support (RTO one day) is flagged too.
    summary = longer[longer.index('id="roadmap-summary"'):]
    summary = summary[:summary.index("</table>")]
    assert "Raadsondersteuning en griffie" in summary


def _pager(page: str) -> str:
    """The text of the page links, e.g. "Page 1 of 2 (1–25 of 28) Next page"."""
    nav = re.search(r'<nav class="wp-pagination".*?</nav>', page, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", nav.group(0)).split()) if nav else ""


def _summary_titles(page: str) -> list[str]:
    start = page.index('id="roadmap-summary"')
    table = page[start:page.index("</table>", start)]
    return re.findall(r'href="#item-\d+">([^<]+)</a>', table)


def test_a_long_roadmap_effect_is_paged(login, ids, demo):
    """More roadmap items that change a process than fit on one page: the first page says how
    many there are in all and links on, the second shows the rest, a page past the end shows
    the last page."""
    from workplace_planner.programmes.models import Programme
    from workplace_planner.steps.strategy.continuity.services import ROADMAP_PAGE_SIZE
    from workplace_planner.steps.strategy.technology import services as technology

    client = login("reviewer")
    base = f"{_base(ids)}/roadmap"
    page = _page(client.get(base))
    before = _summary_titles(page)
    assert _pager(page) == ""  # the demo's items fit on one page
    extra = ROADMAP_PAGE_SIZE + 3 - len(before)
    assert extra > 0
    with demo.test_request_context():
        programme = db.session.get(Programme, ids["programme"])
        active_directory = db.session.scalar(db.select(System.id).where(
            System.programme_id == programme.id, System.name == "Active Directory"))
        for number in range(extra):  # without a quarter: last on the roadmap
            technology.create_item(programme, {"system_ids": [active_directory]},
                                   title=f"Extra koppeling {number + 1:02d}")
        db.session.commit()
    total = len(before) + extra

    first = _page(client.get(base))
    assert f"{total} roadmap items change the internet dependency" in first
    assert f"Page 1 of 2 (1–{ROADMAP_PAGE_SIZE} of {total})" in _pager(first)
    assert 'rel="next"' in first and 'rel="prev"' not in first
    shown_first = _summary_titles(first)
    assert len(shown_first) == ROADMAP_PAGE_SIZE

    second = _page(client.get(f"{base}?page=2"))
    shown_second = _summary_titles(second)
    assert len(shown_second) == total - ROADMAP_PAGE_SIZE
    assert shown_second[-1] == f"Extra koppeling {extra:02d}"
    assert not set(shown_first) & set(shown_second)
    assert set(shown_first) | set(shown_second) == set(before) | {
        f"Extra koppeling {n + 1:02d}" for n in range(extra)}
    assert f"Page 2 of 2 ({ROADMAP_PAGE_SIZE + 1}–{total} of {total})" in _pager(second)
    assert f"{total} roadmap items change the internet dependency" in second  # all of them
    # Every process listed under the items links to its own page.
    entry = re.search(r'scope="row"><a class="utrecht-link" href="(/programmes/\d+/bia/\d+)"',
                      second)
    assert entry and client.get(entry.group(1)).status_code == 200

    past = _page(client.get(f"{base}?page=99"))
    assert _summary_titles(past) == shown_second and "Page 2 of 2" in _pager(past)

    # The page links keep the recovery time; only the flagged items are a shorter list.
    longer = _page(client.get(f"{base}?recovery=2+dagen"))
    assert re.search(r'href="[^"]*recovery=2\+dagen[^"]*page=2|href="[^"]*page=2[^"]*'
                     r'recovery=2\+dagen', longer)
    flagged = _page(client.get(f"{base}?flagged=y"))
    assert 0 < len(_summary_titles(flagged)) < len(shown_first)
    summary = flagged[flagged.index('id="roadmap-summary"'):]
    summary = summary[summary.index("<tbody"):summary.index("</tbody>")]
    assert summary.count("<tr ") == summary.count("wp-row--warning")
    assert f"{total} roadmap items change the internet dependency" in flagged
