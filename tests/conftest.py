"""Fixtures: ``app``, ``client``, ``runner``, the demo data, and clients logged in per role.

The suite runs on a fresh SQLite file per test, or on PostgreSQL when ``TEST_DATABASE_URL`` is
set (the schema is dropped and created again for every test). Under pytest-xdist (``-n auto``)
each worker has a database of its own on PostgreSQL: the named one with the worker id appended.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from workplace_planner.app import create_app
from workplace_planner.auth import passwords
from workplace_planner.extensions import db

PASSWORD = "demo-wachtwoord-123"
ROLE_EMAILS = {
    "admin": "admin@demo.example",
    "editor": "editor@demo.example",
    "workshop_lead": "workshop@demo.example",
    "reviewer": "reviewer@demo.example",
    "outsider": "admin@other.example",
}


def postgres_url_for_tests() -> str | None:
    """``TEST_DATABASE_URL``, or this xdist worker's own database next to it."""
    url = os.environ.get("TEST_DATABASE_URL")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker:
        return url
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    return parts.set(database=f"{parts.database}_{worker}").render_as_string(hide_password=False)


def database_url_for_tests(tmp_path) -> str:
    return postgres_url_for_tests() or f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture(autouse=True, scope="session")
def worker_database():
    """Under xdist on PostgreSQL: create this worker's database (dropped again at the end)."""
    url = postgres_url_for_tests()
    if not url or url == os.environ.get("TEST_DATABASE_URL"):
        yield
        return
    name = _postgres_database(url)
    with _postgres_admin(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield
    with _postgres_admin(url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def reset_schema() -> None:
    """An empty database: on PostgreSQL also drop what migrations tests left behind."""
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    else:
        db.drop_all()


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Argon2 with small parameters: the same code path, a fraction of the time."""
    original = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._hasher = original


@pytest.fixture
def make_app(tmp_path):
    """Build an app on the test database with extra settings; the schema is empty."""
    created = []

    def make(**settings):
        config = {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": database_url_for_tests(tmp_path),
            "WTF_CSRF_ENABLED": False,
            "INSTANCE_PATH": str(tmp_path / "instance"),
        }
        config.update(settings)
        if postgres_url_for_tests():
            # On PostgreSQL these apps share the demo's database and empty it: a `demo`
            # fixture set up after this one in the same test must restore it first.
            _demo_state["dirty"] = True
        app = create_app(config)
        created.append(app)
        return app

    yield make
    for app in created:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    if created and postgres_url_for_tests():
        _demo_state["dirty"] = True


@pytest.fixture
def app(make_app):
    app = make_app()
    with app.app_context():
        reset_schema()
        db.create_all()
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _postgres_admin(url: str):
    """A connection to the server's maintenance database, for creating and dropping databases."""
    import psycopg
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    return psycopg.connect(
        host=parts.host, port=parts.port, user=parts.username, password=parts.password,
        dbname="postgres", autocommit=True,
    )


def _postgres_database(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).database


def _restore(snapshot: str, target_url: str) -> None:
    """Make the test database a copy of the demo snapshot."""
    if target_url.startswith("sqlite:///"):
        shutil.copyfile(snapshot, target_url[len("sqlite:///"):])
        return
    target = _postgres_database(target_url)
    with _postgres_admin(target_url) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{target}" TEMPLATE "{snapshot}"')


# On PostgreSQL the snapshot database also holds a copy of its own rows in this schema (and of
# its sequences), so that every clone can put its rows back without being dropped and cloned.
SNAPSHOT_SCHEMA = "demo_snapshot"


def _keep_rows_for_restoring(connection) -> None:
    tables = [name for (name,) in connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))]
    connection.execute(text(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}"))
    for name in tables:
        connection.execute(
            text(f'CREATE TABLE {SNAPSHOT_SCHEMA}."{name}" AS TABLE public."{name}"'))
    connection.execute(text(
        f"CREATE TABLE {SNAPSHOT_SCHEMA}._sequences AS SELECT sequencename, last_value "
        "FROM pg_sequences WHERE schemaname = 'public'"))


def _restore_rows(target_url: str) -> bool:
    """Put the snapshot's rows back into the tables of a clone whose schema is unchanged: every
    table emptied and filled in one transaction (foreign keys are checked by nobody while the
    rows go in, they were valid in the snapshot), sequences back where they were. False when
    that cannot be done (e.g. a connection left by a test holds a lock), for a full restore."""
    import psycopg
    from sqlalchemy.engine import make_url

    parts = make_url(target_url)
    try:
        with psycopg.connect(host=parts.host, port=parts.port, user=parts.username,
                             password=parts.password, dbname=parts.database) as connection:
            connection.execute("SET lock_timeout = '3s'")
            connection.execute("SET session_replication_role = replica")
            tables = [name for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = %s AND tablename <> "
                "'_sequences' ORDER BY tablename", (SNAPSHOT_SCHEMA,))]
            # DELETE, not TRUNCATE (which makes new files for every table, far slower); all in
            # one round trip.
            connection.execute("".join(
                f'DELETE FROM public."{name}"; '
                f'INSERT INTO public."{name}" SELECT * FROM {SNAPSHOT_SCHEMA}."{name}"; '
                for name in tables).encode())
            connection.execute(
                "SELECT setval(format('public.%I', sequencename), coalesce(last_value, 1), "
                f"last_value IS NOT NULL) FROM {SNAPSHOT_SCHEMA}._sequences")
        return True
    except psycopg.Error:
        return False


