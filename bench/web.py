"""Benchmark: the dashboard pages under load, served by gunicorn on PostgreSQL.

A synthetic plan of 200 targets (five kinds, five goal areas, eight departments) with five
years of figures each (2020–2024) is stored in a fresh PostgreSQL database; `planwatch serve`
(gunicorn, 2 workers unless --workers) serves it; wrk drives 10 connections at the overview
(领导驾驶舱), a target page and two floors of the same app — /healthz (plain text, touches
neither session nor database) and the sign-in page (a rendered page that reads the session) —
one after the other in the same run, signed in as a leader. Prints median latency, requests/s and each page's share of the
trivial view's throughput, and checks them against the goals of issue 6 (overview median
≤ 50 ms, ≥ 100 req/s, ≥ 30 % of the trivial view).

    python bench/web.py                        # needs PostgreSQL at 127.0.0.1:5432 and wrk
    python bench/web.py --duration 5 --targets 50

wrk comes from Debian (`apt-get install wrk`); the script installs it when run as root.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

SERVER = "postgresql://postgres@127.0.0.1:5432"
DATABASE = "planwatch_bench"
AS_OF = date(2024, 12, 31)
KINDS = ("level", "growth", "share", "cumulative", "bound_each_year")


def synthetic_plan(n: int):
    """A plan of n targets with their figures, as the core's domain objects."""
    from planwatch import domain

    areas = [domain.Goal(f"area{a}", f"目标领域{a}", "area") for a in range(5)]
    departments = [domain.Department(f"部门{d}") for d in range(8)]
    targets, figures = [], []
    for i in range(n):
        kind, indicator = domain.Kind(KINDS[i % len(KINDS)]), f"指标{i:03d}"
        common = dict(id=f"t{i:03d}", indicator=indicator, year=2025, period_start=2021,
                      base_year=2020, goal=f"area{i % 5}", department=f"部门{i % 8}",
                      attribute=domain.Attribute.BINDING if i % 3 == 0
                      else domain.Attribute.EXPECTED)
        drift = 0.02 + 0.06 * ((i * 7919) % 100) / 100  # 2–8 % a year, varied by target
        if kind is domain.Kind.LEVEL:
            targets.append(domain.Target(kind=kind, comparator=domain.Comparator.GE,
                                         value=140.0, unit="亿元", **common))
            series = [("level", 100 * (1 + drift) ** k, "亿元") for k in range(5)]
        elif kind is domain.Kind.GROWTH:
            targets.append(domain.Target(kind=kind, comparator=domain.Comparator.GE,
                                         value=6.0, unit="%", **common))
            series = [("growth_pct", 100 * drift + (k % 2) - 0.5, "%") for k in range(5)]
        elif kind is domain.Kind.SHARE:
            targets.append(domain.Target(kind=kind, comparator=domain.Comparator.GE,
                                         value=60.0, unit="%", **common))
            series = [("level", 50 + 10 * drift * k * 4, "%") for k in range(5)]
        elif kind is domain.Kind.CUMULATIVE:
            targets.append(domain.Target(kind=kind, comparator=domain.Comparator.GE,
                                         value=5.0, unit="万人", **common))
            series = [("level", 0.8 + 4 * drift, "万人") for _k in range(5)]
        else:
            targets.append(domain.Target(kind=kind, comparator=domain.Comparator.LE,
                                         value=4.5, unit="%", scope=domain.Scope.EACH_YEAR,
                                         **common))
            series = [("level", 3.5 + 30 * drift * (k % 2), "%") for k in range(5)]
        for k, (figure_kind, value, unit) in enumerate(series):
            figures.append(domain.Observation(
                place="基准区", indicator=indicator, period=domain.parse_period(str(2020 + k)),
                value=round(value, 3), unit=unit, kind=domain.ObservationKind(figure_kind),
                source="bench/web.py", provenance=domain.Provenance.ILLUSTRATIVE))
    plan = domain.Plan(
        name="bench", title="基准测试规划", jurisdiction=domain.Jurisdiction("基准区", "district"),
        departments=departments,
        goals=[domain.Goal("period", "规划期目标", "period", children=areas)], targets=targets)
    return plan, figures


def fresh_database() -> str:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    return f"{SERVER}/{DATABASE}"


