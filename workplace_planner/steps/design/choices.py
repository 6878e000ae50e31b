"""Labels of the design vocabularies, in the user's language."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.design.models import ProcurementKind, ProcurementStatus, SecurityLevel

SECURITY_LEVELS = {
    SecurityLevel.BASIC: _l("Basic"),
    SecurityLevel.ELEVATED: _l("Elevated"),
    SecurityLevel.HIGH: _l("High (special personal data)"),
}
PROCUREMENT_KINDS = {
    ProcurementKind.TENDER: _l("Tender"),
    ProcurementKind.FRAMEWORK: _l("Framework agreement"),
    ProcurementKind.CALL_OFF: _l("Call-off from a framework agreement"),
    ProcurementKind.DIRECT_AWARD: _l("Direct award"),
}
PROCUREMENT_STATUSES = {
    ProcurementStatus.PLANNED: _l("Planned"),
    ProcurementStatus.PUBLISHED: _l("Published"),
    ProcurementStatus.AWARDED: _l("Awarded"),
    ProcurementStatus.CONTRACTED: _l("Contracted"),
    ProcurementStatus.CANCELLED: _l("Cancelled"),
}