@pytest.fixture(scope="session")
def demo_snapshot(tmp_path_factory, fast_password_hashing):
    """The demo data, loaded once per test session: a SQLite file to copy, or a PostgreSQL
    template database to clone. Loading it for every test made the suite take many minutes."""
    from workplace_planner.demo import load_demo

    folder = tmp_path_factory.mktemp("demo-snapshot")
    url = postgres_url_for_tests()
    if url:
        snapshot = _postgres_database(url) + "_demo_snapshot"
        with _postgres_admin(url) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{snapshot}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{snapshot}"')
        from sqlalchemy.engine import make_url

        source = make_url(url).set(database=snapshot).render_as_string(hide_password=False)
    else:
        snapshot = str(folder / "demo.sqlite")
        source = f"sqlite:///{snapshot}"
    app = create_app({
        "TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": source,
        "INSTANCE_PATH": str(folder / "instance"),
    })
    with app.app_context():
        db.create_all()
        load_demo(PASSWORD)
        db.session.remove()
        if url:
            with db.engine.begin() as connection:
                _keep_rows_for_restoring(connection)
        db.engine.dispose()
    yield snapshot
    if url:
        with _postgres_admin(url) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{snapshot}" WITH (FORCE)')


@pytest.fixture(scope="session")
def demo_app(tmp_path_factory, demo_snapshot):
    """One app for every test on the demo data: building an app compiles every URL rule, which
    costs more than most tests. Its database is restored before each test."""
    folder = tmp_path_factory.mktemp("demo-app")
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url_for_tests(folder),
        "WTF_CSRF_ENABLED": False,
        "INSTANCE_PATH": str(folder / "instance"),
        # Counters in memory here: counting in the database would be a write after every
        # test, and the demo would be restored every time. tests/test_throttle.py covers the
        # database storage.
        "RATELIMIT_STORAGE_URI": "memory://",
    })
    with app.app_context():
        _watch_for_writes(db.engine)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


# Whether the demo database may differ from the snapshot. Most tests only read (every role on
# every page), so the database is restored only after a test that wrote to it: "rows" when only
# rows changed (on PostgreSQL the rows are put back from the snapshot's copy inside the database,
# a fraction of the time of cloning it), True when the schema may have changed too.
_demo_state: dict = {"dirty": True}
_ROW_WRITES = ("INSERT", "UPDATE", "DELETE", "TRUNCATE")
_SCHEMA_WRITES = ("DROP", "CREATE", "ALTER")


def _watch_for_writes(engine) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "before_cursor_execute")
    def mark_dirty(_connection, _cursor, statement, *_args):
        verb = statement.lstrip()[:8].upper()
        if verb.startswith(_SCHEMA_WRITES):
            _demo_state["dirty"] = True
        elif verb.startswith(_ROW_WRITES) and not _demo_state["dirty"]:
            _demo_state["dirty"] = "rows"


