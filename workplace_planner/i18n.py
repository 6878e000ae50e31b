"""Language choice and locale-aware formatting of amounts, numbers and dates.

Dutch is the default. The visible switch stores the choice on the user (and in the session for
visitors who have not logged in yet). Every amount on screen goes through ``format_money``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import get_date_format
from babel.numbers import format_currency, format_decimal, get_currency_symbol
from flask import current_app, session
from flask_babel import format_date as babel_date
from flask_babel import get_locale
from flask_login import current_user

CURRENCY = "EUR"
# Whole euros: "€ 1.234.567" in Dutch, "€1,234,567" in English (the locale decides spacing).
_WHOLE_EUROS = {"nl": "¤ #,##0;¤ -#,##0", "en": "¤#,##0;-¤#,##0"}
_WITH_CENTS = {"nl": "¤ #,##0.00;¤ -#,##0.00", "en": "¤#,##0.00;-¤#,##0.00"}


def supported_languages() -> tuple[str, ...]:
    return tuple(current_app.config["LANGUAGES"])


def select_locale() -> str:
    languages = supported_languages()
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("locale") in languages:
        return session["locale"]
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    return str(get_locale() or "nl").split("_")[0]


def format_money(value, cents: bool = False, language: str | None = None) -> str:
    """An amount in euros for the current (or given) language; '' for None."""
    if value is None:
        return ""
    language = language or current_language()
    if language in _FAST_SEPARATORS:
        return _fast_money(Decimal(str(value)), cents, language)
    return babel_money(value, cents, language)


# Babel parses the pattern on every call, which made pages with thousands of amounts slow.
# For the two languages we ship, the same text is built directly; tests/test_i18n.py checks it
# against Babel for many amounts, rounding (half to even) and signs included.
_FAST_SEPARATORS = {"nl": str.maketrans(",.", ".,"), "en": None}


def _fast_money(value: Decimal, cents: bool, language: str) -> str:
    rounded = abs(value).quantize(Decimal("0.01") if cents else Decimal(1), ROUND_HALF_EVEN)
    digits = f"{rounded:,.2f}" if cents else f"{rounded:,.0f}"
    table = _FAST_SEPARATORS[language]
    if table is not None:
        digits = digits.translate(table)
    sign = "-" if value.is_signed() else ""
    return f"€ {sign}{digits}" if language == "nl" else f"{sign}€{digits}"


def babel_money(value, cents: bool = False, language: str = "nl") -> str:
    """The amount as Babel formats it (every other language, and the reference for tests)."""
    patterns = _WITH_CENTS if cents else _WHOLE_EUROS
    return format_currency(
        Decimal(str(value)),
        CURRENCY,
        format=patterns.get(language, patterns["en"]),
        locale=language,
        currency_digits=False,
    )


def format_number(value, language: str | None = None, decimals: int | None = None) -> str:
    """A number for the current (or given) language: all its decimals up to three, or exactly
    ``decimals`` of them; '' for None."""
    if value is None:
        return ""
    language = language or current_language()
    if language in _FAST_SEPARATORS and not isinstance(value, bool):
        return _fast_number(Decimal(str(value)), decimals, language)
    return babel_number(value, decimals, language)


def babel_number(value, decimals: int | None = None, language: str = "nl") -> str:
    """The number as Babel formats it (every other language, and the reference for tests)."""
    if decimals is None:
        return format_decimal(value, locale=language)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=language)


def _fast_number(value: Decimal, decimals: int | None, language: str) -> str:
    # Babel's default pattern "#,##0.###": at most three decimals, trailing zeros dropped.
    places = 3 if decimals is None else decimals
    rounded = abs(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
    digits = f"{rounded:,.{places}f}"
    if decimals is None and places:
        digits = digits.rstrip("0").rstrip(".")
    table = _FAST_SEPARATORS[language]
    if table is not None:
        digits = digits.translate(table)
    return ("-" if value.is_signed() else "") + digits


def currency_symbol() -> str:
    return get_currency_symbol(CURRENCY, locale=current_language())


def format_date(value, format: str = "medium") -> str:
    """A date in the current language ('' for None): the ``dateformat`` filter of templates.

    Flask-Babel looks up the locale, its date pattern and the time zone on every call, which
    cost tables of dates several milliseconds; a plain date needs no time zone, so its pattern
    is looked up once per language. Times of day (datetimes) still go through Flask-Babel,
    which moves them to the user's time zone first."""
    if value is None:
        return ""
    if isinstance(value, datetime) or not isinstance(value, date):
        return babel_date(value, format)
    locale = get_locale()
    return _date_pattern(str(locale), format).apply(value, locale)


@lru_cache(maxsize=64)
def _date_pattern(locale: str, format: str):
    from babel.dates import parse_pattern

    named = format in ("short", "medium", "long", "full")
    return get_date_format(format, Locale.parse(locale)) if named else parse_pattern(format)
