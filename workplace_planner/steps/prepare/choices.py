"""Labels of the pilot vocabularies."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.prepare.models import PilotDecision

DECISIONS = {
    PilotDecision.PENDING: _l("Pending"),
    PilotDecision.GO: _l("Go"),
    PilotDecision.NO_GO: _l("No-go"),
}
MET_CHOICES = [("", _l("Not measured yet")), ("yes", _l("Met")), ("no", _l("Not met"))]
