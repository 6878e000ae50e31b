"""The application factory: a list of small named ``register_*`` steps."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from flask import Flask, g, jsonify, render_template, request
from flask_login import current_user
from sqlalchemy import event, text
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from workplace_planner import authorization, i18n
from workplace_planner.config import build_settings
from workplace_planner.extensions import babel, csrf, db, limiter, login_manager, migrate

PACKAGE_DIR = Path(__file__).resolve().parent
MIGRATIONS_DIR = PACKAGE_DIR / "migrations"
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        # The NL Design System CSS draws a few icons (select arrow, checkbox) as data: SVGs.
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)

log = logging.getLogger(__name__)


def templates_dir() -> Path:
    """Templates live at the top of the repository; an installed wheel carries them inside
    the package (see setup.py), an editable install or a checkout finds them beside it."""
    for candidate in (PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise RuntimeError("The templates folder of workplace_planner is missing.")


def create_app(config=None) -> Flask:
    """Create the app; ``config`` is an optional mapping of settings that wins over all else."""
    config = dict(config or {})
    instance_path = config.pop("INSTANCE_PATH", None) or os.environ.get(
        "WORKPLACE_PLANNER_INSTANCE_PATH"
    )
    app = Flask(
        "workplace_planner",  # names the default instance folder "workplace_planner-instance"
        instance_path=str(Path(instance_path).resolve()) if instance_path else None,
        instance_relative_config=True,
        template_folder=str(templates_dir()),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(build_settings(app.instance_path, config))

    register_extensions(app)
    register_sessions(app)
    register_url_converters(app)
    register_blueprints(app)
    register_authorization(app)
    register_template_helpers(app)
    register_security_headers(app)
    register_error_handlers(app)
    register_health_check(app)
    register_commands(app)
    warn_about_missing_assets(app)
    return app


def register_extensions(app: Flask) -> None:
    from workplace_planner import models  # noqa: F401 - the whole schema, for Alembic

    db.init_app(app)
    with app.app_context():
        _enforce_sqlite_foreign_keys(db.engine)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    from workplace_planner.auth import throttle  # noqa: F401 - registers the database:// storage

    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def load_user(user_id: str):
        from workplace_planner.auth.models import User

        user = db.session.get(User, int(user_id))
        return user if user and user.active else None


class DatabaseId(IntegerConverter):
    """``<int:...>`` in every URL: a whole number that fits an id column (32 bits), so an
    absurd id is "not found" instead of an error from the database."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def register_url_converters(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseId


def register_sessions(app: Flask) -> None:
    from workplace_planner.auth import sessions

    sessions.trust_proxies(app)
    sessions.end_idle_sessions(app)


def _enforce_sqlite_foreign_keys(engine) -> None:
    """SQLite ignores ON DELETE CASCADE unless asked per connection; PostgreSQL always obeys."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def register_blueprints(app: Flask) -> None:
    from workplace_planner.auth.views import blueprint as auth
    from workplace_planner.organisation.views import blueprint as organisation
    from workplace_planner.programmes.views import blueprint as programmes
    from workplace_planner.steps.adopt.views import blueprint as adopt
    from workplace_planner.steps.design.views import blueprint as design
    from workplace_planner.steps.evaluate.views import blueprint as evaluate
    from workplace_planner.steps.implement.views import blueprint as implement
    from workplace_planner.steps.operate.views import blueprint as operate
    from workplace_planner.steps.prepare.views import blueprint as prepare
    from workplace_planner.steps.strategy.direction.views import blueprint as direction
    from workplace_planner.steps.strategy.employee.views import blueprint as personas
    from workplace_planner.steps.strategy.organisation.views import blueprint as business_case
    from workplace_planner.steps.strategy.risks.views import blueprint as risks
    from workplace_planner.steps.strategy.technology.views import blueprint as technology

    app.register_blueprint(auth)
    app.register_blueprint(organisation)
    app.register_blueprint(programmes)
    app.register_blueprint(personas)
    app.register_blueprint(business_case)
    app.register_blueprint(technology)
    app.register_blueprint(risks)
    # Imported after the business case: its panel follows the business case's on the
    # organisation page and in the dashboard cell.
    from workplace_planner.steps.strategy.continuity.views import blueprint as continuity

    app.register_blueprint(continuity)
    app.register_blueprint(direction)
    app.register_blueprint(design)
    app.register_blueprint(prepare)
    app.register_blueprint(implement)
    app.register_blueprint(adopt)
    app.register_blueprint(operate)
    app.register_blueprint(evaluate)


def register_authorization(app: Flask) -> None:
    app.before_request(authorization.enforce)
    authorization.check_every_view_declares_a_rule(app)


def register_template_helpers(app: Flask) -> None:
    from workplace_planner.authorization import Permission
    from workplace_planner.steps import PERSPECTIVES, STEPS, get_perspective, get_step

    app.jinja_env.filters["money"] = i18n.format_money
    app.jinja_env.filters["number"] = i18n.format_number
    app.jinja_env.filters["dateformat"] = i18n.format_date
    app.jinja_env.globals.update(
        may=authorization.may,
        Permission=Permission,
        STEPS=STEPS,
        PERSPECTIVES=PERSPECTIVES,
        get_step=get_step,
        get_perspective=get_perspective,
        current_language=i18n.current_language,
        supported_languages=i18n.supported_languages,
    )

    @app.context_processor
    def inject_membership():
        membership = g.get("membership")
        memberships = []
        if current_user.is_authenticated:
            memberships = sorted(
                current_user.memberships, key=lambda m: m.organisation.name.lower()
            )
        return {"membership": membership, "memberships": memberships}


def register_security_headers(app: Flask) -> None:
    @app.after_request
    def add_headers(response):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if current_user and current_user.is_authenticated:
            # Pages with organisation data are not kept in shared caches or the back button.
            response.headers.setdefault("Cache-Control", "no-store")
        return response


def register_error_handlers(app: Flask) -> None:
    def render_error(error: HTTPException):
        if request.accept_mimetypes.best == "application/json":
            return jsonify(error=error.name), error.code
        return render_template("error.html", error=error), error.code

    app.register_error_handler(HTTPException, render_error)

    @app.errorhandler(Exception)
    def unexpected(error):  # never show a stack trace to the user
        log.exception("Unhandled error on %s %s", request.method, request.path)
        db.session.rollback()
        from werkzeug.exceptions import InternalServerError

        return render_error(InternalServerError())


def register_health_check(app: Flask) -> None:
    @authorization.public
    def healthz():
        try:
            db.session.execute(text("SELECT 1"))
        except Exception:  # any database failure means "not healthy"
            log.exception("Health check: the database does not answer")
            db.session.rollback()
            return jsonify(status="unavailable", database="down"), 503
        return jsonify(status="ok")

    app.add_url_rule("/healthz", "healthz", healthz)
    csrf.exempt(healthz)


def register_commands(app: Flask) -> None:
    from workplace_planner.cli import register_app_commands

    register_app_commands(app)


def warn_about_missing_assets(app: Flask) -> None:
    vendor = Path(app.static_folder) / "vendor" / "utrecht-component-library.css"
    if not vendor.is_file():
        log.warning("The NL Design System stylesheets are missing: run `npm ci` first.")
