"""What sort of commitment a target is."""

import pytest

from planwatch.extract import extract_targets


@pytest.mark.parametrize(("sentence", "kind"), [
    ("一般公共预算收入年均增长7%。", "growth"),
    ("社会消费品零售总额增长9%左右。", "growth"),
    ("单位GDP能耗下降3%。", "growth"),
    ("居民消费价格涨幅控制在3%左右。", "growth"),
    ("五年累计完成固定资产投资1500亿元。", "cumulative"),
    ("规上工业产值较2020年增长80%。", "cumulative"),
    ("新建中小学8所。", "count"),
    ("新增公办学位1.2万个。", "count"),
    ("改造农村危房300户。", "count"),
    ("完成主干道提升改造12条。", "count"),
    ("地区生产总值达到800亿元。", "level"),
    ("高新技术企业总数达到450家。", "level"),
    ("常住人口达到120万人。", "level"),
    ("粮食总产量稳定在60万吨。", "level"),
    ("新增污水处理能力2万吨。", "count"),
    ("城镇化率达到68%。", "share"),
    ("数字经济占地区生产总值比重达到40%。", "share"),
    ("城镇登记失业率控制在4.5%以内。", "share"),
    ("规上工业企业数量实现翻番。", "multiple"),
])
def test_kinds(sentence, kind):
    (target,) = extract_targets(sentence)
    assert target.kind == kind


def test_doubling_values():
    assert extract_targets("全区财政收入翻一番。")[0].value == 2
    assert extract_targets("全区财政收入翻两番。")[0].value == 4
    assert extract_targets("全区财政收入翻倍。")[0].unit == "倍"


def test_doubling_of_two_subjects_gives_two_targets():
    names = [t.indicator for t in extract_targets("规上企业数量和专精特新企业数量实现双倍增。")]
    assert names == ["规上企业数量", "专精特新企业数量"]


def test_relative_to_a_place_average():
    (target,) = extract_targets("城乡居民收入增速高于全省平均水平。")
    assert (target.kind, target.value, target.unit, target.comparator) == ("relative", 0, "百分点", ">")
    assert target.benchmark == {"indicator": "城乡居民收入", "place": "全省", "margin": 0.0}


def test_relative_gap_in_points_to_another_indicator():
    (target,) = extract_targets("工业投资增速高于全部投资增速3个百分点以上。")
    assert (target.kind, target.value, target.comparator) == ("relative", 3, ">=")
    assert target.indicator == "工业投资"
    assert target.benchmark == {"indicator": "全部投资", "place": None, "margin": 3.0}


def test_relative_in_step_with_another_indicator():
    (target,) = extract_targets("职工工资与劳动生产率同步提高。")
    assert (target.kind, target.comparator, target.value) == ("relative", "~", 0)
    assert target.indicator == "职工工资"


def test_keeping_above_the_place_level():
    (target,) = extract_targets("人均公共文化设施面积保持在全市水平以上。")
    assert (target.kind, target.comparator) == ("relative", ">=")


@pytest.mark.parametrize(("sentence", "unit"), [
    ("农村低收入家庭住房安全问题动态清零。", "户"),
    ("确保安全生产“零事故”。", "个"),
])
def test_zero_targets(sentence, unit):
    (target,) = extract_targets(sentence)
    assert (target.kind, target.value, target.comparator, target.unit) == ("zero", 0, "=", unit)


def test_first_breakthrough_is_not_a_zero_target():
    assert all(t.kind != "zero" for t in extract_targets("实现上市企业零突破。"))


def test_scale_labels_are_level_floors():
    (target,) = extract_targets("打造百亿级新材料产业集群。")
    assert (target.value, target.unit, target.comparator, target.kind) == (100, "亿元", ">=", "level")


def test_a_rank_is_a_ceiling():
    (target,) = extract_targets("综合实力跻身全省县域经济前10位。")
    assert (target.value, target.unit, target.comparator) == (10, "名", "<=")


def test_facility_specifications_are_counts():
    kinds = {t.indicator: t.kind for t in extract_targets(
        "新建实验中学位于滨河路以北,占地面积4.2万平方米,建筑面积约3.6万平方米,设置48个教学班。")}
    assert set(kinds.values()) == {"count"}
    assert all(name.startswith("新建实验中学") for name in list(kinds)[:2])


@pytest.mark.parametrize(("sentence", "value", "comparator"), [
    ("城乡居民收入增速高于全国平均水平1个百分点。", 1, ">="),
    ("经济增速快于全省平均。", 0, ">"),
    ("居民收入增长和经济增长同步。", 0, "~"),
])
def test_relative_phrasings(sentence, value, comparator):
    (target,) = extract_targets(sentence)
    assert (target.kind, target.value, target.comparator) == ("relative", value, comparator)


def test_a_quoted_rank_is_still_a_commitment():
    (target,) = extract_targets("奋力实现“综合实力跻身全国百强县前50位”目标。")
    assert (target.indicator, target.value, target.comparator) == ("综合实力排名", 50, "<=")


def test_a_cumulative_total_over_the_plan_period():
    (target,) = extract_targets("“十四五”期间累计完成投资2000亿元。")
    assert (target.indicator, target.kind, target.year, target.period_start) == (
        "投资", "cumulative", 2025, 2021)


def test_creating_model_sites_is_a_count():
    kinds = [t.kind for t in extract_targets("争创国家级示范区1个、省级示范区3个。")]
    assert kinds == ["count", "count"]


def test_a_qizhong_part_continues_the_count():
    total, part = extract_targets("新增城市停车泊位2000个以上,其中公共停车泊位不少于800个。")
    assert (total.kind, part.kind, part.comparator) == ("count", "count", ">=")


def test_built_up_area_is_no_building_verb():
    assert extract_targets("建成区面积达到86平方公里。")[0].kind == "level"
    assert extract_targets("年内建成区级养老服务中心1个。")[0].kind == "count"


def test_a_decrease_over_a_base_year_is_a_negative_ceiling():
    target = extract_targets("到2025年,单位地区生产总值用水量较2020年下降16%。")[0]
    assert (target.value, target.comparator, target.kind) == (-16, "<=", "cumulative")


def test_a_price_rise_is_a_growth_rate():
    target = extract_targets("居民消费价格上涨控制在3%左右。")[0]
    assert (target.indicator, target.kind, target.comparator) == ("居民消费价格", "growth", "~")


def test_a_growth_above_another_quantitys_growth_is_relative():
    target = extract_targets("居民收入增长高于经济增长。")[0]
    assert (target.kind, target.comparator, target.benchmark["indicator"]) == ("relative", ">", "经济")


def test_equipping_and_opening_are_counts():
    targets = extract_targets("在公园广场配备急救设备80台,启用城市驿站12个。")
    assert [t.kind for t in targets] == ["count", "count"]


def test_a_growth_faster_than_a_named_group_is_relative():
    target = extract_targets("力争农村居民人均可支配收入增速快于城镇居民。")[0]
    assert (target.kind, target.comparator, target.benchmark["indicator"]) == ("relative", ">", "城镇居民")
