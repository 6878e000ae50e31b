"""Dutch by default, English on request; amounts and numbers in the notation of the language."""

import html
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from workplace_planner.fields import DecimalAmountField, LocaleIntegerField
from workplace_planner.i18n import format_money
from workplace_planner.steps import STEPS

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "workplace_planner" / "translations" / "nl" / "LC_MESSAGES" / "messages.po"

DUTCH_STEP_NAMES = [
    "Strategie",
    "Ontwerp",
    "Voorbereiden & pilot",
    "Implementeren & migreren",
    "Adoptie",
    "Beheer",
    "Evalueren & doorontwikkelen",
]


def test_the_ui_is_dutch_by_default_with_lang_nl(login, ids):
    page = login("admin").get(f"/programmes/{ids['programme']}").get_data(as_text=True)
    assert '<html lang="nl"' in page
    for number, name in enumerate(DUTCH_STEP_NAMES, start=1):
        assert f"{number}. {name}" in html.unescape(page)
    assert "Medewerker" in page and "Technologie" in page and "Organisatie" in page


def test_switching_to_english_is_remembered_for_the_user(login, ids, demo):
    client = login("admin")
    response = client.post("/language", data={"language": "en", "next": "/programmes"})
    assert response.headers["Location"] == "/programmes"
    page = client.get(f"/programmes/{ids['programme']}").get_data(as_text=True)
    assert '<html lang="en"' in page and "4. Implement & migrate" in html.unescape(page)
    client.post("/logout")
    # A new session of the same user: still English.
    from conftest import log_in

    fresh = demo.test_client()
    log_in(fresh, "admin@demo.example")
    assert '<html lang="en"' in fresh.get("/programmes").get_data(as_text=True)


def test_a_visitor_can_switch_before_logging_in(client):
    client.post("/language", data={"language": "en", "next": "/login"})
    assert "Log in" in client.get("/login").get_data(as_text=True)
    client.post("/language", data={"language": "nl", "next": "/login"})
    assert "Inloggen" in client.get("/login").get_data(as_text=True)


def test_an_unknown_language_is_ignored(client):
    client.post("/language", data={"language": "xx"})
    assert '<html lang="nl"' in client.get("/login").get_data(as_text=True)


@pytest.mark.parametrize(
    ("language", "value", "cents", "expected"),
    [
        ("nl", 1234567, False, "€\u00a01.234.567"),
        ("en", 1234567, False, "€1,234,567"),
        ("nl", Decimal("1234.5"), True, "€\u00a01.234,50"),
        ("en", Decimal("1234.5"), True, "€1,234.50"),
        ("nl", -2500, False, "€\u00a0-2.500"),
        ("en", -2500, False, "-€2,500"),
        ("nl", Decimal("0.4"), False, "€\u00a00"),
    ],
)
def test_amounts_are_formatted_for_the_language(app, language, value, cents, expected):
    with app.test_request_context():
        # Babel puts a no-break space between sign and amount in Dutch; it reads as a space.
        assert format_money(value, cents=cents, language=language).replace(
            " ", "\u00a0"
        ) == expected


def _field_form(field_class, language, value, **options):
    from flask_wtf import FlaskForm

    class Form(FlaskForm):
        amount = field_class("Bedrag", **options)

    return Form(formdata=MultiDict({"amount": value}), meta={"csrf": False}), language


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("nl", "1.234,50", Decimal("1234.50")),
        ("nl", "€ 1.234,5", Decimal("1234.50")),
        ("nl", "1234", Decimal("1234.00")),
        ("en", "1,234.50", Decimal("1234.50")),
    ],
)
def test_amount_input_accepts_the_notation_of_the_language(app, language, typed, expected):
    with app.test_request_context():
        from flask import session

        session["locale"] = language
        form, _ = _field_form(DecimalAmountField, language, typed)
        assert form.validate(), form.errors
        assert form.amount.data == expected


@pytest.mark.parametrize("typed", ["1.23.4,5", "twaalf", "1,234.50", "1.234,505"])
def test_a_bad_amount_gets_a_message_and_is_shown_back(app, typed):
    with app.test_request_context():
        form, _ = _field_form(DecimalAmountField, "nl", typed)
        assert not form.validate()
        assert form.amount.errors
        assert form.amount._value() == typed
        assert 'inputmode="decimal"' in form.amount()


