"""A record-measured target's explanation says (注：示例数据) when the ledger it is judged on is
illustrative — the dated "三早" target on its own clock as much as the others — once, at the end."""

from datetime import date

import pytest

from planwatch.domain import (
    Comparator,
    Kind,
    Project,
    ProjectStage,
    Provenance,
    StageTransition,
    Target,
)
from planwatch.evaluate.explain import ILLUSTRATIVE_NOTE
from planwatch.web.work.records import Record, RecordMeasure, assess_from_records

STARTED = RecordMeasure(ProjectStage.STARTED, flag="三早")
MAY_DAY = Target("y2021.sanzao", "三早项目开复工", Kind.COUNT, Comparator.GE, 3.0, "个", 2021,
                 base_year=2020, deadline=date(2021, 4, 30))


def ledger(provenance: Provenance) -> list[Record]:
    started = [Project(f"s{i}", f"项目{i}", flags=["三早"], provenance=provenance,
                       stages=[StageTransition(ProjectStage.STARTED, date(2021, 2, 1))])
               for i in range(2)]
    sited = Project("w", "项目w", flags=["三早"], provenance=provenance,
                    stages=[StageTransition(ProjectStage.SITED, date(2021, 1, 20))])
    return [Record(project) for project in [*started, sited]]


@pytest.mark.parametrize("as_of", [date(2021, 3, 31), date(2021, 6, 30)])
def test_a_dated_target_on_an_illustrative_ledger_carries_the_note_at_its_end(as_of):
    judged = assess_from_records(MAY_DAY, STARTED, ledger(Provenance.ILLUSTRATIVE), as_of, "绿园区")
    assert judged.explanation.startswith("截至2021-")
    assert judged.explanation.endswith(ILLUSTRATIVE_NOTE)
    assert judged.explanation.count("示例数据") == 1 and "。。" not in judged.explanation


def test_the_pipeline_clause_comes_before_the_note():
    judged = assess_from_records(MAY_DAY, STARTED, ledger(Provenance.ILLUSTRATIVE),
                                 date(2021, 3, 31), "绿园区")
    assert "项目储备：1个在途项目" in judged.explanation
    assert judged.explanation.index("项目储备") < judged.explanation.index("示例数据")


def test_an_official_ledger_has_no_note():
    judged = assess_from_records(MAY_DAY, STARTED, ledger(Provenance.OFFICIAL),
                                 date(2021, 3, 31), "绿园区")
    assert "示例数据" not in judged.explanation


def test_an_undated_target_on_an_illustrative_ledger_says_so_whatever_figures_the_engine_used():
    year = Target("y2021.started", "开复工项目", Kind.COUNT, Comparator.GE, 2.0, "个", 2021,
                  base_year=2020)
    for as_of in (date(2021, 1, 10), date(2021, 3, 31), date(2022, 1, 31)):
        judged = assess_from_records(year, STARTED, ledger(Provenance.ILLUSTRATIVE), as_of,
                                     "绿园区")
        assert judged.provenance == "illustrative"
        assert judged.explanation.endswith(ILLUSTRATIVE_NOTE)
        assert judged.explanation.count("示例数据") == 1
