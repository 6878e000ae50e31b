"""Every form, fuzzed: random text, huge and negative numbers, non-Dutch characters, empty
fields. Never a server error, and a refused form ("correct the fields", 422) saves nothing."""

from __future__ import annotations

import hashlib
import re

import pytest
from conftest import ROLE_EMAILS, log_in
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from test_authorization_matrix import ROUTES, _url

from workplace_planner.extensions import db

FORM_ROUTES = [(rule, endpoint) for rule, endpoint, method, _needed in ROUTES
               if method == "POST" and not endpoint.startswith("auth.")]
FIELD = re.compile(r'<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"', re.IGNORECASE)
NOT_FUZZED = {"csrf_token"}

values = st.one_of(
    st.just(""),
    st.text(max_size=40),  # any unicode: emoji, accents, right-to-left, control characters
    st.sampled_from(["-1", "-999999999", "9" * 40, "1e309", "NaN", "1.234,50", "1,234.50",
                     "0", "2027-13-45", "2027-02-30", "<script>alert(1)</script>",
                     "=HYPERLINK(\"x\")", "Ærø Ørsted 北京 مرحبا", " ", "ja", "on"]),
    st.just("lang " * 1200),  # longer than any field allows
)


def _fingerprint(app) -> str:
    """A hash of every row of every table: equal fingerprints, nothing written."""
    digest = hashlib.sha256()
    with app.app_context():
        for name, table in sorted(db.metadata.tables.items()):
            rows = db.session.execute(
                db.select(table).order_by(*table.primary_key.columns)
            ).all()
            digest.update(name.encode())
            digest.update(repr([tuple(row) for row in rows]).encode())
        db.session.remove()
    return digest.hexdigest()


def _field_names(client, url: str) -> list[str]:
    page = client.get(url)
    if page.status_code != 200:
        return []
    return sorted(set(FIELD.findall(page.get_data(as_text=True))) - NOT_FUZZED)


@pytest.mark.parametrize(("rule", "endpoint"), FORM_ROUTES)
# No shrinking: the failure message already shows the form that was sent, and shrinking a
# request-level failure can take minutes.
@settings(max_examples=5, deadline=None, derandomize=True,
          phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_forms_never_fail_and_refusals_save_nothing(demo, ids, rule, endpoint, data):
    import conftest

    conftest.restore_demo_if_dirty(demo)
    client = demo.test_client()
    log_in(client, ROLE_EMAILS["admin"])
    url, _ = _url(rule, ids)
    names = _field_names(client, url) or ["name", "title", "amount"]
    form = {name: data.draw(values, label=name) for name in names}
    before = _fingerprint(demo)
    response = client.post(url, data=form)
    assert response.status_code < 500, f"POST {url} with {form!r}"
    if response.status_code == 422:
        assert _fingerprint(demo) == before, f"POST {url} was refused but wrote: {form!r}"
