"""The business case of a programme: parameters, scenarios, cost and benefit lines with their
drivers and links, the assumptions register, cloud resources, qualitative benefits, versions
(snapshots under review) and reviewers' comments.

Rates are stored as the percentage people type (2.25 means 2.25 %), amounts as exact decimals;
``engine_input.py`` turns the whole into the engine's input format. No figure is computed here.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import User
from workplace_planner.extensions import db
from workplace_planner.models_base import Money, ProgrammeOwned, TenantMixin, string_enum, utcnow
from workplace_planner.programmes.models import IllegalTransition

Percentage = Numeric(9, 4, asdecimal=True)  # 2.2500 = 2.25 %
Quantity = Numeric(15, 4, asdecimal=True)  # users, units, FTE: not money, but exact
UnitPrice = Numeric(15, 4, asdecimal=True)  # a price per unit may need more than cents


def _enum(enum_class, length: int = 20):
    return string_enum(enum_class, length)


class VersionStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    SENT_BACK = "sent_back"


STATUS_LABELS = {
    VersionStatus.DRAFT: _l("Draft"),
    VersionStatus.SUBMITTED: _l("Submitted for review"),
    VersionStatus.APPROVED: _l("Approved"),
    VersionStatus.SENT_BACK: _l("Sent back"),
}


class Assumption(ProgrammeOwned, db.Model):
    """An entry of the assumptions register: a statement, its value, and where it comes from
    (a source, or none: then it is an assumption of the team, "aanname")."""
    __audit_name__ = _l("Assumption")

    __tablename__ = "business_case_assumptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement: Mapped[str] = mapped_column(String(300))
    value: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(500), default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    dated: Mapped[date | None] = mapped_column(Date)

    @property
    def has_source(self) -> bool:
        return bool(self.source.strip())

    @property
    def audit_label(self) -> str:
        return self.statement


class BusinessCase(ProgrammeOwned, db.Model):
    """The parameters of a programme's business case (one per programme)."""
    __audit_name__ = _l("Business case")

    __tablename__ = "business_cases"
    __table_args__ = (
        UniqueConstraint("programme_id"),
        CheckConstraint("horizon_years BETWEEN 1 AND 60", name="horizon_in_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_year: Mapped[int] = mapped_column(Integer)
    horizon_years: Mapped[int] = mapped_column(Integer)
    discount_rate_pct: Mapped[Decimal] = mapped_column(Percentage)
    price_index_pct: Mapped[Decimal] = mapped_column(Percentage)
    vat_rate_pct: Mapped[Decimal] = mapped_column(Percentage)
    interest_rate_pct: Mapped[Decimal] = mapped_column(Percentage)
    depreciation_start: Mapped[str] = mapped_column(String(20), default="next_year")
    allocation_key: Mapped[str] = mapped_column(String(20), default="headcount")
    simulations: Mapped[int] = mapped_column(Integer, default=2000)
    seed: Mapped[int] = mapped_column(Integer, default=42)
    note: Mapped[str] = mapped_column(Text, default="")
    discount_rate_assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_assumptions.id", ondelete="SET NULL")
    )
    price_index_assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_assumptions.id", ondelete="SET NULL")
    )
    vat_rate_assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_assumptions.id", ondelete="SET NULL")
    )
    interest_rate_assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_assumptions.id", ondelete="SET NULL")
    )

    discount_rate_assumption: Mapped[Assumption | None] = relationship(
        foreign_keys=[discount_rate_assumption_id]
    )
    price_index_assumption: Mapped[Assumption | None] = relationship(
        foreign_keys=[price_index_assumption_id]
    )
    vat_rate_assumption: Mapped[Assumption | None] = relationship(
        foreign_keys=[vat_rate_assumption_id]
    )
    interest_rate_assumption: Mapped[Assumption | None] = relationship(
        foreign_keys=[interest_rate_assumption_id]
    )

    @property
    def end_year(self) -> int:
        return self.start_year + self.horizon_years - 1

    @property
    def audit_label(self) -> str:
        return self.name


