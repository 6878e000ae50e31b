"""Back up and restore a whole programme as one JSON file, losslessly, between any two databases.

Which tables belong to a programme is read from the schema, not listed by hand, so every module
added later is included: a table belongs to the programme when it has a foreign key to
``programmes`` or to a table that belongs to it. Rows are exported with their ids; on import
every id is renumbered and every reference follows. References that leave the programme are
matched by meaning: the organisation is the one named on import, participating municipalities by
name (created when missing), users by e-mail address (left empty when not found). Audit entries
follow the objects they describe. A link into another programme of the organisation (a next
cycle and the roadmap items carried over into it) is kept under ``links`` by meaning (the
programme's name, the row's title or name) and restored when that programme is there; links that
find nothing are reported.

An import runs in one transaction: a broken or altered file (wrong format, checksum, unknown
table or column, a reference to nothing) changes nothing and says why.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    Numeric,
    Table,
    insert,
    select,
    update,
)

from workplace_planner.extensions import db

FORMAT = "workplace-planner/programme-backup/v1"
ROOT = "programmes"
# Outside the programme: matched by meaning on import instead of copied.
EXTERNAL = {"organisations", "participants", "users"}
AUDIT_TABLE = "audit_entries"


class BackupError(ValueError):
    """The file cannot be restored; nothing was changed."""


@dataclass(frozen=True)
class ImportReport:
    programme: object
    unknown_users: list[str]  # e-mail addresses with no account here: their references are empty
    # Links into another programme that is not here (e.g. "Next cycle 2030"): left empty.
    unlinked: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- the schema
def _tables() -> dict[str, Table]:
    return dict(db.metadata.tables)


def programme_tables() -> list[Table]:
    """The programme's tables, parents before children (the root first)."""
    tables = _tables()
    owned = {ROOT}
    changed = True
    while changed:
        changed = False
        for name, table in tables.items():
            if name in owned or name in EXTERNAL or name == AUDIT_TABLE:
                continue
            if any(fk.column.table.name in owned for fk in table.foreign_keys):
                owned.add(name)
                changed = True
    return [t for t in db.metadata.sorted_tables if t.name in owned]


def _id_column(table: Table):
    primary = list(table.primary_key.columns)
    return primary[0] if len(primary) == 1 and primary[0].name == "id" else None


