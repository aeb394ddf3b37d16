"""Every signed-in plan page leads to the plan's work pages (总施工图, 重点项目, 督查督办): without
these links issue 7's pages could only be reached by typing their addresses."""

from __future__ import annotations

import pytest
from django.urls import reverse

from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db

PAGES = ["plans:overview", "plans:structure", "plans:departments", "plans:compare",
         "plans:document"]


@pytest.mark.parametrize("page", PAGES)
def test_a_plan_page_links_to_the_work_pages(member_client, sample_plan, page):
    save_plan(sample_plan)
    html = member_client.get(reverse(page, args=["sample"])).content.decode()
    for work_page in ("work:plan", "work:projects", "work:supervision"):
        assert f'href="{reverse(work_page, args=["sample"])}"' in html