def restore_demo_if_dirty(demo_app) -> None:
    """Put the demo data back if anything wrote to it (also between hypothesis examples)."""
    from workplace_planner.auth.throttle import DatabaseStorage
    from workplace_planner.extensions import limiter

    with demo_app.app_context():
        dirty = _demo_state["dirty"]
        if dirty:
            db.session.remove()
            url = demo_app.config["SQLALCHEMY_DATABASE_URI"]
            if not (dirty == "rows" and url.startswith("postgresql") and _restore_rows(url)):
                db.engine.dispose()  # no pooled connection may outlive the database it opened
                _restore(_demo_state["snapshot"], url)
            _demo_state["dirty"] = False
        # Failed log-ins of an earlier test must not block this one. Counters in the database
        # (the last app built decides the limiter's storage) went with the restore above.
        if not isinstance(limiter.storage, DatabaseStorage):
            limiter.reset()


@pytest.fixture
def demo(demo_app, demo_snapshot):
    """The app on the demo data, as `workplace-planner demo` loads it, unchanged by earlier
    tests."""
    _demo_state["snapshot"] = demo_snapshot
    restore_demo_if_dirty(demo_app)
    return demo_app


def log_in(client, email: str, password: str = PASSWORD):
    return client.post("/login", data={"email": email, "password": password})


@pytest.fixture
def login(demo):
    """``login("editor")`` gives a test client logged in as that demo role."""

    def as_role(role: str):
        client = demo.test_client()
        response = log_in(client, ROLE_EMAILS[role])
        assert response.status_code == 302, f"log-in as {role} failed"
        return client

    return as_role


@pytest.fixture
def ids(demo):
    """Ids of the demo objects, for building URLs. Every test starts from the same snapshot
    (copied or cloned), so the ids are looked up once per session."""
    if "ids" not in _demo_state:
        _demo_state["ids"] = _demo_ids(demo)
    return dict(_demo_state["ids"])


