"""Organisations (tenants), their participating municipalities, users and memberships."""

from __future__ import annotations

import enum

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.extensions import db
from workplace_planner.models_base import TenantMixin, TimestampMixin, VersionedMixin, string_enum


def _enum_column(enum_class, length=32):
    return string_enum(enum_class, length)


class OrganisationKind(enum.StrEnum):
    MUNICIPALITY = "municipality"
    SHARED_SERVICE = "shared_service"


class Role(enum.StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    WORKSHOP_LEAD = "workshop_lead"
    REVIEWER = "reviewer"


class Organisation(TimestampMixin, VersionedMixin, db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OrganisationKind] = mapped_column(_enum_column(OrganisationKind))
    headcount: Mapped[int | None] = mapped_column(Integer)
    inhabitants: Mapped[int | None] = mapped_column(Integer)

    participants: Mapped[list[Participant]] = relationship(
        back_populates="organisation",
        cascade="all, delete-orphan",
        order_by="Participant.name",
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan"
    )

    @property
    def is_shared_service(self) -> bool:
        return self.kind is OrganisationKind.SHARED_SERVICE

    @property
    def total_headcount(self) -> int | None:
        """The workforce: the participants' sum for a shared service, else its own figure."""
        if self.is_shared_service and self.participants:
            return sum(participant.headcount or 0 for participant in self.participants)
        return self.headcount

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"


class Participant(TenantMixin, TimestampMixin, VersionedMixin, db.Model):
    """A municipality that takes part in a shared-service organisation."""

    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("organisation_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    inhabitants: Mapped[int] = mapped_column(Integer, default=0)

    organisation: Mapped[Organisation] = relationship(back_populates="participants")


class User(UserMixin, TimestampMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str | None] = mapped_column(String(5))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    @property
    def display_name(self) -> str:
        return self.name or self.email

    def membership_in(self, organisation_id: int) -> Membership | None:
        return next(
            (m for m in self.memberships if m.organisation_id == organisation_id), None
        )

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class Membership(TimestampMixin, db.Model):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(_enum_column(Role))

    user: Mapped[User] = relationship(back_populates="memberships")
    organisation: Mapped[Organisation] = relationship(back_populates="memberships")
