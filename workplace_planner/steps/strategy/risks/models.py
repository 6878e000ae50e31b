"""Risks of the roadmap's changes, their measures and acceptances, and the risk matrix.

A risk belongs to a roadmap item (the change that causes it) and may name the systems it
affects. Levels are never stored: they come from the programme's matrix (``matrix.py``).
Acceptances are kept as their own rows, so the history of decisions stays.
"""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
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

from workplace_planner.extensions import db
from workplace_planner.models_base import ProgrammeOwned, string_enum
from workplace_planner.steps.strategy.risks.choices import (
    AcceptorRole,
    Aspect,
    MeasureStatus,
    Treatment,
)
from workplace_planner.steps.strategy.technology.models import RoadmapItem, System

risk_systems = Table(
    "risk_systems",
    db.metadata,
    Column("risk_id", ForeignKey("risks.id", ondelete="CASCADE"), primary_key=True),
    Column("system_id", ForeignKey("systems.id", ondelete="CASCADE"), primary_key=True),
)


class RiskMatrix(ProgrammeOwned, db.Model):
    """The programme's 5 × 5 matrix: the labels of the steps and the level of every cell."""
    __audit_name__ = _l("Risk matrix")

    __tablename__ = "risk_matrices"
    __table_args__ = (UniqueConstraint("programme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    likelihood_labels: Mapped[list[str]] = mapped_column(JSON, default=list)
    impact_labels: Mapped[list[str]] = mapped_column(JSON, default=list)
    # levels[likelihood - 1][impact - 1] = "low" | "medium" | "high" | "critical"
    levels: Mapped[list[list[str]]] = mapped_column(JSON, default=list)


class Risk(ProgrammeOwned, db.Model):
    __audit_name__ = _l("Risk")
    __audit_labels__ = {
        "title": _l("Risk"), "threat_key": _l("Threat"),
        "threat_text": _l("Threat in your own words"),
        "vulnerability": _l("Vulnerability"), "inherent_likelihood": _l("Inherent likelihood"),
        "inherent_impact": _l("Inherent impact"), "residual_likelihood": _l("Residual likelihood"),
        "residual_impact": _l("Residual impact"), "treatment": _l("Treatment"),
        "owner": _l("Risk owner"), "review_on": _l("Next review"),
        "systems": _l("Affected systems"), "roadmap_item_id": _l("Roadmap item (the change)"),
    }
    __tablename__ = "risks"

    id: Mapped[int] = mapped_column(primary_key=True)
    roadmap_item_id: Mapped[int] = mapped_column(
        ForeignKey("roadmap_items.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    # A key of choices.THREATS, or None when the threat is described in threat_text only.
    threat_key: Mapped[str | None] = mapped_column(String(40))
    threat_text: Mapped[str] = mapped_column(String(300), default="")
    vulnerability: Mapped[str] = mapped_column(Text, default="")
    availability: Mapped[bool] = mapped_column(Boolean, default=False)
    integrity: Mapped[bool] = mapped_column(Boolean, default=False)
    confidentiality: Mapped[bool] = mapped_column(Boolean, default=False)
    inherent_likelihood: Mapped[int] = mapped_column(Integer)
    inherent_impact: Mapped[int] = mapped_column(Integer)
    residual_likelihood: Mapped[int | None] = mapped_column(Integer)
    residual_impact: Mapped[int | None] = mapped_column(Integer)
    treatment: Mapped[Treatment] = mapped_column(
        string_enum(Treatment, 20), default=Treatment.MITIGATE
    )
    owner: Mapped[str] = mapped_column(String(200), default="")
    review_on: Mapped[date | None] = mapped_column(Date)

    roadmap_item: Mapped[RoadmapItem] = relationship()
    systems: Mapped[list[System]] = relationship(secondary=risk_systems, order_by="System.name")
    measures: Mapped[list[RiskMeasure]] = relationship(
        back_populates="risk", cascade="all, delete-orphan",
        order_by=lambda: (RiskMeasure.due_on, RiskMeasure.id),
    )
    acceptances: Mapped[list[RiskAcceptance]] = relationship(
        back_populates="risk", cascade="all, delete-orphan",
        order_by=lambda: (RiskAcceptance.decided_on.desc(), RiskAcceptance.id.desc()),
    )

    @property
    def aspects(self) -> list[Aspect]:
        return [a for a in Aspect if getattr(self, a.value)]

    @property
    def current_acceptance(self) -> RiskAcceptance | None:
        """The most recent acceptance decision."""
        if not self.acceptances:
            return None
        return max(self.acceptances, key=lambda a: (a.decided_on, a.id or 0))

    @property
    def has_residual(self) -> bool:
        return self.residual_likelihood is not None and self.residual_impact is not None

    @property
    def audit_label(self) -> str:
        return self.title


class RiskMeasure(ProgrammeOwned, db.Model):
    __audit_name__ = _l("Measure")
    __audit_labels__ = {"description": _l("Measure"), "control": _l("BIO2 / ISO 27002 control"),
                        "due_on": _l("Due date")}
    __tablename__ = "risk_measures"

    id: Mapped[int] = mapped_column(primary_key=True)
    risk_id: Mapped[int] = mapped_column(ForeignKey("risks.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(String(300))
    # A number of choices.CONTROLS (BIO2 / ISO 27002:2022), when the measure implements one.
    control: Mapped[str | None] = mapped_column(String(10))
    owner: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[MeasureStatus] = mapped_column(
        string_enum(MeasureStatus, 20), default=MeasureStatus.PLANNED
    )

    risk: Mapped[Risk] = relationship(back_populates="measures")

    @property
    def audit_label(self) -> str:
        return self.description


class RiskAcceptance(ProgrammeOwned, db.Model):
    """A recorded decision to accept a risk's residual level: by whom, in which role, when,
    why, until when; and whether the scores changed since (then it needs renewal)."""
    __audit_name__ = _l("Acceptance of a risk")
    __audit_labels__ = {"accepted_by": _l("Accepted by"), "role": _l("In the role of"),
                        "decided_on": _l("Date of the decision"),
                        "justification": _l("Justification"), "expires_on": _l("Valid until")}

    __tablename__ = "risk_acceptances"

    id: Mapped[int] = mapped_column(primary_key=True)
    risk_id: Mapped[int] = mapped_column(ForeignKey("risks.id", ondelete="CASCADE"), index=True)
    accepted_by: Mapped[str] = mapped_column(String(200))
    role: Mapped[AcceptorRole] = mapped_column(string_enum(AcceptorRole, 30))
    decided_on: Mapped[date] = mapped_column(Date)
    justification: Mapped[str] = mapped_column(Text)
    expires_on: Mapped[date] = mapped_column(Date)
    # The residual scores that were accepted.
    accepted_likelihood: Mapped[int] = mapped_column(Integer)
    accepted_impact: Mapped[int] = mapped_column(Integer)
    needs_renewal: Mapped[bool] = mapped_column(Boolean, default=False)

    risk: Mapped[Risk] = relationship(back_populates="acceptances")

    def is_valid(self, today: date) -> bool:
        return not self.needs_renewal and self.expires_on >= today

    @property
    def audit_label(self) -> str:
        return f"{self.accepted_by} ({self.decided_on.isoformat()})"
