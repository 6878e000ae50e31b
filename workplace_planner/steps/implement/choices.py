"""Labels of the implementation vocabularies."""

from flask_babel import lazy_gettext as _l

from workplace_planner.steps.implement.models import TrainingStatus, WaveStatus

WAVE_STATUSES = {
    WaveStatus.PLANNED: _l("Planned"),
    WaveStatus.RUNNING: _l("Running"),
    WaveStatus.DONE: _l("Done"),
}
TRAINING_STATUSES = {
    TrainingStatus.PLANNED: _l("Planned"),
    TrainingStatus.IN_PROGRESS: _l("In progress"),
    TrainingStatus.DONE: _l("Done"),
}
