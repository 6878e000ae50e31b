"""``workplace-planner business-case compute CASE.json``: the engine on the command line.

Prints the result (format workplace-planner/business-case-result/v1) as UTF-8 JSON on stdout.
Bad input never produces a result: every problem goes to stderr, one per line, and the exit
code is 2 (unreadable file, invalid JSON, or an invalid case).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from workplace_planner.business_case import (
    CaseValidationError,
    compute_case,
    load_case,
    result_to_dict,
)
from workplace_planner.business_case.model import DISTRIBUTIONS

EXIT_INVALID_INPUT = 2


def _fail(lines: list[str]) -> None:
    for line in lines:
        click.echo(f"error: {line}", err=True)
    sys.exit(EXIT_INVALID_INPUT)


@click.group("business-case")
def business_case_cli() -> None:
    """Compute business cases (multi-year budget, NPV/IRR/payback, allocation, Monte Carlo)."""


@business_case_cli.command("compute")
@click.argument("case_file", metavar="CASE.json", type=click.Path(path_type=Path))
@click.option("--simulations", type=click.IntRange(min=1), default=None,
              help="Number of Monte Carlo draws (default: no Monte Carlo).")
@click.option("--seed", type=int, default=None,
              help="Seed for reproducible Monte Carlo draws (default: chosen and reported).")
@click.option("--distribution", type=click.Choice(DISTRIBUTIONS), default=None,
              help="Distribution of each line's multiplier in Monte Carlo (default: pert).")
def compute_command(case_file: Path, simulations: int | None, seed: int | None,
                    distribution: str | None) -> None:
    """Compute CASE.json and print the result as JSON."""
    if simulations is None and (seed is not None or distribution is not None):
        raise click.UsageError("--seed and --distribution only apply with --simulations N")
    try:
        text = case_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        _fail([f"{case_file}: file not found"])
    except IsADirectoryError:
        _fail([f"{case_file}: is a directory, not a case file"])
    except (OSError, UnicodeDecodeError) as exc:
        _fail([f"{case_file}: cannot be read as UTF-8 text ({exc})"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        _fail([f"{case_file}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"])
    try:
        case = load_case(data)
    except CaseValidationError as exc:
        _fail([f"{case_file}: {len(exc.errors)} problem(s); nothing was computed"]
              + [str(issue) for issue in exc.errors])
    result = compute_case(case, simulations=simulations, seed=seed,
                          distribution=distribution or "pert")
    output = json.dumps(result_to_dict(result), indent=2, ensure_ascii=False, allow_nan=False)
    # UTF-8 whatever the locale says: write bytes when the stream allows it.
    stream = sys.stdout
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(output.encode("utf-8") + b"\n")
        buffer.flush()
    else:
        stream.write(output + "\n")
