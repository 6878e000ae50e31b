"""Step 4, Implement & migrate: migration waves built from roadmap items (with the users per
persona each wave moves), communication and training per persona planned per wave, and the
actual spending recorded against the approved business case."""

from __future__ import annotations

import enum
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant
from workplace_planner.extensions import db
from workplace_planner.models_base import (
    Money,
    ProgrammeOwned,
    TenantMixin,
    link_table,
    string_enum,
)
from workplace_planner.steps.strategy.employee.models import AdoptionMeasure, Persona
from workplace_planner.steps.strategy.technology.models import RoadmapItem


class WaveStatus(enum.StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"


class TrainingStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"



wave_participants = link_table(
    "migration_wave_participants", "wave_id", "migration_waves", "participant_id", "participants",
)
wave_roadmap_items = link_table(
    "migration_wave_roadmap_items", "wave_id", "migration_waves",
    "roadmap_item_id", "roadmap_items",
)


class MigrationWave(ProgrammeOwned, db.Model):
    """A migration wave: a period in quarters (``quarters.py`` integers, end inclusive)."""

    __tablename__ = "migration_waves"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_quarter: Mapped[int | None] = mapped_column(Integer)
    end_quarter: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[WaveStatus] = mapped_column(
        string_enum(WaveStatus, 20), default=WaveStatus.PLANNED)
    notes: Mapped[str] = mapped_column(Text, default="")

    participants: Mapped[list[Participant]] = relationship(
        secondary=wave_participants, order_by="Participant.name")
    roadmap_items: Mapped[list[RoadmapItem]] = relationship(
        secondary=wave_roadmap_items, order_by="RoadmapItem.start_quarter")
    users: Mapped[list[WaveUsers]] = relationship(
        back_populates="wave", cascade="all, delete-orphan")

    @property
    def audit_label(self) -> str:
        return self.name

    def users_for(self, persona_id: int) -> int:
        return sum(u.users for u in self.users if u.persona_id == persona_id)

    @property
    def total_users(self) -> int:
        return sum(u.users for u in self.users)


class WaveUsers(TenantMixin, db.Model):
    """How many employees of one persona a wave migrates."""

    __tablename__ = "migration_wave_users"
    __table_args__ = (UniqueConstraint("wave_id", "persona_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    wave_id: Mapped[int] = mapped_column(
        ForeignKey("migration_waves.id", ondelete="CASCADE"), index=True)
    persona_id: Mapped[int] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), index=True)
    users: Mapped[int] = mapped_column(Integer, default=0)

    wave: Mapped[MigrationWave] = relationship(back_populates="users")
    persona: Mapped[Persona] = relationship()


class CommunicationItem(ProgrammeOwned, db.Model):
    """An adoption measure of step 1 for one persona, planned in a wave, with its status."""

    __tablename__ = "communication_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("adoption_measures.id", ondelete="CASCADE"), index=True)
    persona_id: Mapped[int] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), index=True)
    wave_id: Mapped[int | None] = mapped_column(
        ForeignKey("migration_waves.id", ondelete="SET NULL"), index=True)
    status: Mapped[TrainingStatus] = mapped_column(
        string_enum(TrainingStatus, 20), default=TrainingStatus.PLANNED)
    note: Mapped[str] = mapped_column(Text, default="")

    measure: Mapped[AdoptionMeasure] = relationship()
    persona: Mapped[Persona] = relationship()
    wave: Mapped[MigrationWave | None] = relationship()


class BudgetActual(ProgrammeOwned, db.Model):
    """Money actually spent in a year on a business-case category."""
    __audit_name__ = _l("Actual spending")

    __tablename__ = "budget_actuals"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(40))
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str] = mapped_column(String(300), default="")

    @property
    def audit_label(self) -> str:
        return f"{self.year} {self.category}"
