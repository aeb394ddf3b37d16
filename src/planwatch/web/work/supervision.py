"""督查督办 rules, pure: which findings raise an item, how an item climbs the ladder, and the
monthly ranking of departments. No Django here; planwatch.web.work.service applies these to
the database.

Every finding carries a `subject` that names one episode (a project stalled in one stage since
one day, a target behind in one month, a department's overdue reports of one indicator), so
running the rules again — the same day or after a gap — raises nothing twice, and a closed
item is not raised again for the same episode. Overdue reports are a series: one open item
per indicator lists its missing periods, later periods join it, and a period once listed on
an item is not raised again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import IntEnum, StrEnum

from planwatch.domain.model import Project, Target, Task
from planwatch.domain.vocabulary import ProjectStage, TaskStatus
from planwatch.web.data.calendar import Tally


class Level(IntEnum):
    """The escalation ladder: each level gives the department a deadline to explain itself."""

    REMINDER = 1
    WARNING = 2
    SUPERVISION = 3
    INTERVIEW = 4


class Rule(StrEnum):
    """Why an item was raised."""

    MANUAL = "manual"
    OVERDUE_REPORT = "overdue_report"
    TARGET_BEHIND = "target_behind"
    PROJECT_STALLED = "project_stalled"
    TASK_OVERDUE = "task_overdue"


# Statuses of the evaluation that raise an item (methodology §6.5: the 滞后 family).
LAGGING_STATUSES = frozenset({"behind", "well_behind", "moving_away", "breached", "rebound",
                              "missed"})
# Statuses that count as 按序时进度 in the ranking.
ON_SCHEDULE_STATUSES = frozenset({"achieved_early", "achieved", "ahead", "on_track",
                                  "maintained", "zero_held"})


@dataclass(frozen=True)
class Ladder:
    """Days each level gives the department before the item climbs to the next."""

    reminder: int = 7
    warning: int = 7
    supervision: int = 10
    interview: int = 10

    def days(self, level: Level) -> int:
        return {Level.REMINDER: self.reminder, Level.WARNING: self.warning,
                Level.SUPERVISION: self.supervision, Level.INTERVIEW: self.interview}[level]

    def due(self, level_since: date, level: Level) -> date:
        """The last day to explain, for a level reached on `level_since`."""
        return level_since + timedelta(days=self.days(level))


@dataclass(frozen=True)
class Standing:
    """Where an open item stands on the ladder."""

    level: Level
    level_since: date
    due_on: date


def escalate(standing: Standing, explained_on: date | None, today: date,
             ladder: Ladder) -> Standing:
    """The item's standing on `today`: each level whose deadline passed without a written
    explanation moves it one level up, the next level's time counted from the day after
    the missed deadline (so a run after a gap gives what daily runs would have given).
    An explanation dated on or before a level's deadline stops the climb at that level."""
    while (standing.level < Level.INTERVIEW and standing.due_on < today
           and (explained_on is None or explained_on > standing.due_on)):
        level = Level(standing.level + 1)
        since = standing.due_on + timedelta(days=1)
        standing = Standing(level, since, ladder.due(since, level))
    return standing


@dataclass(frozen=True)
class MissingReport:
    """One report period a department still owes after its grace period."""

    period: str
    due: date
    escalate_after: date


@dataclass(frozen=True)
class Finding:
    """Something a rule found that needs an item."""

    rule: Rule
    subject: str
    title: str
    detail: str
    department: str | None
    missing: tuple[MissingReport, ...] = ()  # an overdue-report series: its periods


def stalled_projects(projects: Iterable[Project], today: date,
                     stall_days: int) -> list[Finding]:
    """Investment projects that have stayed in one stage (short of 投产) longer than
    `stall_days`. Records without a planned investment (land parcels counted for 释放土地)
    have no stage ladder to climb and are left out."""
    found = []
    for project in projects:
        if project.investment is None:
            continue
        reached = [s for s in project.stages if s.on <= today]
        if not reached:
            continue
        current = max(reached, key=lambda s: (s.stage.order, s.on))
        if current.stage is ProjectStage.PRODUCING:
            continue
        days = (today - current.on).days
        if days > stall_days:
            found.append(Finding(
                Rule.PROJECT_STALLED, f"project:{project.key}:{current.stage}:{current.on}",
                f"{project.name}停留在“{current.stage}”阶段{days}天",
                f"{current.on}进入{current.stage}阶段,至{today}已{days}天未推进"
                f"(规则:超过{stall_days}天)。", project.department))
    return found


