"""Benefits realised, lessons learned, and the roadmap refresh that starts the next cycle
(step 7)."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import User
from workplace_planner.extensions import db
from workplace_planner.models_base import Money, ProgrammeOwned, TenantMixin, string_enum, utcnow
from workplace_planner.programmes.models import Programme
from workplace_planner.steps.strategy.technology.models import RoadmapItem


class RealisedBenefit(ProgrammeOwned, db.Model):
    """A benefit realised in a year, booked on a benefit line of the approved business case
    (by the line's id in the version, e.g. ``line-12``, and its name as it was) or, without a
    line, on a category only."""

    __tablename__ = "realised_benefits"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    line_key: Mapped[str | None] = mapped_column(String(40))
    line_name: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(30))
    amount: Mapped[Decimal] = mapped_column(Money)
    note: Mapped[str] = mapped_column(Text, default="")


class LessonCategory(enum.StrEnum):
    PLANNING = "planning"
    ADOPTION = "adoption"
    TECHNOLOGY = "technology"
    SUPPLIERS = "suppliers"
    GOVERNANCE = "governance"
    FINANCE = "finance"
    OTHER = "other"


LESSON_CATEGORIES = {
    LessonCategory.PLANNING: _l("Planning"),
    LessonCategory.ADOPTION: _l("Adoption"),
    LessonCategory.TECHNOLOGY: _l("Technology"),
    LessonCategory.SUPPLIERS: _l("Suppliers and contracts"),
    LessonCategory.GOVERNANCE: _l("Governance"),
    LessonCategory.FINANCE: _l("Finance"),
    LessonCategory.OTHER: _l("Other"),
}


class LessonLearned(ProgrammeOwned, db.Model):
    __tablename__ = "lessons_learned"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))  # what happened
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[LessonCategory] = mapped_column(string_enum(LessonCategory, 20))
    perspective: Mapped[str] = mapped_column(String(20))
    step_key: Mapped[str | None] = mapped_column(String(40))
    recommendation: Mapped[str] = mapped_column(Text, default="")


class CycleRefresh(ProgrammeOwned, db.Model):
    """The roadmap refresh of a programme: the next cycle it started and who started it."""

    __tablename__ = "cycle_refreshes"

    id: Mapped[int] = mapped_column(primary_key=True)
    next_programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(Text, default="")

    programme: Mapped[Programme] = relationship(
        foreign_keys=lambda: [CycleRefresh.programme_id])
    next_programme: Mapped[Programme | None] = relationship(foreign_keys=[next_programme_id])
    started_by: Mapped[User | None] = relationship()
    items: Mapped[list[CarriedOverItem]] = relationship(
        back_populates="refresh", cascade="all, delete-orphan",
        order_by=lambda: CarriedOverItem.id,
    )


class CarriedOverItem(TenantMixin, db.Model):
    """A roadmap item carried over: where it came from and the copy in the next cycle."""

    __tablename__ = "carried_over_items"
    __table_args__ = (UniqueConstraint("to_item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    refresh_id: Mapped[int] = mapped_column(
        ForeignKey("cycle_refreshes.id", ondelete="CASCADE"), index=True
    )
    from_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="SET NULL"), index=True
    )
    to_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))  # as it was carried over

    refresh: Mapped[CycleRefresh] = relationship(back_populates="items")
    from_item: Mapped[RoadmapItem | None] = relationship(foreign_keys=[from_item_id])
    to_item: Mapped[RoadmapItem | None] = relationship(foreign_keys=[to_item_id])
