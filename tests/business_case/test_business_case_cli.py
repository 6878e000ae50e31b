"""The ``business-case compute`` command, run through click's CliRunner."""

from __future__ import annotations

import json

from bc_helpers import EXAMPLE
from click.testing import CliRunner

from workplace_planner.cli_business_case import business_case_cli


def run(*args):
    return CliRunner().invoke(business_case_cli, ["compute", *map(str, args)])


def test_valid_case_prints_result_json():
    result = run(EXAMPLE)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == "workplace-planner/business-case-result/v1"
    assert data["years"] == [2027, 2028, 2029, 2030, 2031]
    ids = [s["id"] for s in data["scenarios"]]
    assert ids == ["current", "cloud"]
    cloud = data["scenarios"][1]
    for key in ("cash", "budget", "tco", "tco_discounted", "allocation", "versus_baseline"):
        assert key in cloud
    for key in ("costs", "benefits", "costs_by_category"):
        assert key in cloud["cash"] and key in cloud["budget"]
    for key in ("flows", "npv", "irr", "irr_status", "irr_roots", "payback_years",
                "sustained_payback_years", "discounted_payback_years", "roi"):
        assert key in cloud["versus_baseline"]
    assert "monte_carlo" not in cloud
    assert "versus_baseline" not in data["scenarios"][0]


def test_output_is_indented_utf8(tmp_path):
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    case["scenarios"][1]["name"] = "Cloudwerkplek fase één"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    result = run(path)
    assert result.exit_code == 0
    assert "fase één" in result.stdout_bytes.decode("utf-8")
    assert result.stdout.startswith('{\n  "format"')


def test_simulations_and_seed():
    first = run(EXAMPLE, "--simulations", 300, "--seed", 4)
    second = run(EXAMPLE, "--simulations", 300, "--seed", 4, "--distribution", "pert")
    assert first.exit_code == 0
    mc = json.loads(first.stdout)["scenarios"][1]["monte_carlo"]
    assert set(mc) >= {"npv_p10", "npv_p50", "npv_p90", "probability_payback_within_horizon"}
    assert mc["seed"] == 4 and mc["simulations"] == 300
    assert first.stdout == second.stdout
    triangular = run(EXAMPLE, "--simulations", 300, "--seed", 4, "--distribution", "triangular")
    assert json.loads(triangular.stdout)["scenarios"][1]["monte_carlo"]["distribution"] == \
        "triangular"


def test_invalid_case_exits_2_with_every_message_on_stderr(tmp_path):
    case = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    case["scenarios"][1]["lines"][0]["driver"]["type"] = "per_seat"
    case["personas"][0]["headcount"] = -1
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    result = run(path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "2 problem(s); nothing was computed" in result.stderr
    assert 'error: scenarios[1].lines[0] "Microsoft 365 E3": driver.type: unknown driver ' \
        "'per_seat'" in result.stderr
    assert 'error: personas[0] "Buitendienst": headcount: must be 0 or more' in result.stderr


def test_missing_file(tmp_path):
    result = run(tmp_path / "nope.json")
    assert result.exit_code == 2
    assert "nope.json: file not found" in result.stderr


def test_not_json(tmp_path):
    path = tmp_path / "case.json"
    path.write_text("{'single': 'quotes'}", encoding="utf-8")
    result = run(path)
    assert result.exit_code == 2
    assert "not valid JSON" in result.stderr and "line 1 column 2" in result.stderr


def test_seed_without_simulations_is_a_usage_error():
    result = run(EXAMPLE, "--seed", 3)
    assert result.exit_code == 2
    assert "--seed and --distribution only apply with --simulations" in result.stderr


def test_zero_simulations_refused():
    assert run(EXAMPLE, "--simulations", 0).exit_code == 2