# ----------------------------------------------------------------------------- values
def _to_json(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _from_json(column, value):
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, Numeric) and not isinstance(kind, Integer):
            return Decimal(str(value))
        if isinstance(kind, DateTime):
            parsed = datetime.fromisoformat(value)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError("not true or false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("not a whole number")
            return value
        if isinstance(kind, JSON):
            return value
        enum_class = getattr(kind, "enum_class", None)
        if enum_class is not None:
            return enum_class(value)
    except (ValueError, TypeError, ArithmeticError) as error:
        raise BackupError(
            f"{column.table.name}.{column.name}: {value!r} is not valid: {error}"
        ) from error
    return value


def checksum(payload: dict) -> str:
    body = {k: v for k, v in payload.items() if k != "checksum"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# ----------------------------------------------------------------------------- export
def export_programme(programme_id: int) -> dict:
    from workplace_planner.auth.models import Organisation, Participant, User
    from workplace_planner.programmes.models import Programme

    programme = db.session.get(Programme, programme_id)
    if programme is None:
        raise BackupError(f"There is no programme {programme_id}.")
    organisation = db.session.get(Organisation, programme.organisation_id)
    exported: dict[str, list[dict]] = {}
    ids: dict[str, set] = {}
    for table in programme_tables():
        query = select(table)
        if table.name == ROOT:
            query = query.where(table.c.id == programme_id)
        else:
            # A row belongs to the programme when one of its references points into it and
            # every required one does; an optional one may point into another programme of the
            # organisation (a next cycle), which is kept by meaning under "links".
            owning = [fk for fk in table.foreign_keys if fk.column.table.name in ids]
            query = query.where(
                *[fk.parent.in_(ids[fk.column.table.name])
                  for fk in owning if not fk.parent.nullable],
                db.or_(*[fk.parent.in_(ids[fk.column.table.name]) for fk in owning]),
            )
        id_column = _id_column(table)
        if id_column is not None:
            query = query.order_by(id_column)
        else:
            query = query.order_by(*table.primary_key.columns)
        rows = [
            {k: _to_json(v) for k, v in row._mapping.items()}
            for row in db.session.execute(query)
        ]
        exported[table.name] = rows
        if id_column is not None:
            ids[table.name] = {row["id"] for row in rows}

    links = _outside_links(exported, ids)
    exported[AUDIT_TABLE] = _audit_rows(exported, organisation.id)
    participant_ids = {
        row[fk.parent.name]
        for name, rows in exported.items()
        for fk in _tables()[name].foreign_keys if fk.column.table.name == "participants"
        for row in rows if row.get(fk.parent.name) is not None
    }
    user_ids = {
        row[fk.parent.name]
        for name, rows in exported.items()
        for fk in _tables()[name].foreign_keys if fk.column.table.name == "users"
        for row in rows if row.get(fk.parent.name) is not None
    }
    payload = {
        "format": FORMAT,
        "exported_at": datetime.now(UTC).isoformat(),
        "organisation": {"name": organisation.name, "kind": _to_json(organisation.kind)},
        "participants": [
            {"id": p.id, "name": p.name, "headcount": p.headcount, "inhabitants": p.inhabitants}
            for p in db.session.scalars(
                select(Participant).where(Participant.id.in_(participant_ids))
                .order_by(Participant.id)
            )
        ],
        "users": [
            {"id": u.id, "email": u.email, "name": u.name}
            for u in db.session.scalars(
                select(User).where(User.id.in_(user_ids)).order_by(User.id)
            )
        ],
        "tables": exported,
    }
    if links:
        payload["links"] = links
    payload["checksum"] = checksum(payload)
    return payload


def _outside_links(exported: dict[str, list[dict]], ids: dict[str, set]) -> list[dict]:
    """Take the references that leave the programme out of the rows (they would point at
    nothing on import) and describe each by meaning instead."""
    links = []
    for name, rows in exported.items():
        table = _tables()[name]
        for column in table.columns:
            targets = [fk.column.table.name for fk in column.foreign_keys
                       if fk.column.table.name in ids]
            if not targets:
                continue
            for row in rows:
                value = row.get(column.name)
                if value is None or value in ids[targets[0]]:
                    continue
                row[column.name] = None
                links.append({"table": name, "id": row["id"], "column": column.name,
                              "to": _meaning(targets[0], value)})
    return links


def _meaning(table_name: str, row_id: int) -> dict:
    """A row of another programme as a person would name it: the programme's name, and the
    row's title or name within that programme."""
    table = _tables()[table_name]
    programmes = _tables()[ROOT]
    if table_name == ROOT:
        name = db.session.scalar(select(programmes.c.name).where(programmes.c.id == row_id))
        return {"table": ROOT, "programme": name}
    label = "title" if "title" in table.c else "name" if "name" in table.c else None
    if label is None or "programme_id" not in table.c:
        return {"table": table_name}
    found = db.session.execute(
        select(table.c[label], programmes.c.name)
        .join(programmes, programmes.c.id == table.c.programme_id)
        .where(table.c.id == row_id)
    ).first()
    return {"table": table_name, "programme": found[1], label: found[0]}


def _model_tables() -> dict[str, str]:
    """Model class name → table name, for audit entries (which name their object's class)."""
    return {
        mapper.class_.__name__: mapper.local_table.name
        for mapper in db.Model.registry.mappers
        if getattr(mapper, "local_table", None) is not None
    }


def _audit_rows(exported: dict, organisation_id: int) -> list[dict]:
    if AUDIT_TABLE not in _tables():
        return []
    table = _tables()[AUDIT_TABLE]
    by_class = _model_tables()
    rows = []
    for row in db.session.execute(
        select(table).where(table.c.organisation_id == organisation_id).order_by(table.c.id)
    ):
        entry = {k: _to_json(v) for k, v in row._mapping.items()}
        target = by_class.get(entry["object_type"])
        if target in exported and any(r.get("id") == entry["object_id"]
                                      for r in exported[target]):
            rows.append(entry)
    return rows


# ----------------------------------------------------------------------------- import
def _check(payload) -> None:
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise BackupError(f"This is not a programme backup (format {FORMAT}).")
    if payload.get("checksum") != checksum(payload):
        raise BackupError("The checksum does not match: the file was changed or damaged.")
    tables = payload.get("tables")
    if not isinstance(tables, dict) or not tables.get(ROOT) or len(tables[ROOT]) != 1:
        raise BackupError("The file holds no programme.")
    links = payload.get("links", [])
    if not isinstance(links, list) or not all(isinstance(link, dict) for link in links):
        raise BackupError("links: must be a list of objects.")
    known = {t.name for t in programme_tables()} | {AUDIT_TABLE}
    unknown = set(tables) - known
    if unknown:
        raise BackupError(f"Unknown tables: {', '.join(sorted(unknown))}.")
    schema = _tables()
    for name, rows in tables.items():
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise BackupError(f"{name}: rows must be objects.")
        columns = set(schema[name].c.keys())
        for row in rows:
            extra = set(row) - columns
            if extra:
                raise BackupError(f"{name}: unknown columns {', '.join(sorted(extra))}.")


def import_programme(payload: dict, organisation_name: str | None = None) -> ImportReport:
    """Restore a programme into an organisation (by default the one it came from). The caller
    commits; on any error the caller rolls back and nothing is changed."""
    from workplace_planner.auth.models import Organisation, OrganisationKind, Participant, User
    from workplace_planner.programmes.models import Programme

    _check(payload)
    name = organisation_name or payload["organisation"]["name"]
    organisation = db.session.scalar(select(Organisation).where(Organisation.name == name))
    if organisation is None:
        if organisation_name:
            raise BackupError(f"There is no organisation called {name!r}.")
        kind = payload["organisation"].get("kind", "municipality")
        organisation = Organisation(name=name, kind=OrganisationKind(kind))
        db.session.add(organisation)
        db.session.flush()

    mapping: dict[str, dict] = {"organisations": {}, "participants": {}, "users": {}}
    for participant in payload.get("participants", []):
        found = db.session.scalar(select(Participant).where(
            Participant.organisation_id == organisation.id,
            Participant.name == participant["name"]))
        if found is None:
            found = Participant(organisation_id=organisation.id, name=participant["name"],
                                headcount=participant.get("headcount") or 0,
                                inhabitants=participant.get("inhabitants") or 0)
            db.session.add(found)
            db.session.flush()
        mapping["participants"][participant["id"]] = found.id
    unknown_users = []
    for user in payload.get("users", []):
        found = db.session.scalar(select(User).where(User.email == user["email"]))
        mapping["users"][user["id"]] = found.id if found else None
        if found is None:
            unknown_users.append(user["email"])

    schema = _tables()
    deferred = []  # (table, new id, column, old reference) for references to later rows
    for table in programme_tables():
        rows = payload["tables"].get(table.name, [])
        mapping[table.name] = {}
        id_column = _id_column(table)
        for row in rows:
            values = {}
            for column in table.columns:
                if column.name not in row or column is id_column:
                    continue
                value = row[column.name]
                if column.name == "organisation_id":
                    value = organisation.id
                else:
                    for fk in column.foreign_keys:
                        target = fk.column.table.name
                        if value is None:
                            break
                        if target == table.name or target not in mapping:
                            deferred.append((table, column, row, value))
                            value = None
                            break
                        if value not in mapping[target]:
                            raise BackupError(
                                f"{table.name}.{column.name}: refers to {target} {value}, "
                                "which is not in the file.")
                        value = mapping[target][value]
                        if value is None and not column.nullable:
                            raise BackupError(
                                f"{table.name}.{column.name}: the user is not known here.")
                values[column.name] = _from_json(column, value)
            result = db.session.execute(insert(table).values(**values))
            if id_column is not None:
                if "id" not in row:
                    raise BackupError(f"{table.name}: a row without id.")
                mapping[table.name][row["id"]] = result.inserted_primary_key[0]
    for table, column, row, value in deferred:
        target = next(iter(column.foreign_keys)).column.table.name
        if value not in mapping.get(target, {}):
            raise BackupError(f"{table.name}.{column.name}: refers to {target} {value}, "
                              "which is not in the file.")
        new_id = mapping[table.name][row["id"]]
        values = {column.name: mapping[target][value]}
        if "updated_at" in table.c and row.get("updated_at"):
            # Filling in a reference is part of the restore, not a change: keep the time.
            values["updated_at"] = _from_json(table.c.updated_at, row["updated_at"])
        db.session.execute(update(table).where(table.c.id == new_id).values(values))

    _import_audit(payload["tables"].get(AUDIT_TABLE, []), mapping, organisation.id, schema)
    programme_id = mapping[ROOT][payload["tables"][ROOT][0]["id"]]
    unlinked = _restore_links(payload.get("links", []), mapping, organisation.id, programme_id)
    db.session.expire_all()
    return ImportReport(db.session.get(Programme, programme_id), unknown_users, unlinked)


def _restore_links(links, mapping, organisation_id: int, programme_id: int) -> list[str]:
    """Point the links into other programmes at what they meant, where it is here; the rest
    stays empty and is returned as readable descriptions."""
    schema = _tables()
    programmes = schema[ROOT]
    unlinked = []
    for link in links:
        try:
            table, column = schema[link["table"]], link["column"]
            new_id = mapping[link["table"]][link["id"]]
            meaning = dict(link["to"])
            target = schema[meaning.pop("table")]
            programme_name = meaning.pop("programme", None)
        except (KeyError, TypeError) as error:
            raise BackupError(f"links: an incomplete or unknown link ({error}).") from None
        if column not in table.c or any(label not in target.c for label in meaning):
            raise BackupError(f"links: {link['table']}.{column} cannot be restored.")
        # The newest programme of that name in this organisation, never the one just restored.
        other = select(programmes.c.id).where(
            programmes.c.organisation_id == organisation_id,
            programmes.c.name == programme_name, programmes.c.id != programme_id,
        ).order_by(programmes.c.id.desc()).limit(1).scalar_subquery()
        found = None
        if programme_name is not None and target.name == ROOT:
            found = db.session.scalar(select(other))
        elif programme_name is not None and meaning:
            found = db.session.scalar(
                select(target.c.id).where(
                    target.c.programme_id == other,
                    *[target.c[label] == value for label, value in meaning.items()])
                .order_by(target.c.id).limit(1))
        if found is None:
            unlinked.append(" · ".join(str(v) for v in [programme_name or target.name,
                                                         *meaning.values()]))
            continue
        db.session.execute(update(table).where(table.c.id == new_id).values({column: found}))
    return sorted(set(unlinked))


def _import_audit(rows, mapping, organisation_id, schema) -> None:
    if not rows or AUDIT_TABLE not in schema:
        return
    table = schema[AUDIT_TABLE]
    by_class = _model_tables()
    for row in rows:
        target = by_class.get(row.get("object_type"))
        if target not in mapping or row.get("object_id") not in mapping[target]:
            raise BackupError("audit_entries: an entry about an object that is not in the file.")
        values = {c.name: _from_json(c, row.get(c.name)) for c in table.columns
                  if c.name in row and c.name != "id"}
        values["organisation_id"] = organisation_id
        values["object_id"] = mapping[target][row["object_id"]]
        values["user_id"] = mapping["users"].get(row.get("user_id"))
        db.session.execute(insert(table).values(**values))
