"""Benchmark: observation rows from a CSV file into PostgreSQL and SQLite through the real
import path, beside each database's raw bulk load of the same file, timed in the same run.

The real path is planwatch.web.data.importer.import_observations — what `planwatch import`
and the import page run: streaming read, every row checked (indicator known, period, number,
unit convertible, plausible range), the import batch written, and the rows stored in one
transaction — a first import straight into the observation table (its unique figure +
revision constraint proving every figure new), anything else staged, with repeated rows
looked for and revisions worked out against what is stored. The raw load is COPY … FROM
STDIN (CSV) on PostgreSQL and csv.reader + executemany in one transaction on SQLite, into a
plain table of the file's columns: no checks, no indexes, no revisions. A second import of
the same file (which must add nothing: the staged way) is timed too.

The breakdown: `check only` is Python reading and checking every row with nothing stored
(on PostgreSQL the import overlaps it with the server's writing; on SQLite they add up);
`import − check` is what the database's part adds to it.

The file: the Lüyuan plan's level indicators (with their own units) × synthetic places ×
monthly periods from 2001, every row a distinct figure.

    python bench/import.py                                   # 1,000,000 rows, both databases
    python bench/import.py --rows 100000 --backend sqlite    # a quick run

PostgreSQL is reached at --postgres (default postgresql://postgres@127.0.0.1:5432/postgres);
a scratch database planwatch_bench_import is created there and dropped afterwards.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRATCH_DATABASE = "planwatch_bench_import"
FIRST_YEAR = 2001


def write_file(path: Path, rows: int, indicators: list[tuple[str, str]]) -> None:
    periods = [f"{year}-{month:02d}" for year in range(FIRST_YEAR, 2026) for month in
               range(1, 13)]
    per_place = len(indicators) * len(periods)
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["place", "indicator", "period", "value", "unit", "kind", "source"])
        for number in range(rows):
            place, rest = divmod(number, per_place)
            indicator, period = divmod(rest, len(periods))
            name, unit = indicators[indicator]
            writer.writerow([f"示例{place:04d}区", name, periods[period],
                             f"{(number % 997) * 1.25 + 1:.2f}", unit, "level",
                             "https://stats.example.gov.cn/bulletin"])


def run_backend(backend: str, csv_path: Path, postgres_url: str) -> dict:
    """One backend in a child process (Django reads its database at start-up)."""
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-") as home:
        env["PLANWATCH_HOME"] = home
        if backend == "postgresql":
            _scratch_database(postgres_url, create=True)
            env["DATABASE_URL"] = postgres_url.rsplit("/", 1)[0] + "/" + SCRATCH_DATABASE
        else:
            env.pop("DATABASE_URL", None)
        try:
            child = subprocess.run([sys.executable, __file__, "--child", str(csv_path)],
                                   env=env, capture_output=True, text=True, check=False)
        finally:
            if backend == "postgresql":
                _scratch_database(postgres_url, create=False)
    if child.returncode != 0:
        raise SystemExit(f"{backend}: {child.stderr.strip()}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def _scratch_database(url: str, *, create: bool) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE}")
        if create:
            connection.execute(f"CREATE DATABASE {SCRATCH_DATABASE}")


def child(csv_path: Path) -> None:
    from planwatch.web.bootstrap import prepare_database

    prepare_database()
    from django.db import connection, transaction

    from planwatch.planfile import load_plan
    from planwatch.samples import luyuan
    from planwatch.web.data.importer import import_observations
    from planwatch.web.data.models import Observation
    from planwatch.web.plans.store import save_plan

    save_plan(load_plan(luyuan.PLAN_PATH))
    rows = sum(1 for _ in csv_path.open(encoding="utf-8")) - 1
    check_seconds = _check_only(csv_path)
    start = time.perf_counter()
    with csv_path.open("rb") as file:
        result = import_observations(file, csv_path.name)
    import_seconds = time.perf_counter() - start
    assert result.ok and result.rows_added == rows, (result.problems[:3], result.rows_added)
    start = time.perf_counter()
    with csv_path.open("rb") as file:
        again = import_observations(file, csv_path.name)
    reimport_seconds = time.perf_counter() - start
    assert again.ok and again.rows_added == 0
    # Peak memory of the import path, read before the raw load adds its own buffers.
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    raw_seconds = _raw_load(connection, transaction, csv_path)
    print(json.dumps({
        "backend": connection.vendor, "rows": rows, "stored": Observation.objects.count(),
        "raw_seconds": raw_seconds, "check_seconds": check_seconds,
        "import_seconds": import_seconds,
        "reimport_seconds": reimport_seconds, "peak_rss_mb": peak_rss_mb,
        "load_average": os.getloadavg()[0]}))


def _check_only(csv_path: Path) -> float:
    """Reading and checking every row as the import does, storing nothing."""
    from planwatch.web.data.importer import indicator_rules
    from planwatch.web.data.rows import RowChecker, read_records

    start = time.perf_counter()
    with csv_path.open("rb") as file:
        checked = RowChecker(indicator_rules()).check_records(*read_records(csv_path.name, file))
        assert all(type(row) is not list for row in checked)
    return time.perf_counter() - start


def _raw_load(connection, transaction, csv_path: Path) -> float:
    columns = ("place TEXT, indicator TEXT, period TEXT, value DOUBLE PRECISION, unit TEXT, "
               "kind TEXT, source TEXT")
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE bench_raw ({columns})")
    start = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy("COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)"
                                    ) as copy, csv_path.open("rb") as file:
                while block := file.read(1 << 16):
                    copy.write(block)
        else:
            with csv_path.open(encoding="utf-8", newline="") as file:
                reader = csv.reader(file)
                next(reader)
                cursor.executemany("INSERT INTO bench_raw VALUES (%s, %s, %s, %s, %s, %s, %s)",
                                   reader)
    seconds = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_raw")
    return seconds


def level_indicators() -> list[tuple[str, str]]:
    from planwatch.planfile import load_plan
    from planwatch.samples import luyuan

    plan = load_plan(luyuan.PLAN_PATH)
    return [(indicator.name, indicator.unit) for indicator in plan.indicators
            if indicator.unit not in ("%", "")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=["postgresql", "sqlite", "both"], default="both")
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    backends = ["postgresql", "sqlite"] if args.backend == "both" else [args.backend]
    with tempfile.TemporaryDirectory(prefix="planwatch-bench-data-") as folder:
        csv_path = Path(folder) / "observations.csv"
        write_file(csv_path, args.rows, level_indicators())
        size_mb = csv_path.stat().st_size / 2**20
        print(f"{args.rows:,} rows, {size_mb:.0f} MB CSV")
        print(f"{'database':<11} {'raw load':>9} {'import':>9} {'rows/s':>9} {'× raw':>6} "
              f"{'check only':>11} {'import − check':>15} {'re-import':>10} {'peak RSS':>9} "
              f"{'load avg':>9}")
        for backend in backends:
            r = run_backend(backend, csv_path, args.postgres)
            print(f"{r['backend']:<11} {r['raw_seconds']:>8.2f}s {r['import_seconds']:>8.2f}s "
                  f"{r['rows'] / r['import_seconds']:>9,.0f} "
                  f"{r['import_seconds'] / r['raw_seconds']:>6.1f} "
                  f"{r['check_seconds']:>10.2f}s "
                  f"{r['import_seconds'] - r['check_seconds']:>14.2f}s "
                  f"{r['reimport_seconds']:>9.1f}s {r['peak_rss_mb']:>7.0f}MB "
                  f"{r['load_average']:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