def _demo_ids(demo) -> dict[str, int]:
    from workplace_planner.demo import OTHER, SHARED_SERVICE
    from workplace_planner.models import Membership, Organisation, Participant, Programme, Role

    with demo.app_context():
        def org(name):
            return db.session.scalar(db.select(Organisation).where(Organisation.name == name))

        shared, other = org(SHARED_SERVICE), org(OTHER)
        programme = db.session.scalar(
            db.select(Programme).where(Programme.organisation_id == shared.id)
        )
        other_programme = db.session.scalar(
            db.select(Programme).where(Programme.organisation_id == other.id)
        )
        participant = db.session.scalar(
            db.select(Participant).where(Participant.organisation_id == shared.id)
        )
        editor_membership = db.session.scalar(
            db.select(Membership)
            .join(Membership.user)
            .where(Membership.organisation_id == shared.id)
            .where(Membership.role == Role.EDITOR)
        )
        from workplace_planner.steps.strategy.employee.models import (
            AdoptionMeasure,
            Interview,
            LicenceBundle,
            Persona,
        )

        def first_of(model):
            return db.session.scalar(
                db.select(model.id).where(model.programme_id == programme.id).order_by(model.id)
            )

        employee = {
            "persona": first_of(Persona),
            "interview": first_of(Interview),
            "measure": first_of(AdoptionMeasure),
            "licence_bundle": first_of(LicenceBundle),
        }
        from workplace_planner.steps.strategy.technology import models as technology

        roadmap_item = first_of(technology.RoadmapItem)
        decision = first_of(technology.GovernanceDecision)
        technology_ids = {
            "workshop": first_of(technology.Workshop),
            "system": first_of(technology.System),
            "principle": first_of(technology.Principle),
            "roadmap_item": roadmap_item,
            "milestone": db.session.scalar(
                db.select(technology.Milestone.id)
                .where(technology.Milestone.roadmap_item_id == roadmap_item)
                .order_by(technology.Milestone.id)
            ),
            "decision": decision,
            "follow_up": db.session.scalar(
                db.select(technology.FollowUp.id)
                .where(technology.FollowUp.decision_id == decision)
                .order_by(technology.FollowUp.id)
            ),
        }
        from workplace_planner.steps.strategy.risks.models import (
            Risk,
            RiskAcceptance,
            RiskMeasure,
        )

        risk = first_of(Risk)
        risk_ids = {
            "risk": risk,
            "risk_measure": db.session.scalar(
                db.select(RiskMeasure.id).where(RiskMeasure.risk_id == risk)
                .order_by(RiskMeasure.id)
            ),
            "risk_acceptance": first_of(RiskAcceptance),
        }
        from workplace_planner.steps.strategy.organisation.models import (
            Assumption,
            CaseLine,
            CaseVersion,
            CloudResource,
            QualitativeBenefit,
            Scenario,
        )

        business_case = {
            "bc_scenario": first_of(Scenario),
            "bc_line": first_of(CaseLine),
            "bc_assumption": first_of(Assumption),
            "bc_cloud_resource": first_of(CloudResource),
            "bc_benefit": first_of(QualitativeBenefit),
            "bc_version": db.session.scalar(  # the version awaiting a decision
                db.select(CaseVersion.id).where(CaseVersion.status == "submitted")
            ),
            "bc_approved_version": db.session.scalar(
                db.select(CaseVersion.id).where(CaseVersion.status == "approved")
            ),
        }
        from workplace_planner.steps.strategy.continuity.models import BiaEntry
        from workplace_planner.steps.strategy.direction import models as direction

        kpi = first_of(direction.Kpi)
        direction_ids = {
            "pillar": first_of(direction.Pillar),
            "kpi": kpi,
            "kpi_measurement": db.session.scalar(
                db.select(direction.KpiMeasurement.id)
                .where(direction.KpiMeasurement.kpi_id == kpi)
                .order_by(direction.KpiMeasurement.id)
            ),
            "activity": first_of(direction.MunicipalActivity),
            "success_factor": first_of(direction.SuccessFactor),
        }
        from workplace_planner.steps.design.models import Procurement
        from workplace_planner.steps.implement.models import (
            BudgetActual,
            CommunicationItem,
            MigrationWave,
        )
        from workplace_planner.steps.prepare.models import Champion, PilotCriterion, PilotGroup

        steps_ids = {
            "procurement": first_of(Procurement),
            "pilot_group": first_of(PilotGroup),
            "champion": first_of(Champion),
            "criterion": first_of(PilotCriterion),
            "wave": first_of(MigrationWave),
            "communication_item": first_of(CommunicationItem),
            "actual": first_of(BudgetActual),
        }
        from workplace_planner.steps.adopt.models import AdoptionMeasurement, AdoptionTarget
        from workplace_planner.steps.evaluate.models import LessonLearned, RealisedBenefit
        from workplace_planner.steps.operate import models as operate

        later_steps = {
            "adoption_measurement": first_of(AdoptionMeasurement),
            "adoption_target": first_of(AdoptionTarget),
            "run_role": first_of(operate.RunRole),
            "regie_task": first_of(operate.RegieTask),
            "service_contract": first_of(operate.ServiceContract),
            "service_level": first_of(operate.ServiceLevel),
            "service_level_measurement": first_of(operate.ServiceLevelMeasurement),
            "realised_benefit": first_of(RealisedBenefit),
            "lesson_learned": first_of(LessonLearned),
        }
        return {
            **employee,
            **business_case,
            **direction_ids,
            "bia_entry": first_of(BiaEntry),
            **steps_ids,
            **later_steps,
            **technology_ids,
            **risk_ids,
            "shared": shared.id,
            "other": other.id,
            "programme": programme.id,
            "other_programme": other_programme.id,
            "participant": participant.id,
            "editor_membership": editor_membership.id,
        }


# ----------------------------------------------------------------------------- browser tests
CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI needs Chromium for the browser tests: apt-get install chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")


@pytest.fixture
def live_server(demo):
    """The demo app served by waitress on a free port, for a real browser."""
    from waitress.server import create_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = create_server(demo, host="127.0.0.1", port=port, threads=4)
    stop = threading.Event()

    def serve():  # server.run() until stopped: closing its sockets under it breaks its select()
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    stop.set()
    thread.join(timeout=5)
    server.close()


@pytest.fixture
def page(live_server):
    """A Chromium page (Playwright); screenshots go to ``ARTIFACTS``."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def browser_log_in(page, base: str, email: str = "admin@demo.example"):
    """Log in through the (Dutch) log-in form."""
    page.goto(base + "/login")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(lambda url: "/login" not in url)


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    wcag_21_aa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": wcag_21_aa}})
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x)"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
