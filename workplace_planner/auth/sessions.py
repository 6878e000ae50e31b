"""Sessions end on log-out and after a period without activity; secure cookies behind HTTPS."""

from __future__ import annotations

import time

from flask import flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from werkzeug.middleware.proxy_fix import ProxyFix

LAST_SEEN = "last_seen"


def end_idle_sessions(app) -> None:
    @app.before_request
    def check_idle():
        if not current_user.is_authenticated or request.endpoint == "static":
            return None
        now = time.time()
        idle_limit = app.config["IDLE_TIMEOUT_MINUTES"] * 60
        last_seen = session.get(LAST_SEEN)
        if last_seen is not None and now - last_seen > idle_limit:
            logout_user()
            session.clear()
            flash(_("You were logged out after %(minutes)d minutes without activity. "
                    "Log in again to go on.", minutes=app.config["IDLE_TIMEOUT_MINUTES"]),
                  "warning")
            if request.method in ("GET", "HEAD"):
                return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
            return redirect(url_for("auth.login"))
        session[LAST_SEEN] = now
        session.permanent = True
        return None


def trust_proxies(app) -> None:
    """Behind a reverse proxy, take scheme, host and client address from its headers."""
    count = app.config["TRUSTED_PROXY_COUNT"]
    if count:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
