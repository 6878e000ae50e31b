"""Adoption measured per persona and municipality, against targets (step 5).

Definitions (also on the page and in the README):
- usage: percent of the persona's employees (in that municipality) who actively use the new
  workplace on the measurement date, 0-100;
- satisfaction: the average score of a short survey, 1-10;
- support tickets: tickets per 100 users of the persona in the four weeks before the date.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Numeric, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant
from workplace_planner.extensions import db
from workplace_planner.models_base import ProgrammeOwned
from workplace_planner.steps.strategy.employee.models import Persona

Percent = Numeric(5, 1, asdecimal=True)
Score = Numeric(4, 1, asdecimal=True)
Rate = Numeric(8, 1, asdecimal=True)


class AdoptionMeasurement(ProgrammeOwned, db.Model):
    __tablename__ = "adoption_measurements"
    __table_args__ = (
        CheckConstraint("usage_pct >= 0 AND usage_pct <= 100", name="usage_is_a_percentage"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    persona_id: Mapped[int] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL")
    )
    measured_on: Mapped[date] = mapped_column(Date)
    usage_pct: Mapped[Decimal] = mapped_column(Percent)
    satisfaction: Mapped[Decimal | None] = mapped_column(Score)
    tickets_per_100: Mapped[Decimal | None] = mapped_column(Rate)
    note: Mapped[str] = mapped_column(Text, default="")

    persona: Mapped[Persona] = relationship()
    participant: Mapped[Participant | None] = relationship()


class AdoptionTarget(ProgrammeOwned, db.Model):
    """The target line of a persona (or, persona empty, of the whole programme): usage grows
    from 0 percent at go-live to the target usage on the target date; satisfaction and tickets
    count from the target date on."""

    __tablename__ = "adoption_targets"
    __table_args__ = (
        UniqueConstraint("programme_id", "persona_id"),
        CheckConstraint("target_date > starts_on", name="target_after_go_live"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    persona_id: Mapped[int | None] = mapped_column(
        ForeignKey("personas.id", ondelete="CASCADE"), index=True
    )
    starts_on: Mapped[date] = mapped_column(Date)
    target_date: Mapped[date] = mapped_column(Date)
    usage_pct: Mapped[Decimal] = mapped_column(Percent)
    satisfaction: Mapped[Decimal | None] = mapped_column(Score)
    tickets_per_100: Mapped[Decimal | None] = mapped_column(Rate)
    note: Mapped[str] = mapped_column(Text, default="")

    persona: Mapped[Persona | None] = relationship()
