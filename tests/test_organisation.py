"""The organisation page, participating municipalities and member management."""

import html

from conftest import log_in

from workplace_planner.auth.models import Membership, Participant, Role, User
from workplace_planner.extensions import db


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_everyone_sees_the_participants_with_dutch_numbers(login):
    page = _text(login("reviewer").get("/organisation"))
    assert "Gemeente Merwedal" in page
    assert "46.200" in page  # inhabitants of Lingewaard-Oost, Dutch thousands separator
    assert "1.315" in page  # total headcount 640 + 410 + 265


def test_admin_adds_a_participant_typed_in_dutch_notation(login, demo):
    response = login("admin").post(
        "/organisation/participants",
        data={"name": "Gemeente Polderwijk", "headcount": "1.250", "inhabitants": "61.300"},
    )
    assert response.status_code == 302
    with demo.app_context():
        added = db.session.scalar(
            db.select(Participant).where(Participant.name == "Gemeente Polderwijk")
        )
        assert (added.headcount, added.inhabitants) == (1250, 61300)


def test_a_bad_participant_is_refused_next_to_the_field_and_input_kept(login):
    response = login("admin").post(
        "/organisation/participants",
        data={"name": "Gemeente Merwedal", "headcount": "veel", "inhabitants": "-5"},
    )
    assert response.status_code == 422
    page = _text(response)
    assert 'id="headcount-error"' in page and 'id="inhabitants-error"' in page
    assert 'value="veel"' in page


def test_a_duplicate_participant_name_is_refused(login):
    response = login("admin").post(
        "/organisation/participants",
        data={"name": "Gemeente Merwedal", "headcount": "10", "inhabitants": "100"},
    )
    assert response.status_code == 422
    assert "bestaat al" in _text(response) or 'id="name-error"' in _text(response)


def test_admin_edits_and_removes_a_participant(login, ids, demo):
    client = login("admin")
    url = f"/organisation/participants/{ids['participant']}"
    with demo.app_context():
        version = db.session.get(Participant, ids["participant"]).version
    response = client.post(
        url, data={"version": version, "name": "Gemeente Nieuw-Lingewaard",
                   "headcount": "700", "inhabitants": "47.000"}
    )
    assert response.status_code == 302
    assert "Gemeente Nieuw-Lingewaard" in _text(client.get("/organisation"))
    assert client.post(url + "/delete").status_code == 302
    assert client.get(url).status_code == 404


def test_admin_adds_a_new_member_who_can_log_in_with_the_first_password(login, demo):
    response = login("admin").post(
        "/organisation/members",
        data={"email": "nieuw@demo.example", "name": "Nina Nieuw", "role": "reviewer"},
    )
    page = _text(response)
    assert response.status_code == 200
    password = page.split('<strong class="wp-secret">')[1].split("<")[0]
    client = demo.test_client()
    assert log_in(client, "nieuw@demo.example", password).status_code == 302
    assert client.post(
        "/programmes/new", data={"name": "x", "start_year": "2027", "horizon_years": "5"}
    ).status_code == 403


def test_adding_an_existing_user_of_another_organisation_makes_them_a_member(login, demo):
    response = login("admin").post(
        "/organisation/members",
        data={"email": "admin@other.example", "name": "", "role": "reviewer"},
    )
    assert response.status_code == 200
    assert "wp-secret" not in response.get_data(as_text=True)  # they keep their password


def test_invalid_member_email_is_refused_next_to_the_field(login):
    response = login("admin").post(
        "/organisation/members", data={"email": "geen-adres", "role": "editor"}
    )
    assert response.status_code == 422
    assert 'id="email-error"' in response.get_data(as_text=True)


def test_admin_changes_a_role_and_removes_a_member(login, ids, demo):
    client = login("admin")
    client.post(f"/organisation/members/{ids['editor_membership']}/role", data={"role": "reviewer"})
    with demo.app_context():
        assert db.session.get(Membership, ids["editor_membership"]).role is Role.REVIEWER
    client.post(f"/organisation/members/{ids['editor_membership']}/remove")
    with demo.app_context():
        assert db.session.get(Membership, ids["editor_membership"]) is None
        assert db.session.scalar(db.select(User).where(User.email == "editor@demo.example"))


def test_the_last_administrator_cannot_be_demoted_or_removed(login, demo):
    client = login("admin")
    with demo.app_context():
        admin = db.session.scalar(
            db.select(Membership).join(Membership.user).where(User.email == "admin@demo.example")
        )
        admin_id = admin.id
    client.post(f"/organisation/members/{admin_id}/role", data={"role": "editor"})
    client.post(f"/organisation/members/{admin_id}/remove")
    with demo.app_context():
        assert db.session.get(Membership, admin_id).role is Role.ADMIN
    assert "minstens één beheerder" in _text(client.get("/organisation/members"))


def test_a_removed_member_loses_access_at_once(login, ids, demo):
    editor = login("editor")
    login("admin").post(f"/organisation/members/{ids['editor_membership']}/remove")
    assert editor.get(f"/programmes/{ids['programme']}").status_code == 403
