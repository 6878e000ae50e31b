"""The fixed vocabularies of the vision-and-cooperation pages: stored keys and their labels."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l


class Horizon(enum.StrEnum):
    NOW = "now"
    NEXT = "next"
    LATER = "later"


class FactorCategory(enum.StrEnum):
    KNOWLEDGE = "knowledge"
    SYSTEMS = "systems"
    PEOPLE = "people"
    BUDGET = "budget"
    GOVERNANCE = "governance"


class FactorStatus(enum.StrEnum):
    NOT_MET = "not_met"
    IN_PROGRESS = "in_progress"
    MET = "met"


HORIZONS = {
    Horizon.NOW: _l("Now"),
    Horizon.NEXT: _l("Next"),
    Horizon.LATER: _l("Later"),
}
CATEGORIES = {
    FactorCategory.KNOWLEDGE: _l("Knowledge"),
    FactorCategory.SYSTEMS: _l("Systems"),
    FactorCategory.PEOPLE: _l("People"),
    FactorCategory.BUDGET: _l("Budget"),
    FactorCategory.GOVERNANCE: _l("Governance"),
}
FACTOR_STATUSES = {
    FactorStatus.NOT_MET: _l("Not met"),
    FactorStatus.IN_PROGRESS: _l("In progress"),
    FactorStatus.MET: _l("Met"),
}
