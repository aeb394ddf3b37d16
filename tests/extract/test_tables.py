"""Indicator tables flattened to text: the target column, not the baseline or progress."""

from planwatch.extract import extract_targets

COLUMN_TABLE = """“十四五”卫生健康主要指标
指标
2020年
2025年
属性
1.人均预期寿命(岁)
78.2
79以上
预期性
2.每千人口执业(助理)医师数(人)
2.9
3.4
预期性
3.孕产妇死亡率(1/10万)
其中:城镇
农村
9.8
12.1
9以下
11以下
约束性
"""


def test_column_table_takes_the_target_column():
    targets = extract_targets(COLUMN_TABLE)
    assert [(t.indicator, t.value, t.comparator, t.year) for t in targets] == [
        ("人均预期寿命", 79, ">=", 2025),
        ("每千人口执业(助理)医师数", 3.4, "=", 2025),
        ("孕产妇死亡率(城镇)", 9, "<=", 2025),
        ("孕产妇死亡率(农村)", 11, "<=", 2025),
    ]
    assert targets[0].unit == "岁"
    assert targets[0].text.startswith("1.人均预期寿命(岁)") and targets[0].text.endswith("79以上")


ROW_TABLE = """“十四五”经济社会发展主要指标
指标 | 2020年 | 2025年 | 年均增长 | 属性
地区生产总值(亿元) | 450 | 650 | 7.5% | 预期性
常住人口城镇化率(%) | 61 | 66 | — | 预期性
单位GDP能耗降低(%) | — | 〔14〕 | — | 约束性
"""


def test_row_table_with_year_and_growth_columns():
    targets = extract_targets(ROW_TABLE)
    assert [(t.indicator, t.value, t.unit, t.kind, t.comparator) for t in targets] == [
        ("地区生产总值", 650, "亿元", "level", "="),
        ("地区生产总值", 7.5, "%", "growth", "="),
        ("常住人口城镇化率", 66, "%", "share", "="),
        ("单位GDP能耗降低", -14, "%", "cumulative", "<="),
    ]
    assert all((t.year, t.period_start) == (2025, 2021) for t in targets)


PROGRESS_TABLE = """2024年民生实事进展表
序号 | 项目内容 | 完成情况 | 牵头单位 |
1 | 新建社区卫生服务站6个。 | 已建成社区卫生服务站4个。 | 卫健局 |
新增普惠托位300个。 | 新增托位320个。 | |
2 | 改造城市燃气管网45公里。 | 完成改造40公里。 | 住建局 |
"""


def test_progress_columns_are_skipped():
    targets = extract_targets(PROGRESS_TABLE)
    assert [(t.value, t.unit, t.year) for t in targets] == [(6, "个", 2024), (300, "个", 2024), (45, "公里", 2024)]


def test_a_table_row_restating_prose_collapses():
    text = "人均预期寿命达到79岁以上。\n" + COLUMN_TABLE
    targets = extract_targets(text)
    assert sum(1 for t in targets if t.indicator == "人均预期寿命") == 1


def test_a_unit_column_gives_the_unit_and_bare_numbers_without_one_are_dropped():
    text = "指标 | 单位 | 2022年 | 2025年\n地区生产总值 | 亿元 | 380 | 520\n综合指数 | | 80 | 90\n"
    (target,) = extract_targets(text)
    assert (target.indicator, target.value, target.unit, target.year) == ("地区生产总值", 520, "亿元", 2025)


def test_column_table_with_unit_column_and_named_target_column():
    text = ("主要指标\n指标名称\n单位\n基期值\n目标值\n属性\n"
            "1.地区生产总值\n亿元\n320\n480\n预期性\n"
            "2.森林覆盖率\n%\n41\n43以上\n约束性\n")
    targets = extract_targets(text, reference_year=2025)
    assert [(t.indicator, t.value, t.unit, t.comparator) for t in targets] == [
        ("地区生产总值", 480, "亿元", "="), ("森林覆盖率", 43, "%", ">=")]


def test_signs_in_cells_are_comparators():
    text = "指标 | 2023年 | 2026年\n农村自来水普及率(%) | 93 | ≥98\n人均用水量(升) | 150 | ＜140\n"
    assert [(t.value, t.comparator) for t in extract_targets(text)] == [(98, ">="), (140, "<=")]


def test_column_table_with_row_numbers():
    text = ("序号\n指标\n单位\n2022年\n2025年\n"
            "1\n地区生产总值\n亿元\n300\n450\n2\n新增城镇就业\n万人\n1.2\n1.5\n")
    targets = extract_targets(text)
    assert [(t.indicator, t.value, t.unit) for t in targets] == [("地区生产总值", 450, "亿元"), ("新增城镇就业", 1.5, "万人")]
