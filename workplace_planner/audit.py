"""A generic change history ("audit trail") for any tenant object.

Use it from a service, after changing an object and before the view commits::

    audit.record_changes(item)                 # what changed since it was loaded
    audit.record_created(item)                 # after adding a new object (flushes for its id)
    audit.record_deleted(item)                 # before deleting it
    audit.history_for(item)                    # the entries, newest first

``record_changes`` reads SQLAlchemy's attribute history (old and new value of every changed
column, and the members added to or removed from many-to-many collections), so it must run
before the session flushes: services do their work under ``db.session.no_autoflush`` or call it
right after setting the attributes. Related objects are stored by their ``audit_label`` (or
their id) because that is what a person reads back in the history. Values are stored as JSON:
dates as ISO text, decimals as text, enums as their value. A model may name a
``__audit_formatters__`` mapping of attribute → function to store a friendlier value (e.g.
a quarter index as "2027 Q2").
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, inspect, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import User
from workplace_planner.extensions import db
from workplace_planner.models_base import TenantMixin, utcnow

# Bookkeeping columns that change on every save and say nothing to a reader.
IGNORED = frozenset({"version", "created_at", "updated_at", "organisation_id", "programme_id"})


class AuditEntry(TenantMixin, db.Model):
    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str] = mapped_column(String(60), index=True)
    object_id: Mapped[int] = mapped_column(Integer, index=True)
    # What the object was called when this happened: the log stays readable after a deletion.
    object_label: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(10))  # created, updated, deleted
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # {attribute: {"old": ..., "new": ...}}
    changes: Mapped[dict] = mapped_column(JSON, default=dict)

    user: Mapped[User | None] = relationship()


def _plain(value):
    """A JSON-safe value a person can read back."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    label = getattr(value, "audit_label", None)
    if label is not None:
        return str(label)
    return str(getattr(value, "id", value))


def _collection(values) -> list:
    return sorted(str(_plain(v)) for v in values)


def changes_of(obj) -> dict:
    """{attribute: {"old", "new"}} for every attribute changed since the object was loaded."""
    state = inspect(obj)
    formatters = getattr(obj, "__audit_formatters__", {})
    changes = {}
    for attribute in state.mapper.column_attrs:
        key = attribute.key
        if key in IGNORED:
            continue
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if old == new:
            continue
        format_value = formatters.get(key, _plain)
        changes[key] = {"old": format_value(old), "new": format_value(new)}
    for relation in state.mapper.relationships:
        if not relation.uselist or relation.viewonly or relation.key in IGNORED:
            continue
        history = state.attrs[relation.key].history
        if not history.has_changes():
            continue
        old = _collection([*history.unchanged, *history.deleted])
        new = _collection([*history.unchanged, *history.added])
        if old != new:
            changes[relation.key] = {"old": old, "new": new}
    return changes


def _current_user_id() -> int | None:
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.id
    return None


def label_of(obj) -> str:
    """How a person recognises the object: its ``audit_label``, else a name or title."""
    for attribute in ("audit_label", "name", "title", "label"):
        value = getattr(obj, attribute, None)
        if value:
            return str(value)[:200]
    return f"#{obj.id}"


def _entry(obj, action: str, changes: dict) -> AuditEntry:
    entry = AuditEntry(
        organisation_id=obj.organisation_id,
        object_type=type(obj).__name__,
        object_id=obj.id,
        object_label=label_of(obj),
        action=action,
        user_id=_current_user_id(),
        changes=changes,
    )
    db.session.add(entry)
    return entry


def record_changes(obj) -> AuditEntry | None:
    """Record what changed on ``obj``; nothing when nothing changed."""
    changes = changes_of(obj)
    return _entry(obj, "updated", changes) if changes else None


def record_created(obj) -> AuditEntry:
    db.session.flush()  # the new object's id
    return _entry(obj, "created", {})


def record_deleted(obj) -> AuditEntry:
    return _entry(obj, "deleted", {})


def history_for(obj, limit: int = 200) -> list[AuditEntry]:
    return list(
        db.session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.organisation_id == obj.organisation_id,
                AuditEntry.object_type == type(obj).__name__,
                AuditEntry.object_id == obj.id,
            )
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(limit)
        )
    )
