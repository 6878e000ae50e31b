"""Personas to and from CSV/Excel, on top of ``workplace_planner.tabular``.

Columns have stable English keys; a shared-service programme has one headcount column per
participating municipality (``headcount: <name>``). Catalogue items are named, not numbered.
An import checks every row first (including unknown catalogue items, duplicate names and
headcounts) and then adds new personas or updates those with the same name, in one go.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from workplace_planner.programmes.models import Programme
from workplace_planner.steps.strategy.employee import services
from workplace_planner.steps.strategy.employee.choices import (
    CHANNELS,
    DEVICES,
    MOBILITY,
    WORK_LOCATIONS,
)
from workplace_planner.steps.strategy.employee.models import DeviceKit, LicenceBundle, Persona
from workplace_planner.tabular import (
    Column,
    ImportResult,
    RowError,
    choice,
    choices,
    integer,
    parse_table,
    text,
)

TEXT_FIELDS = (
    ("department", _l("Department"), 200),
    ("quote", _l("Quote"), 500),
    ("description", _l("Short description"), 5000),
    ("goals", _l("Goals"), 5000),
    ("frustrations", _l("Frustrations"), 5000),
    ("tasks", _l("Typical tasks"), 5000),
    ("applications", _l("Key applications"), 5000),
)
LIST_FIELDS = (
    ("work_locations", _l("Work locations"), WORK_LOCATIONS),
    ("devices_used", _l("Devices used now"), DEVICES),
    ("devices_needed", _l("Devices needed"), DEVICES),
    ("adoption_channels", _l("Preferred adoption channels"), CHANNELS),
)


def headcount_key(participant) -> str:
    return f"headcount: {participant.name.lower()}" if participant else "headcount"


def persona_columns(programme: Programme) -> list[Column]:
    licences = [b.name for b in services.list_catalogue(programme, LicenceBundle)]
    devices = [k.name for k in services.list_catalogue(programme, DeviceKit)]
    columns = [
        Column("name", _l("Name"), text(120), required=True, example="Buitendienst groen"),
        Column("role", _l("Role or archetype"), text(200), required=True,
               example="Medewerker groenbeheer"),
    ]
    for participant in services.headcount_columns(programme):
        columns.append(Column(
            headcount_key(participant),
            _l("Employees in %(municipality)s", municipality=participant.name)
            if participant else _l("Number of employees"),
            integer(0, 1_000_000), example="40",
        ))
    columns += [Column(key, label, text(size)) for key, label, size in TEXT_FIELDS]
    columns += [
        Column(key, label, choices(options), description=", ".join(options),
               example=next(iter(options)))
        for key, label, options in LIST_FIELDS
    ]
    columns += [
        Column("digital_skill", _l("Digital skill"), integer(1, 5), description="1-5",
               example="3"),
        Column("mobility", _l("Mobility"), choice(MOBILITY), description=", ".join(MOBILITY),
               example="hybrid"),
        Column("licence_profile", _l("Licence profile"), choice(licences),
               description=", ".join(licences)),
        Column("device_profile", _l("Device profile"), choice(devices),
               description=", ".join(devices)),
    ]
    return columns


def persona_records(programme: Programme, personas: list[Persona]) -> list[dict]:
    records = []
    for persona in personas:
        record = {
            "name": persona.name,
            "role": persona.role,
            "digital_skill": persona.digital_skill,
            "mobility": persona.mobility,
            "licence_profile": persona.licence_bundle.name if persona.licence_bundle else None,
            "device_profile": persona.device_kit.name if persona.device_kit else None,
        }
        for participant in services.headcount_columns(programme):
            record[headcount_key(participant)] = persona.headcount_for(
                participant.id if participant else None
            )
        for key, _label, _size in TEXT_FIELDS:
            record[key] = getattr(persona, key) or None
        for key, _label, _options in LIST_FIELDS:
            record[key] = list(getattr(persona, key) or [])
        records.append(record)
    return records


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int


def check_import(programme: Programme, rows) -> ImportResult:
    """Every row checked, also against the catalogue and each other; nothing is written."""
    result = parse_table(rows, persona_columns(programme))
    if not result.ok:
        return result
    seen: dict[str, int] = {}
    errors = []
    row_numbers = [number for number, _ in rows[1:]]
    keys = [headcount_key(p) for p in services.headcount_columns(programme)]
    for number, record in zip(row_numbers, result.records, strict=True):
        name = (record.get("name") or "").lower()
        if name in seen:
            errors.append(RowError(number, "name", str(
                _l("The same name as row %(row)d.", row=seen[name]))))
        seen[name] = number
        if sum(record.get(key) or 0 for key in keys) <= 0:
            errors.append(RowError(number, keys[0], str(
                _l("Enter how many employees this persona stands for."))))
    return ImportResult(records=[] if errors else result.records, errors=errors)


def import_personas(programme: Programme, records: list[dict]) -> ImportSummary:
    """Add or update (by name) every checked record. The caller commits once."""
    licences = {b.name: b.id for b in services.list_catalogue(programme, LicenceBundle)}
    devices = {k.name: k.id for k in services.list_catalogue(programme, DeviceKit)}
    existing = {p.name.lower(): p for p in services.list_personas(programme)}
    columns = services.headcount_columns(programme)
    added = updated = 0
    for record in records:
        headcounts = {
            (p.id if p else None): record.get(headcount_key(p)) or 0 for p in columns
        }
        fields = {
            "name": record["name"],
            "role": record["role"],
            "digital_skill": record.get("digital_skill"),
            "mobility": record.get("mobility"),
            "licence_bundle_id": licences.get(record.get("licence_profile")),
            "device_kit_id": devices.get(record.get("device_profile")),
        }
        for key, _label, _size in TEXT_FIELDS:
            fields[key] = record.get(key) or ""
        for key, _label, options in LIST_FIELDS:
            wanted = set(record.get(key) or [])
            fields[key] = [k for k in options if k in wanted]
        persona = existing.get(record["name"].lower())
        if persona is None:
            services.create_persona(programme, headcounts, **fields)
            added += 1
        else:
            services.update_persona(persona, programme, None, headcounts, **fields)
            updated += 1
    return ImportSummary(added, updated)
