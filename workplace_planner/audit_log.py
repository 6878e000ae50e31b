"""The organisation's change history as people read it: which object, what kind, who, when and
what changed, with field names in the reader's language. ``audit.py`` writes the entries; this
module finds and describes them for the audit-log page and its CSV export."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from workplace_planner import paging
from workplace_planner.audit import AuditEntry
from workplace_planner.auth.models import Membership, User
from workplace_planner.extensions import db

PAGE_SIZE = 50

ACTION_LABELS = {
    "created": _l("created"),
    "updated": _l("changed"),
    "deleted": _l("deleted"),
}

# Field names shared by many models; a model may add its own in ``__audit_labels__``.
FIELD_LABELS = {
    "name": _l("Name"),
    "title": _l("Title"),
    "label": _l("Label"),
    "description": _l("Description"),
    "note": _l("Note"),
    "status": _l("Status"),
    "owner": _l("Owner"),
    "kind": _l("Kind"),
    "category": _l("Category"),
    "amount": _l("Amount"),
    "year": _l("Year"),
    "start_year": _l("First year"),
    "end_year": _l("Last year"),
    "start_quarter": _l("Start"),
    "end_quarter": _l("End"),
    "users": _l("Users"),
    "fte": _l("FTE"),
    "statement": _l("Statement"),
    "value": _l("Value"),
    "source": _l("Source"),
    "personas": _l("Personas"),
    "systems": _l("Systems"),
    "participants": _l("Municipalities"),
    "dependencies": _l("Depends on"),
    "decision_note": _l("Decision note"),
    "submitted_at": _l("Submitted on"),
    "decided_at": _l("Decided on"),
}
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _model_classes() -> dict[str, type]:
    return {
        mapper.class_.__name__: mapper.class_ for mapper in db.Model.registry.mappers
    }


def _humanised(name: str) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", name).replace("_", " ").strip()
    return words[:1].upper() + words[1:].lower()


def kind_label(object_type: str, classes: dict[str, type] | None = None) -> str:
    model = (classes or _model_classes()).get(object_type)
    return str(getattr(model, "__audit_name__", None) or _humanised(object_type))


def field_label(model: type | None, key: str) -> str:
    own = getattr(model, "__audit_labels__", {}) if model is not None else {}
    return str(own.get(key) or FIELD_LABELS.get(key) or _humanised(key))


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    user_id: int | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class Change:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class Row:
    at: datetime
    who: str
    kind: str
    object_label: str
    action: str
    changes: tuple[Change, ...]


def _query(organisation_id: int, filters: Filters):
    query = select(AuditEntry).where(AuditEntry.organisation_id == organisation_id)
    if filters.kind:
        query = query.where(AuditEntry.object_type == filters.kind)
    if filters.user_id:
        query = query.where(AuditEntry.user_id == filters.user_id)
    if filters.since:
        query = query.where(AuditEntry.at >= datetime.combine(filters.since, time.min))
    if filters.until:  # the whole last day counts
        query = query.where(
            AuditEntry.at < datetime.combine(filters.until + timedelta(days=1), time.min)
        )
    return query


def search(organisation_id: int, filters: Filters, page: int = 1,
           page_size: int = PAGE_SIZE) -> paging.Page[AuditEntry]:
    """One page of entries, newest first (a page past the end shows the last one)."""
    query = _query(organisation_id, filters)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    page = paging.clamp(page, total, page_size)
    entries = db.session.scalars(
        query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * page_size)
        .limit(page_size)
    ).all()
    return paging.page_of(entries, page, page_size, total)


def all_matching(organisation_id: int, filters: Filters) -> list[AuditEntry]:
    return list(db.session.scalars(
        _query(organisation_id, filters).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    ))


def kinds_in_use(organisation_id: int) -> list[tuple[str, str]]:
    """(object type, readable kind) of everything the organisation's log mentions."""
    classes = _model_classes()
    types = db.session.scalars(
        select(AuditEntry.object_type).distinct().where(
            AuditEntry.organisation_id == organisation_id
        )
    )
    return sorted(((t, kind_label(t, classes)) for t in types), key=lambda pair: pair[1])


def members(organisation_id: int) -> list[User]:
    return list(db.session.scalars(
        select(User).join(Membership).where(Membership.organisation_id == organisation_id)
        .order_by(User.name)
    ))


def value_shown(model: type | None, key: str, value):
    """A stored value as a person reads it: a model's own labels for coded values
    (``__audit_values__``), a moment in the reader's format."""
    if value is None:
        return None
    own = getattr(model, "__audit_values__", {}).get(key) if model is not None else None
    if own and isinstance(value, str) and value in own:
        return str(own[value])
    if isinstance(value, str) and _ISO_MOMENT.match(value):
        try:
            return format_datetime(datetime.fromisoformat(value), "medium")
        except ValueError:
            return value
    return value


def form_labels(form) -> dict[str, str]:
    """The labels of a form's fields: the words the person saw when making the change."""
    return {name: str(field.label.text) for name, field in form._fields.items()}


def describe(entries: list[AuditEntry], system_name: str,
             labels: dict[str, str] | None = None) -> list[Row]:
    """Readable rows; the users are loaded in one query, not one per entry. ``labels`` names
    fields for this page (e.g. the edit form's labels) before the shared names."""
    labels = labels or {}
    classes = _model_classes()
    user_ids = {e.user_id for e in entries if e.user_id}
    users = {
        u.id: u.display_name
        for u in db.session.scalars(select(User).where(User.id.in_(user_ids)))
    } if user_ids else {}
    rows = []
    for entry in entries:
        model = classes.get(entry.object_type)
        rows.append(Row(
            at=entry.at,
            who=users.get(entry.user_id, system_name),
            kind=kind_label(entry.object_type, classes),
            object_label=entry.object_label or f"#{entry.object_id}",
            action=str(ACTION_LABELS.get(entry.action, entry.action)),
            changes=tuple(
                Change(labels.get(key) or field_label(model, key),
                       value_shown(model, key, change.get("old")),
                       value_shown(model, key, change.get("new")))
                for key, change in (entry.changes or {}).items()
            ),
        ))
    return rows
