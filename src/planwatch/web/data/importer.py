"""Import an observations file (CSV or XLSX) into the database: all rows or none.

The file is read as a stream and every row is checked (rows.RowChecker). Two ways of storing
the good rows give exactly what data.store.save_observations would add:

- Straight (the usual first import of a file): every row is a figure seen once in the file
  and never stored, so each is revision 1. The rows are streamed into the observation table
  while they are read (COPY on PostgreSQL, whose server process then works on the other core
  while Python checks the next rows; executemany on SQLite). The table's unique figure +
  revision constraint is the proof: a figure repeated in the file or already stored breaks
  it, and so does nothing else a checked row can do.
- Staged (a dry run, or when the straight way met a problem row or a repeated figure, which
  it undoes at once): the rows go into a temporary staging table; the database then finds
  repeated rows and adds, in one INSERT … SELECT, nothing for a figure whose stored current
  revision says the same, the next revision for a changed figure, every row of a figure seen
  for the first time.

So re-importing a file changes nothing, and a changed value becomes a new revision. Any
problem rolls the whole import back; a dry run always does. Imported rows are their own audit
record (recorded_by, recorded_at, import_batch: see docs/data.md, History).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import IO

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from planwatch.web.data.models import ImportBatch, Observation, ReportingRule
from planwatch.web.data.problem_list import ProblemTally
from planwatch.web.data.rows import (
    CheckedRow,
    FileProblem,
    IndicatorRule,
    Problem,
    RowChecker,
    read_records,
)

CHUNK_ROWS = 10_000
STAGING = "planwatch_import_staging"
KEY = ("place", "indicator", "period", "kind", "provenance")
STAGED = ("line_no", "place", "indicator", "period", "year", "months", "span", "value", "unit",
          "kind", "source", "provenance")
STAGED_TYPES = ("int4", "text", "text", "text", "int4", "int4", "int4", "float8", "text", "text",
                "text", "text")
STORED = ("place", "indicator", "period", "year", "months", "span", "value", "unit", "kind",
          "source", "provenance")
WRITTEN = (*STORED, "revision", "recorded_by", "recorded_at", "import_batch_id")
# The binary COPY format is the column's own: smallint is two bytes, not four.
WRITTEN_TYPES = ("text", "text", "text", "int2", "int2", "int2", "float8", "text", "text",
                 "text", "text", "int4", "text", "timestamptz", "int8")
FIRST_SLICE_ROWS, LAST_SLICE_ROWS = 1_000, 100_000


@dataclass
class ImportResult(ProblemTally):
    file_name: str
    rows_read: int = 0
    rows_added: int = 0
    committed: bool = False
    file_problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem_count == 0 and self.file_problem is None


def indicator_rules() -> dict[str, IndicatorRule]:
    """Every indicator any stored plan lists, with its unit and plausible ranges."""
    from planwatch.web.plans.models import Indicator, Target

    ranges = {rule.indicator_id: rule for rule in ReportingRule.objects.all()}
    rules: dict[str, IndicatorRule] = {}
    for indicator in Indicator.objects.order_by("plan_id", "order"):
        rule = ranges.get(indicator.pk)
        rules.setdefault(indicator.name, IndicatorRule(
            indicator.unit, *((rule.minimum, rule.maximum, rule.growth_minimum,
                               rule.growth_maximum) if rule else ())))
    # Targets may name a measured quantity the indicator table leaves out (benchmarks …),
    # and figures already stored (context series such as 常住人口) make theirs known too.
    for name, unit in Target.objects.exclude(unit="").values_list("indicator", "unit"):
        rules.setdefault(name, IndicatorRule(unit))
    # A series stored only as growth rates has no level unit to hold new levels to ("").
    # order_by() drops the model's default ordering, whose columns DISTINCT would otherwise
    # include (one row per stored figure instead of one per indicator, kind and unit).
    stored = Observation.objects.order_by().values_list("indicator", "kind", "unit").distinct()
    for name, kind, unit in sorted(stored, key=lambda row: row[1] == "growth_pct"):
        rules.setdefault(name, IndicatorRule("" if kind == "growth_pct" else unit))
    return rules


def import_observations(file: IO[bytes], name: str, *, user=None,
                        dry_run: bool = False) -> ImportResult:
    """Check and (unless dry_run or any problem) store the file's rows in one transaction."""
    checker = RowChecker(indicator_rules())
    digest = _sha256(file)
    result = ImportResult(name)
    try:
        with transaction.atomic():
            if _is_postgres():
                _prepare_postgres()
            if not dry_run:
                stored = _store_straight(name, digest, file, checker, user)
                if stored is not None:
                    return stored
                file.seek(0)
            _import_staged(name, digest, file, checker, user, dry_run, result)
    except FileProblem as problem:
        result.file_problem = str(problem)
    return result


