"""import_observations: every row checked, all rows stored or none, re-import changes nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from planwatch.web.data import importer
from planwatch.web.data.importer import import_observations
from planwatch.web.data.models import ImportBatch, Observation, ReportingRule
from planwatch.web.data.rows import MAX_LENGTHS

HEADER = "place,indicator,period,value,unit,kind,source"


def csv_file(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> io.BytesIO:
    return io.BytesIO("\n".join((header, *rows)).encode(encoding) + b"\n")


def run(file, **options):
    return import_observations(file, "upload.csv", **options)


GOOD = ("示例区,地区生产总值,2023,350.5,亿元,level,统计公报",
        "示例区,区本级留用收入,2023Q1,3.2,亿元,level,财政局",
        "示例区,区本级留用收入,2023Q1,8.5,%,growth_pct,财政局")


def test_a_good_file_is_stored_with_its_batch_and_who_and_when_on_every_row(plan, users):
    result = run(csv_file(*GOOD), user=users["planner"])
    assert result.ok and result.committed and (result.rows_read, result.rows_added) == (3, 3)
    batch = ImportBatch.objects.get()
    assert (batch.file_name, batch.rows_read, batch.rows_added, batch.imported_by) == (
        "upload.csv", 3, 3, "planner")
    assert set(Observation.objects.values_list(
        "import_batch", "recorded_by", "recorded_at", "revision")) == {
        (batch.pk, "planner", batch.imported_at, 1)}
    # Stored as the ORM stores a time, so "as known on" comparisons in SQL hold.
    assert Observation.objects.filter(recorded_at=batch.imported_at).count() == 3


def test_a_figure_repeated_late_in_a_big_file_leaves_nothing_of_the_first_attempt(
        plan, monkeypatch):
    # Rows are streamed into the table a slice at a time as revision 1; a figure repeated in
    # a later slice breaks the unique constraint and the file is stored the staged way, so
    # the repeated figure gets revision 2 and the streamed slices are not kept twice.
    monkeypatch.setattr(importer, "FIRST_SLICE_ROWS", 2)
    monkeypatch.setattr(importer, "LAST_SLICE_ROWS", 2)
    result = run(csv_file(*GOOD, "示例区,地区生产总值,2022,340,亿元,level,快报",
                          "示例区,地区生产总值,2023,351,亿元,level,公报"))
    assert result.ok and (result.rows_read, result.rows_added) == (5, 5)
    assert ImportBatch.objects.get().rows_added == 5
    assert list(Observation.objects.filter(indicator="地区生产总值", period="2023")
                .order_by("revision").values_list("revision", "value")) == [(1, 350.5), (2, 351.0)]


def test_importing_the_same_file_again_changes_nothing(plan, row_counts):
    run(csv_file(*GOOD))
    before = row_counts()
    result = run(csv_file(*GOOD))
    assert result.ok and result.rows_added == 0
    after = row_counts()
    after.pop("data_importbatch"), before.pop("data_importbatch")
    assert after == before


def test_a_changed_value_becomes_the_next_revision(plan):
    run(csv_file(*GOOD))
    result = run(csv_file("示例区,地区生产总值,2023,352.0,亿元,level,统计公报"))
    assert result.rows_added == 1
    revisions = Observation.objects.filter(indicator="地区生产总值").order_by("revision")
    assert [(r.revision, r.value) for r in revisions] == [(1, 350.5), (2, 352.0)]
    assert [r.value for r in Observation.objects.current().filter(indicator="地区生产总值")] == [352.0]


def test_successive_figures_in_one_file_are_kept_in_order_last_current(plan):
    result = run(csv_file("示例区,地区生产总值,2023,340,亿元,level,快报",
                          "示例区,地区生产总值,2023,350.5,亿元,level,公报"))
    assert result.rows_added == 2
    assert [r.value for r in Observation.objects.current()] == [350.5]


def test_one_bad_row_stores_nothing_and_every_problem_is_listed(plan, row_counts):
    before = row_counts()
    result = run(csv_file(*GOOD, "示例区,人口,2023,1,万人,level,x", "示例区,地区生产总值,2023,abc,亿元,level,x",
                          "示例区,地区生产总值,2024,1,万人,level,x", GOOD[0]))
    assert not result.ok and not result.committed
    assert [(p.row, p.column) for p in result.problems] == [
        (5, "indicator"), (6, "value"), (7, "unit"), (8, None)]
    assert str(result.problems[-1]) == "第 8 行:与第 2 行完全重复"
    assert row_counts() == before


def test_a_place_too_long_for_the_table_is_reported_with_its_row_and_nothing_is_stored(
        plan, row_counts):
    before = row_counts()
    result = run(csv_file(GOOD[0], "区" * 101 + ",地区生产总值,2022,1,亿元,level,x"))
    assert [str(p) for p in result.problems] == ["第 3 行 place(地区)列:超过 100 个字符"]
    assert row_counts() == before


def test_the_checked_text_widths_are_the_observation_table_s():
    assert {column: Observation._meta.get_field(column).max_length
            for column in MAX_LENGTHS} == MAX_LENGTHS


def test_a_dry_run_counts_what_would_be_added_and_writes_nothing(plan, row_counts):
    before = row_counts()
    result = run(csv_file(*GOOD), dry_run=True)
    assert result.ok and result.rows_added == 3 and not result.committed
    assert row_counts() == before


def test_plausible_ranges_come_from_the_indicator_reporting_rule(plan, revenue):
    ReportingRule.objects.create(indicator=revenue, minimum=0, maximum=50)
    result = run(csv_file("示例区,区本级留用收入,2023Q1,500,亿元,level,x"))
    assert [str(p) for p in result.problems] == [
        "第 2 行 value(数值)列:数值 500亿元 超出该指标的合理范围 0–50亿元"]


def test_a_gbk_file_from_excel_reads_like_utf8(plan):
    result = run(csv_file(*GOOD, encoding="gbk"))
    assert result.ok and result.rows_added == 3
    assert Observation.objects.filter(source="统计公报").exists()


def test_formula_text_is_stored_as_text_and_an_apostrophe_prefix_is_removed(plan):
    result = run(csv_file("示例区,地区生产总值,2023,1,亿元,level,'=HYPERLINK(\"x\")",
                          "示例区,地区生产总值,2022,1,亿元,level,@SUM(A1)"))
    assert result.ok
    assert sorted(Observation.objects.values_list("source", flat=True)) == [
        '=HYPERLINK("x")', "@SUM(A1)"]


def test_an_xlsx_workbook_imports_like_the_csv_with_excel_dates_and_numbers(plan):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(["示例区", "地区生产总值", 2023, 350.5, "亿元", "level", "统计公报"])
    sheet.append(["示例区", "区本级留用收入", "2023Q1", 3.2, "亿元", "level", "财政局"])
    data = io.BytesIO()
    workbook.save(data)
    data.seek(0)
    result = import_observations(data, "upload.xlsx")
    assert result.ok and result.rows_added == 2
    assert Observation.objects.get(indicator="地区生产总值").period == "2023"


@pytest.mark.parametrize(("data", "words"), [
    (b"", "空文件"), (b"PK\x03\x04 not really a zip", "无法作为 Excel 工作簿读取"),
    ("地区,指标\n".encode(), "缺少列"), (b"\x00\x00\x00\x00", "不是文本文件")])
def test_malformed_files_are_one_file_problem(plan, data, words):
    result = run(io.BytesIO(data))
    assert not result.ok and words in result.file_problem
    assert Observation.objects.count() == 0


def test_a_large_file_lists_a_bounded_number_of_problems(plan):
    rows = [f"示例区,地区生产总值,2023,bad{i},亿元,level,x" for i in range(1500)]
    result = run(csv_file(*rows))
    assert result.problem_count == 1500 and len(result.problems) == 1000
    assert result.unlisted == 500


def test_known_indicators_are_read_one_row_per_indicator_not_per_stored_figure(plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from planwatch.web.data.importer import indicator_rules

    run(csv_file(*GOOD))
    with CaptureQueriesContext(connection) as queries:
        indicator_rules()
    distinct = [q["sql"] for q in queries if "DISTINCT" in q["sql"]]
    assert distinct and all("ORDER BY" not in sql for sql in distinct)


def test_an_import_keeps_up_only_the_indexes_that_queries_use(db):
    # Every index is written once per imported row: the figure's unique key, indicator first,
    # serves the pages, the API and the export (a series, an indicator across places);
    # nothing looks rows up by import batch.
    from django.db import connection

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(
            cursor, Observation._meta.db_table)
    indexed = sorted({tuple(c["columns"]) for c in constraints.values()
                      if c["index"] or c["unique"] or c["primary_key"]})
    assert indexed == [("id",),
                       ("indicator", "place", "period", "kind", "provenance", "revision")]
