"""The engine stays importable without web or database code (it is also used by the CLI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_engine_imports_no_flask_or_sqlalchemy():
    code = (
        "import sys, workplace_planner.business_case; "
        "bad = [m for m in sys.modules if m == 'flask' or m.startswith('flask.') "
        "or m.startswith('flask_') or m.startswith('sqlalchemy')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True,
                   env={"PYTHONPATH": str(REPO), "PATH": ""})


def test_cli_module_imports_no_flask_either():
    code = (
        "import sys, workplace_planner.cli_business_case; "
        "assert not any(m == 'flask' or m.startswith('sqlalchemy') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True,
                   env={"PYTHONPATH": str(REPO), "PATH": ""})