def test_integer_input_takes_thousands_separators_and_limits(app):
    with app.test_request_context():
        form, _ = _field_form(LocaleIntegerField, "nl", "12.500", minimum=0, maximum=10_000)
        assert not form.validate()
        assert "10.000" in form.amount.errors[0]
        form, _ = _field_form(LocaleIntegerField, "nl", "2.500", minimum=0)
        assert form.validate() and form.amount.data == 2500


def test_the_dutch_catalogue_is_complete():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    untranslated = [m.id for m in catalogue
                    if m.id and (not m.string or not all(m.string if isinstance(m.string, tuple)
                                                         else [m.string]))]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, untranslated
    assert not fuzzy, fuzzy


def test_every_message_in_the_code_is_in_the_catalogue(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "-o", str(pot), "--no-location", "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    def key(message_id):  # a plural message's id is its list of forms
        return " / ".join(message_id) if isinstance(message_id, list | tuple) else message_id

    with pot.open("rb") as handle:
        extracted = {key(m.id) for m in read_po(handle) if m.id}
    with CATALOGUE.open("rb") as handle:
        translated = {key(m.id) for m in read_po(handle) if m.id}
    missing = extracted - translated
    assert not missing, f"run `pybabel update` and translate: {sorted(missing)}"


def test_the_compiled_catalogue_is_up_to_date():
    from babel.messages.mofile import read_mo

    def plain(value):  # plural messages have a list of forms
        return tuple(value) if isinstance(value, list | tuple) else value

    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = {plain(m.id): plain(m.string) for m in read_mo(handle) if m.id}
    with CATALOGUE.open("rb") as handle:
        source = {plain(m.id): plain(m.string) for m in read_po(handle) if m.id}
    assert compiled == source, "run `pybabel compile -d workplace_planner/translations`"


def test_every_step_has_a_dutch_name(app):
    from flask_babel import force_locale

    with app.test_request_context(), force_locale("nl"):
        assert [str(step.name) for step in STEPS] == DUTCH_STEP_NAMES


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    value=st.decimals(min_value=Decimal("-1e13"), max_value=Decimal("1e13"), places=3,
                      allow_nan=False, allow_infinity=False),
    cents=st.booleans(),
    language=st.sampled_from(["nl", "en"]),
)
def test_the_fast_amount_format_is_exactly_babels(value, cents, language):
    """Amounts are formatted without Babel for speed; the text must be what Babel writes,
    rounding (half to even) and the sign of small negative amounts included."""
    from workplace_planner.i18n import _fast_money, babel_money

    assert _fast_money(value, cents, language) == babel_money(value, cents, language)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    value=st.one_of(
        st.integers(min_value=-10**13, max_value=10**13),
        st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=5,
                    allow_nan=False, allow_infinity=False),
        st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
    ),
    decimals=st.sampled_from([None, 0, 1, 2]),
    language=st.sampled_from(["nl", "en"]),
)
def test_the_fast_number_format_is_exactly_babels(value, decimals, language):
    """Headcounts, percentages and scores are formatted without Babel for speed; the text must
    be what Babel writes, for whole numbers, decimals and floats, rounding and signs included."""
    from workplace_planner.i18n import _fast_number, babel_number

    assert _fast_number(Decimal(str(value)), decimals, language) == babel_number(
        value, decimals, language)


@settings(max_examples=200, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the app is only read
@given(
    day=st.dates(),
    format=st.sampled_from(["medium", "long", "short", "MMMM yyyy"]),
    language=st.sampled_from(["nl", "en"]),
)
def test_the_date_filter_writes_what_flask_babel_writes(app, day, format, language):
    """Dates in tables are formatted without Flask-Babel's per-call look-ups; the text must be
    the same, month names of both languages included."""
    from flask_babel import force_locale
    from flask_babel import format_date as flask_babel_date

    from workplace_planner.i18n import format_date

    with app.test_request_context(), force_locale(language):
        assert format_date(day, format) == flask_babel_date(day, format)


def test_the_date_filter_shows_a_dutch_date_and_nothing_for_none(app):
    from datetime import date

    from flask import render_template_string
    from flask_babel import force_locale

    with app.test_request_context(), force_locale("nl"):
        assert render_template_string(
            "{{ d|dateformat('long') }}|{{ none|dateformat('medium') }}", d=date(2026, 3, 4)
        ) == "4 maart 2026|"
