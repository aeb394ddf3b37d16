"""A target measured from the project ledger: its page lists the ledger counts its judgement
and chart rest on, links to the work pages, and marks stored figures of its indicator 未采用."""

from __future__ import annotations

import re
from datetime import date

import pytest

from planwatch.domain.observation_csv import read_observations
from planwatch.samples import luyuan
from planwatch.web.data.store import save_observations
from planwatch.web.work import service

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_figures(luyuan_plan):
    save_observations(read_observations(luyuan.ILLUSTRATIVE_OBSERVATIONS_PATH),
                      recorded_by="test")
    return luyuan_plan


def _section(html: str, title: str) -> str:
    return html.split(f"<h2>{title}</h2>", 1)[1].split("<h2>", 1)[0]


def test_the_page_lists_the_ledger_counts_it_is_judged_on(client, with_figures, person):
    client.force_login(person("planner"))
    html = client.get("/plans/luyuan/targets/y2021.projects-started/?as_of=2021-12-31"
                      ).content.decode()
    ledger = _section(html, "项目台账计数")
    [judged] = [item for item in service.record_assessments(with_figures, date(2021, 12, 31))
                if item.target.key == "y2021.projects-started"]
    rows = re.findall(r"<tr[^>]*><td>([^<]+)</td><td class=\"number\">([^<]+)</td>", ledger)
    assert [period for period, _ in rows] == [f"2021-{m:02d}" for m in range(1, 13)] + ["2021"]
    assert rows[-1][1] == f"{judged.assessment.latest_value:g} 个"
    assert "下方监测数据表中该指标的报送数据未采用" in ledger
    assert 'href="/plans/luyuan/projects/?as_of=2021-12-31"' in ledger
    assert 'href="/plans/luyuan/work/?as_of=2021-12-31"' in ledger
    # The stored illustrative 2021 count (71) is listed, and marked as not used.
    stored = _section(html, "监测数据")
    [row] = [r for r in stored.split("<tr")[2:] if "开复工项目" in r]
    assert "71 个" in row and "未采用" in row


def test_a_target_judged_on_stored_figures_has_no_ledger_and_nothing_unused(
        client, with_figures, person):
    client.force_login(person("planner"))
    html = client.get("/plans/luyuan/targets/h2030.gdp/?as_of=2024-12-31").content.decode()
    assert "项目台账计数" not in html and "未采用" not in html
