"""Who may do what: decided here, and only here.

Every view declares what it needs with ``@requires(...)``; one ``before_request`` hook enforces
it for every request, and the app refuses to start when a view declares nothing. A GET (or HEAD)
needs the ``read`` permission, any other method the ``write`` permission. Objects that belong to
an organisation are looked up through ``scoping``, so another organisation's id is a 404.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from flask import abort, current_app, g, redirect, request, session, url_for
from flask_login import current_user

from workplace_planner.auth.models import Membership, Role


class Permission(enum.StrEnum):
    VIEW = "view"  # read everything of the organisation
    EDIT = "edit"  # change programme content
    EDIT_WORKSHOP = "edit_workshop"  # personas, interviews and workshops
    COMMENT = "comment"
    APPROVE = "approve"
    MANAGE_ORGANISATION = "manage_organisation"  # members, roles, participants
    VIEW_AUDIT = "view_audit"  # the organisation's change history: admins and reviewers


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.EDITOR: frozenset(
        {Permission.VIEW, Permission.EDIT, Permission.EDIT_WORKSHOP, Permission.COMMENT}
    ),
    Role.WORKSHOP_LEAD: frozenset({Permission.VIEW, Permission.EDIT_WORKSHOP}),
    Role.REVIEWER: frozenset(
        {Permission.VIEW, Permission.COMMENT, Permission.APPROVE, Permission.VIEW_AUDIT}
    ),
}


class Access(enum.Enum):
    PUBLIC = "public"  # anyone, logged in or not
    LOGGED_IN = "logged_in"  # any logged-in user, even one without an organisation


@dataclass(frozen=True)
class Rule:
    read: Permission | Access
    write: Permission | Access

    def needed_for(self, method: str) -> Permission | Access:
        return self.read if method in {"GET", "HEAD", "OPTIONS"} else self.write


RULE_ATTRIBUTE = "_workplace_planner_rule"


def requires(read: Permission | Access, write: Permission | Access | None = None):
    """Declare what a view needs; ``write`` defaults to ``read``."""
    rule = Rule(read=read, write=write if write is not None else read)

    def decorate(view):
        setattr(view, RULE_ATTRIBUTE, rule)
        return view

    return decorate


def public(view):
    return requires(Access.PUBLIC)(view)


def logged_in(view):
    return requires(Access.LOGGED_IN)(view)


def rule_for_endpoint(app, endpoint: str) -> Rule | None:
    if endpoint == "static":
        return Rule(Access.PUBLIC, Access.PUBLIC)
    view = app.view_functions.get(endpoint)
    return getattr(view, RULE_ATTRIBUTE, None)


def role_may(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def may(permission: Permission) -> bool:
    """For templates: may the current user do this in the current organisation?"""
    membership = g.get("membership")
    return bool(membership and role_may(membership.role, permission))


def select_membership(user, wanted_organisation_id: int | None) -> Membership | None:
    memberships = sorted(user.memberships, key=lambda m: m.organisation.name.lower())
    for membership in memberships:
        if membership.organisation_id == wanted_organisation_id:
            return membership
    return memberships[0] if memberships else None


def enforce() -> object | None:
    """The ``before_request`` hook: log-in, organisation and permission in one place."""
    endpoint = request.endpoint
    if endpoint is None:  # no route matched: let Flask answer 404/405
        return None
    rule = rule_for_endpoint(current_app, endpoint)
    if rule is None:  # a view that declared nothing is never reachable
        abort(403)
    needed = rule.needed_for(request.method)
    if needed is Access.PUBLIC:
        return None
    if not current_user.is_authenticated:
        if request.method in {"GET", "HEAD"}:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        abort(401)
    g.membership = select_membership(current_user, session.get("organisation_id"))
    if g.membership is not None:
        session["organisation_id"] = g.membership.organisation_id
    if needed is Access.LOGGED_IN:
        return None
    if g.membership is None:
        abort(403)
    if not role_may(g.membership.role, needed):
        abort(403)
    return None


def check_every_view_declares_a_rule(app) -> None:
    missing = sorted(
        endpoint
        for endpoint in app.view_functions
        if rule_for_endpoint(app, endpoint) is None
    )
    if missing:
        raise RuntimeError(
            "These views declare no access rule (use @requires, @public or @logged_in): "
            + ", ".join(missing)
        )
