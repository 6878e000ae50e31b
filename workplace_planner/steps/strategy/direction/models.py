"""Vision, pillars, KPIs and their measurements, activities per municipality, success factors
and each participant's own vision. Quarters are ``technology.quarters`` integers."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant
from workplace_planner.extensions import db
from workplace_planner.models_base import ProgrammeOwned, string_enum
from workplace_planner.steps.strategy.direction.choices import (
    FactorCategory,
    FactorStatus,
    Horizon,
)
from workplace_planner.steps.strategy.direction.priority import DEFAULT_WEIGHTS, Weights
from workplace_planner.steps.strategy.technology.models import RoadmapItem

Figure = Numeric(15, 2, asdecimal=True)  # a KPI value: exact, two decimals


class Vision(ProgrammeOwned, db.Model):
    """The programme's vision, its bold goal with a date, the obstacles, and the weights of the
    activity priority. One per programme."""

    __tablename__ = "direction_visions"
    __table_args__ = (UniqueConstraint("programme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement: Mapped[str] = mapped_column(Text, default="")
    goal: Mapped[str] = mapped_column(String(500), default="")
    goal_date: Mapped[date | None] = mapped_column(Date)
    obstacles: Mapped[str] = mapped_column(Text, default="")
    weight_customer: Mapped[int] = mapped_column(Integer, default=DEFAULT_WEIGHTS[0])
    weight_organisation: Mapped[int] = mapped_column(Integer, default=DEFAULT_WEIGHTS[1])
    weight_urgency: Mapped[int] = mapped_column(Integer, default=DEFAULT_WEIGHTS[2])

    @property
    def weights(self) -> Weights:
        return Weights(self.weight_customer, self.weight_organisation, self.weight_urgency)

    @property
    def obstacle_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in (self.obstacles or "").splitlines()
                if line.strip(" -•\t")]


class Pillar(ProgrammeOwned, db.Model):
    """A strategic pillar and the strategy owner who answers for it."""

    __tablename__ = "direction_pillars"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    kpis: Mapped[list[Kpi]] = relationship(back_populates="pillar", order_by="Kpi.id")


class Kpi(ProgrammeOwned, db.Model):
    __tablename__ = "direction_kpis"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(50), default="")
    baseline: Mapped[Decimal | None] = mapped_column(Figure)
    target: Mapped[Decimal | None] = mapped_column(Figure)
    target_date: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(200), default="")
    pillar_id: Mapped[int | None] = mapped_column(
        ForeignKey("direction_pillars.id", ondelete="SET NULL"), index=True
    )

    pillar: Mapped[Pillar | None] = relationship(back_populates="kpis")
    measurements: Mapped[list[KpiMeasurement]] = relationship(
        back_populates="kpi", cascade="all, delete-orphan",
        order_by=lambda: (KpiMeasurement.measured_on, KpiMeasurement.id),
    )

    @property
    def latest(self) -> KpiMeasurement | None:
        return self.measurements[-1] if self.measurements else None


class KpiMeasurement(ProgrammeOwned, db.Model):
    __tablename__ = "direction_kpi_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(
        ForeignKey("direction_kpis.id", ondelete="CASCADE"), index=True
    )
    measured_on: Mapped[date] = mapped_column(Date)
    value: Mapped[Decimal] = mapped_column(Figure)
    note: Mapped[str] = mapped_column(String(500), default="")

    kpi: Mapped[Kpi] = relationship(back_populates="measurements")


class MunicipalActivity(ProgrammeOwned, db.Model):
    """An activity on a participating municipality's activity list."""

    __tablename__ = "direction_activities"
    __table_args__ = (
        CheckConstraint(
            "end_quarter IS NULL OR start_quarter IS NULL OR end_quarter >= start_quarter",
            name="activity_ends_after_start",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    customer_value: Mapped[int | None] = mapped_column(Integer)
    organisation_value: Mapped[int | None] = mapped_column(Integer)
    urgency: Mapped[int | None] = mapped_column(Integer)
    horizon: Mapped[Horizon | None] = mapped_column(string_enum(Horizon, 10))
    start_quarter: Mapped[int | None] = mapped_column(Integer)
    end_quarter: Mapped[int | None] = mapped_column(Integer)
    roadmap_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="SET NULL"), index=True
    )
    linked_activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("direction_activities.id", ondelete="SET NULL"), index=True
    )

    participant: Mapped[Participant] = relationship()
    roadmap_item: Mapped[RoadmapItem | None] = relationship()
    linked_activity: Mapped[MunicipalActivity | None] = relationship(remote_side=[id])


class SuccessFactor(ProgrammeOwned, db.Model):
    """A success factor or precondition, of one municipality or (no municipality) overall."""

    __tablename__ = "direction_success_factors"

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[FactorCategory] = mapped_column(string_enum(FactorCategory, 20))
    status: Mapped[FactorStatus] = mapped_column(
        string_enum(FactorStatus, 20), default=FactorStatus.NOT_MET
    )
    note: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[Participant | None] = relationship()


class ParticipantVision(ProgrammeOwned, db.Model):
    """A participating municipality's own vision or ambition, as it brought it in."""

    __tablename__ = "direction_participant_visions"
    __table_args__ = (UniqueConstraint("programme_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    statement: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(String(1000), default="")

    participant: Mapped[Participant] = relationship()
