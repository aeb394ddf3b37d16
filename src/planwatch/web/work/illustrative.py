"""The illustrative Lüyuan 2021 project ledger: generated, deterministic, never real.

The seed names a handful of projects (中车长客, 启明医疗心脏瓣膜, 新能源汽车产业园, 同心湖地块 …)
and the counts the year aimed at; no project list was published. This ledger invents one of
the right size and shape so the pipeline, the record-measured targets and supervision have
something to work on; every row is provenance `illustrative` and its name says 示例. Stage
evidence is left empty: there is none to show for invented projects.

The 2021 stages are the year the seed describes, and stay exactly as they were generated (the
2021 record-measured targets are counted on them). After 2021 the investment projects carry
on through the plan years: most reach 投产 by the end of 2025, fully spent; a handful
(STALLED_PROJECTS) move on for a while and stop short of it during 2025, so the stalled-project
rule finds a realistic few, not every project of a ledger that stopped in 2021.

    python -m planwatch.web.work.illustrative > src/planwatch/samples/luyuan/projects.csv
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

from planwatch.domain.model import Project, StageTransition
from planwatch.domain.vocabulary import ProjectStage, Provenance

from .files import write_projects
from .records import Record

SEED = 2021
YEAR_START = date(2021, 1, 1)
LATER_SEED = 2025  # a generator of its own, so the 2021 stages never change with these
LATER_START = date(2022, 1, 1)
# The stage each stalled project stops at: two before any work starts (so the ledger keeps
# projects that never started), the others on site.
STALLED_STOPS = (ProjectStage.SIGNED, ProjectStage.SITED, ProjectStage.STARTED,
                 ProjectStage.STARTED, ProjectStage.IN_STATISTICS, ProjectStage.COMPLETED)
KINDS = [("工业", "绿园区工业和信息化局", "西新工业集中区"),
         ("现代服务业", "绿园区商务局", "西部新城"),
         ("城市建设", "绿园区住房和城乡建设局", "老城区"),
         ("物流", "绿园区发展和改革局", "绿园经济开发区"),
         ("社会事业", "绿园区卫生健康局", "城西镇")]
STAGES = list(ProjectStage)


def _day(rng: random.Random, after: date, within: int) -> date:
    return after + timedelta(days=rng.randint(5, within))


def _project(rng: random.Random, number: int, *, furthest: ProjectStage, flags: list[str],
             first: date, kind: int | None = None) -> Project:
    project_type, department, location = KINDS[rng.randrange(len(KINDS)) if kind is None
                                               else kind]
    investment = round(rng.uniform(1.0, 30.0), 1)
    stages, day = [], first
    for stage in STAGES[:furthest.order + 1]:
        stages.append(StageTransition(stage, day))
        day = _day(rng, day, 40)
    return Project(
        key=f"LY2021-{number:03d}", name=f"示例{project_type}项目{number:03d}",
        investment=investment, completed_investment=_spent(investment, furthest),
        department=department,
        location=location, project_type=project_type,
        flags=["亿元以上", *flags], stages=stages, provenance=Provenance.ILLUSTRATIVE)


def ledger() -> list[Record]:
    """The whole illustrative ledger, the same on every call."""
    rng = random.Random(SEED)
    records: list[Record] = []

    def add(furthest, flags=(), first=None, kind=None):
        number = len(records) + 1
        start = first or _day(rng, YEAR_START, 200)
        records.append(Record(_project(rng, number, furthest=furthest, flags=list(flags),
                                       first=start, kind=kind)))

    # 三早 projects: planned in the winter, most start before 五一 (two slip into May).
    for i in range(36):
        first = date(2020, 11, 1) + timedelta(days=3 * i)
        add(ProjectStage.STARTED if i < 34 else ProjectStage.SITED, ["三早"], first)
    # 新能源汽车产业园 and the other works of the industrial zones; five logistics hubs.
    for _ in range(10):
        add(ProjectStage.STARTED, ["工业集中区"], kind=0)
    for _ in range(5):
        add(ProjectStage.STARTED, ["物流枢纽"], kind=3)
    # The rest of the pipeline, spread over the stages.
    spread = ([ProjectStage.PLANNING] * 14 + [ProjectStage.SIGNED] * 8
              + [ProjectStage.SITED] * 6 + [ProjectStage.STARTED] * 12
              + [ProjectStage.IN_STATISTICS] * 6 + [ProjectStage.COMPLETED] * 3)
    for furthest in spread:
        add(furthest)
    # Land parcels released (交地 = 落位), with their areas in 万平方米.
    for i in range(16):
        number = len(records) + 1
        released = _day(rng, YEAR_START, 330)
        records.append(Record(Project(
            key=f"LY2021-{number:03d}", name=f"示例地块{i + 1:02d}(土地释放)",
            department="绿园区征收办", location="绿园区", project_type="土地",
            flags=["土地释放"], provenance=Provenance.ILLUSTRATIVE,
            stages=[StageTransition(ProjectStage.PLANNING, released - timedelta(days=60)),
                    StageTransition(ProjectStage.SITED, released)]),
            {"释放土地面积": round(rng.uniform(8.0, 17.0), 1)}))
    return _carried_on(records)


def _carried_on(records: list[Record]) -> list[Record]:
    """The investment projects taken on from where 2021 left them (see the module's text);
    land parcels (no planned investment) are done once released."""
    rng = random.Random(LATER_SEED)
    investment = [r.project for r in records if r.project.investment is not None]
    # Stalled projects are drawn from those still being planned at the end of 2021, which
    # have room to stop at any stage.
    stalled = dict(zip(rng.sample([p.key for p in investment
                                   if _furthest(p) is ProjectStage.PLANNING],
                                  len(STALLED_STOPS)), STALLED_STOPS, strict=True))
    for project in investment:
        stop = stalled.get(project.key, ProjectStage.PRODUCING)
        ahead = STAGES[_furthest(project).order + 1:stop.order + 1]
        # The first move after 2021 comes in the first months of 2022; a project that
        # finishes reaches 投产 on a day spread over late 2022 to August 2025, its stages
        # evenly between; a stalled one makes its last move in 2025 and has stood still since.
        first = LATER_START + timedelta(days=rng.randint(0, 150))
        last = (date(2025, 3, 1) + timedelta(days=rng.randint(0, 200)) if project.key in stalled
                else date(2022, 10, 1) + timedelta(days=rng.randint(0, 1050)))
        moves = max(len(ahead) - 1, 1)
        project.stages += [StageTransition(stage, last if i == len(ahead) - 1 else
                                           first + timedelta(days=(last - first).days * i // moves))
                           for i, stage in enumerate(ahead)]
        project.completed_investment = (project.investment if stop is ProjectStage.PRODUCING
                                        else _spent(project.investment, stop))
    return records


def _furthest(project: Project) -> ProjectStage:
    return max(project.stages, key=lambda s: s.stage.order).stage


def _spent(investment: float, furthest: ProjectStage) -> float:
    """Completed investment of a project that has got as far as a stage: nothing before
    building starts, then 15 % of the plan more per stage."""
    return round(investment * (0.15 * furthest.order), 1) if furthest.order >= 3 else 0.0


if __name__ == "__main__":
    write_projects(ledger(), sys.stdout)
