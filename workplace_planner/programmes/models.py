"""A programme and its progress per step and perspective."""

from __future__ import annotations

import enum
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Column,
    Date,
    Enum,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workplace_planner.auth.models import Participant, User
from workplace_planner.editing import DomainError
from workplace_planner.extensions import db
from workplace_planner.models_base import TenantMixin, TimestampMixin, VersionedMixin
from workplace_planner.steps import PERSPECTIVE_KEYS, STEPS, get_step

programme_participants = Table(
    "programme_participants",
    db.metadata,
    Column(
        "programme_id", ForeignKey("programmes.id", ondelete="CASCADE"), primary_key=True
    ),
    Column(
        "participant_id", ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Programme(TenantMixin, TimestampMixin, VersionedMixin, db.Model):
    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    start_year: Mapped[int] = mapped_column(Integer)
    horizon_years: Mapped[int] = mapped_column(Integer, default=5)
    ambition: Mapped[str] = mapped_column(Text, default="")

    participants: Mapped[list[Participant]] = relationship(
        secondary=programme_participants, order_by="Participant.name"
    )
    progress: Mapped[list[StepProgress]] = relationship(
        back_populates="programme", cascade="all, delete-orphan"
    )

    @property
    def end_year(self) -> int:
        return self.start_year + self.horizon_years - 1

    def progress_for(self, step_key: str, perspective: str) -> StepProgress | None:
        return next(
            (
                p
                for p in self.progress
                if p.step_key == step_key and p.perspective == perspective
            ),
            None,
        )

    def ensure_progress_rows(self) -> None:
        """One progress row per step × perspective; added when the registry grows."""
        present = {(p.step_key, p.perspective) for p in self.progress}
        for step in STEPS:
            for perspective in PERSPECTIVE_KEYS:
                if (step.key, perspective) not in present:
                    self.progress.append(
                        StepProgress(
                            step_key=step.key,
                            perspective=perspective,
                            organisation_id=self.organisation_id,
                        )
                    )


class Status(enum.StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self):
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.NOT_STARTED: _l("Not started"),
    Status.IN_PROGRESS: _l("In progress"),
    Status.DONE: _l("Done"),
}


class IllegalTransition(DomainError):
    """A move the step's state does not allow; shown next to the status."""

    field = "status"


class StepProgress(TenantMixin, TimestampMixin, VersionedMixin, db.Model):
    __tablename__ = "step_progress"
    __table_args__ = (UniqueConstraint("programme_id", "step_key", "perspective"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    step_key: Mapped[str] = mapped_column(String(40))
    perspective: Mapped[str] = mapped_column(String(20))
    status: Mapped[Status] = mapped_column(
        Enum(
            Status,
            native_enum=False,
            length=20,
            values_callable=lambda members: [m.value for m in members],
        ),
        default=Status.NOT_STARTED,
    )
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    due_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Keys of the ticked deliverables (see the step registry), in registry order.
    completed_deliverables: Mapped[list[str]] = mapped_column(JSON, default=list)

    programme: Mapped[Programme] = relationship(back_populates="progress")
    owner: Mapped[User | None] = relationship()

    @property
    def step(self):
        return get_step(self.step_key)

    @property
    def deliverable_keys(self) -> tuple[str, ...]:
        return self.step.deliverable_keys(self.perspective)

    @property
    def done_count(self) -> int:
        return len(set(self.completed_deliverables or ()) & set(self.deliverable_keys))

    @property
    def total_count(self) -> int:
        return len(self.deliverable_keys)

    @property
    def percent_complete(self) -> int:
        if not self.total_count:
            return 0
        return round(100 * self.done_count / self.total_count)

    @property
    def is_complete(self) -> bool:
        return self.done_count == self.total_count

    def is_overdue(self, today: date) -> bool:
        return bool(self.due_date and self.due_date < today and self.status is not Status.DONE)

    def tick(self, keys) -> None:
        """Set the ticked deliverables. The status follows the checklist: ticking the first
        one starts the work, unticking one of a part that was done reopens it."""
        wanted = set(keys)
        unknown = wanted - set(self.deliverable_keys)
        if unknown:
            raise IllegalTransition(_l("Unknown deliverable."))
        self.completed_deliverables = [k for k in self.deliverable_keys if k in wanted]
        if wanted and self.status is Status.NOT_STARTED:
            self.status = Status.IN_PROGRESS
        elif self.status is Status.DONE and not self.is_complete:
            self.status = Status.IN_PROGRESS

    def move_to(self, status: Status) -> None:
        """Change the status; refuses moves that contradict the checklist."""
        if status is Status.DONE and not self.is_complete:
            raise IllegalTransition(
                _l("Tick every deliverable before marking this part as done.")
            )
        if status is Status.NOT_STARTED and self.completed_deliverables:
            raise IllegalTransition(
                _l("Work has started: deliverables are ticked. Untick them first.")
            )
        self.status = status
