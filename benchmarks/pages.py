"""One client, no network: how long the programme's pages take to render on the large demo.

    .venv/bin/python benchmarks/pages.py                       # the heavy pages
    .venv/bin/python benchmarks/pages.py /risks /bia/roadmap   # these pages of the programme
    .venv/bin/python benchmarks/pages.py --runs 30 --database /tmp/large.sqlite
    .venv/bin/python benchmarks/pages.py --url postgresql://postgres@127.0.0.1/bench \
        --password demo-wachtwoord                # the database of run_load.sh

The first run builds the demo and the large programme in a SQLite file (``--database``, kept for
later runs; ``--rebuild`` builds it again). Each page is requested once to warm up, then
``--runs`` times through Flask's test client, logged in as ``admin@large.example``; printed are
the median, the fastest and the slowest time and the size of the HTML. Without a server or
other clients this shows what a page costs itself; ``run_load.sh`` shows it under load.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import select

from workplace_planner.app import create_app
from workplace_planner.extensions import db

PASSWORD = "bench-wachtwoord-123"
HEAVY_PAGES = [
    "", "/steps/strategy", "/technology/roadmap", "/technology/roadmap/timeline",
    "/technology/roadmap/board", "/risks", "/risks/by-item", "/bia/roadmap", "/business-case",
    "/business-case/scenarios", "/strategy/direction/one-a4",
]


def _app(database: Path, rebuild: bool, url: str | None):
    if rebuild and database.exists() and not url:
        database.unlink()
    app = create_app({
        "SECRET_KEY": "benchmark", "SQLALCHEMY_DATABASE_URI": url or f"sqlite:///{database}",
        "INSTANCE_PATH": str(database.parent / "bench-instance"),
        "RATELIMIT_STORAGE_URI": "memory://",
        "WTF_CSRF_ENABLED": False,  # the test client posts the log-in form without a token
    })
    with app.app_context():
        from workplace_planner.auth.models import Organisation
        from workplace_planner.demo_large import LARGE_ORGANISATION
        from workplace_planner.programmes.models import Programme

        if not db.inspect(db.engine).has_table("programmes"):
            from workplace_planner.cli import upgrade_database
            from workplace_planner.demo import load_demo
            from workplace_planner.demo_large import load_large_demo

            upgrade_database()
            load_demo(PASSWORD)
            load_large_demo(PASSWORD)
        programme_id = db.session.scalar(
            select(Programme.id).join(Organisation, Organisation.id == Programme.organisation_id)
            .where(Organisation.name == LARGE_ORGANISATION).order_by(Programme.id))
        db.session.remove()
    return app, programme_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*",
                        help="paths under /programmes/<id> (default: the heavy pages)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--database", type=Path,
                        default=Path("/tmp/workplace-planner-large.sqlite"))
    parser.add_argument("--url", help="a database that holds the large demo already, e.g. the "
                        "PostgreSQL database of run_load.sh (the password is then demo-wachtwoord)")
    parser.add_argument("--password", default=PASSWORD)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)

    app, programme_id = _app(args.database, args.rebuild, args.url)
    from workplace_planner.cli import tune_garbage_collection

    tune_garbage_collection()  # as `workplace-planner serve` does
    client = app.test_client()
    response = client.post("/login", data={"email": "admin@large.example",
                                                  "password": args.password})
    if response.status_code != 302:
        print("log-in failed: build the database again with --rebuild", file=sys.stderr)
        return 1
    print(f"{'median':>8} {'min':>6} {'max':>6} {'kB':>6}  page (ms, {args.runs} runs)")
    for page in args.pages or HEAVY_PAGES:
        path = f"/programmes/{programme_id}{page}"
        if client.get(path).status_code != 200:
            print(f"{'':>30}{path}: status {client.get(path).status_code}")
            continue
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{statistics.median(times):8.0f} {min(times):6.0f} {max(times):6.0f} "
              f"{len(response.data) // 1024:6d}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
