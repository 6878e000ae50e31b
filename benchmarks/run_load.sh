#!/usr/bin/env bash
# The load benchmark of docs/performance.md: the large demo on PostgreSQL, WORKERS processes of
# `workplace-planner serve` (one per core, as behind a reverse proxy), then benchmarks/load.py.
#   benchmarks/run_load.sh [extra load.py options, e.g. --think 0 --duration 30]
# Environment: BENCH_DATABASE (default bench), WORKERS (default: number of cores),
# BENCH_REUSE=1 to measure the large demo already in BENCH_DATABASE instead of building it anew.
set -euo pipefail
cd "$(dirname "$0")/.."
database=${BENCH_DATABASE:-bench}
workers=${WORKERS:-$(nproc)}
export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$database"
export WORKPLACE_PLANNER_INSTANCE_PATH=${WORKPLACE_PLANNER_INSTANCE_PATH:-/tmp/bench-instance}
export SECRET_KEY=${SECRET_KEY:-benchmark-secret-key}

if [ "${BENCH_REUSE:-}" = 1 ]; then
  programme=$(psql -h 127.0.0.1 -U postgres -d "$database" -tAc \
    "SELECT p.id FROM programmes p JOIN organisations o ON o.id = p.organisation_id
     WHERE o.name = 'Werkplekcoöperatie Rivierenland' ORDER BY p.id LIMIT 1")
else
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE \"$database\""
  programme=$(.venv/bin/workplace-planner demo --size large --password demo-wachtwoord \
    | sed -n 's/^Large programme: .* (id \([0-9]*\)).*/\1/p')
fi

pids=()
urls=()
for n in $(seq 1 "$workers"); do
  port=$((5100 + n))
  .venv/bin/workplace-planner serve --port "$port" --threads 8 >/tmp/bench-worker-$n.log 2>&1 &
  pids+=($!)
  urls+=(--url "http://127.0.0.1:$port")
done
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for port in $(seq 5101 $((5100 + workers))); do
  for _ in $(seq 1 60); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    sleep 0.5
  done
done

.venv/bin/python benchmarks/load.py "${urls[@]}" --email admin@large.example \
  --password demo-wachtwoord --programme "$programme" "$@"
