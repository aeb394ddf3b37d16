"""Targets measured from the project ledger (pure), the pipeline tables and the illustrative
Lüyuan ledger."""

import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.domain import Comparator, Kind, Project, ProjectStage, StageTransition, Target
from planwatch.samples import luyuan
from planwatch.web.work import pipeline
from planwatch.web.work.files import read_projects, write_projects
from planwatch.web.work.illustrative import ledger
from planwatch.web.work.records import (
    Record,
    RecordMeasure,
    assess_from_records,
    measured,
    record_observations,
    window,
)

STARTED = RecordMeasure(ProjectStage.STARTED)
YEAR = date(2021, 1, 1)


def record(key, *stages, flags=(), area=None):
    return Record(Project(key, f"项目{key}", investment=2.0, flags=list(flags),
                          stages=[StageTransition(s, d) for s, d in stages]),
                  {"面积": area} if area is not None else {})


def count_target(value=3.0, deadline=None):
    return Target("t", "开复工项目", Kind.COUNT, Comparator.GE, value, "个", 2021, base_year=2020,
                  deadline=deadline)


def test_a_project_counts_from_the_first_day_it_is_at_the_stage_or_beyond():
    a = record("a", (ProjectStage.SIGNED, date(2021, 2, 1)), (ProjectStage.STARTED,
                                                               date(2021, 5, 3)))
    b = record("b", (ProjectStage.COMPLETED, date(2021, 4, 1)))  # 竣工 implies 开工
    c = record("c", (ProjectStage.STARTED, date(2020, 11, 1)))  # before the window
    assert measured([a, b, c], STARTED, YEAR, date(2021, 4, 30)) == 1
    assert measured([a, b, c], STARTED, YEAR, date(2021, 5, 3)) == 2


def test_flags_filter_and_quantities_sum():
    land = RecordMeasure(ProjectStage.SITED, flag="土地释放", quantity="面积")
    parcels = [record("a", (ProjectStage.SITED, date(2021, 3, 1)), flags=["土地释放"], area=12.5),
               record("b", (ProjectStage.SITED, date(2021, 3, 1)), area=99.0)]
    assert measured(parcels, land, YEAR, date(2021, 12, 31)) == 12.5


def test_the_ledger_becomes_month_end_cumulative_figures_and_the_years_count():
    a = record("a", (ProjectStage.STARTED, date(2021, 2, 10)))
    figures = record_observations(count_target(), STARTED, [a], date(2022, 1, 15), "绿园区")
    assert [(str(f.period), f.value) for f in figures][:3] == [
        ("2021-01", 0.0), ("2021-02", 1.0), ("2021-03", 1.0)]
    assert (str(figures[-1].period), figures[-1].kind.value) == ("2021", "count")


def test_a_dated_target_has_its_own_window_and_clock():
    target = count_target(2, deadline=date(2021, 4, 30))
    assert window(target) == (YEAR, date(2021, 4, 30))
    late = record("late", (ProjectStage.STARTED, date(2021, 5, 2)))
    early = record("early", (ProjectStage.STARTED, date(2021, 1, 5)))
    halfway = assess_from_records(target, STARTED, [early, late], date(2021, 2, 28), "绿园区")
    assert halfway.elapsed == pytest.approx(59 / 120)
    assert halfway.progress == 0.5
    after = assess_from_records(target, STARTED, [early, late], date(2021, 6, 30), "绿园区")
    assert (after.status, after.latest_value) == ("missed", 1.0)
    assert (after.probability, after.outlook) == (0.0, "unlikely")


def test_before_the_deadline_the_outlook_comes_from_the_projects_on_their_way():
    done = record("done", (ProjectStage.STARTED, date(2021, 2, 1)))
    close = [record(f"c{i}", (ProjectStage.SITED, date(2021, 3, 1))) for i in range(4)]
    judged = assess_from_records(count_target(3.0), STARTED, [done, *close],
                                 date(2021, 3, 31), "绿园区")
    assert judged.probability == pytest.approx(0.9, abs=0.1)
    assert "项目储备：4个在途项目" in judged.explanation
    assert "暂无法研判" not in judged.explanation


def test_pipeline_tables_count_projects_by_their_stage_on_the_day():
    projects = [record("a", (ProjectStage.SIGNED, date(2021, 2, 1)),
                       (ProjectStage.STARTED, date(2021, 5, 3))).project,
                record("b", (ProjectStage.PLANNING, date(2021, 2, 9))).project]
    row = pipeline.by_stage(projects, date(2021, 3, 1))
    assert [c.count for c in row.in_order()] == [1, 1, 0, 0, 0, 0, 0]
    assert row.total.investment == 4.0
    months = pipeline.by_month(projects, 2021)
    assert months[1].total.count == 2 and months[4].cells[ProjectStage.STARTED].count == 1
    assert [r.label for r in pipeline.by_department(projects, date(2021, 3, 1))] == [
        pipeline.NO_DEPARTMENT]


def test_the_packaged_ledger_is_the_generators_output_and_reads_back():
    written = io.StringIO()
    write_projects(ledger(), written)
    packaged = luyuan.FOLDER / "projects.csv"
    assert packaged.read_text(encoding="utf-8") == written.getvalue()
    records = read_projects(packaged)
    assert [r.project for r in records] == [r.project for r in ledger()]
    assert all(r.project.provenance.value == "illustrative" and "示例" in r.project.name
               for r in records)


names = st.text(st.characters(whitelist_categories=("Lo", "Nd"), max_codepoint=0x9fff),
                min_size=1, max_size=8)


@given(st.lists(st.tuples(
    names, st.none() | st.floats(0, 1e7).map(lambda x: round(x, 3)),
    st.lists(names, max_size=3, unique=True),
    st.lists(st.dates(date(2019, 1, 1), date(2025, 12, 31)), max_size=7).map(sorted),
    st.dictionaries(names, st.floats(0, 1e7).map(lambda x: round(x, 3)), max_size=2)),
    max_size=6))
def test_a_written_project_list_reads_back_the_same(tmp_path_factory, rows):
    records = [Record(Project(f"K{i}", name, investment=investment, flags=flags,
                              stages=[StageTransition(stage, day) for stage, day in
                                      zip(ProjectStage, days, strict=False)]), quantities)
               for i, (name, investment, flags, days, quantities) in enumerate(rows)]
    path = tmp_path_factory.mktemp("projects") / "projects.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        write_projects(records, file)
    assert [(r.project, dict(r.quantities)) for r in read_projects(path)] == [
        (r.project, dict(r.quantities)) for r in records]
