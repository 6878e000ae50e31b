"""Operations on accounts and memberships. Views and CLI call these; they commit nothing."""

from __future__ import annotations

import secrets

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from workplace_planner.auth.models import Membership, Organisation, OrganisationKind, Role, User
from workplace_planner.auth.passwords import (
    DUMMY_HASH,
    MIN_LENGTH,
    hash_password,
    needs_rehash,
    verify_password,
    weakness,
)
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db


class AccountError(DomainError):
    """A refused account operation; the message is shown to the user."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(email: str, password: str) -> User | None:
    user = find_user(email)
    if user is None:
        verify_password(DUMMY_HASH, password)
        return None
    if not user.active or not verify_password(user.password_hash, password):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


PASSWORD_MESSAGES = {
    "short": _l("Use at least %(n)d characters.", n=MIN_LENGTH),
    "common": _l("This password is too easy to guess. Use a sentence of a few words."),
    "email": _l("Do not use your e-mail address in your password."),
}


def check_password_rules(password: str, email: str | None = None) -> None:
    problem = weakness(password, email)
    if problem:
        raise AccountError(PASSWORD_MESSAGES[problem], "new_password")


def set_password(user: User, password: str) -> None:
    check_password_rules(password, user.email)
    user.password_hash = hash_password(password)


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError(_l("The current password is not correct."), "current_password")
    set_password(user, new)


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def create_user(email: str, password: str, name: str = "") -> User:
    if find_user(email) is not None:
        raise AccountError(_l("A user with this e-mail address already exists."), "email")
    user = User(email=normalise_email(email), name=name.strip())
    set_password(user, password)
    db.session.add(user)
    return user


def add_member(
    organisation: Organisation, email: str, name: str, role: Role
) -> tuple[Membership, str | None]:
    """Add a member; a new account gets a generated first password, returned once."""
    user = find_user(email)
    first_password = None
    if user is None:
        first_password = generate_password()
        user = create_user(email, first_password, name)
    elif user.membership_in(organisation.id) is not None:
        raise AccountError(_l("This person is already a member."), "email")
    membership = Membership(user=user, organisation=organisation, role=role)
    db.session.add(membership)
    return membership, first_password


def _admin_count(organisation_id: int) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(Membership)
        .where(Membership.organisation_id == organisation_id, Membership.role == Role.ADMIN)
    )


def change_role(membership: Membership, role: Role) -> None:
    if membership.role is Role.ADMIN and role is not Role.ADMIN:
        if _admin_count(membership.organisation_id) <= 1:
            raise AccountError(_l("An organisation keeps at least one administrator."))
    membership.role = role


def remove_member(membership: Membership) -> None:
    if membership.role is Role.ADMIN and _admin_count(membership.organisation_id) <= 1:
        raise AccountError(_l("An organisation keeps at least one administrator."))
    db.session.delete(membership)


def create_user_in_organisation(
    email: str,
    name: str,
    password: str,
    organisation_name: str,
    kind: OrganisationKind,
    role: Role,
) -> tuple[User, bool]:
    """For the command line: find or create the organisation and the user, then join them."""
    organisation = db.session.scalar(
        select(Organisation).where(Organisation.name == organisation_name.strip())
    )
    if organisation is None:
        organisation = Organisation(name=organisation_name.strip(), kind=kind)
        db.session.add(organisation)
        db.session.flush()
    user = find_user(email)
    created = user is None
    if created:
        user = create_user(email, password, name)
    if user.membership_in(organisation.id) is not None:
        raise AccountError(f"{user.email} is already a member of {organisation.name}.")
    db.session.add(Membership(user=user, organisation=organisation, role=role))
    db.session.commit()
    return user, created
