"""The organisation's change log (admins and reviewers), and two people saving the same
business-case line at the same moment: one is refused, nothing is lost."""

from __future__ import annotations

import csv as csv_module
import io
import re
import threading
from datetime import date, timedelta
from decimal import Decimal
from html.parser import HTMLParser

from workplace_planner.audit import AuditEntry
from workplace_planner.extensions import db
from workplace_planner.steps.strategy.organisation.models import CaseLine


class _FormReader(HTMLParser):
    """The values a browser would send for the first form with a version field."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._in_form = False
        self._done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._done:
            return
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._in_form, self.data = True, {}
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.data.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form" and self._in_form:
            self._in_form = False
            self._done = "version" in self.data


def _form_of(client, url: str) -> dict[str, list[str]]:
    reader = _FormReader()
    reader.feed(client.get(url).get_data(as_text=True))
    assert "version" in reader.data, url
    return reader.data


def _first_line(app) -> tuple[int, int]:
    with app.app_context():
        line = db.session.scalar(
            db.select(CaseLine).where(CaseLine.driver_type == "fixed").order_by(CaseLine.id)
        )
        return line.programme_id, line.id


def _edit_url(programme_id: int, line_id: int) -> str:
    return f"/programmes/{programme_id}/business-case/lines/{line_id}/edit"


def test_a_changed_line_shows_in_the_change_log_with_readable_names(login, demo):
    programme_id, line_id = _first_line(demo)
    editor = login("editor")
    url = _edit_url(programme_id, line_id)
    data = _form_of(editor, url)
    data["amount"] = ["98.765,43"]
    assert editor.post(url, data=data).status_code == 302

    for role in ("admin", "reviewer"):
        page = login(role).get("/organisation/changes").get_data(as_text=True)
        assert "Regel van de business case" in page  # the kind, in Dutch
        assert "98765.43" in page
        assert "Bram Jansen" in page  # who: the demo editor
    for role in ("editor", "workshop_lead"):
        assert login(role).get("/organisation/changes").status_code == 403
    # Another organisation's log never shows ours.
    assert "98765.43" not in login("outsider").get("/organisation/changes").get_data(
        as_text=True)


def test_the_log_filters_by_kind_person_and_period_and_exports(login, demo):
    programme_id, line_id = _first_line(demo)
    editor = login("editor")
    url = _edit_url(programme_id, line_id)
    data = _form_of(editor, url)
    data["name"] = ["=HYPERLINK(\"http://example.com\")"]
    assert editor.post(url, data=data).status_code == 302
    with demo.app_context():
        editor_id = db.session.scalar(
            db.select(AuditEntry.user_id).where(AuditEntry.object_id == line_id,
                                                AuditEntry.object_type == "CaseLine",
                                                AuditEntry.user_id.is_not(None)))
    admin = login("admin")
    today = date.today()
    page = admin.get(f"/organisation/changes?kind=CaseLine&user={editor_id}"
                     f"&since={today}&until={today}").get_data(as_text=True)
    assert "HYPERLINK" in page
    page = admin.get("/organisation/changes?kind=RoadmapItem").get_data(as_text=True)
    assert "HYPERLINK" not in page
    page = admin.get(f"/organisation/changes?until={today - timedelta(days=1)}").get_data(
        as_text=True)
    assert "HYPERLINK" not in page
    csv = admin.get(f"/organisation/changes.csv?kind=CaseLine&user={editor_id}")
    text = csv.get_data(as_text=True)
    assert csv.status_code == 200 and "HYPERLINK" in text
    cells = [cell for row in csv_module.reader(io.StringIO(text.lstrip("\ufeff")),
                                               delimiter=";") for cell in row]
    assert "'=HYPERLINK(\"http://example.com\")" in cells  # the object's name, made inert
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert admin.get("/organisation/changes.xlsx").status_code == 200


def test_a_deleted_line_keeps_its_name_in_the_log(login, demo):
    programme_id, line_id = _first_line(demo)
    with demo.app_context():
        name = db.session.get(CaseLine, line_id).name
    editor = login("editor")
    assert editor.post(
        f"/programmes/{programme_id}/business-case/lines/{line_id}/delete"
    ).status_code == 302
    page = login("reviewer").get("/organisation/changes?kind=CaseLine").get_data(as_text=True)
    assert "verwijderd" in page and name in page


def test_the_log_is_paged(login, demo):
    from workplace_planner import audit_log

    with demo.app_context():
        organisation_id = db.session.scalar(
            db.select(CaseLine.organisation_id).limit(1))
        for number in range(audit_log.PAGE_SIZE + 5):
            db.session.add(AuditEntry(
                organisation_id=organisation_id, object_type="CaseLine", object_id=1,
                object_label=f"regel {number}", action="updated",
                changes={"amount": {"old": "1", "new": str(number)}},
            ))
        db.session.commit()
    admin = login("admin")
    first = admin.get("/organisation/changes").get_data(as_text=True)
    pages = int(re.search(r"Pagina 1 van (\d+)", first).group(1))
    assert pages >= 2
    assert "regel 54" in first and "regel 0" not in first  # newest first
    last = admin.get(f"/organisation/changes?page={pages}").get_data(as_text=True)
    assert f"Pagina {pages} van {pages}" in last and 'rel="next"' not in last
    assert admin.get("/organisation/changes?page=99").status_code == 200


def test_two_people_save_the_same_line_at_once_and_one_is_refused(login, demo):
    """Both open the line, both press save at the same moment. Exactly one save lands; the
    other person gets the form back with their input and what the first one saved."""
    programme_id, line_id = _first_line(demo)
    url = _edit_url(programme_id, line_id)
    first, second = login("editor"), login("admin")
    forms = [_form_of(first, url), _form_of(second, url)]
    forms[0]["amount"] = ["11.111,11"]
    forms[1]["amount"] = ["22.222,22"]
    forms[1]["note"] = ["Prijs volgens nieuwe offerte"]
    start = threading.Barrier(2)
    answers: list = [None, None]

    def save(index, client):
        start.wait()
        response = client.post(url, data=forms[index])
        answers[index] = (response.status_code, response.get_data(as_text=True))

    threads = [threading.Thread(target=save, args=(i, c)) for i, c in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    codes = sorted(code for code, _ in answers)
    assert codes == [302, 422], codes
    winner = 0 if answers[0][0] == 302 else 1
    loser = 1 - winner
    refused_page = answers[loser][1]
    assert "Iemand anders heeft" in refused_page  # the stale-save message
    assert forms[loser]["amount"][0] in refused_page  # the loser's input is kept
    assert re.search(r"Nu opgeslagen:.*Bedrag", refused_page, re.S)
    with demo.app_context():
        line = db.session.get(CaseLine, line_id)
        saved = Decimal(forms[winner]["amount"][0].replace(".", "").replace(",", "."))
        assert line.amount == saved
        updates = db.session.scalar(
            db.select(db.func.count()).select_from(AuditEntry)
            .where(AuditEntry.object_type == "CaseLine", AuditEntry.object_id == line_id,
                   AuditEntry.action == "updated"))
        assert updates == 1  # the refused save left no trace
