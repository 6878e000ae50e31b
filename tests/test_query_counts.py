"""The number of SQL queries a page makes does not grow with the data.

The same programme is built twice at different sizes (``demo_large`` with a small and a larger
scale: more personas, roadmap items, risks, BIA entries and business-case lines). Every page
of a programme (a GET route whose only argument is the programme) must make exactly as many
queries on both: a page that loads related rows one object at a time (an "N+1") fails here.
"""

from __future__ import annotations

import os
import re

import pytest
from conftest import PASSWORD, _postgres_admin, _postgres_database, postgres_url_for_tests
from sqlalchemy import event
from test_authorization_matrix import ROUTES

from workplace_planner.app import create_app
from workplace_planner.extensions import db

SMALL, LARGER = 0.1, 0.3
PROGRAMME_PAGES = sorted({
    rule for rule, _endpoint, method, _needed in ROUTES
    if method == "GET"
    and re.fullmatch(r"/programmes/<int:programme_id>[^<]*", rule)
})


@pytest.fixture(scope="module")
def sized(tmp_path_factory, fast_password_hashing):
    """An app with two copies of the large demo programme, at two sizes."""
    from workplace_planner.auth.models import Organisation
    from workplace_planner.demo_large import LARGE_ORGANISATION, load_large_demo

    folder = tmp_path_factory.mktemp("query-counts")
    url = postgres_url_for_tests()
    if url:
        from sqlalchemy.engine import make_url

        name = _postgres_database(url) + "_query_counts"
        with _postgres_admin(url) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        url = make_url(url).set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{folder / 'sized.sqlite'}"
    app = create_app({
        "TESTING": True, "SECRET_KEY": "test-secret", "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False, "INSTANCE_PATH": str(folder / "instance"),
        "RATELIMIT_STORAGE_URI": "memory://",
    })
    programmes = {}  # scale -> (organisation id, programme id)
    with app.app_context():
        db.create_all()
        for scale in (SMALL, LARGER):
            programme = load_large_demo(PASSWORD, scale=scale)
            programmes[scale] = (programme.organisation_id, programme.id)
            # A second copy needs its own organisation name.
            organisation = db.session.get(Organisation, programme.organisation_id)
            organisation.name = f"{LARGE_ORGANISATION} ({scale})"
            db.session.commit()
        db.session.remove()
    yield app, programmes
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if os.environ.get("TEST_DATABASE_URL"):
        with _postgres_admin(url) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{_postgres_database(url)}" WITH (FORCE)')


def _queries(app, client, path: str) -> tuple[int, int]:
    statements = []

    def count(_connection, _cursor, statement, *_args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        response = client.get(path)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return response.status_code, len(statements)


@pytest.mark.parametrize("rule", PROGRAMME_PAGES)
def test_queries_per_page_do_not_grow_with_the_data(sized, rule):
    app, programmes = sized
    client = app.test_client()
    assert client.post("/login", data={"email": "admin@large.example",
                                       "password": PASSWORD}).status_code == 302
    counts = {}
    for scale, (organisation_id, programme_id) in programmes.items():
        client.post("/organisation/switch", data={"organisation_id": organisation_id})
        path = re.sub(r"<any\(([^,)]+)[^)]*\):[a-z_]+>", lambda m: m.group(1).strip(),
                      rule.replace("<int:programme_id>", str(programme_id)))
        client.get(path)  # warm: caches of computed results are not what this test is about
        status, counts[scale] = _queries(app, client, path)
        assert status in (200, 302), (path, status)
    assert counts[SMALL] == counts[LARGER], counts
