"""BIA entries: a municipal process or service, what it depends on and what an outage costs.

Durations (maximum tolerable downtime, RTO, RPO) are whole hours. Impact is stored as JSON,
``{category: [score after 4 h, 1 day, 3 days, 1 week]}`` with scores 1-5 or null (not scored);
categories and windows are in ``choices``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant
from workplace_planner.extensions import db
from workplace_planner.models_base import ProgrammeOwned, link_table, string_enum
from workplace_planner.steps.strategy.continuity.choices import CATEGORIES, WINDOWS, Level
from workplace_planner.steps.strategy.technology.models import System

if TYPE_CHECKING:
    from workplace_planner.steps.strategy.employee.models import Persona



bia_entry_systems = link_table(
    "bia_entry_systems", "bia_entry_id", "bia_entries", "system_id", "systems",
)
bia_entry_participants = link_table(
    "bia_entry_participants", "bia_entry_id", "bia_entries", "participant_id", "participants",
)
bia_entry_personas = link_table(
    "bia_entry_personas", "bia_entry_id", "bia_entries", "persona_id", "personas",
)


def empty_impacts() -> dict[str, list[int | None]]:
    return {category.value: [None] * len(WINDOWS) for category in CATEGORIES}


class BiaEntry(ProgrammeOwned, db.Model):
    """A municipal process or service in the business impact analysis."""
    __audit_name__ = _l("Process or service")

    __tablename__ = "bia_entries"
    __table_args__ = (
        UniqueConstraint("programme_id", "name"),
        CheckConstraint(
            "rto_hours IS NULL OR mtd_hours IS NULL OR rto_hours <= mtd_hours",
            name="rto_within_mtd",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    # Maximum tolerable downtime, recovery time objective, recovery point objective (hours).
    mtd_hours: Mapped[int | None] = mapped_column(Integer)
    rto_hours: Mapped[int | None] = mapped_column(Integer)
    rpo_hours: Mapped[int | None] = mapped_column(Integer)
    has_fallback: Mapped[bool] = mapped_column(Boolean, default=False)
    fallback: Mapped[str] = mapped_column(Text, default="")
    impacts: Mapped[dict] = mapped_column(JSON, default=empty_impacts)
    availability: Mapped[Level | None] = mapped_column(string_enum(Level, 10))
    integrity: Mapped[Level | None] = mapped_column(string_enum(Level, 10))
    confidentiality: Mapped[Level | None] = mapped_column(string_enum(Level, 10))

    systems: Mapped[list[System]] = relationship(
        secondary=bia_entry_systems, order_by="System.name"
    )
    participants: Mapped[list[Participant]] = relationship(
        secondary=bia_entry_participants, order_by="Participant.name"
    )
    personas: Mapped[list[Persona]] = relationship(
        secondary=bia_entry_personas, order_by="Persona.name"
    )

    @property
    def audit_label(self) -> str:
        return self.name

    def impact(self, category, window_index: int) -> int | None:
        scores = (self.impacts or {}).get(getattr(category, "value", category)) or []
        return scores[window_index] if window_index < len(scores) else None

    @property
    def highest_impact(self) -> int | None:
        return highest_impact(self.impacts)

    @property
    def is_scored(self) -> bool:
        return self.highest_impact is not None

    @property
    def is_complete(self) -> bool:
        return is_complete(self.owner, self.mtd_hours, self.rto_hours)


# The rules behind BiaEntry's properties, also applied to plain rows (the dashboard's figures).
def highest_impact(impacts: dict | None) -> int | None:
    """The highest score on the 1-5 scale over every category and time window."""
    scores = [s for row in (impacts or {}).values() for s in (row or [])
              if isinstance(s, int) and 1 <= s <= 5]
    return max(scores) if scores else None


def is_complete(owner: str | None, mtd_hours: int | None, rto_hours: int | None) -> bool:
    """Owner, maximum tolerable downtime and RTO are known."""
    return bool((owner or "").strip()) and mtd_hours is not None and rto_hours is not None
