"""The illustrative Lüyuan 2021 project ledger: generated, deterministic, never real.

The seed names a handful of projects (中车长客, 启明医疗心脏瓣膜, 新能源汽车产业园, 同心湖地块 …)
and the counts the year aimed at; no project list was published. This ledger invents one of
the right size and shape so the pipeline, the record-measured targets and supervision have
something to work on; every row is provenance `illustrative` and its name says 示例. Stage
evidence is left empty: there is none to show for invented projects.

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
    done = investment * (0.15 * furthest.order) if furthest.order >= 3 else 0.0
    return Project(
        key=f"LY2021-{number:03d}", name=f"示例{project_type}项目{number:03d}",
        investment=investment, completed_investment=round(done, 1), department=department,
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
    return records


if __name__ == "__main__":
    write_projects(ledger(), sys.stdout)
