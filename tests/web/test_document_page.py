"""The plan document page: the whole source text, every target span marked and linked."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(member_client, sample_plan):
    save_plan(sample_plan)
    return member_client.get(reverse("plans:document", args=["sample"])).content.decode()


def test_html_in_the_plan_text_is_shown_as_text_never_run(page):
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_every_target_with_a_span_is_marked_linked_and_anchored(page, sample_plan):
    for target in sample_plan.targets:
        if target.span is None:
            continue
        marked = re.search(
            rf'<mark[^>]*data-targets="[^"]*\b{re.escape(target.id)}\b[^"]*">'
            rf'<a href="/plans/sample/targets/{re.escape(target.id)}/">([^<]*)</a></mark>', page)
        assert marked, target.id
        assert marked.group(1) == target.span.of(sample_plan.source_text).replace("%", "%")
        assert f'id="t-{target.id}"' in page


def test_milestones_are_marked_differently(page):
    assert re.search(r'<mark class="milestone"[^>]*><a [^>]*>建成区域物流中心</a>', page)
    assert re.search(r'<mark class=""[^>]*><a [^>]*>地区生产总值突破500亿元</a>', page)


def test_the_side_list_names_every_target(page, sample_plan):
    side = page[page.index('class="target-index"'):]
    for target in sample_plan.targets:
        assert f"/plans/sample/targets/{target.id}/" in side


def test_the_page_takes_a_bounded_number_of_queries(
        member_client, sample_plan, django_assert_max_num_queries):
    save_plan(sample_plan)
    # Session, user and the role's permissions (up to four), the plan, its targets.
    with django_assert_max_num_queries(7):
        member_client.get(reverse("plans:document", args=["sample"]))
