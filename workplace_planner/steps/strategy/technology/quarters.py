"""Quarters as one integer: ``year * 4 + (quarter - 1)``.

Why one integer: comparing ("starts before its dependency ends"), sorting, subtracting (duration
in quarters) and drawing on an axis are plain integer operations, and a quarter fits one column.
2027 Q2 is 2027 * 4 + 1 = 8109. People never see the integer: it is shown as "2027 K2" in Dutch
(K for kwartaal) and "2027 Q2" in English.
"""

from __future__ import annotations

from datetime import date

from workplace_planner.i18n import current_language

LETTER = {"nl": "K", "en": "Q"}


def quarter_index(year: int, quarter: int) -> int:
    if not 1 <= quarter <= 4:
        raise ValueError("A quarter is 1 to 4.")
    return year * 4 + quarter - 1


def year_of(index: int) -> int:
    return index // 4


def quarter_of(index: int) -> int:
    return index % 4 + 1


def of_date(day: date) -> int:
    return quarter_index(day.year, (day.month - 1) // 3 + 1)


def label(index: int | None, language: str | None = None) -> str:
    """'2027 K2' in Dutch, '2027 Q2' in English; '' for no quarter."""
    if index is None:
        return ""
    letter = LETTER.get(language or current_language(), "Q")
    return f"{year_of(index)} {letter}{quarter_of(index)}"


def parse(text: str) -> int:
    """'2027 K2', '2027-Q2', '2027Q2' or 'K2 2027' → the index; ValueError otherwise."""
    cleaned = str(text).strip().upper().replace("-", " ").replace("/", " ")
    parts = cleaned.replace("K", " Q").replace("Q", " Q").split()
    year = next((p for p in parts if p.isdigit() and len(p) == 4), None)
    quarter = next((p[1:] for p in parts if p.startswith("Q") and p[1:].isdigit()), None)
    if year is None or quarter is None or not 1 <= int(quarter) <= 4:
        raise ValueError(text)
    return quarter_index(int(year), int(quarter))


def span(first_year: int, last_year: int) -> list[int]:
    return list(range(quarter_index(first_year, 1), quarter_index(last_year, 4) + 1))