class _NotAllNew(Exception):
    """The straight way does not fit this file: a problem row or a repeated figure."""


def _store_straight(name: str, digest: str, file: IO[bytes], checker: RowChecker,
                    user) -> ImportResult | None:
    """Every row stored as revision 1 of a new figure, streamed as it is checked; None (and
    nothing of it left behind) when a row has a problem or a figure is repeated or stored."""
    result = ImportResult(name)
    try:
        with transaction.atomic():
            batch = _new_batch(name, digest, user)
            constants = (1, batch.imported_by, _stamp(batch), batch.pk)
            rows = _checked(name, file, checker, result)
            # A slice at a time, the first ones small, so that a problem or a repeated
            # figure near the start (a file imported again) stops the straight way early.
            size = FIRST_SLICE_ROWS
            while True:
                written = _write_observations(islice(rows, size), constants)
                if result.problem_count:
                    raise _NotAllNew
                result.rows_added += written
                if written < size:
                    break
                size = min(size * 10, LAST_SLICE_ROWS)
            _finish_batch(batch, result.rows_read, result.rows_added)
    except (_NotAllNew, IntegrityError):
        return None
    result.committed = True
    return result


def _import_staged(name: str, digest: str, file: IO[bytes], checker: RowChecker, user,
                   dry_run: bool, result: ImportResult) -> None:
    # The staging table is created inside the transaction, so a rollback (a problem, a dry
    # run, an error) removes it with everything else.
    _create_staging()
    for chunk in _chunks(_checked(name, file, checker, result)):
        _stage(chunk)
    if _is_postgres():
        _analyse_staging()
    else:
        _index_staging()
    all_new = _all_new()
    if not all_new:
        _find_duplicates(result)
    if result.ok and not dry_run:
        batch = _new_batch(name, digest, user)
        result.rows_added = _store(batch, _new_rows_query(all_new))
        _finish_batch(batch, result.rows_read, result.rows_added)
        result.committed = True
        _drop_staging()
    else:
        if result.ok:
            result.rows_added = _count_new(_new_rows_query(all_new))
        transaction.set_rollback(True)


def _sha256(file: IO[bytes]) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: file.read(1 << 20), b""):
        digest.update(block)
    file.seek(0)
    return digest.hexdigest()


def _checked(name: str, file: IO[bytes], checker: RowChecker,
             result: ImportResult) -> Iterator[CheckedRow]:
    add_problem = result.add_problem
    for checked in checker.check_records(*read_records(name, file)):
        result.rows_read += 1
        if type(checked) is list:
            for problem in checked:
                add_problem(problem)
        else:
            yield checked


def _chunks(rows: Iterator[CheckedRow]) -> Iterator[list[CheckedRow]]:
    while chunk := list(islice(rows, CHUNK_ROWS)):
        yield chunk


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def _prepare_postgres() -> None:
    """Sorts and hashes of a million rows stay in memory (the default 4 MB spills to disk)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL work_mem = '256MB'")


def _analyse_staging() -> None:
    """Give the planner the staged row count, or it plans joins for an empty table."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {STAGING}")


