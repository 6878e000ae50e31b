"""`db upgrade` works on an empty database and from every earlier revision; the models and the
migrations describe the same schema."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from conftest import reset_schema
from flask_migrate import upgrade

from workplace_planner.app import MIGRATIONS_DIR
from workplace_planner.extensions import db


def _revisions():
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [r.revision for r in reversed(list(script.walk_revisions()))]


@pytest.fixture
def empty_app(make_app):
    app = make_app()
    with app.app_context():
        reset_schema()
    return app


def _schema_differences(app):
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        return compare_metadata(context, db.metadata)


def test_upgrade_on_an_empty_database_gives_the_models_schema(empty_app):
    with empty_app.app_context():
        upgrade(directory=str(MIGRATIONS_DIR))
    assert _schema_differences(empty_app) == []


@pytest.mark.parametrize("revision", _revisions())
def test_upgrade_from_every_earlier_revision(empty_app, revision):
    with empty_app.app_context():
        upgrade(directory=str(MIGRATIONS_DIR), revision=revision)
        upgrade(directory=str(MIGRATIONS_DIR))
    assert _schema_differences(empty_app) == []


def test_upgrade_twice_changes_nothing(empty_app):
    with empty_app.app_context():
        upgrade(directory=str(MIGRATIONS_DIR))
        upgrade(directory=str(MIGRATIONS_DIR))
    assert _schema_differences(empty_app) == []


def test_revisions_form_one_line():
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    assert len(script.get_heads()) == 1
