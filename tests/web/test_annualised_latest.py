"""The target page of a half-year GDP figure shows the stored figure under its half-year label
and the engine's 折年 value as such (one decimal), not the annualised value under the H1 label."""

from __future__ import annotations

import re

import pytest

from planwatch.domain.observation_csv import read_observations
from planwatch.planfile import load_plan
from planwatch.samples import luyuan
from planwatch.web.data.store import save_observations
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def luyuan_with_figures(db):
    save_plan(load_plan(luyuan.PLAN_PATH))
    save_observations([o for path in (luyuan.OBSERVATIONS_PATH,
                                      luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH)
                       for o in read_observations(path)], recorded_by="test")


def test_the_latest_half_year_shows_its_stored_figure_and_the_annualised_value(
        member_client, luyuan_with_figures):
    page = member_client.get("/plans/luyuan/targets/h2030.gdp/?as_of=2025-09-30")
    html = page.content.decode()
    latest = re.search(r"<dt>最新值</dt><dd>(.*?)</dd>", html, re.S)[1]
    text = re.sub(r"<[^>]+>", "", latest)
    assert text == "171.7 亿元 2025年上半年 · 折年 361.4 亿元"
    assert "2025年上半年为171.7亿元（折年361.4亿元）" in html


def test_a_full_year_latest_value_is_shown_as_it_is(member_client, luyuan_with_figures):
    html = member_client.get("/plans/luyuan/targets/h2030.gdp/?as_of=2025-03-31").content.decode()
    latest = re.sub(r"<[^>]+>", "", re.search(r"<dt>最新值</dt><dd>(.*?)</dd>", html, re.S)[1])
    assert latest == "351 亿元 2024年" and "折年" not in html
