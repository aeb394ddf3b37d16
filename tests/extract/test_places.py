"""Which place a plan document is about: the rules of planwatch.extract.places.guess_place."""

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.extract.places import guess_place, jurisdiction_level
from planwatch.extract.script import simplify


def test_a_title_naming_city_and_district_gives_the_district_and_its_parent():
    text = "松江市青河区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n一、发展基础\n"
    assert guess_place(text) == ("青河区", "松江市")


def test_the_issuing_government_in_the_title_is_the_place():
    text = ("白石县人民政府关于印发《2024年重点工作任务分解方案》的通知\n"
            "各乡镇人民政府,县直各部门:\n东岭镇、西岭镇要按期完成。东岭镇负责牵头。\n")
    assert guess_place(text)[0] == "白石县"


def test_a_body_that_adopts_the_plan_beats_a_place_named_more_often():
    text = ("本报讯 日前,南湾区第三届人民代表大会第二次会议召开。\n"
            "会议提出,支持柳溪镇、柳溪镇和柳溪镇的产业园建设。\n")
    assert guess_place(text)[0] == "南湾区"


def test_a_plan_name_after_a_place_marks_it():
    text = "“十四五”时期发展目标\n要在落实桃源镇“十四五”规划中,带动周边的梅岭镇。\n梅岭镇。\n"
    assert guess_place(text)[0] == "桃源镇"


def test_without_title_or_body_the_most_named_place_wins():
    text = "今年是松河镇加快发展的关键一年。\n全面提升松河镇综合实力,与周边的柳林镇协同发展,把松河镇建成强镇。\n"
    assert guess_place(text) == ("松河镇", None)


def test_a_name_run_into_the_words_before_it_keeps_two_characters():
    text = "访谈\n主任:深入衔接东湖区第二次党代会提出的目标。\n"
    assert guess_place(text)[0] == "东湖区"


def test_a_function_word_before_a_name_ends_it():
    assert guess_place("访谈\n2024年是青石县第十五次党代会召开之年。\n")[0] == "青石县"
    assert guess_place("访谈\n新建成南湖区第一中学,南湖区要抓紧。\n")[0] == "南湖区"


def test_a_one_character_name_is_read_where_a_boundary_ends_it():
    assert guess_place("某市某区“十四五”规划\n") == ("某区", "某市")
    assert guess_place("沛县人民政府工作报告\n") == ("沛县", None)


def test_a_common_noun_stays_one_but_a_name_ending_like_it_is_a_name():
    assert guess_place("城市更新规划\n城市、城市。\n") == (None, None)
    assert guess_place("南山区人民政府\n偏远山区、偏远山区。\n") == ("南山区", None)


def test_places_glossed_in_parentheses_are_not_the_place():
    text = "白沙经济技术开发区(东城街道、西城街道)\n2024年工作要点\n东城街道、西城街道要抓好落实。\n"
    assert guess_place(text)[0] == "白沙经济技术开发区"
    assert jurisdiction_level("白沙经济技术开发区") == "zone"


def test_the_level_the_title_names_picks_among_places_named_in_passing():
    text = ("2024年区政府民生实事项目表\n序号 | 项目内容\n1 | 建设北岭镇幼儿园、北岭镇卫生院。 |\n"
            "2 | 新建成南湖区体育中心。 |\n")
    assert guess_place(text)[0] == "南湖区"


def test_zones_areas_and_common_nouns_are_no_place():
    text = "通知\n建设国家级旅游度假区和全域旅游示范区,新增超市3家,改造棚户区,县市区要落实。\n"
    assert guess_place(text) == (None, None)


def test_a_name_seen_once_in_passing_is_no_guess():
    assert guess_place("主要指标\n3.义务教育学校达省定办学标准比例(%)\n") == (None, None)


def test_traditional_script_is_read_and_the_name_kept_as_written():
    text = "一、背景\n松河鎮國民經濟和社會發展第十四個五年規劃,是松河鎮今后五年的行動綱領。\n"
    assert guess_place(text)[0] == "松河鎮"


# Characters of names that are not common nouns as well (山 would make 山山区 a 山区).
NAME_CHARACTERS = "青白松柳桃梅河湖石岭溪江源沙泉峰"
NOISE = st.sampled_from(["地区生产总值增长6%。", "新建学校8所,", "全市", "全区", "各镇", "城乡", "\n",
                         "产业园区", "到2025年,", "高于全省平均水平", "(", ")", "、", "是", "和"])


@settings(max_examples=200, deadline=None)
@given(st.text(NAME_CHARACTERS, min_size=2, max_size=3),
       st.text(NAME_CHARACTERS, min_size=2, max_size=3),
       st.lists(NOISE, max_size=40).map("".join))
def test_a_plan_title_names_the_place_whatever_follows(city, district, body):
    text = f"{city}市{district}区国民经济和社会发展第十四个五年规划纲要\n{body}"
    assert guess_place(text) == (f"{district}区", f"{city}市")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(NOISE, st.text(NAME_CHARACTERS + "市区县镇乡省", max_size=4)),
                max_size=60).map("".join))
def test_a_guess_is_always_a_name_in_the_text_with_a_place_suffix(text):
    place, parent = guess_place(text)
    for name in filter(None, (place, parent)):
        assert name in text
        assert name[-1] in "市区县镇乡省"


# The dev corpus (../shared/corpus/dev): each document's own place, as sources.tsv gives it,
# or None where the text never names it with an administrative suffix (d07: an unnamed county;
# d10: only 开发区; d14: only 福州都市圈).
SHARED = Path(os.environ.get("PLANWATCH_SHARED", Path(__file__).resolve().parents[3] / "shared"))
DEV_PLACES = {"d01": "监利市", "d02": "光明区", "d03": "江津区", "d04": "溪口镇", "d05": "腰堡镇",
              "d06": "临安区", "d07": None, "d08": "河北省", "d09": "天衢新区", "d10": None,
              "d11": "如皋高新技术产业开发区", "d12": "咸阳市", "d13": "李沧区", "d14": None,
              "d15": "重庆市"}


def test_the_dev_documents_places_are_guessed_and_none_wrongly():
    docs = SHARED / "corpus" / "dev" / "docs"
    assert docs.is_dir(), f"dev corpus not found at {docs}; set PLANWATCH_SHARED"
    guesses = {name: guess_place((docs / f"{name}.txt").read_text(encoding="utf-8"))[0]
               for name in DEV_PLACES}
    assert {name: simplify(place) if place else None
            for name, place in guesses.items()} == DEV_PLACES


def test_a_verb_before_a_name_ending_like_a_common_noun_leaves_the_name_whole():
    text = "关于印发实施方案的通知\n全面建成青山区创新高地。加快推动青山区产业升级。\n"
    assert guess_place(text)[0] == "青山区"
