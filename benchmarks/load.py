"""Load test: concurrent logged-in clients reading the main pages of a programme.

    python benchmarks/load.py --url http://127.0.0.1:5001 --url http://127.0.0.1:5002 \\
        --email admin@large.example --password demo-wachtwoord --programme 3 \\
        --clients 16 --duration 60

Each client logs in with its own session, then requests pages one after the other, with a
pause between them like a person reading (``--think``, seconds; 0 for a closed loop that asks
as fast as the server answers). The pages are found by following the programme's links from its
dashboard (two levels deep; downloads, charts and edit forms excluded), so new modules are
measured without changing this script. Several ``--url``s are used in turn, as a reverse proxy
would spread requests over workers.

Prints, per page and in total: requests, errors, median, 95th percentile and maximum in ms.
Standard library only, so it runs from any Python 3.11 without installing anything.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import itertools
import json
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict

SKIP = re.compile(r"\.(csv|xlsx|pdf|json|svg|png)$|/(edit|new|delete|import)(/|$)|/print$")


class Client:
    def __init__(self, base_urls: list[str]):
        self.bases = itertools.cycle(base_urls)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, float]:
        url = next(self.bases) + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        started = time.perf_counter()
        try:
            with self.opener.open(url, data=body, timeout=30) as response:
                text = response.read().decode("utf-8", "replace")
                status = response.status
        except urllib.error.HTTPError as error:
            text, status = error.read().decode("utf-8", "replace"), error.code
        except OSError as error:  # refused, reset, timed out
            text, status = str(error), 599
        return status, text, (time.perf_counter() - started) * 1000

    def log_in(self, email: str, password: str) -> None:
        _status, page, _ms = self.request("/login")
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
        data = {"email": email, "password": password}
        if token:
            data["csrf_token"] = token.group(1)
        status, page, _ms = self.request("/login", data)
        if "/login" in page and 'name="password"' in page:
            sys.exit(f"could not log in as {email} (HTTP {status})")


def discover(client: Client, programme: int, depth: int = 2, limit: int = 120) -> list[str]:
    start = f"/programmes/{programme}"
    pattern = re.compile('href="(' + re.escape(start) + '[^"#?]*)"')
    seen, frontier = [start], [start]
    for _ in range(depth):
        found = []
        for path in frontier:
            _status, page, _ms = client.request(path)
            for href in pattern.findall(page):
                if href not in seen and not SKIP.search(href):
                    seen.append(href)
                    found.append(href)
        frontier = found
    return seen[:limit]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(args) -> dict:
    probe = Client(args.url)
    probe.log_in(args.email, args.password)
    pages = discover(probe, args.programme)
    print(f"{len(pages)} pages found under /programmes/{args.programme}", file=sys.stderr)
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop_at = time.monotonic() + args.duration

    def work(number: int) -> None:
        rng = random.Random(number)
        client = Client(args.url[number % len(args.url):] + args.url[:number % len(args.url)])
        client.log_in(args.email, args.password)
        order = pages[:]
        while time.monotonic() < stop_at:
            rng.shuffle(order)
            for path in order:
                if time.monotonic() >= stop_at:
                    return
                status, _page, ms = client.request(path)
                with lock:
                    timings[path].append(ms)
                    if status >= 400:
                        errors[path] += 1
                if args.think:
                    time.sleep(rng.uniform(args.think * 0.5, args.think * 1.5))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(args.clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    every = [ms for values in timings.values() for ms in values]
    rows = sorted(
        ((path, len(v), errors[path], statistics.median(v), percentile(v, 0.95), max(v))
         for path, v in timings.items()),
        key=lambda row: row[4], reverse=True,
    )
    return {
        "clients": args.clients, "think_seconds": args.think, "duration_s": round(elapsed, 1),
        "workers": len(args.url), "pages": len(pages), "requests": len(every),
        "errors": sum(errors.values()), "throughput_per_s": round(len(every) / elapsed, 1),
        "median_ms": round(statistics.median(every), 1),
        "p95_ms": round(percentile(every, 0.95), 1), "max_ms": round(max(every), 1),
        "per_page": [
            {"path": p, "requests": n, "errors": e, "median_ms": round(m, 1),
             "p95_ms": round(p95, 1), "max_ms": round(top, 1)}
            for p, n, e, m, p95, top in rows
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", action="append", required=True,
                        help="base URL of a worker; repeat for several")
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--programme", type=int, required=True)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--duration", type=float, default=60, help="seconds")
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean pause between a client's requests, seconds (0: none)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    report = run(args)
    print(f"{report['clients']} clients, think {report['think_seconds']} s, "
          f"{report['workers']} worker(s), {report['duration_s']} s: {report['requests']} "
          f"requests ({report['throughput_per_s']}/s), {report['errors']} errors; "
          f"median {report['median_ms']} ms, p95 {report['p95_ms']} ms, "
          f"max {report['max_ms']} ms")
    print(f"{'p95 ms':>8} {'median':>8} {'max':>8} {'n':>5} {'err':>4}  page")
    for row in report["per_page"]:
        print(f"{row['p95_ms']:8.1f} {row['median_ms']:8.1f} {row['max_ms']:8.1f} "
              f"{row['requests']:5d} {row['errors']:4d}  {row['path']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2)


if __name__ == "__main__":
    main()
