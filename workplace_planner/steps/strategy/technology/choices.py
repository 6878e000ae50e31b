"""The fixed vocabularies of the technology perspective: stored keys and their labels.

Keys are stable (they are stored and used in import files); labels are lazy strings that the
catalogue translates.
"""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l


class WorkshopKind(enum.StrEnum):
    CURRENT_SITUATION = "current_situation"
    AMBITION = "ambition"
    ROADMAP = "roadmap"
    GOVERNANCE = "governance"
    SECURITY = "security"
    OTHER = "other"


class Domain(enum.StrEnum):
    IDENTITY = "identity"
    DEVICES = "devices"
    COLLABORATION = "collaboration"
    MAIL = "mail"
    FILES = "files"
    TELEPHONY = "telephony"
    BUSINESS_APPLICATIONS = "business_applications"
    NETWORK = "network"
    SECURITY = "security"
    OTHER = "other"


class Hosting(enum.StrEnum):
    ON_PREMISE = "on_premise"
    PRIVATE_CLOUD = "private_cloud"
    PUBLIC_CLOUD = "public_cloud"
    SAAS = "saas"


class Target(enum.StrEnum):
    """What the ambition does with a system."""

    KEEP = "keep"
    REPLACE = "replace"
    MOVE_TO_SAAS = "move_to_saas"
    MOVE_TO_PUBLIC_CLOUD = "move_to_public_cloud"
    RETIRE = "retire"


class ItemStatus(enum.StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Topic(enum.StrEnum):
    SOURCING = "sourcing"
    VENDOR_MANAGEMENT = "vendor_management"
    WAY_OF_WORKING = "way_of_working"
    OWNERSHIP = "ownership"
    OTHER = "other"


class FollowUpStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    DISMISSED = "dismissed"


WORKSHOP_KINDS = {
    WorkshopKind.CURRENT_SITUATION: _l("Current situation"),
    WorkshopKind.AMBITION: _l("Ambition"),
    WorkshopKind.ROADMAP: _l("Roadmap"),
    WorkshopKind.GOVERNANCE: _l("Governance"),
    WorkshopKind.SECURITY: _l("Security"),
    WorkshopKind.OTHER: _l("Other"),
}
DOMAINS = {
    Domain.IDENTITY: _l("Identity & access"),
    Domain.DEVICES: _l("Devices & workplace"),
    Domain.COLLABORATION: _l("Collaboration"),
    Domain.MAIL: _l("Mail"),
    Domain.FILES: _l("Files & documents"),
    Domain.TELEPHONY: _l("Telephony"),
    Domain.BUSINESS_APPLICATIONS: _l("Business applications"),
    Domain.NETWORK: _l("Network & connectivity"),
    Domain.SECURITY: _l("Security"),
    Domain.OTHER: _l("Other"),
}
HOSTINGS = {
    Hosting.ON_PREMISE: _l("On-premise"),
    Hosting.PRIVATE_CLOUD: _l("Private cloud"),
    Hosting.PUBLIC_CLOUD: _l("Public cloud"),
    Hosting.SAAS: _l("SaaS"),
}
TARGETS = {
    Target.KEEP: _l("Keep"),
    Target.REPLACE: _l("Replace"),
    Target.MOVE_TO_SAAS: _l("Move to SaaS"),
    Target.MOVE_TO_PUBLIC_CLOUD: _l("Move to public cloud"),
    Target.RETIRE: _l("Retire"),
}
ITEM_STATUSES = {
    ItemStatus.IDEA: _l("Idea"),
    ItemStatus.PLANNED: _l("Planned"),
    ItemStatus.IN_PROGRESS: _l("In progress"),
    ItemStatus.DONE: _l("Done"),
    ItemStatus.DROPPED: _l("Dropped"),
}
TOPICS = {
    Topic.SOURCING: _l("Sourcing"),
    Topic.VENDOR_MANAGEMENT: _l("Vendor management (regie)"),
    Topic.WAY_OF_WORKING: _l("Way of working"),
    Topic.OWNERSHIP: _l("Ownership and decision rights"),
    Topic.OTHER: _l("Other"),
}
# The topics a governance workshop must settle before the technology strategy is complete.
CORE_TOPICS = (Topic.SOURCING, Topic.VENDOR_MANAGEMENT, Topic.WAY_OF_WORKING, Topic.OWNERSHIP)
FOLLOW_UP_STATUSES = {
    FollowUpStatus.OPEN: _l("Open"),
    FollowUpStatus.DONE: _l("Done"),
    FollowUpStatus.DISMISSED: _l("Dismissed"),
}
# Cost categories as the business-case engine knows them (business_case.model.CATEGORIES).
COST_CATEGORIES = {
    "internal_staff": _l("Internal staff"),
    "external_services": _l("External services"),
    "training": _l("Training and adoption"),
    "licences": _l("Licences"),
    "operations": _l("Operations and maintenance"),
    "migration": _l("One-off migration or project"),
}


def target_hosting(target: Target | None, hosting_now: Hosting | None, replacement=None):
    """Where a system runs once the ambition is reached; None when it is retired or open."""
    if target is None:
        return None
    return {
        Target.KEEP: hosting_now,
        Target.REPLACE: replacement,
        Target.MOVE_TO_SAAS: Hosting.SAAS,
        Target.MOVE_TO_PUBLIC_CLOUD: Hosting.PUBLIC_CLOUD,
        Target.RETIRE: None,
    }[target]
