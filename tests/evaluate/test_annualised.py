"""折年: where a part year's growth rate carries the last full year's level on (GDP and other
growing quantities), the latest value is not the part year's own figure — the assessment says
so and keeps that figure beside it, and the explanation says 折年."""

from datetime import date

from .conftest import judge, make_target, series

GDP_2024 = {"2020": 300.0, "2024": 351.0}
AS_OF = date(2025, 9, 30)


def test_a_half_year_growth_rate_gives_an_annualised_latest_value_beside_the_stored_figure():
    figures = (series("地区生产总值", {**GDP_2024, "2025H1": 171.7})
               + series("地区生产总值", {"2025H1": 6.0}, unit="%", kind="growth_pct"))
    judged = judge(make_target(value=500, year=2030), figures, as_of=AS_OF)
    assert judged.latest_period == "2025年上半年"
    assert judged.annualised and judged.latest_value == 351.0 * 1.06 ** 0.5
    assert judged.latest_published == 171.7
    assert judged.explanation.startswith("2025年上半年为171.7亿元（折年361.4亿元），")


def test_without_the_part_years_own_figure_the_explanation_says_折年_alone():
    figures = (series("地区生产总值", GDP_2024)
               + series("地区生产总值", {"2025H1": 6.0}, unit="%", kind="growth_pct"))
    judged = judge(make_target(value=500, year=2030), figures, as_of=AS_OF)
    assert judged.annualised and judged.latest_published is None
    assert judged.explanation.startswith("2025年上半年折年为361.4亿元，")


def test_a_full_year_or_an_additive_part_year_is_not_annualised():
    year_end = judge(make_target(value=500, year=2030),
                     series("地区生产总值", {**GDP_2024, "2025": 372.0}), as_of=date(2026, 3, 1))
    assert not year_end.annualised and year_end.latest_published is None
    assert year_end.explanation.startswith("2025年为372亿元，")
    share = judge(make_target("share", 65, "%", indicator="城镇化率", year=2030),
                  series("城镇化率", {"2020": 60, "2024": 62, "2025H1": 62.4}, unit="%"),
                  as_of=AS_OF)
    assert share.latest_period == "2025年上半年" and share.latest_value == 62.4
    assert not share.annualised and "折年" not in share.explanation
