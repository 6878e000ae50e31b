"""The ``workplace-planner`` command: serve, demo, create-user, db (migrations), business-case.

Every command uses the same database: ``DATABASE_URL`` when set, else the SQLite file in the
instance folder.
"""

from __future__ import annotations

import gc
import secrets

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext
from flask_migrate import upgrade

from workplace_planner.auth.models import OrganisationKind, Role
from workplace_planner.cli_business_case import business_case_cli


def _create_app():
    from workplace_planner.app import create_app

    return create_app()


def upgrade_database() -> None:
    """Bring the schema to the newest revision (creates it on an empty database)."""
    from workplace_planner.app import MIGRATIONS_DIR

    upgrade(directory=str(MIGRATIONS_DIR))


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@with_appcontext
def serve_command(host: str, port: int, threads: int) -> None:
    """Upgrade the database, then serve the app with a production WSGI server (waitress)."""
    import waitress

    upgrade_database()
    app = current_app._get_current_object()
    tune_garbage_collection()
    click.echo(f"Database: {_database_for_humans()}")
    click.echo(f"workplace-planner: serving on http://{host}:{port}/ (stop with Ctrl+C)")
    waitress.serve(app, host=host, port=port, threads=threads, ident="workplace-planner")


# A page of a large programme creates tens of thousands of objects (ORM rows, template output);
# with Python's default threshold the collector runs many times per request and now and then
# scans everything the app holds, which made one request in ten three times slower.
GC_THRESHOLD = (20_000, 20, 50)


def tune_garbage_collection() -> None:
    """Leave what the app holds after start-up (modules, models, URL rules) out of every later
    collection, and collect less often: measured on the large programme, the slowest of 30
    requests to a page went from about 200 ms to about 60-130 ms, the median down by 5 %."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


@click.command("demo")
@click.option("--password", help="Password for every demo user (default: a random one).")
@click.option("--size", type=click.Choice(["small", "large"]), default="small",
              show_default=True,
              help="large: also a programme of five municipalities with 5,000 employees, "
                   "for benchmarks.")
@with_appcontext
def demo_command(password: str | None, size: str) -> None:
    """Load the demo organisations, users and programme (again: resets demo passwords)."""
    from workplace_planner.demo import DEMO_USERS, load_demo

    upgrade_database()
    password = password or secrets.token_urlsafe(12)
    summary = load_demo(password)
    click.echo(summary)
    users = [(email, role) for email, role, _organisation in DEMO_USERS]
    if size == "large":
        from workplace_planner.demo_large import LARGE_USERS, load_large_demo

        programme = load_large_demo(password)
        click.echo(f"Large programme: {programme.name} (id {programme.id}).")
        users += [(email, role.value) for email, _name, role in LARGE_USERS]
    click.echo(f"Database: {_database_for_humans()}")
    click.echo("Log in at http://127.0.0.1:5000/login (after `workplace-planner serve`) with:")
    for email, role in users:
        click.echo(f"  {email:<26} {role:<14} password: {password}")


@click.command("create-user")
@click.option("--email", prompt=True)
@click.option("--name", default="", help="Display name.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--organisation", "organisation_name", prompt=True, help="Name of the organisation.")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in OrganisationKind]),
    default=OrganisationKind.MUNICIPALITY.value,
    show_default=True,
    help="Kind of organisation, when it is created.",
)
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    default=Role.ADMIN.value,
    show_default=True,
)
@with_appcontext
def create_user_command(email, name, password, organisation_name, kind, role) -> None:
    """Create a user (or add an existing one) as member of an organisation."""
    from workplace_planner.auth import services

    upgrade_database()
    try:
        user, created = services.create_user_in_organisation(
            email=email,
            name=name,
            password=password,
            organisation_name=organisation_name,
            kind=OrganisationKind(kind),
            role=Role(role),
        )
    except services.AccountError as error:
        raise click.ClickException(str(error)) from error
    verb = "created" if created else "added"
    click.echo(f"User {user.email} {verb} as {role} of {organisation_name}.")


@click.command("export-programme")
@click.argument("programme_id", type=int)
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def export_programme_command(programme_id: int, path: str) -> None:
    """Write a whole programme (every object and link) to a JSON file."""
    import json

    from workplace_planner import backup

    try:
        payload = backup.export_programme(programme_id)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from error
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False, indent=1)
    rows = sum(len(rows) for rows in payload["tables"].values())
    click.echo(f"Programme {programme_id} written to {path}: {rows} rows.")


@click.command("import-programme")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--organisation", "organisation_name",
              help="Restore into this organisation (default: the one in the file).")
@with_appcontext
def import_programme_command(path: str, organisation_name: str | None) -> None:
    """Restore a programme from a JSON file, in one transaction: all or nothing."""
    import json

    from sqlalchemy.exc import SQLAlchemyError

    from workplace_planner import backup
    from workplace_planner.extensions import db

    try:
        with open(path, encoding="utf-8") as handle:
            payload = json.load(handle)
        report = backup.import_programme(payload, organisation_name)
        db.session.commit()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        db.session.rollback()
        raise click.ClickException(
            f"Nothing was imported: the file cannot be read ({error})."
        ) from error
    except backup.BackupError as error:
        db.session.rollback()
        raise click.ClickException(f"Nothing was imported: {error}") from error
    except SQLAlchemyError as error:
        db.session.rollback()
        reason = str(getattr(error, "orig", error)).splitlines()[0]
        raise click.ClickException(
            f"Nothing was imported: the file does not fit the database ({reason})."
        ) from error
    programme = report.programme
    click.echo(f"Programme {programme.name!r} restored as programme {programme.id}.")
    if report.unknown_users:
        click.echo("These people have no account here; where they were owner or author, "
                   "that is now empty: " + ", ".join(report.unknown_users))
    if report.unlinked:
        click.echo("These links into another programme found nothing here and are empty "
                   "(restore that programme first, then this one again): "
                   + "; ".join(report.unlinked))


def _database_for_humans() -> str:
    from workplace_planner.extensions import db

    return db.engine.url.render_as_string(hide_password=True)


def register_app_commands(app) -> None:
    for command in (serve_command, demo_command, create_user_command,
                    export_programme_command, import_programme_command):
        app.cli.add_command(command)


main = FlaskGroup(
    name="workplace-planner",
    create_app=_create_app,
    help="Plan the digital workplace of a municipality along the seven-step model.",
)
# The engine's command needs no app and no database: plain JSON in, JSON out.
main.add_command(business_case_cli, "business-case")
