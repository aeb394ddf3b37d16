"""The 总施工图 page: it opens on the latest year of the decomposition that has figures and
says which day it shows; every form field has its own id, so every label names its field."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest
from django.utils import timezone

from planwatch.domain.observation_csv import read_observations
from planwatch.samples import luyuan
from planwatch.web.data.store import save_observations
from planwatch.web.work import service

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def with_figures(luyuan_plan):
    save_observations(read_observations(luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH),
                      recorded_by="test")
    return luyuan_plan


def test_the_page_opens_on_the_last_decomposed_year_with_figures_and_names_the_day(
        client, with_figures, person):
    latest = service.default_day(with_figures, timezone.localdate())
    years = set(with_figures.targets.filter(annual_targets__isnull=False).values_list(
        "annual_targets__year", flat=True))
    assert latest.year in years and latest == min(date(latest.year, 12, 31),
                                                  timezone.localdate())
    page = signed_in(client, person("planner")).get("/plans/luyuan/work/").content.decode()
    assert f'name="as_of" value="{latest.isoformat()}"' in page
    assert f"以下按截至 {latest.isoformat()} 的数据判断。" in page
    assert "默认显示年度分解中有数据的最近一年的年末" in page
    assert f"{latest.year} 年判断" in page
    # The decomposed targets are judged against that year's annual target, not left out.
    judged = [item for item in service.schedule_assessments(with_figures, latest)
              if item.assessment is not None]
    assert judged


def test_a_day_asked_for_is_shown_without_the_default_note(client, with_figures, person):
    page = signed_in(client, person("planner")).get(
        "/plans/luyuan/work/?as_of=2022-06-30").content.decode()
    assert "以下按截至 2022-06-30 的数据判断。" in page
    assert "默认显示年度分解中有数据的最近一年的年末" not in page


def test_without_figures_the_page_opens_on_today(luyuan_plan):
    assert service.default_day(luyuan_plan, date(2026, 11, 27)) == date(2026, 11, 27)


def test_no_id_is_repeated_and_every_label_points_at_its_own_field(client, luyuan_plan,
                                                                    person):
    page = signed_in(client, person("planner")).get("/plans/luyuan/work/").content.decode()
    ids = Counter(re.findall(r'\sid="([^"]+)"', page))
    assert ids and not [i for i, n in ids.items() if n > 1]
    targets = re.findall(r'<label for="([^"]+)"', page)
    forms = page.count('action="/plans/luyuan/work/decomposition/')
    assert forms >= 16 and len(targets) == 3 * forms  # method, values, base
    assert len(set(targets)) == len(targets)
    assert set(targets) <= set(ids)
    assert 'for="id_fyp.new-parks-method"' in page and 'name="fyp.new-parks-values"' in page