class Scenario(ProgrammeOwned, db.Model):
    __audit_name__ = _l("Scenario")
    __tablename__ = "business_case_scenarios"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    is_baseline: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)

    lines: Mapped[list[CaseLine]] = relationship(
        back_populates="scenario", cascade="all, delete-orphan",
        order_by=lambda: (CaseLine.position, CaseLine.id),
    )

    @property
    def audit_label(self) -> str:
        return self.name


class CloudResource(ProgrammeOwned, db.Model):
    """A cloud resource of the programme's catalogue, e.g. storage per GB per year."""
    __audit_name__ = _l("Cloud resource")

    __tablename__ = "cloud_resources"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    unit: Mapped[str] = mapped_column(String(60))
    unit_price: Mapped[Decimal] = mapped_column(UnitPrice)  # per unit per year, ex VAT
    source: Mapped[str] = mapped_column(String(300), default="")

    @property
    def audit_label(self) -> str:
        return self.name


line_personas = Table(
    "business_case_line_personas",
    db.metadata,
    Column(
        "line_id", ForeignKey("business_case_lines.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("persona_id", ForeignKey("personas.id", ondelete="CASCADE"), primary_key=True),
)


class CaseLine(ProgrammeOwned, db.Model):
    """A cost or benefit line of a scenario with its driver. Which driver fields count depends
    on ``driver_type`` (see ``engine_input.py``); a catalogue link supplies the price, a roadmap
    link the years, linked personas the number of users."""
    __audit_name__ = _l("Business-case line")

    __tablename__ = "business_case_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(
        ForeignKey("business_case_scenarios.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="cost")
    category: Mapped[str] = mapped_column(String(30))
    driver_type: Mapped[str] = mapped_column(String(20))
    amount: Mapped[Decimal | None] = mapped_column(Money)
    year: Mapped[int | None] = mapped_column(Integer)
    price_per_user_month: Mapped[Decimal | None] = mapped_column(UnitPrice)
    users: Mapped[Decimal | None] = mapped_column(Quantity)
    fte: Mapped[Decimal | None] = mapped_column(Quantity)
    cost_per_fte: Mapped[Decimal | None] = mapped_column(Money)
    units: Mapped[Decimal | None] = mapped_column(Quantity)
    unit_price: Mapped[Decimal | None] = mapped_column(UnitPrice)
    growth_pct: Mapped[Decimal | None] = mapped_column(Percentage)
    depreciation_years: Mapped[int | None] = mapped_column(Integer)
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    indexation_pct: Mapped[Decimal | None] = mapped_column(Percentage)  # None: the case's index
    vat: Mapped[str] = mapped_column(String(20), default="compensable")
    nature: Mapped[str | None] = mapped_column(String(20))  # None: derived by the engine
    range_low_pct: Mapped[Decimal | None] = mapped_column(Percentage)  # 90 = 90 % of the amount
    range_high_pct: Mapped[Decimal | None] = mapped_column(Percentage)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_assumptions.id", ondelete="SET NULL"), index=True
    )
    roadmap_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="SET NULL"), index=True
    )
    # during: the item's years; from_start: from its first year on; from_end: from its last year
    roadmap_timing: Mapped[str] = mapped_column(String(20), default="during")
    follow_up_id: Mapped[int | None] = mapped_column(
        ForeignKey("governance_follow_ups.id", ondelete="SET NULL"), index=True
    )
    licence_bundle_id: Mapped[int | None] = mapped_column(
        ForeignKey("licence_bundles.id", ondelete="SET NULL")
    )
    device_kit_id: Mapped[int | None] = mapped_column(
        ForeignKey("device_kits.id", ondelete="SET NULL")
    )
    cloud_resource_id: Mapped[int | None] = mapped_column(
        ForeignKey("cloud_resources.id", ondelete="SET NULL")
    )

    scenario: Mapped[Scenario] = relationship(back_populates="lines")
    assumption: Mapped[Assumption | None] = relationship()
    roadmap_item = relationship("RoadmapItem")
    follow_up = relationship("FollowUp")
    licence_bundle = relationship("LicenceBundle")
    device_kit = relationship("DeviceKit")
    cloud_resource: Mapped[CloudResource | None] = relationship()
    personas: Mapped[list[Persona]] = relationship(  # noqa: F821 - resolved by the registry
        secondary=line_personas, order_by="Persona.name"
    )

    @property
    def engine_id(self) -> str:
        return f"line-{self.id}"

    @property
    def audit_label(self) -> str:
        return self.name


