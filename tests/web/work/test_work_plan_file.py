"""The work plan file (work.yaml): read, checked against the stored plan, stored whole or
not at all."""

import io
import re

import pytest

from planwatch.samples import luyuan
from planwatch.web.work import models
from planwatch.web.work.files import WorkFileError, read_work_plan
from planwatch.web.work.store import load_work_beside, save_work_plan


def write(tmp_path, text):
    path = tmp_path / "work.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_packaged_work_plan_reads():
    work = read_work_plan(luyuan.FOLDER / "work.yaml")
    assert (len(work.tasks), len(work.decompositions), len(work.record_targets)) == (32, 10, 7)
    assert work.projects_file == luyuan.FOLDER / "projects.csv"


@pytest.mark.parametrize("text, reason", [
    ("- a list", "$: 应为映射"),
    ("plan: p\ndecompositions:\n- {target: t, method: cubic}",
     "$.decompositions[0].method: “cubic”不是 linear、geometric、manual 之一"),
    ("plan: p\nrecord_targets:\n- {target: t, stage: 动工}", "$.record_targets[0].stage"),
    ("plan: p\ntasks:\n- {key: k, title: x, year: 2021, deadline: soon}",
     "$.tasks[0].deadline: 应为日期"),
    ("plan: p\ndecompositions:\n- {target: t, method: manual, values: [1, 2]}",
     "$.decompositions[0].values: 应为 年份: 数值 的映射"),
    ("plan: [p", "无法读取"),
])
def test_a_bad_file_is_one_line_with_path_and_reason(tmp_path, text, reason):
    path = write(tmp_path, text)
    with pytest.raises(WorkFileError) as error:
        read_work_plan(path)
    message = str(error.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


@pytest.mark.django_db
@pytest.mark.parametrize("text, reason", [
    ("plan: luyuan\ndecompositions:\n- {target: nowhere, method: linear}",
     "$.decompositions[0].target: 规划中没有目标 nowhere"),
    ("plan: luyuan\ndecompositions:\n- {target: fyp.new-parks, method: manual,"
     " values: {2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1}}", "各年合计 5,与目标 6个不符"),
    ("plan: luyuan\ntasks:\n- {key: k, title: x, year: 2021, lead: 不存在的局}",
     "$.tasks[0]: 部门“不存在的局”不在规划的部门中"),
    ("plan: luyuan\nrecord_targets:\n- {target: nowhere, stage: 开工}",
     "$.record_targets: 规划中没有目标 nowhere"),
])
def test_a_file_that_does_not_fit_the_plan_stores_nothing(tmp_path, luyuan_plan, text, reason):
    path = write(tmp_path, "departments:\n- {name: 新部门}\n" + text)
    before = (models.Task.objects.count(), models.AnnualTarget.objects.count(),
              luyuan_plan.departments.count())
    with pytest.raises(WorkFileError, match=re.escape(reason)):
        save_work_plan(luyuan_plan, read_work_plan(path), str(path))
    assert (models.Task.objects.count(), models.AnnualTarget.objects.count(),
            luyuan_plan.departments.count()) == before


@pytest.mark.django_db
def test_loading_the_work_plan_again_changes_nothing(luyuan_plan):
    counts = (models.Task.objects.count(), models.TaskMilestone.objects.count(),
              models.AnnualTarget.objects.count(), models.RecordRule.objects.count(),
              models.Project.objects.count())
    load_work_beside(luyuan_plan, luyuan.PLAN_PATH, io.StringIO())
    assert (models.Task.objects.count(), models.TaskMilestone.objects.count(),
            models.AnnualTarget.objects.count(), models.RecordRule.objects.count(),
            models.Project.objects.count()) == counts
