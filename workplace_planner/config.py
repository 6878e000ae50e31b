"""Settings: defaults, then the environment, then the mapping given to ``create_app``.

Nothing secret lives in the code. ``SECRET_KEY`` comes from the environment or from a file in
the instance folder that is generated once and then kept, so sessions survive restarts.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

SECRET_KEY_FILE = "secret_key"
SQLITE_FILE = "workplace_planner.sqlite"

DEFAULTS = {
    "BABEL_DEFAULT_LOCALE": "nl",
    "BABEL_DEFAULT_TIMEZONE": "Europe/Amsterdam",
    "LANGUAGES": ("nl", "en"),
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": timedelta(hours=8),
    "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
    "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
    # Log out after this many minutes without a request.
    "IDLE_TIMEOUT_MINUTES": 30,
    # Failed log-ins allowed per e-mail address and per client address.
    "LOGIN_LIMIT_PER_ACCOUNT": "5 per 5 minutes",
    "LOGIN_LIMIT_PER_ADDRESS": "20 per 5 minutes",
    # Log-in throttling counters live in the app's database, shared by every worker and host.
    "RATELIMIT_STORAGE_URI": "database://",
    "RATELIMIT_HEADERS_ENABLED": False,
    # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted (0: none).
    "TRUSTED_PROXY_COUNT": 0,
}

# Environment variables that are read, and the setting each one fills.
ENVIRONMENT = {
    "SECRET_KEY": "SECRET_KEY",
    "DATABASE_URL": "SQLALCHEMY_DATABASE_URI",
    "SESSION_COOKIE_SECURE": "SESSION_COOKIE_SECURE",
    "RATELIMIT_STORAGE_URI": "RATELIMIT_STORAGE_URI",
    "IDLE_TIMEOUT_MINUTES": "IDLE_TIMEOUT_MINUTES",
    "TRUSTED_PROXY_COUNT": "TRUSTED_PROXY_COUNT",
}
INTEGER_SETTINGS = {"IDLE_TIMEOUT_MINUTES", "TRUSTED_PROXY_COUNT"}


def normalise_database_url(url: str) -> str:
    """Let ``postgresql://`` and ``postgres://`` URLs use psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def read_environment(environ=os.environ) -> dict:
    settings = {}
    for variable, setting in ENVIRONMENT.items():
        value = environ.get(variable)
        if not value:
            continue
        if setting.endswith("_SECURE"):
            settings[setting] = _truthy(value)
        elif setting in INTEGER_SETTINGS:
            settings[setting] = int(value)
        else:
            settings[setting] = value
    return settings


def instance_secret_key(instance_path: str | Path) -> str:
    """The secret key kept in the instance folder; created (readable by the owner only) once."""
    path = Path(instance_path) / SECRET_KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: when two processes start at once, one writes and the other reads it.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def build_settings(instance_path: str, overrides=None) -> dict:
    """All settings for one app, in order of precedence: overrides > environment > defaults."""
    settings = dict(DEFAULTS)
    settings.update(read_environment())
    settings.update(overrides or {})
    if not settings.get("SQLALCHEMY_DATABASE_URI"):
        settings["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(Path(instance_path) / SQLITE_FILE)
    settings["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        settings["SQLALCHEMY_DATABASE_URI"]
    )
    if not settings.get("SECRET_KEY"):
        settings["SECRET_KEY"] = instance_secret_key(instance_path)
    return settings