def set_up(targets: int) -> tuple[str, str]:
    """Migrate, store the plan and its figures, and sign a leader in: (the browser's cookies,
    a target)."""
    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from planwatch.web.data.store import save_observations
    from planwatch.web.plans.store import save_plan

    plan, figures = synthetic_plan(targets)
    save_plan(plan)
    save_observations(figures)
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("bench", password="bench-passphrase-1")
    user.groups.add(Group.objects.get(name="leader"))
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    # A browser that has opened a page holds the CSRF cookie too, and sends it back.
    client.get("/plans/bench/")
    cookies = "; ".join(f"{name}={client.cookies[name].value}" for name in ("sessionid", "csrftoken"))
    return cookies, plan.targets[0].id


def settle(url: str) -> None:
    """Give PostgreSQL the statistics a database in use has, so that autovacuum does not
    analyse the freshly written tables during the measurement (and the planner knows their
    sizes)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("bench/web.py needs wrk: apt-get install wrk")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("wrk")


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the server did not answer at {url}")


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def load(wrk: str, url: str, cookies: str, duration: int, connections: int) -> dict:
    """Run wrk against one URL; its median latency (ms), req/s and non-2xx count."""
    output = subprocess.run(
        [wrk, "-t2", f"-c{connections}", f"-d{duration}s", "--latency",
         "-H", f"Cookie: {cookies}", url],
        check=True, capture_output=True, text=True).stdout
    median = re.search(r"\b50%\s+([\d.]+)(us|ms|s)\b", output)
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if median is None or rate is None:
        sys.exit(f"cannot read wrk's output for {url}:\n{output}")
    return {"median_ms": float(median.group(1)) * UNITS[median.group(2)],
            "rps": float(rate.group(1)), "errors": int(errors.group(1)) if errors else 0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=200)
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--port", type=int, default=8391)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (serve's default)")
    args = parser.parse_args(argv)

    wrk = ensure_wrk()
    # Other work on the machine shares the cores with the server and wrk: say how busy it was.
    load_before = os.getloadavg()
    home = tempfile.mkdtemp(prefix="planwatch-bench-web-")
    os.environ.update(PLANWATCH_HOME=home, DATABASE_URL=fresh_database())
    cookies, target = set_up(args.targets)
    settle(os.environ["DATABASE_URL"])
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "planwatch.cli", "serve", "--port", str(args.port),
         "--workers", str(args.workers)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        wait_for(f"{base}/healthz")
        pages = {"trivial (/healthz)": "/healthz",
                 "sign-in page": "/accounts/login/",
                 "overview 领导驾驶舱": f"/plans/bench/?as_of={AS_OF.isoformat()}",
                 "target page": f"/plans/bench/targets/{target}/?as_of={AS_OF.isoformat()}"}
        results = {}
        for name, path in pages.items():
            load(wrk, base + path, cookies, 2, args.connections)  # warm-up: caches, imports
            results[name] = load(wrk, base + path, cookies, args.duration, args.connections)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)

    floor = results["trivial (/healthz)"]["rps"]
    page_floor = results["sign-in page"]["rps"]
    print(f"{args.targets} targets × 5 years, PostgreSQL, gunicorn {args.workers} workers, wrk "
          f"{args.connections} connections × {args.duration} s, {os.cpu_count()} cores")
    print("load average (1, 5, 15 min) before: {:.2f} {:.2f} {:.2f}, after: {:.2f} {:.2f} {:.2f}"
          .format(*load_before, *os.getloadavg()))
    print(f"{'page':<22}{'median ms':>10}{'req/s':>10}{'of trivial':>12}{'of sign-in':>12}"
          f"{'non-2xx':>9}")
    for name, result in results.items():
        print(f"{name:<22}{result['median_ms']:>10.1f}{result['rps']:>10.1f}"
              f"{result['rps'] / floor:>11.0%}{result['rps'] / page_floor:>12.0%}"
              f"{result['errors']:>9}")
    overview = results["overview 领导驾驶舱"]
    goals = {"overview median ≤ 50 ms": overview["median_ms"] <= 50,
             "overview ≥ 100 req/s": overview["rps"] >= 100,
             "overview ≥ 30 % of trivial": overview["rps"] >= 0.3 * floor,
             "no errors": all(r["errors"] == 0 for r in results.values())}
    for goal, met in goals.items():
        print(f"{'met' if met else 'NOT MET':>8}  {goal}")
    return 0 if all(goals.values()) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    sys.exit(main())
