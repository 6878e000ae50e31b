"""Column types and mixins shared by every model."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import Column, DateTime, Enum, ForeignKey, Integer, Numeric, Table
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

# Money is an exact decimal in the database (never a float): 13 digits of euros and cents.
Money = Numeric(15, 2, asdecimal=True)
MoneyValue = Decimal


def string_enum(enum_class, length: int):
    """A Python enum stored as its value in a short string column (with the allowed values
    checked in Python): portable between SQLite and PostgreSQL and readable in a dump."""
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def link_table(name: str, left: str, left_table: str, right: str, right_table: str) -> Table:
    """A many-to-many table of two foreign keys (the primary key together); a link goes when
    either side is deleted."""
    from workplace_planner.extensions import db

    return Table(
        name,
        db.metadata,
        Column(left, ForeignKey(f"{left_table}.id", ondelete="CASCADE"), primary_key=True),
        Column(right, ForeignKey(f"{right_table}.id", ondelete="CASCADE"), primary_key=True),
    )


def utcnow() -> datetime:
    return datetime.now(UTC)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


class VersionedMixin:
    """An optimistic-lock counter: a save based on a stale version is refused, not overwritten."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls):  # noqa: N805 - SQLAlchemy's declared_attr signature
        return {"version_id_col": cls.version}


class TenantMixin:
    """Data owned by one organisation. Views reach it only through ``scoping.get_scoped``."""

    @declared_attr
    def organisation_id(cls) -> Mapped[int]:  # noqa: N805
        return mapped_column(
            ForeignKey("organisations.id", ondelete="CASCADE"), index=True, nullable=False
        )


class ProgrammeOwned(TenantMixin, TimestampMixin, VersionedMixin):
    """Belongs to one programme of one organisation; edited with optimistic locking.
    Views fetch the programme with ``get_scoped_or_404`` and then the object within it."""

    @declared_attr
    def programme_id(cls) -> Mapped[int]:  # noqa: N805
        return mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
