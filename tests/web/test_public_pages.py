"""The public transparency pages: no sign-in, only published plans, nothing after the
published date, and an open-data zip that reads back into planwatch."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from planwatch import domain
from planwatch.domain.observation_csv import read_observations
from planwatch.evaluate.targets_json import targets_from_data
from planwatch.web.data.store import save_observations
from planwatch.web.plans.store import save_plan

pytestmark = pytest.mark.django_db


def figure(period: str, value: float, provenance: str = "official") -> domain.Observation:
    return domain.Observation(
        place="示例区", indicator="地区生产总值", period=domain.parse_period(period), value=value,
        unit="亿元", kind=domain.ObservationKind.LEVEL, source="https://stats.example/gdp",
        provenance=domain.Provenance(provenance))


@pytest.fixture
def plan(sample_plan):
    sample_plan.targets = [replace(t, period_start=t.period_start or 2021)
                           for t in sample_plan.targets]
    row = save_plan(sample_plan)
    save_observations([figure("2020", 300.5), figure("2021", 320.0), figure("2022", 340.0),
                       figure("2023", 777.7), figure("2024H1", 9.99)])
    return row


def publish(plan, as_of: date | None) -> None:
    plan.published, plan.published_as_of = True, as_of
    plan.save()


def test_an_unpublished_plan_is_not_found_by_the_public(client, plan):
    for url in (reverse("plans:public", args=["sample"]),
                reverse("plans:public_target", args=["sample", "gdp-2025"]),
                reverse("plans:open_data", args=["sample"])):
        assert client.get(url).status_code == 404


def test_a_published_plan_opens_without_signing_in(client, plan):
    publish(plan, date(2022, 12, 31))
    html = client.get(reverse("plans:public", args=["sample"])).content.decode()
    assert "截至 2022-12-31 的实施情况" in html and "地区生产总值" in html
    assert "下载开放数据" in html
    assert "/plans/sample/" not in html  # no links into the signed-in pages


def test_figures_after_the_published_date_are_never_shown(client, plan):
    publish(plan, date(2022, 12, 31))
    html = client.get(reverse("plans:public_target", args=["sample", "gdp-2025"])
                      ).content.decode()
    assert "340 亿元" in html and "2022年为340亿元" in html
    assert "777.7" not in html and "9.99" not in html
    assert 'id="as_of"' not in html  # the public cannot choose another date


def test_a_plan_published_without_a_date_shows_its_targets_but_no_assessment(client, plan):
    publish(plan, None)
    html = client.get(reverse("plans:public", args=["sample"])).content.decode()
    assert "评估结果尚未公开" in html and "不低于 500 亿元" in html
    assert "已实现" not in html and "达标概率" not in html
    target = client.get(reverse("plans:public_target", args=["sample", "gdp-2025"]))
    assert target.status_code == 200 and "340" not in target.content.decode()
    assert client.get(reverse("plans:open_data", args=["sample"])).status_code == 404


def test_the_open_data_zip_holds_readable_targets_observations_and_assessments(client, plan):
    publish(plan, date(2022, 12, 31))
    response = client.get(reverse("plans:open_data", args=["sample"]))
    assert response["Content-Type"] == "application/zip"
    assert "sample-open-data-2022-12-31.zip" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "README.md", "assessments.csv", "assessments.json", "observations.csv",
        "observations.json", "targets.csv", "targets.json"]
    records = json.loads(archive.read("targets.json"))
    assert [r["id"] for r in records] == ["gdp-2025", "services-growth", "logistics",
                                          "unemployment", "unplaced"]
    # The milestone has no unit, which target JSON needs; the other targets read back.
    targets = targets_from_data([r for r in records if r["unit"]], "targets.json")
    observations = read_observations(io.StringIO(archive.read("observations.csv").decode()))
    assert sorted(o.value for o in observations) == [300.5, 320.0, 340.0]
    assessments = json.loads(archive.read("assessments.json"))
    assert assessments["as_of"] == "2022-12-31"
    assert {a["id"] for a in assessments["assessments"]} == {t.id for t in targets}
    dictionary = archive.read("README.md").decode()
    for column in ("provenance", "status_zh", "probability", "benchmark_margin"):
        assert column in dictionary


def test_the_same_data_give_the_same_zip(client, plan):
    publish(plan, date(2022, 12, 31))
    url = reverse("plans:open_data", args=["sample"])
    assert client.get(url).content == client.get(url).content


@pytest.mark.parametrize(("name", "args"), [
    ("plans:overview", []), ("plans:target", ["gdp-2025"]), ("plans:goal", ["vision"]),
    ("plans:structure", []), ("plans:compare", []), ("plans:departments", [])])
def test_the_signed_in_pages_of_a_published_plan_still_need_signing_in(client, plan, name,
                                                                       args):
    """They let the reader choose any date, so they would show unpublished figures."""
    publish(plan, date(2022, 12, 31))
    url = reverse(name, args=["sample", *args])
    response = client.get(url, {"as_of": "2023-12-31"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
