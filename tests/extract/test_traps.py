"""Numbers that are not targets."""

import pytest

from planwatch.extract import extract_targets


@pytest.mark.parametrize("sentence", [
    "某政发〔2024〕12号",
    "市十五届人大二次会议审议通过了计划。",
    "全力推进“三区两带一中心”建设。",
    "打造“15分钟便民生活圈”。",
    "第三中学扩建工程开工。",
    "为70岁以上老年人免费接种流感疫苗。",
    "今年将实施12件30项民生实事。",
    "计划实施8类25项重点工程。",
    "教育类项目共有6项。",
    "包括道路、管网等5项工程。",
    "在六个方面走在前列。",
    "全面完成上级下达的节能减排任务。",
    "财政收入稳定增长。",
    "2021年11月22日发布。",
    "PM2.5平均浓度持续下降。",
    "引进一批高层次人才。",
])
def test_no_target(sentence):
    assert extract_targets(sentence, reference_year=2024) == []


def test_category_thresholds_inside_names_are_not_values():
    targets = extract_targets("新增5亿元以上企业3家、亿元以上项目20个。")
    assert [(t.value, t.unit) for t in targets] == [(3, "家"), (20, "个")]


def test_a_threshold_before_de_is_a_category():
    (target,) = extract_targets("年收入高于20万元的村占60%。")
    assert (target.value, target.unit) == (60, "%")


def test_a_name_qualifier_with_yishang_keeps_no_comparator():
    (target,) = extract_targets("新增限额以上批发零售企业15家。")
    assert (target.value, target.comparator) == (15, "=")


def test_ordinal_numbers_are_no_targets():
    assert extract_targets("排名提升至全省第12位。") == []


def test_restatements_collapse_to_the_first_occurrence():
    text = "全年新建学校5所\n今年的重点任务:新建学校5所,新建医院2所。"
    school, hospital = extract_targets(text, reference_year=2024)
    assert school.span == (0, 8) and school.restatements == [(17, 23)]
    assert hospital.value == 2


def test_traditional_script_and_pinyin_notes_are_tolerated():
    text = "力爭新增規(guī)上工業(yè)企業(yè)5家以上,地區生產總值達(dá)到120億元。"
    count, level = extract_targets(text)
    assert (count.value, count.unit, count.comparator) == (5, "家", ">=")
    assert count.indicator == "新增規上工業企業"
    assert level.text == "地區生產總值達(dá)到120億元"
    assert (level.value, level.unit, level.comparator) == (120, "億元", ">=")


def test_a_summary_of_a_past_year_makes_its_figures_the_past_until_the_text_looks_ahead():
    text = ("县长在报告中说,2022年全县经济社会发展稳中有进。地区生产总值达到210亿元、增长6.1%;"
            "一般公共预算收入12亿元。2023年主要预期目标是:地区生产总值增长7%。")
    (target,) = extract_targets(text)
    assert (target.value, target.kind, target.year) == (7, "growth", 2023)


def test_a_count_after_the_list_it_counts_is_no_target():
    text = "2024年计划实施重点民生实事12件,承接市级民生实事5件。全年新建城市书房4家。"
    (target,) = extract_targets(text)
    assert (target.value, target.unit) == (4, "家")


def test_a_count_before_a_government_list_is_no_target():
    assert extract_targets("代表们对15项政府民生实事候选项目投票表决。") == []


def test_a_count_of_works_before_a_government_list_is_no_target():
    assert extract_targets("2024年,全区将56项区政府重点工作逐项分解。") == []


def test_a_count_of_problems_after_a_count_of_aspects_is_no_target():
    assert extract_targets("2024年,对督察反馈的4方面17项问题逐一整改。") == []
