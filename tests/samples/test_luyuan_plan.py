"""The Lüyuan plan as shipped: the seed article verbatim, every span exact, every gold target
of the seed present, and the goal tree holding the targets counted here."""

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from planwatch.domain import Kind, Plan
from planwatch.planfile import dump_plan, load_plan
from planwatch.samples import luyuan

# sha256 of /work/shared/seed/luyuan-plan-article.txt, the seed the plan was encoded from.
SEED_SHA256 = "26ecdb89eb60a2e9b5270c81f6b2646c6cc3c509058486f3f778359c3faacafd"
# /work/shared/corpus/dev/gold/seed.jsonl: the dev corpus's gold targets for the seed.
GOLD = Path(__file__).with_name("seed_gold.jsonl")

# Targets under each goal area and its measures, as encoded: (all targets, quantitative ones).
EXPECTED_PER_AREA = {
    "经济发展取得新成效": (7, 7),
    "社会民生开创新局面": (9, 7),
    "城乡建设实现新突破": (4, 1),
    "生态文明达到新水平": (8, 4),
    "治理能力得到新提升": (3, 0),
    "做好常态化防控：筑牢更为坚固的疫情防线": (2, 0),
    "稳定经济增长：打牢更加坚实的发展基础": (10, 6),
    "优化空间布局：搭建更高质量的发展格局": (9, 3),
    "深化改革创新：积蓄更具活力的发展动能": (3, 0),
    "加强城市建管：打造更加优美的宜居环境": (7, 6),
    "抓好“三农”工作：建设更加美丽的现代化乡村": (5, 3),
    "坚持改善民生：释放更多惠民的发展红利": (5, 0),
    "提升治理能力：营造更加稳定的社会环境": (3, 0),
    "加强自身建设：打造更加勤廉务实的人民政府": (1, 0),
}
QUALITATIVE = (Kind.MILESTONE, Kind.DIRECTION_ONLY)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(luyuan.PLAN_PATH)


def quantitative(targets):
    return [t for t in targets if t.kind not in QUALITATIVE]


def test_the_source_is_the_seed_byte_for_byte():
    assert hashlib.sha256(luyuan.SOURCE_PATH.read_bytes()).hexdigest() == SEED_SHA256


def test_the_plan_loads_with_its_source_text(plan):
    assert plan.name == "luyuan"
    assert plan.source_text == luyuan.SOURCE_PATH.read_bytes().decode("utf-8")


def test_every_target_quotes_the_source_exactly(plan):
    for target in plan.targets:
        assert target.text and target.span is not None, target.id
        assert target.span.of(plan.source_text) == target.text, target.id


def test_every_goal_points_at_its_heading(plan):
    headings = {goal.key: goal.span.of(plan.source_text) for goal in plan.walk_goals()}
    assert headings["vision2035"].startswith("到二〇三五年,努力与全市同步基本实现社会主义现代化")
    assert headings["horizon2030"].startswith("到二〇三〇年,力争规上工业形成千亿级以上产值")
    for goal in plan.walk_goals():
        if goal.level not in ("vision", "horizon"):
            assert all(part in headings[goal.key] for part in goal.title.split("：")), goal.key


def test_the_goal_tree_runs_from_the_vision_to_the_measures(plan):
    [vision] = plan.goals
    levels = [goal.level for goal in vision.walk()]
    assert levels[:4] == ["vision", "horizon", "period", "area"]
    assert Counter(levels) == {"vision": 1, "horizon": 1, "period": 1, "area": 5, "annual": 1,
                               "annual_area": 9, "measure": 35}


def test_targets_per_goal_area_are_as_encoded(plan):
    counted = {}
    for goal in plan.walk_goals():
        if goal.level in ("area", "annual_area"):
            keys = {node.key for node in goal.walk()}
            under = [t for t in plan.targets if t.goal in keys]
            counted[goal.title] = (len(under), len(quantitative(under)))
    assert counted == EXPECTED_PER_AREA


def test_the_plan_has_at_least_the_40_quantitative_targets_of_the_seed(plan):
    assert len(quantitative(plan.targets)) == 40
    assert len(plan.targets) == 80


def test_every_gold_target_has_a_plan_target_with_its_value_unit_and_span(plan):
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines()]
    assert len(gold) == 40
    for item in gold:
        start = plan.source_text.find(item["text"])
        end = start + len(item["text"])
        matches = [t for t in plan.targets
                   if t.value == pytest.approx(item["value"], rel=1e-4) and t.unit == item["unit"]
                   and t.span.start < end and start < t.span.end]
        assert matches, item["text"]


def test_the_2030_targets_run_from_2021(plan):
    by_id = {t.id: t for t in plan.targets}
    for target_id, value in [("h2030.industrial-output", 1000), ("h2030.gdp", 500),
                             ("h2030.retained-revenue", 20)]:
        target = by_id[target_id]
        assert (target.year, target.period_start, target.value) == (2030, 2021, value)


def test_relative_targets_carry_their_benchmark(plan):
    benchmarks = {t.id: (t.benchmark.indicator, t.benchmark.place, t.benchmark.margin)
                  for t in plan.targets if t.kind is Kind.RELATIVE}
    assert benchmarks == {
        "fyp.gdp-growth-vs-city": ("地区生产总值", "长春市", 0),
        "fyp.services-growth-vs-gdp": ("地区生产总值", None, 2),
        "fyp.revenue-in-step-with-gdp": ("地区生产总值", None, 0),
        "y2021.farmer-income-in-step": ("地区生产总值", None, 0),
    }


def test_the_may_day_projects_are_due_on_30_april(plan):
    [target] = [t for t in plan.targets if t.id == "y2021.early-projects-by-may-day"]
    assert target.deadline.isoformat() == "2021-04-30" and target.value == 35


def test_the_jurisdiction_chain_is_district_city_province(plan):
    chain = {j.name: (j.level, j.parent, j.code) for j in [plan.jurisdiction, *plan.jurisdictions]}
    assert chain == {"绿园区": ("district", "长春市", "220106"),
                     "长春市": ("city", "吉林省", "220100"),
                     "吉林省": ("province", None, "220000")}


def test_the_committed_file_is_the_dumper_s_own_layout(plan):
    """So `planwatch plan dump` of the stored plan reads like the file an editor opens."""
    text = luyuan.PLAN_PATH.read_text("utf-8")
    body = text[text.index("planwatch: 1"):]
    assert dump_plan(plan, source_file="source.txt") == body
