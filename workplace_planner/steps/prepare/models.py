"""Step 3, Prepare & pilot: pilot groups with their champions and go/no-go criteria.

The go/no-go rule is a model method (``PilotGroup.decide``): "go" is refused while the pilot has
no criteria, or any criterion is unmeasured or not met. There is no override: a pilot that should
go ahead despite a failed criterion gets its norm changed on the record (with the reason in the
decision note), so the decision always follows from the criteria as they stand.
"""

from __future__ import annotations

import enum
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.models_base import ProgrammeOwned, link_table, string_enum
from workplace_planner.steps.strategy.employee.models import Persona
from workplace_planner.steps.strategy.technology.models import RoadmapItem


class PilotDecision(enum.StrEnum):
    PENDING = "pending"
    GO = "go"
    NO_GO = "no_go"



pilot_personas = link_table(
    "pilot_group_personas", "pilot_group_id", "pilot_groups", "persona_id", "personas",
)
pilot_participants = link_table(
    "pilot_group_participants", "pilot_group_id", "pilot_groups", "participant_id", "participants",
)
pilot_roadmap_items = link_table(
    "pilot_group_roadmap_items", "pilot_group_id", "pilot_groups",
    "roadmap_item_id", "roadmap_items",
)


class PilotGroup(ProgrammeOwned, db.Model):
    __audit_name__ = _l("Pilot group")
    __tablename__ = "pilot_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    size: Mapped[int | None] = mapped_column(Integer)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    decision: Mapped[PilotDecision] = mapped_column(
        string_enum(PilotDecision, 20), default=PilotDecision.PENDING
    )
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date)

    personas: Mapped[list[Persona]] = relationship(
        secondary=pilot_personas, order_by="Persona.name")
    participants: Mapped[list[Participant]] = relationship(
        secondary=pilot_participants, order_by="Participant.name")
    roadmap_items: Mapped[list[RoadmapItem]] = relationship(
        secondary=pilot_roadmap_items, order_by="RoadmapItem.start_quarter")
    champions: Mapped[list[Champion]] = relationship(
        back_populates="pilot_group", order_by=lambda: Champion.name)
    criteria: Mapped[list[PilotCriterion]] = relationship(
        back_populates="pilot_group", cascade="all, delete-orphan",
        order_by=lambda: PilotCriterion.id)

    @property
    def audit_label(self) -> str:
        return self.name

    @property
    def open_criteria(self) -> list[PilotCriterion]:
        """Criteria that stand in the way of "go": unmeasured or not met."""
        return [c for c in self.criteria if c.met is not True]

    @property
    def may_go(self) -> bool:
        return bool(self.criteria) and not self.open_criteria

    def decide(self, decision: PilotDecision, on: date | None, note: str = "") -> None:
        """Record the decision; "go" only when every criterion is measured and met."""
        if decision is PilotDecision.GO:
            if not self.criteria:
                raise DomainError(
                    _l("Go is refused: the pilot has no go/no-go criteria yet."), "decision")
            if self.open_criteria:
                raise DomainError(
                    _l("Go is refused: these criteria are not met or not measured yet: "
                       "%(criteria)s.",
                       criteria="; ".join(c.criterion for c in self.open_criteria)),
                    "decision")
        if decision is not PilotDecision.PENDING and on is None:
            raise DomainError(_l("Enter the date of the decision."), "decided_on")
        self.decision = decision
        self.decided_on = on if decision is not PilotDecision.PENDING else None
        self.decision_note = note.strip()


class Champion(ProgrammeOwned, db.Model):
    """An ambassador: a colleague who tries things first and helps others."""

    __tablename__ = "champions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL"))
    persona_id: Mapped[int | None] = mapped_column(ForeignKey("personas.id", ondelete="SET NULL"))
    pilot_group_id: Mapped[int | None] = mapped_column(
        ForeignKey("pilot_groups.id", ondelete="SET NULL"), index=True)

    participant: Mapped[Participant | None] = relationship()
    persona: Mapped[Persona | None] = relationship()
    pilot_group: Mapped[PilotGroup | None] = relationship(back_populates="champions")


class PilotCriterion(ProgrammeOwned, db.Model):
    """A go/no-go criterion: what is measured, the norm, the outcome and whether it was met
    (empty: not measured yet)."""

    __tablename__ = "pilot_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_group_id: Mapped[int] = mapped_column(
        ForeignKey("pilot_groups.id", ondelete="CASCADE"), index=True)
    criterion: Mapped[str] = mapped_column(String(300))
    norm: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str] = mapped_column(String(300), default="")
    met: Mapped[bool | None] = mapped_column(Boolean)

    pilot_group: Mapped[PilotGroup] = relationship(back_populates="criteria")