class QualitativeBenefit(ProgrammeOwned, db.Model):
    """A benefit that is not expressed in euros, weighed 1 (small) to 5 (decisive)."""
    __audit_name__ = _l("Qualitative benefit")

    __tablename__ = "business_case_qualitative_benefits"
    __table_args__ = (CheckConstraint("weight BETWEEN 1 AND 5", name="weight_1_to_5"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_scenarios.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[int] = mapped_column(Integer, default=3)
    assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_assumptions.id", ondelete="SET NULL")
    )

    scenario: Mapped[Scenario | None] = relationship()
    assumption: Mapped[Assumption | None] = relationship()

    @property
    def audit_label(self) -> str:
        return self.title


class CaseVersion(ProgrammeOwned, db.Model):
    """A snapshot of the whole business case (the engine's input, plus the register and the
    qualitative benefits) that goes through review. An approved version is frozen."""
    __audit_name__ = _l("Business-case version")
    __audit_values__ = {"status": {status.value: label for status, label in STATUS_LABELS.items()}}

    __tablename__ = "business_case_versions"
    __table_args__ = (UniqueConstraint("programme_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[VersionStatus] = mapped_column(
        _enum(VersionStatus), default=VersionStatus.DRAFT
    )
    snapshot: Mapped[dict] = mapped_column(JSON)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    submitted_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str] = mapped_column(Text, default="")

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    @property
    def is_frozen(self) -> bool:
        return self.status is VersionStatus.APPROVED

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def audit_label(self) -> str:
        return f"v{self.number}"

    def ensure_editable(self) -> None:
        if self.is_frozen:
            raise IllegalTransition(
                _l("Version %(number)d is approved and frozen: it cannot be changed.",
                   number=self.number)
            )
        if self.status is not VersionStatus.DRAFT:
            raise IllegalTransition(
                _l("Only a draft version can be changed; this one is %(status)s.",
                   status=self.status_label)
            )

    def relabel(self, label: str) -> None:
        self.ensure_editable()
        self.label = label

    def submit(self, user) -> None:
        if self.status is not VersionStatus.DRAFT:
            self.ensure_editable()
        self.status = VersionStatus.SUBMITTED
        self.submitted_by_id = user.id if user else None
        self.submitted_at = utcnow()

    def _decide(self, status: VersionStatus, user, note: str) -> None:
        if self.status is not VersionStatus.SUBMITTED:
            raise IllegalTransition(
                _l("Only a version submitted for review can be approved or sent back; "
                   "this one is %(status)s.", status=self.status_label)
            )
        self.status = status
        self.decided_by_id = user.id if user else None
        self.decided_at = utcnow()
        self.decision_note = note

    def approve(self, user, note: str = "") -> None:
        self._decide(VersionStatus.APPROVED, user, note)

    def send_back(self, user, note: str) -> None:
        if not note.strip():
            raise IllegalTransition(_l("Say why the version goes back, so it can be improved."))
        self._decide(VersionStatus.SENT_BACK, user, note)


class Comment(TenantMixin, db.Model):
    """A reviewer's comment on a line, an assumption, or the case as a whole, made while a
    given version was under review."""

    __tablename__ = "business_case_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_versions.id", ondelete="CASCADE"), index=True
    )
    line_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_lines.id", ondelete="SET NULL"), index=True
    )
    assumption_id: Mapped[int | None] = mapped_column(
        ForeignKey("business_case_assumptions.id", ondelete="SET NULL"), index=True
    )
    # What the comment was about, kept when the line or assumption is later removed.
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    author: Mapped[User | None] = relationship()
    version: Mapped[CaseVersion | None] = relationship()
