"""Several targets in one phrase: 分别 lists, distributive 均, 、-lists sharing a verb."""

from planwatch.extract import extract_targets


def test_respectively_pairs_subjects_and_values_in_order():
    targets = extract_targets("一产、二产、三产增加值分别增长3%、7%、8%左右。")
    assert [(t.indicator, t.value, t.comparator) for t in targets] == [
        ("一产增加值", 3, "~"), ("二产增加值", 7, "~"), ("三产增加值", 8, "~")]


def test_respectively_with_one_subject_gives_each_value():
    targets = extract_targets("新增省级、市级专精特新企业分别不少于4家和10家。")
    assert [(t.value, t.unit, t.comparator) for t in targets] == [(4, "家", ">="), (10, "家", ">=")]


def test_urban_and_rural_incomes_split():
    targets = extract_targets("城乡居民人均可支配收入分别增长6%、7.5%。")
    assert [(t.indicator, t.value) for t in targets] == [
        ("城镇居民人均可支配收入", 6), ("农村居民人均可支配收入", 7.5)]


def test_distributive_jun_repeats_the_value():
    targets = extract_targets("城乡居民医保和大病保险参保率均达到95%以上。")
    assert [(t.indicator, t.value) for t in targets] == [("城乡居民医保", 95), ("大病保险参保率", 95)]


def test_a_list_shares_its_verb():
    targets = extract_targets("新建社区食堂20个、养老服务站15处、口袋公园8个。")
    assert [(t.value, t.unit, t.kind) for t in targets] == [
        (20, "个", "count"), (15, "处", "count"), (8, "个", "count")]


def test_counted_objects_after_the_classifier():
    targets = extract_targets("改造提升12个农贸市场和30个老旧小区。")
    assert [(t.value, t.kind) for t in targets] == [(12, "count"), (30, "count")]


def test_a_level_and_its_growth_share_the_indicator():
    level, growth = extract_targets("全县财政总收入达到35亿元,年均增长8%。")
    assert level.indicator == growth.indicator == "全县财政总收入"
    assert (growth.kind, growth.value) == ("growth", 8)


def test_figures_run_together_without_punctuation_split_at_the_unit():
    targets = extract_targets("实际利用外资2亿美元外贸进出口总额占全市1/6")
    assert [(t.value, t.unit) for t in targets] == [(2, "亿美元"), (round(1 / 6, 6), "比例")]


def test_modifiers_listed_before_a_name_share_its_head():
    targets = extract_targets("小学和初中巩固率分别达到100%、98%。")
    assert [(t.indicator, t.value) for t in targets] == [("小学巩固率", 100), ("初中巩固率", 98)]


def test_verbs_listed_before_a_counted_thing_share_it():
    targets = extract_targets("新建和改扩建公办幼儿园分别为4所、6所。")
    assert [t.indicator for t in targets] == ["新建公办幼儿园", "改扩建公办幼儿园"]


def test_town_and_country_written_apart_split_into_urban_and_rural():
    targets = extract_targets("城、乡居民人均可支配收入分别增长6.5%、8%。")
    assert [t.indicator for t in targets] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_whole_indicators_listed_together_keep_their_own_names():
    targets = extract_targets("税收和社会消费品零售总额分别增长5%、7%。")
    assert [t.indicator for t in targets] == ["税收", "社会消费品零售总额"]


def test_each_figure_of_a_list_keeps_its_own_unit():
    targets = extract_targets("改造背街小巷36条、8.5万平方米以上。")
    assert [(t.value, t.unit) for t in targets] == [(36, "条"), (8.5, "万平方米")]


def test_ge_repeats_the_value_for_each_listed_subject():
    targets = extract_targets("建设高效节水灌溉区、旱作农业示范区各5000亩。")
    assert [(t.indicator, t.value, t.unit) for t in targets] == [
        ("建设高效节水灌溉区", 5000, "亩"), ("旱作农业示范区", 5000, "亩")]