def lagging_targets(targets: Iterable[Target], statuses: Mapping[str, tuple[str, str]],
                    today: date) -> list[Finding]:
    """Targets whose schedule status is in the 滞后 family; one item per target and month.
    `statuses` maps a target id to (status code, Chinese explanation)."""
    found = []
    for target in targets:
        status, explanation = statuses.get(target.id, ("", ""))
        if status in LAGGING_STATUSES:
            found.append(Finding(
                Rule.TARGET_BEHIND, f"target:{target.id}:{today:%Y-%m}",
                f"{target.indicator}进度滞后", explanation or target.text, target.department))
    return found


def overdue_tasks(tasks: Iterable[Task], today: date) -> list[Finding]:
    """Tasks past their deadline and not done."""
    return [Finding(Rule.TASK_OVERDUE, f"task:{task.key}", f"{task.title}逾期未完成",
                    f"完成时限{task.deadline},至{today}未完成。", task.lead_department)
            for task in tasks
            if task.deadline is not None and task.deadline < today
            and task.status is not TaskStatus.DONE]


def overdue_series_subject(indicator: str) -> str:
    """The subject of an indicator's overdue-report series (one open item at a time)."""
    return f"report:{indicator}"


def overdue_period_subject(indicator: str, period: str) -> str:
    """The subject items had when each overdue period was an item of its own (before
    series); such items still count as having dealt with their period."""
    return f"{overdue_series_subject(indicator)}:{period}"


def overdue_series_title(indicator: str, missing: Sequence[MissingReport]) -> str:
    if len(missing) == 1:
        return f"{indicator} {missing[0].period} 数据逾期未报"
    return f"{indicator} 数据逾期未报({len(missing)} 期,最早 {missing[0].period})"


def overdue_series_detail(missing: Sequence[MissingReport], today: date) -> str:
    lines = [f"{m.period}:应于{m.due}前报送,宽限至{m.escalate_after}" for m in missing]
    return f"逾期未报 {len(missing)} 期(至{today}):\n" + ";\n".join(lines) + "。"


def overdue_reports(indicator: str, department: str | None,
                    missing: Iterable[MissingReport], today: date) -> Finding:
    """Figures of one indicator still missing after their grace period (the reporting
    calendar of planwatch.web.data.calendar decides the dates): one finding for the series,
    its periods oldest first."""
    ordered = tuple(sorted(missing, key=lambda m: (m.due, m.period)))
    return Finding(Rule.OVERDUE_REPORT, overdue_series_subject(indicator),
                   overdue_series_title(indicator, ordered),
                   overdue_series_detail(ordered, today), department, ordered)


# ---------------------------------------------------------------- monthly ranking

RANKING_WEIGHTS = (("reporting", 0.4), ("schedule", 0.4), ("closure", 0.2))
RANKING_FORMULA = ("得分 = 100 × (0.4 × 按时报送率 + 0.4 × 目标序时达标率 + 0.2 × 督办按期销号率);"
                   "某项当月无考核对象时不计,其权重按比例分给其余各项。")


@dataclass(frozen=True)
class DepartmentMonth:
    department: str
    reporting: Tally  # report periods due in the month, figures in by the due day
    schedule: Tally  # judged targets, those on schedule at the month's end
    closure: Tally  # items due or closed in the month, closed by their deadline

    @property
    def score(self) -> float | None:
        parts = [(weight, getattr(self, name).rate) for name, weight in RANKING_WEIGHTS]
        counted = [(weight, rate) for weight, rate in parts if rate is not None]
        if not counted:
            return None
        return 100 * sum(w * r for w, r in counted) / sum(w for w, _ in counted)


def ranked(months: Iterable[DepartmentMonth]) -> list[tuple[int | None, DepartmentMonth]]:
    """Departments best first, with their rank (equal scores share a rank; no score: None)."""
    scored = sorted(months, key=lambda m: (m.score is None, -(m.score or 0), m.department))
    result: list[tuple[int | None, DepartmentMonth]] = []
    for position, month in enumerate(scored, start=1):
        if month.score is None:
            result.append((None, month))
        elif result and result[-1][1].score is not None \
                and round(result[-1][1].score, 6) == round(month.score, 6):
            result.append((result[-1][0], month))
        else:
            result.append((position, month))
    return result
