"""Logging in and out, passwords, and CSRF."""

from conftest import PASSWORD, log_in

from workplace_planner.auth import passwords
from workplace_planner.auth.models import User
from workplace_planner.extensions import db


def test_root_sends_a_visitor_to_the_login_page(demo):
    response = demo.test_client().get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")


def test_log_in_with_email_and_password_opens_the_programmes(demo):
    client = demo.test_client()
    response = log_in(client, "Admin@Demo.example ")  # case and spaces do not matter
    assert response.status_code == 302
    page = client.get("/programmes").get_data(as_text=True)
    assert "Digitale werkplek 2027–2031" in page


def test_wrong_password_is_refused_with_a_message_next_to_the_field(demo):
    client = demo.test_client()
    response = log_in(client, "admin@demo.example", "wrong-password")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'id="password-error"' in page and 'aria-invalid="true"' in page
    assert client.get("/programmes").status_code == 302  # still not logged in


def test_unknown_email_gets_the_same_answer_as_a_wrong_password(demo):
    wrong = log_in(demo.test_client(), "admin@demo.example", "wrong-password")
    unknown = log_in(demo.test_client(), "nobody@demo.example", "wrong-password")
    assert wrong.get_data(as_text=True).count("password-error") == unknown.get_data(
        as_text=True
    ).count("password-error")


def test_log_in_returns_to_the_page_asked_for_but_never_to_another_site(demo):
    client = demo.test_client()
    response = client.post(
        "/login?next=/organisation",
        data={"email": "admin@demo.example", "password": PASSWORD, "next": "/organisation"},
    )
    assert response.headers["Location"] == "/organisation"
    client = demo.test_client()
    response = client.post(
        "/login",
        data={"email": "admin@demo.example", "password": PASSWORD, "next": "//evil.example/"},
    )
    assert response.headers["Location"] == "/"  # the start page, not the other site


def test_log_out_ends_the_session(login):
    client = login("editor")
    assert client.post("/logout").status_code == 302
    assert client.get("/programmes").status_code == 302


def test_passwords_are_stored_as_argon2_hashes(demo):
    with demo.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "admin@demo.example"))
        assert user.password_hash.startswith("$argon2id$")
        assert PASSWORD not in user.password_hash


def test_change_password(login, demo):
    client = login("editor")
    response = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "een-nieuw-wachtwoord",
            "confirm_password": "een-nieuw-wachtwoord",
        },
    )
    assert response.status_code == 302
    client.post("/logout")
    assert log_in(client, "editor@demo.example", PASSWORD).status_code == 200  # refused
    assert log_in(client, "editor@demo.example", "een-nieuw-wachtwoord").status_code == 302


def test_change_password_refuses_a_wrong_current_password_or_a_short_new_one(login):
    client = login("editor")
    wrong = client.post(
        "/account/password",
        data={
            "current_password": "not-it-at-all",
            "new_password": "een-nieuw-wachtwoord",
            "confirm_password": "een-nieuw-wachtwoord",
        },
    )
    assert 'id="current_password-error"' in wrong.get_data(as_text=True)
    short = client.post(
        "/account/password",
        data={"current_password": PASSWORD, "new_password": "kort", "confirm_password": "kort"},
    )
    assert 'id="new_password-error"' in short.get_data(as_text=True)


def test_every_form_is_protected_against_csrf(make_app):
    from conftest import reset_schema

    from workplace_planner.demo import load_demo

    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        reset_schema()
        db.create_all()
        load_demo(PASSWORD)
    client = app.test_client()
    response = client.post("/login", data={"email": "admin@demo.example", "password": PASSWORD})
    assert response.status_code == 400  # no token, no log-in
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post(
        "/login",
        data={"email": "admin@demo.example", "password": PASSWORD, "csrf_token": token},
    )
    assert response.status_code == 302


def test_hash_verification_rejects_garbage():
    assert not passwords.verify_password("not-a-hash", "x")
