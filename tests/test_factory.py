"""The app factory, its settings and the secret key."""

import stat
from pathlib import Path

from workplace_planner import create_app
from workplace_planner.app import CONTENT_SECURITY_POLICY, templates_dir
from workplace_planner.authorization import public
from workplace_planner.config import normalise_database_url


def test_create_app_takes_a_mapping_of_settings(tmp_path):
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "k", "INSTANCE_PATH": str(tmp_path), "FOO": "bar"}
    )
    assert app.testing and app.config["FOO"] == "bar"


def test_without_database_url_the_database_is_a_sqlite_file_in_the_instance_folder(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == (
        "sqlite:///" + str(tmp_path / "workplace_planner.sqlite")
    )


def test_database_url_from_the_environment_selects_the_database(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://planner@db.example/planner")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == (
        "postgresql+psycopg://planner@db.example/planner"
    )


def test_postgres_urls_use_psycopg_3():
    assert normalise_database_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalise_database_url("sqlite:///x") == "sqlite:///x"


def test_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(tmp_path)}).config["SECRET_KEY"]
    assert first == second and len(first) >= 32
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_secret_key_from_the_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_no_secret_key_constant_in_the_code():
    package = Path(__file__).resolve().parents[1] / "workplace_planner"
    for source in package.rglob("*.py"):
        text = source.read_text()
        assert "SECRET_KEY = \"" not in text and "SECRET_KEY='" not in text, source


def test_templates_are_found(app):
    assert (templates_dir() / "base.html").is_file()


def test_security_headers_and_a_self_only_policy(client):
    response = client.get("/login")
    policy = response.headers["Content-Security-Policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in policy and "http" not in policy
    assert "'unsafe-inline'" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_load_nothing_from_elsewhere(login, ids):
    page = login("admin").get(f"/programmes/{ids['programme']}").get_data(as_text=True)
    assert "https://" not in page and "http://" not in page
    assert "/static/vendor/utrecht-component-library.css" in page
    assert "style=" not in page and "<script" not in page  # the policy allows neither


def test_vendor_stylesheets_are_served_by_the_app(client):
    response = client.get("/static/vendor/utrecht-component-library.css")
    assert response.status_code == 200
    assert b".utrecht-button" in response.data


def test_health_check_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_health_check_answers_503_when_the_database_does_not(make_app):
    app = make_app(SQLALCHEMY_DATABASE_URI="postgresql+psycopg://nobody@127.0.0.1:1/none")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] != "ok"


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Traceback" not in response.get_data(as_text=True)


def test_an_unexpected_error_shows_no_stack_trace(make_app):
    app = make_app(TESTING=False, PROPAGATE_EXCEPTIONS=False)

    def boom():
        raise RuntimeError("secret detail")

    app.add_url_rule("/boom", "boom", public(boom))
    response = app.test_client().get("/boom")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret detail" not in body and "Traceback" not in body