def _index_staging() -> None:
    """SQLite joins by nested loops: without an index, matching staged figures against the
    stored ones would compare every pair."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE INDEX {STAGING}_figure ON {STAGING} ({', '.join(KEY)})")


def _create_staging() -> None:
    columns = ("line_no INTEGER, place TEXT, indicator TEXT, period TEXT, year INTEGER, "
               "months INTEGER, span INTEGER, value DOUBLE PRECISION, unit TEXT, kind TEXT, "
               "source TEXT, provenance TEXT")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
        cursor.execute(f"CREATE TEMPORARY TABLE {STAGING} ({columns})")


def _drop_staging() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")


def _stage(values: list[CheckedRow]) -> None:
    with connection.cursor() as cursor:
        if _is_postgres():
            # Binary COPY with declared types: no text formatting and escaping per value.
            with cursor.cursor.copy(f"COPY {STAGING} ({', '.join(STAGED)}) FROM STDIN "
                                    "(FORMAT BINARY)") as copy:
                copy.set_types(STAGED_TYPES)
                for row in values:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(STAGED))
            cursor.executemany(f"INSERT INTO {STAGING} VALUES ({placeholders})", values)


def _all_new() -> bool:
    """Whether every staged row is a figure seen once in the file and never stored — the
    usual first import, which needs neither the duplicate search nor revision numbering."""
    key = ", ".join(KEY)
    on = " AND ".join(f"o.{column} = s.{column}" for column in KEY)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT EXISTS (SELECT 1 FROM {STAGING} GROUP BY {key} HAVING COUNT(*) > 1) "
            f"OR EXISTS (SELECT 1 FROM {STAGING} s WHERE EXISTS "
            f"(SELECT 1 FROM {Observation._meta.db_table} o WHERE {on}))")
        return not cursor.fetchone()[0]


def _find_duplicates(result: ImportResult) -> None:
    """A row repeating an earlier row exactly (the same figure, value, unit and source)."""
    same = ", ".join(KEY + ("value", "unit", "source"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT line_no, first_row FROM (SELECT line_no, MIN(line_no) OVER (PARTITION BY {same}) "
            f"AS first_row FROM {STAGING}) repeated WHERE line_no <> first_row ORDER BY line_no")
        while batch := cursor.fetchmany(1000):
            for row, first_row in batch:
                result.add_problem(Problem(row, None, f"与第 {first_row} 行完全重复"))


def _new_rows_query(all_new: bool) -> str:
    """SELECT of the rows to add, with their revision numbers, in STORED order + revision.

    `stored` is the newest stored revision of each figure the file names (one pass over the
    stored rows of those figures); `staged` numbers the file's rows of each figure in order.
    A figure not stored yet gets all its rows, numbered 1, 2, …; a stored one gets its last
    row as the next revision, unless that row says what the stored one says."""
    if all_new:
        return f"SELECT {', '.join(STORED)}, 1 FROM {STAGING}"
    table = Observation._meta.db_table
    key = ", ".join(KEY)

    def joined(left: str, right: str) -> str:
        return " AND ".join(f"{left}.{column} = {right}.{column}" for column in KEY)

    return f"""
        WITH staged AS (
            SELECT s.*, ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY line_no) AS n,
                   COUNT(*) OVER (PARTITION BY {key}) AS total
            FROM {STAGING} s),
        stored AS (
            SELECT {", ".join(f"o.{c}" for c in KEY)}, o.revision, o.value, o.unit, o.source,
                   ROW_NUMBER() OVER (PARTITION BY {", ".join(f"o.{c}" for c in KEY)}
                                      ORDER BY o.revision DESC) AS newest
            FROM {table} o
            WHERE EXISTS (SELECT 1 FROM {STAGING} k WHERE {joined("o", "k")}))
        SELECT {", ".join(f"s.{c}" for c in STORED)},
               CASE WHEN t.revision IS NULL THEN s.n ELSE t.revision + 1 END
        FROM staged s LEFT JOIN stored t ON {joined("s", "t")} AND t.newest = 1
        WHERE t.revision IS NULL
           OR (s.n = s.total AND NOT (t.value = s.value AND t.unit = s.unit
                                      AND t.source = s.source))"""


def _count_new(new_rows: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({new_rows}) new_rows")
        return cursor.fetchone()[0]


def _new_batch(name: str, digest: str, user) -> ImportBatch:
    return ImportBatch.objects.create(
        file_name=name[:255], sha256=digest,
        imported_by=user.get_username() if user is not None else "", imported_at=timezone.now())


def _finish_batch(batch: ImportBatch, rows_read: int, rows_added: int) -> None:
    batch.rows_read, batch.rows_added = rows_read, rows_added
    batch.save(update_fields=["rows_read", "rows_added"])


def _write_observations(rows: Iterator[CheckedRow], constants: tuple) -> int:
    """Rows stored as they come, each with the revision, recorded_by, recorded_at and
    import_batch of `constants`; how many there were."""
    written = 0
    table = Observation._meta.db_table
    with connection.cursor() as cursor:
        if _is_postgres():
            # psycopg's own cursor, so its errors (a broken unique constraint) are turned
            # into Django's here.
            with connection.wrap_database_errors, cursor.cursor.copy(
                    f"COPY {table} ({', '.join(WRITTEN)}) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(WRITTEN_TYPES)
                for row in rows:
                    copy.write_row(row[1:] + constants)
                    written += 1
        else:
            for chunk in _chunks(rows):
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(WRITTEN)}) "
                    f"VALUES ({', '.join(['%s'] * len(WRITTEN))})",
                    [row[1:] + constants for row in chunk])
                written += len(chunk)
    return written


def _stamp(batch: ImportBatch):
    """The batch's time as the ORM would store it in recorded_at (on SQLite, naive UTC
    text: the sqlite3 module's own adapter would add an offset)."""
    return connection.ops.adapt_datetimefield_value(batch.imported_at)


def _store(batch: ImportBatch, new_rows: str) -> int:
    table = Observation._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({', '.join(WRITTEN)}) "
                       f"SELECT new_rows.*, %s, %s, %s FROM ({new_rows}) new_rows",
                       [batch.imported_by, _stamp(batch), batch.pk])
        return cursor.rowcount
