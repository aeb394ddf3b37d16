"""Comparators from the words in the target's own clause."""

import pytest

from planwatch.extract import extract_targets


@pytest.mark.parametrize(("sentence", "comparator"), [
    ("税收收入突破60亿元。", ">="),
    ("旅游总收入超过200亿元。", ">="),
    ("全社会研发投入达到25亿元。", ">="),
    ("新增城镇就业5000人以上。", ">="),
    ("农村自来水普及率不低于98%。", ">="),
    ("新建保障性住房不少于800套。", ">="),
    ("城镇登记失业率控制在3.5%以内。", "<="),
    ("单位产值能耗不超过0.4吨标准煤。", "<="),
    ("城镇调查失业率低于5.5%。", "<="),
    ("城乡居民收入比缩小到2.3∶1。", "<="),
    ("居民消费价格涨幅3%左右。", "~"),
    ("城镇登记失业率控制在4%左右。", "~"),
    ("常住人口约65万人。", "~"),
    ("全年接待游客近500万人次。", "~"),
    ("新增市场主体1.2万余户。", ">="),
    ("力争地区生产总值实现260亿元。", ">="),
    ("冲刺500亿元产值。", ">="),
    ("森林覆盖率稳定在45%。", "="),
    ("一般公共预算收入实现18亿元。", "="),
    ("规上工业增加值增长8%。", "="),
])
def test_comparator_words(sentence, comparator):
    (target,) = extract_targets(sentence)
    assert target.comparator == comparator


def test_a_hedge_holds_only_within_its_clause():
    first, second = extract_targets("力争新增上市企业3家,新增新三板挂牌企业5家。")
    assert (first.comparator, second.comparator) == (">=", "=")


def test_a_decrease_is_negative_and_an_upper_bound():
    (target,) = extract_targets("单位地区生产总值二氧化碳排放下降4.5%。")
    assert (target.value, target.comparator, target.kind) == (-4.5, "<=", "growth")


def test_an_approximate_decrease_stays_approximate():
    (target,) = extract_targets("万元工业增加值用水量下降3%左右。")
    assert (target.value, target.comparator) == (-3, "~")


def test_a_range_keeps_its_lower_bound_as_a_floor():
    (target,) = extract_targets("经济增长6%-6.5%。")
    assert (target.value, target.comparator) == (6, ">=")
    (target,) = extract_targets("新建体育公园3至5个。")
    assert (target.value, target.comparator, target.unit) == (3, ">=", "个")


def test_reaching_a_level_where_less_is_better_is_a_ceiling():
    (target,) = extract_targets("单位地区生产总值能耗达到0.45吨标准煤/万元。")
    assert target.comparator == "<="
    (target,) = extract_targets("城镇登记失业率达到3.5%。")
    assert target.comparator == "<="
    assert extract_targets("森林覆盖率达到45%。")[0].comparator == ">="
