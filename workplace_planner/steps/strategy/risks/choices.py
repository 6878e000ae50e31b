"""The fixed vocabularies of the risk assessment: threats, BIV aspects, treatments, levels,
measure statuses, who accepts, and the security controls a measure may refer to.

Keys are stored; labels are lazy strings that the catalogue translates. The control titles are
our own short descriptions, keyed by their number in BIO2 / ISO/IEC 27002:2022.
"""

from __future__ import annotations

import enum

from flask_babel import lazy_gettext as _l


class Aspect(enum.StrEnum):
    """The Dutch BIV: beschikbaarheid, integriteit, vertrouwelijkheid."""

    AVAILABILITY = "availability"
    INTEGRITY = "integrity"
    CONFIDENTIALITY = "confidentiality"


class Treatment(enum.StrEnum):
    MITIGATE = "mitigate"
    ACCEPT = "accept"
    TRANSFER = "transfer"
    AVOID = "avoid"


class Level(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class MeasureStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class AcceptorRole(enum.StrEnum):
    PROCESS_OWNER = "process_owner"
    CISO = "ciso"
    MANAGEMENT_TEAM = "management_team"
    MUNICIPAL_SECRETARY = "municipal_secretary"
    COLLEGE = "college"
    OTHER = "other"


LEVEL_ORDER = (Level.LOW, Level.MEDIUM, Level.HIGH, Level.CRITICAL)
RANK = {level: n for n, level in enumerate(LEVEL_ORDER)}

ASPECTS = {
    Aspect.AVAILABILITY: _l("Availability"),
    Aspect.INTEGRITY: _l("Integrity"),
    Aspect.CONFIDENTIALITY: _l("Confidentiality"),
}
TREATMENTS = {
    Treatment.MITIGATE: _l("Mitigate"),
    Treatment.ACCEPT: _l("Accept"),
    Treatment.TRANSFER: _l("Transfer"),
    Treatment.AVOID: _l("Avoid"),
}
LEVELS = {
    Level.LOW: _l("Low"),
    Level.MEDIUM: _l("Medium"),
    Level.HIGH: _l("High"),
    Level.CRITICAL: _l("Critical"),
}
MEASURE_STATUSES = {
    MeasureStatus.PLANNED: _l("Planned"),
    MeasureStatus.IN_PROGRESS: _l("In progress"),
    MeasureStatus.DONE: _l("Done"),
}
ACCEPTOR_ROLES = {
    AcceptorRole.PROCESS_OWNER: _l("Process owner"),
    AcceptorRole.CISO: _l("CISO"),
    AcceptorRole.MANAGEMENT_TEAM: _l("Management team"),
    AcceptorRole.MUNICIPAL_SECRETARY: _l("Municipal secretary"),
    AcceptorRole.COLLEGE: _l("Municipal executive (college)"),
    AcceptorRole.OTHER: _l("Other"),
}

# Common threats to a municipal digital workplace in transition: key -> label.
THREATS = {
    "account_takeover": _l("Account takeover"),
    "phishing": _l("Phishing"),
    "ransomware": _l("Ransomware"),
    "sharing_leak": _l("Data leak through sharing"),
    "tenant_misconfiguration": _l("Misconfiguration of a cloud tenant"),
    "supplier_failure": _l("Supplier failure"),
    "internet_outage": _l("Loss of internet connectivity"),
    "cloud_outage": _l("Cloud service down or degraded"),
    "unmanaged_devices": _l("Unmanaged devices"),
    "shadow_it": _l("Shadow IT"),
    "lost_device": _l("Lost or stolen device"),
    "privilege_misuse": _l("Misuse of administrator rights"),
    "migration_data_loss": _l("Data lost or corrupted during migration"),
    "foreign_jurisdiction": _l("Data reachable under foreign law"),
    "vendor_lock_in": _l("Vendor lock-in, no way out"),
}

# Controls of BIO2 / ISO/IEC 27002:2022 that matter most for a workplace change:
# number -> our own short description (not the text of the standard).
CONTROLS = {
    "5.1": _l("Security policy set and known"),
    "5.9": _l("Know which information and assets you have"),
    "5.10": _l("Rules for using information and devices"),
    "5.14": _l("Safe exchange of information"),
    "5.15": _l("Rules on who may access what"),
    "5.16": _l("One managed identity per person"),
    "5.17": _l("Passwords and other secrets handled safely"),
    "5.18": _l("Access granted, reviewed and withdrawn in time"),
    "5.19": _l("Security in dealings with suppliers"),
    "5.20": _l("Security agreed in supplier contracts"),
    "5.22": _l("Supplier services monitored and reviewed"),
    "5.23": _l("Cloud services bought, used and left safely"),
    "5.24": _l("Ready to handle incidents"),
    "5.29": _l("Security kept up during a disruption"),
    "5.30": _l("ICT ready for business continuity"),
    "5.34": _l("Personal data protected (privacy)"),
    "6.3": _l("Security awareness and training"),
    "6.7": _l("Safe working away from the office"),
    "8.1": _l("Laptops and phones managed and protected"),
    "8.2": _l("Administrator rights limited"),
    "8.5": _l("Strong log-in (multi-factor)"),
    "8.7": _l("Protection against malware"),
    "8.8": _l("Vulnerabilities patched in time"),
    "8.9": _l("Configuration set and kept secure"),
    "8.12": _l("Data leaks prevented"),
    "8.13": _l("Backups made and restores tested"),
    "8.14": _l("Redundant facilities"),
    "8.15": _l("Events logged"),
    "8.16": _l("Networks and systems monitored"),
    "8.20": _l("Networks secured"),
    "8.32": _l("Changes managed"),
}


def control_sort_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))
