"""Time the PDF reports of the large programme (``demo --size large``), in one process.

    .venv/bin/python benchmarks/report_pdf.py [--runs 3] [--database-url postgresql://...]

Without ``--database-url`` it builds the large demo in a temporary SQLite file. Prints the time
of the first request (nothing cached yet) and the best of the following ones, with the size
and page count of each PDF. Goal (issue 9): the business-case report under 5 s.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
import time
from pathlib import Path

from workplace_planner.app import create_app
from workplace_planner.extensions import db

PASSWORD = "benchmark-password"
REPORTS = (
    ("business-case report", "/business-case/export.pdf"),
    ("vision on one A4", "/strategy/direction/one-a4.pdf"),
    ("persona cards", "/personas/cards.pdf"),
)


def _pages(data: bytes) -> str:
    """The page count from poppler's pdfinfo, when it is installed."""
    try:
        info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "?"
    found = re.search(rb"^Pages:\s+(\d+)", info.stdout, re.M)
    return found.group(1).decode() if found else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="report-bench-"))
    url = args.database_url or f"sqlite:///{folder / 'large.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "benchmark",
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_STORAGE_URI": "memory://",
                      "INSTANCE_PATH": str(folder / "instance")})
    with app.app_context():
        from workplace_planner.demo_large import load_large_demo

        db.create_all()
        programme_id = load_large_demo(PASSWORD).id
    client = app.test_client()
    client.post("/login", data={"email": "admin@large.example", "password": PASSWORD})
    for name, path in REPORTS:
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(f"/programmes/{programme_id}{path}")
            timings.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)
        pages = _pages(response.data)
        print(f"{name:22} first {timings[0]:5.2f} s, then best {min(timings[1:] or timings):5.2f} s"
              f" ({len(response.data) // 1024} kB, {pages} pages)")


if __name__ == "__main__":
    main()
