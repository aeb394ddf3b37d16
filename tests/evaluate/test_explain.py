"""The Chinese explanation: the numbers of the judgement, in a paragraph ready to paste."""

from planwatch.evaluate.explain import number, one_decimal, when

from .conftest import judge, make_target, series


def test_issue_example_wording():
    target = make_target("growth", 9.0, "%")
    observations = series("地区生产总值", {"2021": 6.0, "2022": 6.0, "2023": 6.0}, unit="%",
                          kind="growth_pct")
    text = judge(target, observations).explanation
    assert text.startswith("2021—2023年年均增长6%，目标年均增长9%，滞后（需加快）；")
    assert "；完成目标需2024—2025年年均增长13.7%；" in text
    assert "（达标概率" in text and text.endswith("）。")


def test_schedule_sentence_compares_elapsed_and_completed_shares():
    text = judge(make_target("share", 65, "%", indicator="城镇化率"),
                 series("城镇化率", {"2020": 60, "2022": 61.5, "2023": 62}, unit="%")).explanation
    assert "按序时进度应完成60%，实际完成40%，滞后20个百分点，滞后（需加快）" in text
    assert "完成目标需2024—2025年每年增加1.5个百分点，2021—2023年年均增加0.67个百分点" in text


def test_binding_targets_that_lag_say_warning():
    target = make_target("share", 65, "%", indicator="城镇化率", attribute="约束性")
    text = judge(target, series("城镇化率", {"2020": 60, "2023": 61}, unit="%")).explanation
    assert text.endswith("该指标为约束性指标，予以预警。")


def test_numbers_and_times_read_naturally():
    assert [number(v) for v in (1234.5, 142.5, 6.0, 0.125, -0.0)] == [
        "1234", "142.5", "6", "0.12", "0"]
    assert one_decimal(6.04) == "6" and one_decimal(13.66) == "13.7"
    assert [when(t) for t in (2023.0, 2022.5, 2022.25)] == ["2023年", "2023年上半年",
                                                           "2023年1—3月"]


def test_the_rule_that_fired_is_stated_with_its_numbers():
    a = judge(make_target(value=500, year=2030),
              series("地区生产总值", {"2020": 300, "2021": 320, "2022": 340, "2023": 360}))
    assert a.rule.startswith("进度比ρ=π/τ=0.357/0.300=1.19，ρ≥1.1判为快于预期；达标概率P=")


def test_the_rule_says_when_the_growth_cap_or_the_tolerance_applied():
    rates = {"2021": 8.0, "2022": 8.0, "2023": 8.0}
    capped = judge(make_target("growth", 6, "%"),
                   series("地区生产总值", rates, unit="%", kind="growth_pct"))
    assert "增速类目标期末前最高判为符合预期" in capped.rule
    near = {"2021": 5.6, "2022": 5.6, "2023": 5.6}
    tolerated = judge(make_target("growth", 6, "%", comparator="~"),
                      series("地区生产总值", near, unit="%", kind="growth_pct"))
    assert "差距在容差以内" in tolerated.rule


def test_illustrative_and_estimated_figures_are_flagged():
    from dataclasses import replace

    from planwatch.domain import Provenance

    points = series("城镇化率", {"2020": 60, "2023": 62}, unit="%")
    target = make_target("share", 65, "%", indicator="城镇化率")
    official = judge(target, points)
    assert official.provenance == "official" and "注：" not in official.explanation
    made_up = [replace(points[0], provenance=Provenance.ILLUSTRATIVE), points[1]]
    flagged = judge(target, made_up)
    assert flagged.provenance == "illustrative"
    assert flagged.explanation.endswith("（注：所用数据含示例数据，并非真实统计数字。）")
