"""Operations of step 6, Operate. Verb-named; they never commit (the view does)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.stale import check_version
from workplace_planner.steps.operate import rules
from workplace_planner.steps.operate.models import (
    RegieTask,
    RunRole,
    ServiceContract,
    ServiceLevel,
    ServiceLevelMeasurement,
    Sourcing,
)
from workplace_planner.steps.strategy.technology.models import System

RENEWAL_MONTHS = 6  # renewals due within this many months are flagged, unless asked otherwise


def _in_programme(model, programme):
    return select(model).where(
        model.programme_id == programme.id, model.organisation_id == programme.organisation_id
    )


def _owned(programme, model):
    return model(programme_id=programme.id, organisation_id=programme.organisation_id)


def _set(obj, values: dict) -> None:
    for name, value in values.items():
        setattr(obj, name, value.strip() if type(value) is str else value)


def save_record(programme, model, record=None, version=None, **values):
    """Create a record of ``model`` in the programme, or update ``record`` (stale refused)."""
    if record is None:
        record = _owned(programme, model)
        db.session.add(record)
    else:
        check_version(record, version)
    _set(record, values)
    return record


def delete_record(record) -> None:
    db.session.delete(record)


# ----------------------------------------------------------------------------- run organisation
def list_roles(programme) -> list[RunRole]:
    return list(db.session.scalars(_in_programme(RunRole, programme).order_by(RunRole.name)))


def list_tasks(programme) -> list[RegieTask]:
    return list(db.session.scalars(_in_programme(RegieTask, programme)
                                   .order_by(RegieTask.title)))


def save_role(programme, role=None, version=None, **values) -> RunRole:
    if values.get("sourcing") is Sourcing.INTERNAL:
        values["supplier"] = ""
    return save_record(programme, RunRole, role, version, **values)


def fte_totals(roles) -> dict:
    internal = sum((r.fte for r in roles if r.sourcing is Sourcing.INTERNAL), Decimal(0))
    external = sum((r.fte for r in roles if r.sourcing is Sourcing.EXTERNAL), Decimal(0))
    return {"internal": internal, "external": external, "total": internal + external}


# ----------------------------------------------------------------------------- contracts
def list_contracts(programme) -> list[ServiceContract]:
    """With their systems and service levels (and those levels' measurements): the lists show
    them for every contract."""
    return list(db.session.scalars(
        _in_programme(ServiceContract, programme)
        .order_by(ServiceContract.supplier, ServiceContract.subject)
        .options(selectinload(ServiceContract.systems),
                 selectinload(ServiceContract.service_levels)
                 .selectinload(ServiceLevel.measurements))
    ))


def _systems(programme, ids) -> list[System]:
    wanted = set(ids or ())
    if not wanted:
        return []
    return list(db.session.scalars(_in_programme(System, programme)
                                   .where(System.id.in_(wanted)).order_by(System.name)))


def save_contract(programme, contract=None, version=None, system_ids=(), **values):
    if values["ends_on"] < values["starts_on"]:
        raise DomainError(_l("The end date cannot be before the start date."), field="ends_on")
    renewal_on = values.get("renewal_on")
    if renewal_on is not None and renewal_on > values["ends_on"]:
        raise DomainError(_l("The renewal decision comes before the end date."),
                          field="renewal_on")
    with db.session.no_autoflush:
        contract = save_record(programme, ServiceContract, contract, version, **values)
        contract.systems = _systems(programme, system_ids)
    return contract


@dataclass
class ContractRow:
    contract: ServiceContract
    decision_date: date
    status: str

    @property
    def flagged(self) -> bool:
        return self.status in rules.FLAGGED


def contract_rows(programme, today: date, months: int = RENEWAL_MONTHS) -> list[ContractRow]:
    rows = []
    for contract in list_contracts(programme):
        rows.append(ContractRow(
            contract,
            rules.decision_date(contract.ends_on, contract.notice_months, contract.renewal_on),
            rules.renewal_status(contract.ends_on, contract.notice_months, contract.renewal_on,
                                 today, months),
        ))
    return rows


def running_value(rows) -> Decimal:
    return sum((r.contract.annual_value for r in rows if r.status != rules.ENDED), Decimal(0))


# ----------------------------------------------------------------------------- service levels
def save_service_level(programme, contract, level=None, version=None, **values):
    level = save_record(programme, ServiceLevel, level, version, **values)
    level.contract = contract
    return level


def save_level_measurement(programme, level, **values) -> ServiceLevelMeasurement:
    for existing in level.measurements:
        if existing.period_start == values["period_start"]:
            raise DomainError(_l("This period has a measured value already; delete it first."),
                              field="period_start")
    measurement = save_record(programme, ServiceLevelMeasurement, **values)
    measurement.service_level = level
    return measurement


@dataclass
class LevelSummary:
    level: ServiceLevel
    met: int
    measured: int

    @property
    def latest(self):
        return self.level.measurements[-1] if self.level.measurements else None


def level_summaries(contract) -> list[LevelSummary]:
    return [LevelSummary(level, sum(1 for m in level.measurements if m.is_met),
                         len(level.measurements)) for level in contract.service_levels]


def list_service_levels(programme) -> list[ServiceLevel]:
    return list(db.session.scalars(_in_programme(ServiceLevel, programme)
                                   .order_by(ServiceLevel.id)
                                   .options(selectinload(ServiceLevel.measurements))))
