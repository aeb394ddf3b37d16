"""rows: one observations row checked at a time, problems by row, column and reason."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from planwatch.web.data.rows import (
    CheckedRow,
    FileProblem,
    IndicatorRule,
    RowChecker,
    iter_rows,
    neutralise,
    restore,
)

RULES = {"地区生产总值": IndicatorRule("亿元", minimum=0, maximum=5000,
                                       growth_minimum=-30, growth_maximum=40),
         "新建学校": IndicatorRule("所")}


def cells(**changes) -> dict[str, str]:
    row = {"place": "示例区", "indicator": "地区生产总值", "period": "2023", "value": "350.5",
           "unit": "亿元", "kind": "level", "source": "统计公报"}
    row.update(changes)
    return row


def reasons(result) -> list[tuple[str | None, str]]:
    assert isinstance(result, list), result
    return [(problem.column, problem.reason) for problem in result]


def test_a_good_row_becomes_a_checked_row_with_the_period_read():
    row = RowChecker(RULES).check(2, cells(period="2023Q2"))
    assert isinstance(row, CheckedRow)
    assert (row.period, row.year, row.months, row.span, row.provenance) == (
        "2023Q2", 2023, 6, 3, "official")


def test_every_problem_of_a_row_is_named_by_column():
    found = reasons(RowChecker(RULES).check(
        7, cells(indicator="人口", period="2023X", value="abc", kind="total")))
    assert [column for column, _ in found] == ["indicator", "period", "value", "kind"]
    assert "未知指标" in found[0][1] and "无法识别" in found[1][1] and "不是数字" in found[2][1]


def test_a_unit_that_cannot_be_converted_is_refused_and_one_that_can_is_accepted():
    checker = RowChecker(RULES)
    assert reasons(checker.check(2, cells(unit="万人"))) == [
        ("unit", "单位“万人”不能换算为该指标的单位“亿元”")]
    assert isinstance(checker.check(3, cells(unit="万元", value="3505000")), CheckedRow)


def test_values_outside_the_plausible_range_are_refused_after_conversion():
    checker = RowChecker(RULES)
    assert reasons(checker.check(2, cells(value="6000"))) == [
        ("value", "数值 6000亿元 超出该指标的合理范围 0–5000亿元")]
    assert reasons(checker.check(3, cells(value="60000000", unit="万元")))[0][0] == "value"
    growth = cells(kind="growth_pct", unit="%", value="55")
    assert reasons(checker.check(4, growth))[0][1].startswith("数值 55% 超出")


def test_growth_rates_are_held_to_percent_whatever_the_indicator_unit():
    checker = RowChecker(RULES)
    assert isinstance(checker.check(2, cells(kind="growth_pct", unit="%", value="6.1")),
                      CheckedRow)
    assert reasons(checker.check(3, cells(kind="growth_pct", unit="亿元", value="6.1")))


def test_a_place_or_unit_longer_than_the_table_holds_is_a_problem_of_its_column():
    checker = RowChecker(RULES)
    found = reasons(checker.check(2, cells(place="区" * 101, unit="亿" * 31)))
    assert ("place", "超过 100 个字符") in found and ("unit", "超过 30 个字符") in found
    assert isinstance(checker.check(3, cells(place="区" * 100)), CheckedRow)


def test_empty_required_cells_are_problems_and_source_may_be_empty():
    found = reasons(RowChecker(RULES).check(2, cells(place=" ", value="", source="")))
    assert found == [("place", "不能为空"), ("value", "不能为空")]


@given(st.text())
def test_restore_undoes_neutralise(text):
    assert restore(neutralise(text)) == text


@given(st.sampled_from("=+-@"), st.text())
def test_neutralised_text_never_starts_a_formula(start, rest):
    assert not neutralise(start + rest).startswith(("=", "+", "-", "@"))


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=0, max_value=5000),
       st.sampled_from(["2023", "2023H1", "2023Q4", "2023-07"]))
def test_any_plausible_value_in_any_period_form_is_accepted(value, period):
    row = RowChecker(RULES).check(2, cells(value=repr(value), period=period))
    assert isinstance(row, CheckedRow) and row.value == value


def read(data: bytes):
    return list(iter_rows("f.csv", io.BytesIO(data)))


def test_gbk_and_utf8_with_bom_files_read_the_same():
    text = "place,indicator,period,value,unit,kind,source\n示例区,地区生产总值,2023,1,亿元,level,公报\n"
    assert read(text.encode("gbk")) == read(text.encode("utf-8-sig")) == [
        (2, cells(value="1", source="公报"))]


def test_a_row_with_the_wrong_number_of_fields_is_a_problem_of_that_row():
    rows = read(b"place,indicator,period,value,unit,kind,source\na,b\n")
    assert str(rows[0][1]) == "第 2 行:该行有 2 个字段,表头有 7 个"


def test_a_bad_header_or_binary_file_is_one_file_problem():
    for data, words in ((b"", "空文件"), (b"place,value\n", "缺少列"),
                        (b"place,indicator,period,value,unit,kind,source,colour\n", "未知列"),
                        (b"\x00\x01\x02binary", "不是文本文件")):
        try:
            read(data)
        except FileProblem as problem:
            assert words in str(problem) and str(problem).startswith("f.csv: ")
        else:
            raise AssertionError(f"{data!r} was read")


@given(st.fixed_dictionaries({
    "place": st.sampled_from(["示例区", "", " 示例区 ", "'=x"]),
    "indicator": st.sampled_from(["地区生产总值", "新建学校", "人口", ""]),
    "period": st.sampled_from(["2023", "2023Q2", "2023-13", "", "2023H1"]),
    "value": st.one_of(st.floats().map(repr), st.sampled_from(["1,234", "abc", "", "inf"])),
    "unit": st.sampled_from(["亿元", "万元", "所", "%", "万人", "", "元/人"]),
    "kind": st.sampled_from(["level", "growth_pct", "count", "Level", "total", ""]),
    "source": st.sampled_from(["", "公报", "'@x"]),
    "provenance": st.sampled_from(["", "official", "estimate", "guess"])}))
def test_the_fast_path_agrees_with_the_full_check(row):
    checker = RowChecker(RULES)
    checker.check(2, row)  # the first sight fills the caches the fast path uses
    assert checker.check(3, row) == RowChecker(RULES).full_check(3, row)
