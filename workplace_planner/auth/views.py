"""Log in and out, change password, switch language and organisation."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from workplace_planner.auth import services
from workplace_planner.auth.forms import ChangePasswordForm, LoginForm
from workplace_planner.authorization import logged_in, public, select_membership
from workplace_planner.editing import save_form
from workplace_planner.extensions import db, limiter
from workplace_planner.i18n import supported_languages

blueprint = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """Only same-site paths: a login link must never send people elsewhere."""
    if not target:
        return url_for("programmes.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("programmes.index")
    return target


def _login_email() -> str:
    return "login:" + request.form.get("email", "").strip().lower()


def _failed(response) -> bool:
    return response.status_code != 302  # a successful log-in redirects


@blueprint.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], key_func=_login_email,
               methods=["POST"], deduct_when=_failed)
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"],
               deduct_when=_failed)
def login():
    if current_user.is_authenticated:
        return redirect(_safe_next(request.args.get("next")))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append(_("The e-mail address or password is not correct."))
        else:
            language = session.get("locale")
            session.clear()  # a fresh session at log-in: no fixation
            login_user(user)
            if language and not user.locale:
                user.locale = language
            db.session.commit()
            return redirect(_safe_next(form.next.data))
    return render_template("auth/login.html", form=form)


@blueprint.route("/logout", methods=["POST"])
@logged_in
def logout():
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@blueprint.route("/account/password", methods=["GET", "POST"])
@logged_in
def change_password():
    form = ChangePasswordForm()

    def apply():
        services.change_password(current_user, form.current_password.data, form.new_password.data)

    if form.is_submitted() and save_form(form, apply):
        flash(_("Your password has been changed."), "ok")
        return redirect(url_for("programmes.index"))
    return render_template("auth/change_password.html", form=form)


@blueprint.route("/language", methods=["POST"])
@public
def switch_language():
    language = request.form.get("language", "")
    if language in supported_languages():
        session["locale"] = language
        if current_user.is_authenticated:
            current_user.locale = language
            db.session.commit()
    return redirect(_safe_next(request.form.get("next")))


@blueprint.route("/organisation/switch", methods=["POST"])
@logged_in
def switch_organisation():
    wanted = request.form.get("organisation_id", type=int)
    membership = select_membership(current_user, wanted)
    if membership is None or membership.organisation_id != wanted:
        flash(_("You are not a member of that organisation."), "error")
    else:
        session["organisation_id"] = wanted
    return redirect(url_for("programmes.index"))
