"""Units as written, in simplified and traditional script, with magnitudes kept in the unit."""

import pytest

from planwatch.extract import extract_targets


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("到2025年,全县地区生产总值达到320亿元。", 320, "亿元"),
    ("农民人均可支配收入达到2.6万元。", 2.6, "万元"),
    ("城镇居民人均可支配收入达到52000元。", 52000, "元"),
    ("外贸进出口总额达到1.2万亿元。", 1.2, "万亿元"),
    ("实际使用外资达到3.5亿美元。", 3.5, "亿美元"),
    ("城镇新增就业1.5万人。", 1.5, "万人"),
    ("接待游客达到800万人次。", 800, "万人次"),
    ("研发经费投入强度达到3%。", 3, "%"),
    ("新建学校6所。", 6, "所"),
    ("新增规上工业企业12家。", 12, "家"),
    ("新开通公交线路9条。", 9, "条"),
    ("新建城市道路18公里。", 18, "公里"),
    ("改造老旧小区150万平方米。", 150, "万平方米"),
    ("高标准农田建设面积达到8万亩。", 8, "万亩"),
    ("完成造林绿化1200公顷。", 1200, "公顷"),
    ("粮食产量保持在120万吨以上。", 120, "万吨"),
    ("港口集装箱吞吐量达到300万标箱。", 300, "万标箱"),
    ("建成區面積達到86平方公里。", 86, "平方公里"),
    ("新建停車位3200個。", 3200, "個"),
    ("財政收入達到45億元。", 45, "億元"),
    ("全市生产总值突破千亿元。", 1000, "亿元"),
    ("新增光伏装机容量200兆瓦。", 200, "兆瓦"),
    ("举办文化惠民演出300场次。", 300, "场次"),
    ("生猪出栏稳定在30万头以上。", 30, "万头"),
    ("细颗粒物年均浓度控制在32微克/立方米以下。", 32, "微克/立方米"),
    ("新增污水处理能力5万立方米。", 5, "万立方米"),
    ("粮食产量达到4亿斤。", 4, "亿斤"),
    ("光伏装机容量达到2.5吉瓦。", 2.5, "吉瓦"),
    ("城市道路网密度达到8公里/平方公里。", 8, "公里/平方公里"),  # a density keeps its denominator
    ("全年公共图书馆服务人次达到120万以上。", 120, "万人次"),  # visits in 万 without a classifier
])
def test_units(sentence, value, unit):
    (target,) = extract_targets(sentence)
    assert (target.value, target.unit) == (pytest.approx(value), unit)


def test_people_counted_without_a_classifier_are_wan_ren():
    (target,) = extract_targets("为30万名老年人提供健康管理服务,为120万城乡居民开展免费体检。")[1:]
    assert (target.value, target.unit) == (120, "万人")


def test_fractions_are_ratios():
    (target,) = extract_targets("全区税收占全市的比重超过1/5。")
    assert (target.value, target.unit, target.kind) == (0.2, "比例", "share")


def test_chinese_numeral_with_a_point_unit():
    (target,) = extract_targets("服务业增加值增速高于地区生产总值增速两个百分点。")
    assert (target.value, target.unit) == (2, "百分点")


def test_a_population_in_wan_without_a_classifier():
    (target,) = extract_targets("到2030年,全县常住人口达到45万。")
    assert (target.value, target.unit) == (45, "万人")
    assert extract_targets("年度税收增加到5万。") == []


def test_a_ratio_to_one_is_a_ratio():
    target = extract_targets("到2025年,城乡居民收入比缩小到2.1∶1以内。")[0]
    assert (target.value, target.unit, target.comparator) == (2.1, "比例", "<=")


def test_spaces_beside_a_figure_are_read_through():
    target = extract_targets("2024年计划\n全年新建公办幼儿园 6 所。")[0]
    assert (target.value, target.unit, target.text) == (6, "所", "全年新建公办幼儿园 6 所")


def test_a_space_before_a_lone_figure_still_parts_a_title_from_the_sentence():
    target = extract_targets("全区发布五年规划 2025年森林覆盖率将达到45%")[0]
    assert target.text == "2025年森林覆盖率将达到45%"
