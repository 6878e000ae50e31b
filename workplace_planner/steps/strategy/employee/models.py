"""Personas, interviews, adoption measures and the programme's catalogues."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant
from workplace_planner.extensions import db
from workplace_planner.models_base import Money, ProgrammeOwned, TenantMixin


class LicenceBundle(ProgrammeOwned, db.Model):
    """A licence bundle of the programme's catalogue, e.g. Microsoft 365 E3 plus Teams."""

    __tablename__ = "licence_bundles"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    price_per_user_month: Mapped[Decimal] = mapped_column(Money)
    source: Mapped[str] = mapped_column(String(300), default="")


class DeviceKit(ProgrammeOwned, db.Model):
    """A device kit of the programme's catalogue, e.g. laptop with dock, life four years."""

    __tablename__ = "device_kits"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    price: Mapped[Decimal] = mapped_column(Money)
    life_years: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(300), default="")


interview_personas = Table(
    "interview_personas",
    db.metadata,
    Column("interview_id", ForeignKey("interviews.id", ondelete="CASCADE"), primary_key=True),
    Column("persona_id", ForeignKey("personas.id", ondelete="CASCADE"), primary_key=True),
)
measure_personas = Table(
    "adoption_measure_personas",
    db.metadata,
    Column(
        "measure_id", ForeignKey("adoption_measures.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("persona_id", ForeignKey("personas.id", ondelete="CASCADE"), primary_key=True),
)


class Persona(ProgrammeOwned, db.Model):
    __tablename__ = "personas"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(200), default="")
    quote: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    goals: Mapped[str] = mapped_column(Text, default="")
    frustrations: Mapped[str] = mapped_column(Text, default="")
    tasks: Mapped[str] = mapped_column(Text, default="")
    applications: Mapped[str] = mapped_column(Text, default="")
    # Keys from choices.py, in the order of those lists.
    work_locations: Mapped[list[str]] = mapped_column(JSON, default=list)
    devices_used: Mapped[list[str]] = mapped_column(JSON, default=list)
    devices_needed: Mapped[list[str]] = mapped_column(JSON, default=list)
    adoption_channels: Mapped[list[str]] = mapped_column(JSON, default=list)
    digital_skill: Mapped[int | None] = mapped_column(Integer)
    mobility: Mapped[str | None] = mapped_column(String(20))
    licence_bundle_id: Mapped[int | None] = mapped_column(
        ForeignKey("licence_bundles.id", ondelete="SET NULL")
    )
    device_kit_id: Mapped[int | None] = mapped_column(
        ForeignKey("device_kits.id", ondelete="SET NULL")
    )

    licence_bundle: Mapped[LicenceBundle | None] = relationship()
    device_kit: Mapped[DeviceKit | None] = relationship()
    headcounts: Mapped[list[PersonaHeadcount]] = relationship(
        back_populates="persona", cascade="all, delete-orphan"
    )
    interviews: Mapped[list[Interview]] = relationship(
        secondary=interview_personas, back_populates="personas"
    )
    measures: Mapped[list[AdoptionMeasure]] = relationship(
        secondary=measure_personas, back_populates="personas"
    )

    @property
    def headcount(self) -> int:
        return sum(h.headcount for h in self.headcounts)

    def headcount_for(self, participant_id: int | None) -> int:
        return sum(h.headcount for h in self.headcounts if h.participant_id == participant_id)


class PersonaHeadcount(TenantMixin, db.Model):
    """How many employees a persona stands for in one participating municipality (or, for an
    organisation without participants, in the organisation: participant empty)."""

    __tablename__ = "persona_headcounts"
    __table_args__ = (UniqueConstraint("persona_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    persona_id: Mapped[int] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    headcount: Mapped[int] = mapped_column(Integer, default=0)

    persona: Mapped[Persona] = relationship(back_populates="headcounts")
    participant: Mapped[Participant | None] = relationship()


class Interview(ProgrammeOwned, db.Model):
    """An interview with an employee. No names: only the role (personal data minimised)."""

    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(Date)
    interviewer: Mapped[str] = mapped_column(String(120))
    interviewee_role: Mapped[str] = mapped_column(String(200))
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL")
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[Participant | None] = relationship()
    personas: Mapped[list[Persona]] = relationship(
        secondary=interview_personas, back_populates="interviews", order_by="Persona.name"
    )


class AdoptionMeasure(ProgrammeOwned, db.Model):
    """A means of adoption: which channel, for whom, where people go with questions, what they
    can arrange themselves, and when."""

    __tablename__ = "adoption_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(30))
    support_point: Mapped[str] = mapped_column(String(300), default="")
    self_service: Mapped[str] = mapped_column(Text, default="")
    timing: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    personas: Mapped[list[Persona]] = relationship(
        secondary=measure_personas, back_populates="measures", order_by="Persona.name"
    )
