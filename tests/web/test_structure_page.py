"""The plan structure page: the goal tree in the plan's order, each target in words."""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(member_client, sample_plan):
    save_plan(sample_plan)
    return member_client.get(reverse("plans:structure", args=["sample"])).content.decode()


def test_goals_appear_in_the_plans_order(page):
    positions = [page.index(title) for title in
                 ["远景目标", "经济发展取得新成效", "扩大投资", "城乡建设实现新突破", "稳就业"]]
    assert positions == sorted(positions)


def test_targets_read_as_words_with_kind_attribute_and_department(page):
    assert "不低于 500 亿元" in page
    assert "高于 地区生产总值增速 + 2 个百分点" in page
    assert "不高于 4 %" in page
    assert "逐年控制" in page and "约束性" in page and "区人力资源和社会保障局" in page
    assert "2025年" in page and "2025-06-30" in page


def test_a_target_outside_the_goal_tree_is_still_listed(page):
    assert "其他目标" in page and "城镇新增就业" in page


def test_the_page_takes_a_bounded_number_of_queries(
        member_client, sample_plan, django_assert_max_num_queries):
    save_plan(sample_plan)
    # Sign-in and roles take up to six; the page: plan, data version, latest data period,
    # targets, goals, figures. tests/web/test_dashboard_pages.py checks it does not grow with targets.
    with django_assert_max_num_queries(13):
        member_client.get(reverse("plans:structure", args=["sample"]))
