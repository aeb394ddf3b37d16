"""A department uploads its filled template (CSV or XLSX): every row is checked as the
planners' import checks it (rows.RowChecker, the same messages by row, column and reason),
then against the department — its own indicators only, its plan's place, official figures
only — and becomes a SUBMISSION waiting for the planners' review, through the reporting
functions a form uses (reporting.save_entry). All rows or none; a row saying what is already
submitted or approved adds nothing, so uploading the same file again changes nothing.

A row whose value is left empty is skipped: the template lists every figure owed, and a
department may report some of them now and the rest later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO

from django.db import transaction

from planwatch import domain
from planwatch.domain.units import UnitError, convert
from planwatch.web import labels
from planwatch.web.data import reporting
from planwatch.web.data.importer import indicator_rules
from planwatch.web.data.models import OPEN_STATUSES, Observation, Submission
from planwatch.web.data.rows import COLUMNS, FileProblem, Problem, RowChecker, read_records
from planwatch.web.plans.models import Department, Indicator

NEW, CHANGED, SAME = "new", "changed", "same"


@dataclass
class UploadedFigure:
    """A good row: the figure it reports and what it does to the department's submissions."""

    row: int
    indicator: Indicator
    period: str
    kind: str
    value: float
    unit: str
    note: str
    change: str  # NEW, CHANGED (an open submission gets the new value) or SAME
    version: int  # the open submission's version, 0 when there is none

    @property
    def kind_label(self) -> str:
        return labels.OBSERVATION_KIND[domain.ObservationKind(self.kind)]


@dataclass
class DepartmentUpload:
    file_name: str
    figures: list[UploadedFigure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: int = 0  # rows left without a value
    file_problem: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.file_problem is None

    @property
    def to_submit(self) -> list[UploadedFigure]:
        return [figure for figure in self.figures if figure.change != SAME]


def check_upload(department: Department, file: IO[bytes], name: str) -> DepartmentUpload:
    """Every row of the file checked; nothing is written."""
    result = DepartmentUpload(name)
    own = {indicator.name: indicator for indicator in Indicator.objects.filter(
        department=department).select_related("plan__jurisdiction")}
    checker = RowChecker(indicator_rules())
    seen: dict[tuple[str, str], int] = {}
    try:
        columns, records = read_records(name, file)
        for row, cells in records:
            if isinstance(cells, Problem):
                result.problems.append(cells)
                continue
            by_column = {column: cell for column, cell in zip(columns, cells, strict=True)
                         if column}
            if not by_column.get("value", "").strip():
                result.skipped += 1
                continue
            checked = checker.check(row, {column: by_column.get(column, "")
                                          for column in COLUMNS})
            if isinstance(checked, list):
                result.problems.extend(checked)
                continue
            problem = _department_problem(department, own, checked)
            if problem is None and (checked.indicator, checked.period) in seen:
                problem = Problem(row, "period", f"与第 {seen[checked.indicator, checked.period]}"
                                                 " 行是同一指标同一期间")
            if problem is not None:
                result.problems.append(problem)
                continue
            seen[checked.indicator, checked.period] = row
            result.figures.append(_figure(own[checked.indicator], checked,
                                          by_column.get("note", "").strip()))
    except FileProblem as problem:
        result.file_problem = str(problem)
    return result


def _department_problem(department: Department, own: dict[str, Indicator],
                        checked) -> Problem | None:
    indicator = own.get(checked.indicator)
    if indicator is None:
        return Problem(checked.row, "indicator",
                       f"“{checked.indicator}”不是{department.name}报送的指标")
    place = indicator.plan.jurisdiction.name
    if checked.place != place:
        return Problem(checked.row, "place", f"地区应为“{place}”,不是“{checked.place}”")
    if checked.provenance != domain.Provenance.OFFICIAL:
        return Problem(checked.row, "provenance",
                       "部门报送的是官方数据;估计数和示例数据由发改局导入")
    return None


def _figure(indicator: Indicator, checked, note: str) -> UploadedFigure:
    place = indicator.plan.jurisdiction.name
    open_submission = Submission.objects.filter(indicator=indicator, place=place,
                                                period=checked.period,
                                                status__in=OPEN_STATUSES).first()
    if open_submission is not None:
        same = (open_submission.status == "submitted" and open_submission.kind == checked.kind
                and (open_submission.entered_value, open_submission.entered_unit)
                == (checked.value, checked.unit) and open_submission.note == note)
        return UploadedFigure(checked.row, indicator, checked.period, checked.kind,
                              checked.value, checked.unit, note, SAME if same else CHANGED,
                              open_submission.version)
    approved = (Observation.objects.filter(place=place, indicator=indicator.name,
                                           period=checked.period, kind=checked.kind,
                                           provenance=domain.Provenance.OFFICIAL)
                .order_by("-revision").values_list("value", "unit").first())
    same = approved is not None and _converted(indicator, checked) == approved
    return UploadedFigure(checked.row, indicator, checked.period, checked.kind, checked.value,
                          checked.unit, note, SAME if same else NEW, 0)


def _converted(indicator: Indicator, checked) -> tuple[float, str] | None:
    """The value as an approved figure stores it (reporting.save_entry converts the same way)."""
    target = "%" if checked.kind == domain.ObservationKind.GROWTH_PCT else indicator.unit
    try:
        return (convert(checked.value, checked.unit, target), target)
    except UnitError:
        return None


def submit_upload(user, department: Department, file: IO[bytes], name: str) -> DepartmentUpload:
    """Check the file again (things may have changed since the preview) and, when every row
    is good, submit its new and changed figures for review in one transaction."""
    result = check_upload(department, file, name)
    if not result.ok:
        return result
    try:
        with transaction.atomic():
            for figure in result.to_submit:
                reporting.save_entry(user, reporting.Entry(
                    figure.indicator, figure.period, figure.kind, repr(figure.value),
                    figure.unit, figure.note, figure.version), submit=True)
    except reporting.ReportingError as error:
        result.problems.append(Problem(figure.row, None, str(error)))
    return result
