"""Security: log-in throttling, idle sessions, password rules, cookies, and object ids fuzzed
across organisations on every route that takes one."""

import time

import pytest
from conftest import PASSWORD, log_in
from test_authorization_matrix import ROUTES

from workplace_planner.auth.passwords import weakness
from workplace_planner.extensions import db


def test_failed_log_ins_are_throttled_with_a_clear_message(demo):
    client = demo.test_client()
    for _ in range(5):
        assert log_in(client, "editor@demo.example", "wrong-password").status_code == 200
    response = log_in(client, "editor@demo.example", PASSWORD)
    assert response.status_code == 429
    assert "Te veel pogingen" in response.get_data(as_text=True)
    # Another account from the same address can still log in.
    assert log_in(client, "admin@demo.example").status_code == 302


def test_successful_log_ins_do_not_count_towards_the_limit(demo):
    client = demo.test_client()
    for _ in range(8):
        assert log_in(client, "reviewer@demo.example").status_code == 302
        client.post("/logout")


def test_a_session_ends_after_inactivity(login, ids, demo):
    client = login("editor")
    with client.session_transaction() as session:
        session["last_seen"] = time.time() - (demo.config["IDLE_TIMEOUT_MINUTES"] * 60 + 5)
    response = client.get(f"/programmes/{ids['programme']}")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "zonder activiteit" in page
    assert client.get(f"/programmes/{ids['programme']}").status_code == 302  # still out


def test_activity_keeps_the_session_alive(login, ids):
    client = login("editor")
    for _ in range(3):
        assert client.get(f"/programmes/{ids['programme']}").status_code == 200


@pytest.mark.parametrize(
    ("password", "problem"),
    [("kort", "short"), ("Welkom2026!!", "common"), ("wachtwoord123", "common"),
     ("aaaaaaaaaaaa", "common"), ("editor-is-mijn-naam", "email"),
     ("paars paard op de Coolsingel", None)],
)
def test_password_rules(password, problem):
    assert weakness(password, "editor@demo.example") == problem


def test_a_weak_new_password_is_refused_next_to_the_field(login):
    response = login("editor").post("/account/password", data={
        "current_password": PASSWORD, "new_password": "Welkom2026!!",
        "confirm_password": "Welkom2026!!",
    })
    page = response.get_data(as_text=True)
    assert 'id="new_password-error"' in page and "te makkelijk te raden" in page


def test_session_cookie_is_httponly_and_samesite_lax(demo):
    response = log_in(demo.test_client(), "editor@demo.example")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_is_secure_when_configured(make_app):
    app = make_app(SESSION_COOKIE_SECURE=True)
    response = app.test_client().get("/login")
    assert "Secure" in response.headers.get("Set-Cookie", "Secure")


def test_uploads_over_the_size_limit_are_refused(make_app):
    app = make_app(MAX_CONTENT_LENGTH=1024)
    with app.app_context():
        db.create_all()  # the refused attempt is counted by the log-in throttle
    response = app.test_client().post("/login", data={"email": "x" * 5000})
    assert response.status_code == 413


# ----------------------------------------------------------------------------- id fuzzing
ID_ROUTES = [r for r in ROUTES if "<int:" in r[0]]
FUZZED_IDS = [0, 1, 2, 3, 5, 8, 13, 21, 50, 99, 1000, 2**31 - 1, 2**31, 2**53]


def _argument_models():
    """URL argument -> the model its id names. A new id argument must be added here."""
    from workplace_planner import models as m

    return _module_argument_models() | {
        "programme_id": m.Programme,
        "participant_id": m.Participant,
        "membership_id": m.Membership,
        "persona_id": m.Persona,
        "interview_id": m.Interview,
        "measure_id": m.AdoptionMeasure,
        "catalogue_item_id": m.LicenceBundle,  # any(licences, devices) takes "licences"
        "pillar_id": m.Pillar,
        "kpi_id": m.Kpi,
        "kpi_measurement_id": m.KpiMeasurement,
        "activity_id": m.MunicipalActivity,
        "success_factor_id": m.SuccessFactor,
        # Ambiguous by inference since RealisedBenefit (step 7) also ends in "Benefit".
        "benefit_id": m.QualitativeBenefit,
    }


def _module_argument_models() -> dict:
    """Id arguments of later modules, inferred from the tenant models: the class name in snake
    case, its last word, or the singular table name (GovernanceDecision -> governance_decision_id
    and decision_id; roadmap_items -> roadmap_item_id). Ambiguous names are left out."""
    import re
    from collections import defaultdict

    from workplace_planner.extensions import db

    candidates = defaultdict(set)
    for mapper in db.Model.registry.mappers:
        model = mapper.class_
        if not hasattr(model, "organisation_id"):
            continue
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()
        table = getattr(model, "__tablename__", "")
        for name in {snake, snake.split("_")[-1], table[:-1] if table.endswith("s") else table}:
            candidates[name + "_id"].add(model)
    return {name: models.pop() for name, models in candidates.items() if len(models) == 1}


def _belongs_to_demo(app, model, object_id: int, organisation_id: int) -> bool:
    from workplace_planner.extensions import db

    if object_id >= 2**31:  # beyond any id column: nothing can belong to anyone
        return False
    with app.app_context():
        found = db.session.get(model, object_id)
        return found is not None and found.organisation_id == organisation_id


@pytest.mark.parametrize(("rule", "endpoint", "method", "needed"), ID_ROUTES)
def test_fuzzed_ids_never_reach_another_organisations_data(
    login, demo, ids, rule, endpoint, method, needed
):
    """The outsider (an admin of another organisation) tries many ids on every route with an id:
    never a server error, and 'not found' whenever an id names the demo organisation's data."""
    import re

    from test_authorization_matrix import _url

    models = _argument_models()
    arguments = re.findall(r"<int:([a-z_]+)>", rule)
    missing = [a for a in arguments if a not in models]
    assert not missing, f"add the model of {missing} to _argument_models"
    client = login("outsider")
    for value in FUZZED_IDS:
        url, _ = _url(re.sub(r"<int:[a-z_]+>", str(value), rule), ids)
        response = client.get(url) if method == "GET" else client.post(url, data={})
        assert response.status_code < 500, f"{method} {url}"
        if any(_belongs_to_demo(demo, models[a], value, ids["shared"]) for a in arguments):
            assert response.status_code == 404, f"{method} {url}: {response.status_code}"
