"""The `workplace-planner` command: demo, create-user, db upgrade, serve."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import PASSWORD, database_url_for_tests, log_in, reset_schema

from workplace_planner.auth.models import Membership, Organisation, User
from workplace_planner.extensions import db


@pytest.fixture
def empty_app(make_app):
    app = make_app()
    with app.app_context():
        reset_schema()
    return app


@pytest.fixture
def env(tmp_path):
    """The environment of a shell that runs the installed console script."""
    with_app = dict(os.environ)
    with_app["DATABASE_URL"] = database_url_for_tests(tmp_path)
    with_app["WORKPLACE_PLANNER_INSTANCE_PATH"] = str(tmp_path / "instance")
    with_app.pop("SECRET_KEY", None)
    return with_app


def console_script(*args, env, timeout=120):
    command = [os.path.join(os.path.dirname(sys.executable), "workplace-planner"), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)


def test_demo_loads_the_users_and_prints_where_to_log_in(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["demo", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "admin@demo.example" in result.output and "/login" in result.output
    client = empty_app.test_client()
    assert log_in(client, "reviewer@demo.example").status_code == 302


def test_demo_without_password_prints_a_random_one_that_works(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["demo"])
    password = result.output.split("password: ")[1].split()[0]
    assert len(password) >= 12
    assert log_in(empty_app.test_client(), "admin@other.example", password).status_code == 302


def test_demo_a_second_time_only_resets_passwords(empty_app):
    runner = empty_app.test_cli_runner()
    runner.invoke(args=["demo", "--password", PASSWORD])
    result = runner.invoke(args=["demo", "--password", "another-password-1"])
    assert "already" in result.output
    with empty_app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Organisation)) == 2
    response = log_in(empty_app.test_client(), "admin@demo.example", "another-password-1")
    assert response.status_code == 302


def test_demo_size_large_adds_the_benchmark_programme(empty_app, monkeypatch):
    """The full size is for benchmarks (docs/performance.md); the same path at a tenth of it
    here: every municipality's personas add up to its workforce, the items are there."""
    from workplace_planner import demo_large
    from workplace_planner.steps.strategy.employee.models import PersonaHeadcount
    from workplace_planner.steps.strategy.technology.models import RoadmapItem

    monkeypatch.setattr(demo_large, "FULL", demo_large.Size().scaled(0.1))
    result = empty_app.test_cli_runner().invoke(
        args=["demo", "--size", "large", "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "Digitale werkplek Rivierenland" in result.output
    assert "admin@large.example" in result.output
    with empty_app.app_context():
        organisation = db.session.scalar(db.select(Organisation).where(
            Organisation.name == demo_large.LARGE_ORGANISATION))
        assert sum(p.headcount for p in organisation.participants) == 5_000
        for participant in organisation.participants:
            assert db.session.scalar(
                db.select(db.func.sum(PersonaHeadcount.headcount))
                .where(PersonaHeadcount.participant_id == participant.id)
            ) == participant.headcount
        assert db.session.scalar(
            db.select(db.func.count()).select_from(RoadmapItem)
            .where(RoadmapItem.organisation_id == organisation.id)) == 30
    assert log_in(empty_app.test_client(), "editor@large.example").status_code == 302


def test_create_user_creates_organisation_user_and_membership(empty_app):
    runner = empty_app.test_cli_runner()
    result = runner.invoke(
        args=["create-user", "--email", "cio@gemeente.example", "--name", "Cees",
              "--password", "lang-genoeg-123", "--organisation", "Gemeente Voorbeeld",
              "--role", "admin"]
    )
    assert result.exit_code == 0, result.output
    with empty_app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == "cio@gemeente.example"))
        membership = db.session.scalar(db.select(Membership).where(Membership.user_id == user.id))
        assert membership.organisation.name == "Gemeente Voorbeeld"
    again = runner.invoke(
        args=["create-user", "--email", "cio@gemeente.example", "--password", "lang-genoeg-123",
              "--organisation", "Gemeente Voorbeeld"]
    )
    assert again.exit_code != 0 and "already a member" in again.output


def test_create_user_refuses_a_short_password(empty_app):
    result = empty_app.test_cli_runner().invoke(
        args=["create-user", "--email", "a@b.example", "--password", "kort",
              "--organisation", "X"]
    )
    assert result.exit_code != 0


def test_console_script_db_upgrade_then_demo_share_one_database(empty_app, env):
    upgraded = console_script("db", "upgrade", env=env)
    assert upgraded.returncode == 0, upgraded.stderr
    demo = console_script("demo", "--password", PASSWORD, env=env)
    assert demo.returncode == 0, demo.stderr
    with empty_app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 5


def test_workers_starting_at_once_upgrade_the_schema_once(empty_app, env):
    """Deploying several workers: each upgrades the database as it starts. They must not trip
    over each other (on PostgreSQL an advisory lock makes them take turns)."""
    if not env["DATABASE_URL"].startswith("postgresql"):
        # SQLite is for a single process; on it, run the upgrades one after the other.
        results = [console_script("db", "upgrade", env=env) for _ in range(2)]
    else:
        command = [os.path.join(os.path.dirname(sys.executable), "workplace-planner"),
                   "db", "upgrade"]
        workers = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for _ in range(3)]
        results = [subprocess.CompletedProcess(w.args, w.wait(timeout=120), *w.communicate())
                   for w in workers]
    for result in results:
        assert result.returncode == 0, result.stderr
    with empty_app.app_context():
        version = db.session.scalar(db.text("SELECT version_num FROM alembic_version"))
    from workplace_planner.app import MIGRATIONS_DIR

    heads = [p.stem for p in (MIGRATIONS_DIR / "versions").glob("0*.py")]
    assert version == max(heads)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_upgrades_the_database_and_answers(empty_app, env):
    port = _free_port()
    command = [os.path.join(os.path.dirname(sys.executable), "workplace-planner"),
               "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    assert r.status == 200 and b'"ok"' in r.read()
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as r:
            assert r.headers["Server"] == "workplace-planner"  # waitress, not the dev server
            assert "Inloggen" in r.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_help_lists_the_commands(env):
    result = console_script("--help", env=env)
    assert result.returncode == 0
    for command in ("serve", "demo", "create-user", "db", "business-case"):
        assert command in result.stdout
