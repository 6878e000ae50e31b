"""Demo data for step 7: two lessons from the pilot and a first, small realised benefit
against the approved business case. The next cycle has not started: the programme is midway."""

from __future__ import annotations

from decimal import Decimal as D

from workplace_planner.steps.evaluate import services
from workplace_planner.steps.evaluate.models import LessonCategory

LESSONS = (
    ("De buitendienst begon zonder telefoonhouders en laadpunten in de werkbussen",
     "In de pilot in Merwedal bleef de telefoon in de kantine liggen; het gebruik kwam "
     "daardoor traag op gang.", LessonCategory.ADOPTION, "employee", "prepare",
     "Regel houders, laders en netwerkdekking vóór de start van een golf en laat de "
     "ploegleider meekijken."),
    ("Floor walkers werkten beter dan de e-learning aan de balie",
     "Baliemedewerkers hadden tussen de afspraken door geen tijd voor modules.",
     LessonCategory.ADOPTION, "employee", "prepare",
     "Zet floor walkers in de eerste twee weken van elke golf in; houd de e-learning als "
     "naslag."),
    ("De servicedesk kreeg in de pilotweken bijna twee keer zoveel tickets als gepland",
     "Vooral over meerfactorauthenticatie en gedeelde mailboxen.",
     LessonCategory.SUPPLIERS, "technology", "prepare",
     "Spreek met de leverancier extra bezetting af in de eerste maand na elke golf."),
)


def load_evaluate_demo(programme) -> None:
    for title, description, category, perspective, step_key, recommendation in LESSONS:
        services.save_lesson(programme, title=title, description=description,
                             category=category, perspective=perspective, step_key=step_key,
                             recommendation=recommendation)
    version = services.approved_version(programme)
    lines = services.benefit_lines(version)
    if lines:
        services.save_realised(
            programme, year=2028, line_key=lines[0]["key"], category=None,
            amount=D("42500.00"), baseline=version,
            note="Alleen de pilotgroepen; tijdschrijfsteekproef in april 2028.",
        )
