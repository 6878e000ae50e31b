"""The run organisation, contracts with their SLAs, and the service levels measured (step 6)."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.extensions import db
from workplace_planner.models_base import Money, ProgrammeOwned, string_enum
from workplace_planner.steps.strategy.technology.models import System


class Sourcing(enum.StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class Frequency(enum.StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    AS_NEEDED = "as_needed"


class Direction(enum.StrEnum):
    AT_LEAST = "at_least"  # e.g. availability 99.8 percent
    AT_MOST = "at_most"  # e.g. resolution time 8 hours


SOURCINGS = {Sourcing.INTERNAL: _l("Internal"), Sourcing.EXTERNAL: _l("External")}
FREQUENCIES = {
    Frequency.WEEKLY: _l("Weekly"), Frequency.MONTHLY: _l("Monthly"),
    Frequency.QUARTERLY: _l("Quarterly"), Frequency.YEARLY: _l("Yearly"),
    Frequency.AS_NEEDED: _l("As needed"),
}
DIRECTIONS = {Direction.AT_LEAST: _l("at least"), Direction.AT_MOST: _l("at most")}

Fte = Numeric(6, 2, asdecimal=True)
Measure = Numeric(12, 2, asdecimal=True)

service_contract_systems = Table(
    "service_contract_systems",
    db.metadata,
    Column("service_contract_id", ForeignKey("service_contracts.id", ondelete="CASCADE"),
           primary_key=True),
    Column("system_id", ForeignKey("systems.id", ondelete="CASCADE"), primary_key=True),
)


class RunRole(ProgrammeOwned, db.Model):
    """A role in the run organisation: how many FTE, internal or bought in."""

    __tablename__ = "run_roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    fte: Mapped[Decimal] = mapped_column(Fte)
    sourcing: Mapped[Sourcing] = mapped_column(string_enum(Sourcing, 20))
    supplier: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class RegieTask(ProgrammeOwned, db.Model):
    """A recurring task of vendor management (regie), with its owner and frequency."""

    __tablename__ = "regie_tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(200))
    frequency: Mapped[Frequency] = mapped_column(string_enum(Frequency, 20))
    note: Mapped[str] = mapped_column(Text, default="")


class ServiceContract(ProgrammeOwned, db.Model):
    """A contract with a supplier, its dates and yearly value, and its service levels."""

    __tablename__ = "service_contracts"

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    notice_months: Mapped[int] = mapped_column(Integer, default=0)
    # The date a decision on renewal is needed; empty: the end date minus the notice period.
    renewal_on: Mapped[date | None] = mapped_column(Date)
    annual_value: Mapped[Decimal] = mapped_column(Money)
    owner: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    systems: Mapped[list[System]] = relationship(
        secondary=service_contract_systems, order_by="System.name"
    )
    service_levels: Mapped[list[ServiceLevel]] = relationship(
        back_populates="contract", cascade="all, delete-orphan",
        order_by=lambda: ServiceLevel.id,
    )

    @property
    def audit_label(self) -> str:
        return f"{self.supplier}: {self.subject}"


class ServiceLevel(ProgrammeOwned, db.Model):
    """A service level (KPI) agreed in a contract: a norm with its unit and direction."""

    __tablename__ = "service_levels"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_contract_id: Mapped[int] = mapped_column(
        ForeignKey("service_contracts.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    norm: Mapped[Decimal] = mapped_column(Measure)
    unit: Mapped[str] = mapped_column(String(40))
    direction: Mapped[Direction] = mapped_column(string_enum(Direction, 20))

    contract: Mapped[ServiceContract] = relationship(back_populates="service_levels")
    measurements: Mapped[list[ServiceLevelMeasurement]] = relationship(
        back_populates="service_level", cascade="all, delete-orphan",
        order_by=lambda: ServiceLevelMeasurement.period_start,
    )

    def is_met(self, value: Decimal) -> bool:
        return value >= self.norm if self.direction is Direction.AT_LEAST else value <= self.norm


class ServiceLevelMeasurement(ProgrammeOwned, db.Model):
    """What a service level reached in one period (a month, from its first day)."""

    __tablename__ = "service_level_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_level_id: Mapped[int] = mapped_column(
        ForeignKey("service_levels.id", ondelete="CASCADE"), index=True
    )
    period_start: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(Measure)
    note: Mapped[str] = mapped_column(Text, default="")

    service_level: Mapped[ServiceLevel] = relationship(back_populates="measurements")

    @property
    def is_met(self) -> bool:
        return self.service_level.is_met(self.value)
