"""Step 2, Design: a workplace profile per persona, the target architecture per domain and the
sourcing and procurement plan. Everything links back to step 1: personas and the catalogue of
licences and device kits, the system inventory and ambition, roadmap items and governance
decisions."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.extensions import db
from workplace_planner.models_base import Money, ProgrammeOwned, link_table, string_enum
from workplace_planner.steps.strategy.employee.models import DeviceKit, LicenceBundle, Persona
from workplace_planner.steps.strategy.technology.choices import Domain
from workplace_planner.steps.strategy.technology.models import GovernanceDecision, RoadmapItem


class SecurityLevel(enum.StrEnum):
    BASIC = "basic"
    ELEVATED = "elevated"
    HIGH = "high"


class ProcurementKind(enum.StrEnum):
    TENDER = "tender"
    FRAMEWORK = "framework"
    CALL_OFF = "call_off"
    DIRECT_AWARD = "direct_award"


class ProcurementStatus(enum.StrEnum):
    PLANNED = "planned"
    PUBLISHED = "published"
    AWARDED = "awarded"
    CONTRACTED = "contracted"
    CANCELLED = "cancelled"



profile_device_kits = link_table(
    "workplace_profile_device_kits", "profile_id", "workplace_profiles", "device_kit_id",
    "device_kits",
)
architecture_roadmap_items = link_table(
    "architecture_domain_roadmap_items", "architecture_domain_id", "architecture_domains",
    "roadmap_item_id", "roadmap_items",
)
procurement_roadmap_items = link_table(
    "procurement_roadmap_items", "procurement_id", "procurements", "roadmap_item_id",
    "roadmap_items",
)


class WorkplaceProfile(ProgrammeOwned, db.Model):
    """What a persona gets: devices, applications, licence, access and security level."""
    __audit_name__ = _l("Workplace profile")

    __tablename__ = "workplace_profiles"
    __table_args__ = (UniqueConstraint("persona_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    persona_id: Mapped[int] = mapped_column(ForeignKey("personas.id", ondelete="CASCADE"))
    # Keys of steps.strategy.employee.choices.DEVICES, like the persona's devices.
    device_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    applications: Mapped[str] = mapped_column(Text, default="")
    licence_bundle_id: Mapped[int | None] = mapped_column(
        ForeignKey("licence_bundles.id", ondelete="SET NULL")
    )
    mfa: Mapped[bool] = mapped_column(Boolean, default=True)
    managed_device: Mapped[bool] = mapped_column(Boolean, default=True)
    location_rules: Mapped[str] = mapped_column(Text, default="")
    security_level: Mapped[SecurityLevel] = mapped_column(
        string_enum(SecurityLevel, 20), default=SecurityLevel.BASIC
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    persona: Mapped[Persona] = relationship()
    licence_bundle: Mapped[LicenceBundle | None] = relationship()
    device_kits: Mapped[list[DeviceKit]] = relationship(
        secondary=profile_device_kits, order_by="DeviceKit.name"
    )

    @property
    def audit_label(self) -> str:
        return self.persona.name


class ArchitectureDomain(ProgrammeOwned, db.Model):
    """The target architecture of one domain: the chosen solution, its principles, notes and
    the roadmap items that realise it. Current and target hosting come from the systems."""

    __tablename__ = "architecture_domains"
    __table_args__ = (UniqueConstraint("programme_id", "domain"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    domain: Mapped[Domain] = mapped_column(string_enum(Domain, 30))
    solution: Mapped[str] = mapped_column(String(300), default="")
    principles: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    roadmap_items: Mapped[list[RoadmapItem]] = relationship(
        secondary=architecture_roadmap_items, order_by="RoadmapItem.start_quarter"
    )


class Procurement(ProgrammeOwned, db.Model):
    """A procurement of the sourcing plan: how it is bought, why (the governance decision) and
    for which changes (roadmap items), when, for how much, and how far it is."""

    __tablename__ = "procurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[ProcurementKind] = mapped_column(string_enum(ProcurementKind, 20))
    status: Mapped[ProcurementStatus] = mapped_column(
        string_enum(ProcurementStatus, 20), default=ProcurementStatus.PLANNED
    )
    supplier: Mapped[str] = mapped_column(String(200), default="")
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("governance_decisions.id", ondelete="SET NULL"), index=True
    )
    publication_date: Mapped[date | None] = mapped_column(Date)
    award_date: Mapped[date | None] = mapped_column(Date)
    contract_start: Mapped[date | None] = mapped_column(Date)
    estimated_value: Mapped[Decimal | None] = mapped_column(Money)
    notes: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[GovernanceDecision | None] = relationship()
    roadmap_items: Mapped[list[RoadmapItem]] = relationship(
        secondary=procurement_roadmap_items, order_by="RoadmapItem.start_quarter"
    )

    @property
    def audit_label(self) -> str:
        return self.title
