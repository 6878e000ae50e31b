"""Every route × every role (and an outsider and an anonymous visitor) gets the expected answer.

The routes come from the app's URL map, so a module added later is walked too. A new kind of
URL argument must be taught to ``ARGUMENT_VALUES`` below: the test fails until it is.
"""

from __future__ import annotations

import re

import pytest

from workplace_planner.app import create_app
from workplace_planner.authorization import (
    ROLE_PERMISSIONS,
    Access,
    Permission,
    Role,
    rule_for_endpoint,
)

# The policy, stated here independently of the code that enforces it.
EXPECTED_PERMISSIONS = {
    "admin": set(Permission),
    "editor": {Permission.VIEW, Permission.EDIT, Permission.EDIT_WORKSHOP, Permission.COMMENT},
    "workshop_lead": {Permission.VIEW, Permission.EDIT_WORKSHOP},
    "reviewer": {Permission.VIEW, Permission.COMMENT, Permission.APPROVE, Permission.VIEW_AUDIT},
}

# URL argument → which demo object (a key of the ``ids`` fixture) or literal value fills it.
ARGUMENT_VALUES = {
    "programme_id": ("id", "programme"),
    "participant_id": ("id", "participant"),
    "membership_id": ("id", "editor_membership"),
    "persona_id": ("id", "persona"),
    "interview_id": ("id", "interview"),
    "measure_id": ("id", "measure"),
    "catalogue_item_id": ("id", "licence_bundle"),
    "scenario_id": ("id", "bc_scenario"),
    "line_id": ("id", "bc_line"),
    "assumption_id": ("id", "bc_assumption"),
    "cloud_resource_id": ("id", "bc_cloud_resource"),
    "benefit_id": ("id", "bc_benefit"),
    "version_id": ("id", "bc_version"),
    "workshop_id": ("id", "workshop"),
    "system_id": ("id", "system"),
    "principle_id": ("id", "principle"),
    "roadmap_item_id": ("id", "roadmap_item"),
    "milestone_id": ("id", "milestone"),
    "decision_id": ("id", "decision"),
    "follow_up_id": ("id", "follow_up"),
    "risk_id": ("id", "risk"),
    "risk_measure_id": ("id", "risk_measure"),
    "bia_entry_id": ("id", "bia_entry"),
    "pillar_id": ("id", "pillar"),
    "kpi_id": ("id", "kpi"),
    "kpi_measurement_id": ("id", "kpi_measurement"),
    "activity_id": ("id", "activity"),
    "success_factor_id": ("id", "success_factor"),
    "procurement_id": ("id", "procurement"),
    "pilot_group_id": ("id", "pilot_group"),
    "champion_id": ("id", "champion"),
    "criterion_id": ("id", "criterion"),
    "wave_id": ("id", "wave"),
    "communication_item_id": ("id", "communication_item"),
    "actual_id": ("id", "actual"),
    "adoption_measurement_id": ("id", "adoption_measurement"),
    "adoption_target_id": ("id", "adoption_target"),
    "run_role_id": ("id", "run_role"),
    "regie_task_id": ("id", "regie_task"),
    "service_contract_id": ("id", "service_contract"),
    "service_level_id": ("id", "service_level"),
    "service_level_measurement_id": ("id", "service_level_measurement"),
    "realised_benefit_id": ("id", "realised_benefit"),
    "lesson_learned_id": ("id", "lesson_learned"),
    "step_key": ("value", "strategy"),
    "perspective_key": ("value", "employee"),
}
ALLOWED = "allowed"


def _routes():
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x", "TESTING": True}
    )
    routes = []
    for url_rule in app.url_map.iter_rules():
        if url_rule.endpoint == "static":
            continue
        for method in sorted(url_rule.methods & {"GET", "POST"}):
            rule = rule_for_endpoint(app, url_rule.endpoint)
            routes.append((url_rule.rule, url_rule.endpoint, method, rule.needed_for(method)))
    return routes


ROUTES = _routes()


def _url(rule: str, ids) -> tuple[str, bool]:
    """The concrete URL and whether it names an object of the demo organisation."""
    url, names_object = rule, False
    # An any(a, b) converter takes its first option.
    url = re.sub(r"<any\(([^,)]+)[^)]*\):[a-z_]+>", lambda m: m.group(1).strip(), url)
    for argument, (kind, value) in ARGUMENT_VALUES.items():
        for converter in ("<int:" + argument + ">", "<" + argument + ">"):
            if converter in url:
                url = url.replace(converter, str(ids[value] if kind == "id" else value))
                names_object = names_object or kind == "id"
    assert "<" not in url, f"teach ARGUMENT_VALUES how to fill {rule}"
    return url, names_object


def _expected(role: str, needed) -> str | int:
    if isinstance(needed, Access):
        return ALLOWED
    return ALLOWED if needed in EXPECTED_PERMISSIONS[role] else 403


def _request(client, method: str, url: str):
    return client.get(url) if method == "GET" else client.post(url, data={})


def _assert_allowed(response, who: str, method: str, url: str):
    assert response.status_code < 500, f"{who} {method} {url}: server error"
    assert response.status_code not in (401, 403, 404), (
        f"{who} {method} {url}: expected access, got {response.status_code}"
    )


def test_policy_in_code_matches_the_stated_policy():
    for role, permissions in EXPECTED_PERMISSIONS.items():
        assert ROLE_PERMISSIONS[Role(role)] == frozenset(permissions), role


def test_the_matrix_covers_the_foundation_routes():
    endpoints = {endpoint for _rule, endpoint, _method, _needed in ROUTES}
    assert {"programmes.dashboard", "programmes.perspective", "organisation.members"} <= endpoints


@pytest.mark.parametrize("role", ["admin", "editor", "workshop_lead", "reviewer"])
@pytest.mark.parametrize(("rule", "endpoint", "method", "needed"), ROUTES)
def test_role_gets_what_its_role_allows(login, ids, role, rule, endpoint, method, needed):
    url, _ = _url(rule, ids)
    response = _request(login(role), method, url)
    expected = _expected(role, needed)
    if expected == ALLOWED:
        _assert_allowed(response, role, method, url)
    else:
        assert response.status_code == expected, f"{role} {method} {url}"


@pytest.mark.parametrize(("rule", "endpoint", "method", "needed"), ROUTES)
def test_outsider_never_reaches_another_organisations_objects(
    login, ids, rule, endpoint, method, needed
):
    url, names_object = _url(rule, ids)
    response = _request(login("outsider"), method, url)
    if names_object:
        assert response.status_code == 404, f"outsider {method} {url}"
    else:
        _assert_allowed(response, "outsider", method, url)


@pytest.mark.parametrize(("rule", "endpoint", "method", "needed"), ROUTES)
def test_anonymous_visitor_is_sent_to_log_in(demo, ids, rule, endpoint, method, needed):
    url, _ = _url(rule, ids)
    response = _request(demo.test_client(), method, url)
    if needed is Access.PUBLIC:
        assert response.status_code < 500
    elif method == "GET":
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")
    else:
        assert response.status_code == 401
