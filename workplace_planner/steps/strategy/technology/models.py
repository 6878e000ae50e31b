"""Workshops, the system inventory, the ambition, the roadmap and the governance decisions.

``System`` and ``RoadmapItem`` are the anchors later modules link to (risks, BIA entries and
business-case cost lines): keep their names and ids stable. Quarters are integers, see
``quarters.py``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant
from workplace_planner.extensions import db
from workplace_planner.models_base import (
    Money,
    ProgrammeOwned,
    TenantMixin,
    TimestampMixin,
    link_table,
    string_enum,
)
from workplace_planner.steps.strategy.technology.choices import (
    Domain,
    FollowUpStatus,
    Hosting,
    ItemStatus,
    Target,
    Topic,
    WorkshopKind,
    target_hosting,
)

if TYPE_CHECKING:  # the personas module is imported by models.py; no import cycle at run time
    from workplace_planner.steps.strategy.employee.models import Persona


def _enum(enum_class, length: int = 30):
    return string_enum(enum_class, length)



workshop_participants = link_table(
    "workshop_participants", "workshop_id", "workshops", "participant_id", "participants"
)
system_participants = link_table(
    "system_participants", "system_id", "systems", "participant_id", "participants"
)
roadmap_item_systems = link_table(
    "roadmap_item_systems", "roadmap_item_id", "roadmap_items", "system_id", "systems"
)
roadmap_item_participants = link_table(
    "roadmap_item_participants", "roadmap_item_id", "roadmap_items", "participant_id",
    "participants",
)
# The personas a change touches. The table is created by the personas migration (0003), which
# runs after personas exist; the relationship lives here because it belongs to the roadmap.
roadmap_item_personas = link_table(
    "roadmap_item_personas", "roadmap_item_id", "roadmap_items", "persona_id", "personas"
)
roadmap_dependencies = Table(
    "roadmap_dependencies",
    db.metadata,
    Column("item_id", ForeignKey("roadmap_items.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "depends_on_id", ForeignKey("roadmap_items.id", ondelete="CASCADE"), primary_key=True
    ),
    CheckConstraint("item_id <> depends_on_id", name="not_on_itself"),
)


class Workshop(ProgrammeOwned, db.Model):
    __tablename__ = "workshops"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[WorkshopKind] = mapped_column(_enum(WorkshopKind))
    title: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date] = mapped_column(Date)
    facilitator: Mapped[str] = mapped_column(String(200), default="")
    # Roles present, e.g. "I&A manager, architect, functional administrator" (no names needed).
    participant_roles: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")
    follow_ups: Mapped[str] = mapped_column(Text, default="")

    participants: Mapped[list[Participant]] = relationship(
        secondary=workshop_participants, order_by="Participant.name"
    )

    @property
    def audit_label(self) -> str:
        return self.title


class System(ProgrammeOwned, db.Model):
    """A system or service of the current situation, with its target in the ambition."""

    __tablename__ = "systems"
    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    domain: Mapped[Domain] = mapped_column(_enum(Domain))
    supplier: Mapped[str] = mapped_column(String(200), default="")
    hosting: Mapped[Hosting] = mapped_column(_enum(Hosting))
    end_of_support: Mapped[date | None] = mapped_column(Date)
    owner: Mapped[str] = mapped_column(String(200), default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    pain_points: Mapped[str] = mapped_column(Text, default="")
    # The ambition for this system; empty while the ambition workshop has not decided.
    target: Mapped[Target | None] = mapped_column(_enum(Target))
    # Only for "replace": where the replacement runs (the other targets imply it).
    replacement_hosting: Mapped[Hosting | None] = mapped_column(_enum(Hosting))
    target_note: Mapped[str] = mapped_column(Text, default="")
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshops.id", ondelete="SET NULL"), index=True
    )

    participants: Mapped[list[Participant]] = relationship(
        secondary=system_participants, order_by="Participant.name"
    )
    workshop: Mapped[Workshop | None] = relationship()

    @property
    def target_hosting(self) -> Hosting | None:
        return target_hosting(self.target, self.hosting, self.replacement_hosting)

    @property
    def audit_label(self) -> str:
        return self.name


class Ambition(ProgrammeOwned, db.Model):
    """The technology ambition of a programme: the point on the horizon (one per programme)."""

    __tablename__ = "technology_ambitions"
    __table_args__ = (UniqueConstraint("programme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    statement: Mapped[str] = mapped_column(Text, default="")
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshops.id", ondelete="SET NULL"), index=True
    )

    workshop: Mapped[Workshop | None] = relationship()


class Principle(ProgrammeOwned, db.Model):
    """A guiding principle of the ambition, e.g. "cloud first, unless"."""

    __tablename__ = "technology_principles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    explanation: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class RoadmapItem(ProgrammeOwned, db.Model):
    """A change on the roadmap. Quarters: ``quarters.quarter_index`` integers, end inclusive."""
    __audit_name__ = _l("Roadmap item")

    __tablename__ = "roadmap_items"
    __table_args__ = (
        CheckConstraint(
            "end_quarter IS NULL OR start_quarter IS NULL OR end_quarter >= start_quarter",
            name="ends_after_start",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    perspective: Mapped[str] = mapped_column(String(20), default="technology")
    start_quarter: Mapped[int | None] = mapped_column(Integer)
    end_quarter: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[ItemStatus] = mapped_column(_enum(ItemStatus), default=ItemStatus.IDEA)
    owner: Mapped[str] = mapped_column(String(200), default="")
    # Priority scores 1-5 from the activity list: value for the customer, for the
    # organisation, and urgency.
    customer_value: Mapped[int | None] = mapped_column(Integer)
    organisation_value: Mapped[int | None] = mapped_column(Integer)
    urgency: Mapped[int | None] = mapped_column(Integer)
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshops.id", ondelete="SET NULL"), index=True
    )

    systems: Mapped[list[System]] = relationship(
        secondary=roadmap_item_systems, order_by="System.name"
    )
    participants: Mapped[list[Participant]] = relationship(
        secondary=roadmap_item_participants, order_by="Participant.name"
    )
    personas: Mapped[list[Persona]] = relationship(
        secondary=roadmap_item_personas, order_by="Persona.name"
    )
    dependencies: Mapped[list[RoadmapItem]] = relationship(
        secondary=roadmap_dependencies,
        primaryjoin=lambda: RoadmapItem.id == roadmap_dependencies.c.item_id,
        secondaryjoin=lambda: RoadmapItem.id == roadmap_dependencies.c.depends_on_id,
        order_by=lambda: RoadmapItem.title,
    )
    dependents: Mapped[list[RoadmapItem]] = relationship(
        secondary=roadmap_dependencies,
        primaryjoin=lambda: RoadmapItem.id == roadmap_dependencies.c.depends_on_id,
        secondaryjoin=lambda: RoadmapItem.id == roadmap_dependencies.c.item_id,
        order_by=lambda: RoadmapItem.title,
        viewonly=True,
    )
    milestones: Mapped[list[Milestone]] = relationship(
        back_populates="item", cascade="all, delete-orphan",
        order_by=lambda: (Milestone.quarter, Milestone.id),
    )
    workshop: Mapped[Workshop | None] = relationship()

    @property
    def is_scheduled(self) -> bool:
        return self.start_quarter is not None and self.end_quarter is not None

    @property
    def audit_label(self) -> str:
        return self.title


class Milestone(TenantMixin, TimestampMixin, db.Model):
    __tablename__ = "roadmap_milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_item_id: Mapped[int] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    quarter: Mapped[int | None] = mapped_column(Integer)
    reached: Mapped[bool] = mapped_column(Boolean, default=False)

    item: Mapped[RoadmapItem] = relationship(back_populates="milestones")


class GovernanceDecision(ProgrammeOwned, db.Model):
    """A decision of the governance workshop: the options weighed, the choice and why."""

    __tablename__ = "governance_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[Topic] = mapped_column(_enum(Topic))
    question: Mapped[str] = mapped_column(String(300))
    # [{"name": ..., "pros": ..., "cons": ...}] in the order they were discussed.
    options: Mapped[list[dict]] = mapped_column(JSON, default=list)
    # A key from governance.CHOICES[topic] (what the tool knows consequences of), or None.
    choice_key: Mapped[str | None] = mapped_column(String(40))
    choice: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None] = mapped_column(Date)
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshops.id", ondelete="SET NULL"), index=True
    )

    workshop: Mapped[Workshop | None] = relationship()
    follow_ups: Mapped[list[FollowUp]] = relationship(
        back_populates="decision", cascade="all, delete-orphan", order_by=lambda: FollowUp.id
    )

    @property
    def is_decided(self) -> bool:
        return self.decided_on is not None and bool(self.choice.strip())

    @property
    def audit_label(self) -> str:
        return self.question


class FollowUp(ProgrammeOwned, db.Model):
    """An action that follows from a governance decision, optionally with a cost line the
    business case can take over (category, FTE, yearly and one-off amounts)."""

    __tablename__ = "governance_follow_ups"
    __table_args__ = (UniqueConstraint("decision_id", "rule_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("governance_decisions.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[FollowUpStatus] = mapped_column(
        _enum(FollowUpStatus), default=FollowUpStatus.OPEN
    )
    # The knowledge rule that proposed it (governance.py); None for a follow-up typed in.
    rule_key: Mapped[str | None] = mapped_column(String(60))
    cost_category: Mapped[str | None] = mapped_column(String(40))
    fte: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    yearly_amount: Mapped[Decimal | None] = mapped_column(Money)
    one_off_amount: Mapped[Decimal | None] = mapped_column(Money)
    assumption: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[GovernanceDecision] = relationship(back_populates="follow_ups")

    @property
    def has_cost_line(self) -> bool:
        return bool(self.cost_category) and bool(self.yearly_amount or self.one_off_amount)
