"""The fixed vocabularies of the business impact analysis: impact categories, time windows,
the 1-5 impact scale and the BIV levels. Keys are stored; labels are lazy strings."""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l


class ImpactCategory(enum.StrEnum):
    CITIZENS = "citizens"
    FINANCE = "finance"
    LEGAL = "legal"
    REPUTATION = "reputation"
    SAFETY = "safety"


class Level(enum.StrEnum):
    """A BIV (availability, integrity, confidentiality) classification."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class ScenarioKind(enum.StrEnum):
    INTERNET = "internet"
    PUBLIC_CLOUD = "public_cloud"
    SAAS_SUPPLIER = "saas_supplier"
    IDENTITY = "identity"
    SYSTEM = "system"


class Situation(enum.StrEnum):
    NOW = "now"  # hosting as it is today
    TARGET = "target"  # hosting once the ambition (the roadmap) is reached


# The time windows after the start of an outage at which impact is scored, in hours.
WINDOWS = (4, 24, 72, 168)
WINDOW_LABELS = {
    4: _l("4 hours"),
    24: _l("1 day"),
    72: _l("3 days"),
    168: _l("1 week"),
}
CATEGORIES = {
    ImpactCategory.CITIZENS: _l("Citizens and businesses"),
    ImpactCategory.FINANCE: _l("Finance"),
    ImpactCategory.LEGAL: _l("Legal and compliance"),
    ImpactCategory.REPUTATION: _l("Reputation and public trust"),
    ImpactCategory.SAFETY: _l("Safety"),
}
SCORES = {
    1: _l("1 – negligible"),
    2: _l("2 – minor"),
    3: _l("3 – considerable"),
    4: _l("4 – serious"),
    5: _l("5 – critical"),
}
LEVELS = {
    Level.LOW: _l("Low"),
    Level.MEDIUM: _l("Medium"),
    Level.HIGH: _l("High"),
}
SCENARIO_KINDS = {
    ScenarioKind.INTERNET: _l("The internet connection fails"),
    ScenarioKind.PUBLIC_CLOUD: _l("The public-cloud tenant fails"),
    ScenarioKind.SAAS_SUPPLIER: _l("A SaaS supplier fails"),
    ScenarioKind.IDENTITY: _l("The identity provider fails"),
    ScenarioKind.SYSTEM: _l("One system fails"),
}
SITUATIONS = {
    Situation.NOW: _l("Current situation"),
    Situation.TARGET: _l("After the roadmap (ambition)"),
}
# Upper bounds of the maximum-tolerable-downtime bands of the heat map, in hours.
MTD_BANDS = (4, 24, 72, 168)
