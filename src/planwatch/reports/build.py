"""Build the one Document every format renders from a plan, its assessments and its data.

Nothing here writes prose the data does not support: counts, labels and the engine's own
explanations are stated; the judgement and advice that only planners can give come from the
narrative fields, or show a visible placeholder.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from typing import Any

from planwatch.domain import (
    Attribute,
    Comparator,
    Goal,
    Kind,
    Observation,
    Plan,
    Provenance,
    Target,
)

from .model import (
    PLACEHOLDER,
    Cell,
    Chart,
    Column,
    ColumnFormat,
    Document,
    Paragraph,
    ParagraphRole,
    ReportError,
    ReportInput,
    ReportKind,
    Section,
    Table,
    Tone,
)
from .series import TargetFigures

STATUS_TONES = {
    "achieved_early": Tone.GOOD, "achieved": Tone.GOOD, "ahead": Tone.GOOD,
    "on_track": Tone.GOOD, "maintained": Tone.GOOD, "zero_held": Tone.GOOD,
    "behind": Tone.WARNING,
    "well_behind": Tone.BAD, "moving_away": Tone.BAD, "breached": Tone.BAD,
    "rebound": Tone.BAD, "missed": Tone.BAD,
}
OUTLOOK_TONES = {"likely": Tone.GOOD, "probable": Tone.GOOD, "at_risk": Tone.WARNING,
                 "unlikely": Tone.BAD}
# Most serious first: the order problems are listed in.
LAGGING_STATUSES = ("missed", "breached", "rebound", "moving_away", "well_behind", "behind")
RISKY_OUTLOOKS = ("unlikely", "at_risk")

TASK_STATUS_ZH = {"not_started": "未启动", "in_progress": "推进中", "done": "已完成",
                  "delayed": "滞后"}
TASK_TONES = {"not_started": Tone.NEUTRAL, "in_progress": Tone.GOOD, "done": Tone.GOOD,
              "delayed": Tone.BAD}
PROVENANCE_ZH = {Provenance.OFFICIAL: "官方数据", Provenance.ESTIMATE: "估计数",
                 Provenance.ILLUSTRATIVE: "示意数据"}
OBSERVATION_KIND_ZH = {"level": "总量/水平", "growth_pct": "增速（%）", "cumulative": "累计",
                       "count": "个数"}
CHINESE_NUMERALS = "一二三四五六七八九十"
ANNUAL_LEVELS = ("annual", "annual_area")
NOTICE_NAMES = 10  # indicators named on the first page; the appendix lists every figure
AREA_LEVELS = ("area", "annual_area")
COMPARATOR_SIGNS = {Comparator.GE: "≥", Comparator.GT: ">", Comparator.LE: "≤",
                    Comparator.LT: "<", Comparator.EQ: "", Comparator.APPROX: "约"}

INDICATOR_TABLE = "indicators"
ANNUAL_TABLE = "annual_targets"
STATUS_COUNT_TABLE = "status_counts"
OBSERVATION_TABLE = "observations"
ILLUSTRATIVE_TABLE = "illustrative"
METHOD_TABLE = "method"
UNJUDGED_TABLE = "unjudged"
TASK_TABLE = "tasks"
PROJECT_TABLE = "projects"


@dataclass(frozen=True)
class _Assessed:
    """A target with its assessment and the figures the report shows for it."""

    target: Target
    assessment: Any
    figures: TargetFigures

    @property
    def status(self) -> str:
        return str(self.assessment.status)

    @property
    def outlook(self) -> str:
        return str(self.assessment.outlook)

    @property
    def binding(self) -> bool:
        return self.target.attribute is Attribute.BINDING

    @property
    def lagging(self) -> bool:
        return (self.status in LAGGING_STATUSES or self.outlook in RISKY_OUTLOOKS
                or self.assessment.warning)

    @property
    def name(self) -> str:
        return indicator_label(self.target)


def build_report(report: ReportInput) -> Document:
    plan = report.plan
    # Only what was published by the as-of date, as the engine sees it.
    observations = [o for o in report.observations if o.period.end_date <= report.as_of]
    assessed = _assess_index(report, observations)
    year = report_year(report.kind, report.as_of)
    frames = _annual_frames(plan)
    main = [a for a in assessed if a.target.goal not in frames]
    annual = ([a for a in assessed if a.target.goal in frames and a.target.year == year]
              if report.kind is ReportKind.ANNUAL else [])
    illustrative = [o for o in observations if o.provenance is Provenance.ILLUSTRATIVE]

    sections = [
        _overall(report, main, annual),
        _indicator_section(report, main, annual),
        _areas(report, main + annual),
        _problems(report, main + annual),
    ]
    work = _tasks_and_projects(plan, report.kind, year, report.as_of)
    if work is not None:
        sections.append(work)
    sections.append(_narrative_section("下一步建议", report))
    sections.append(_appendix(report, observations, illustrative))
    numbered = tuple(_numbered(section, index) for index, section in enumerate(sections))
    return Document(title=report_title(plan, report.kind, year),
                    subtitle=_subtitle(plan), kind=report.kind, as_of=report.as_of,
                    notices=_notices(illustrative), sections=numbered,
                    primary_table=INDICATOR_TABLE)


def _subtitle(plan: Plan) -> str:
    return (f"{plan.jurisdiction.name}　规划期{plan.period_start}—{plan.period_end}年"
            f"　基期{plan.base_year}年")


def report_year(kind: ReportKind, as_of: date) -> int:
    """The year an annual report covers: the as-of year when it has ended, else the one before."""
    if kind is ReportKind.ANNUAL and (as_of.month, as_of.day) != (12, 31):
        return as_of.year - 1
    return as_of.year


def report_title(plan: Plan, kind: ReportKind, year: int) -> str:
    if kind is ReportKind.ANNUAL:
        return f"{plan.title}{year}年度实施情况评估报告"
    return f"{plan.title}实施{kind.title_zh}"


def indicator_label(target: Target) -> str:
    suffix = {Kind.GROWTH: "年均增速", Kind.RELATIVE: "增速", Kind.CUMULATIVE: "（累计）"}
    return target.indicator + suffix.get(target.kind, "")


def _assess_index(report: ReportInput, observations: list[Observation]) -> list[_Assessed]:
    by_id = {t.id: t for t in report.plan.targets}
    assessments = {}
    for assessment in report.assessments:
        if assessment.target_id not in by_id:
            raise ReportError(f"assessment for target {assessment.target_id!r}: "
                              f"no such target in plan {report.plan.name}")
        assessments[assessment.target_id] = assessment
    return [_Assessed(t, assessments[t.id],
                      TargetFigures(t, assessments[t.id], report.plan, observations))
            for t in report.plan.targets if t.id in assessments]


def _annual_frames(plan: Plan) -> set[str]:
    """The keys of goals that belong to an annual plan (年度重点工作), not to the five years."""
    keys: set[str] = set()

    def visit(goal: Goal, annual: bool) -> None:
        annual = annual or goal.level in ANNUAL_LEVELS
        if annual:
            keys.add(goal.key)
        for child in goal.children:
            visit(child, annual)

    for goal in plan.goals:
        visit(goal, False)
    return keys


def _numbered(section: Section, index: int) -> Section:
    if section.title == "附录":
        return section
    subsections = tuple(
        Section(f"（{CHINESE_NUMERALS[i]}）{sub.title}", sub.blocks, sub.subsections,
                sub.landscape) if i < len(CHINESE_NUMERALS) else sub
        for i, sub in enumerate(section.subsections))
    return Section(f"{CHINESE_NUMERALS[index]}、{section.title}", section.blocks, subsections,
                   section.landscape)


def _notices(illustrative: Sequence[Observation]) -> tuple[Paragraph, ...]:
    notices = [Paragraph("本报告为 planwatch 依据规划文本、监测数据和评估方法自动生成的初稿；"
                         "所用数据逐项列明来源和数据性质，评价按附录所列方法和参数计算。",
                         ParagraphRole.NOTE)]
    if illustrative:
        names = sorted({o.indicator for o in illustrative})
        indicators = "、".join(names[:NOTICE_NAMES])
        if len(names) > NOTICE_NAMES:
            indicators += f"等{len(names)}项指标"
        notices.insert(0, Paragraph(
            f"重要提示：本报告使用了{len(illustrative)}项示意数据（illustrative），系为演示生成，"
            f"并非官方统计数据，据此得出的评价不代表实际情况。涉及指标：{indicators}。"
            "示意数据清单见附录。", ParagraphRole.NOTICE))
    return tuple(notices)


# 一、总体评价 ---------------------------------------------------------------------------


def _overall(report: ReportInput, main: list[_Assessed], annual: list[_Assessed]) -> Section:
    blocks: list[Paragraph | Table] = [Paragraph(_time_frame(report))]
    blocks.append(Paragraph(_count_sentence("主要指标", main)))
    if annual:
        blocks.append(Paragraph(_count_sentence(
            f"{report_year(report.kind, report.as_of)}年度目标", annual)))
    binding_lagging = [a.name for a in main if a.binding and a.lagging]
    binding = [a for a in main if a.binding]
    if binding_lagging:
        blocks.append(Paragraph(
            f"约束性指标中，{'、'.join(binding_lagging)}进度滞后或完成存在风险，需作为重点加以推进。"))
    elif binding:
        blocks.append(Paragraph(f"{len(binding)}项约束性指标中，没有进度滞后或完成存在风险的指标。"))
    if report.unjudged:
        blocks.append(Paragraph(f"另有{len(report.unjudged)}项目标因数据或设定问题未能评估，"
                                "未计入上述统计，原因见附录。"))
    score = _plan_score(report.rollup)
    if score:
        blocks.append(Paragraph(score))
    blocks.append(_status_count_table(main + annual))
    text = report.narrative.get("总体评价", "").strip()
    if text:
        blocks.append(Paragraph(text))
    return Section("总体评价", tuple(blocks))


def _plan_score(rollup: Any) -> str:
    if not isinstance(rollup, dict) or rollup.get("plan", {}).get("score") is None:
        return ""
    plan = rollup["plan"]
    return (f"按综合评分方法计算，规划实施综合得分{plan['score']:g}分（满分100分；"
            f"计入全部{plan['targets']}项目标中可评价的{plan['judged']}项，计算方法见附录）。")


def _time_frame(report: ReportInput) -> str:
    plan, as_of = report.plan, report.as_of
    through = f"{as_of.year}年{as_of.month}月{as_of.day}日"
    if report.kind is ReportKind.ANNUAL:
        year = report_year(report.kind, as_of)
        return (f"本报告评估{plan.jurisdiction.name}{year}年规划实施情况，数据截至{through}，"
                f"包括{plan.period_start}—{plan.period_end}年规划主要指标的进展和{year}年度目标任务的完成情况。")
    if report.kind is ReportKind.FINAL:
        return (f"本报告总结评估{plan.title}（{plan.period_start}—{plan.period_end}年）的实施情况，"
                f"数据截至{through}；规划期已满的指标按是否实现目标评价。")
    return (f"本报告评估{plan.title}实施以来（{plan.period_start}年至{through}）的进展，"
            f"判断各项主要指标是否达到序时进度，并研判到{plan.period_end}年完成目标的趋势。")


def _count_sentence(subject: str, assessed: Sequence[_Assessed]) -> str:
    if not assessed:
        return f"纳入评估的{subject}共0项。"
    binding = sum(a.binding for a in assessed)
    statuses = Counter(a.assessment.status_zh for a in assessed)
    outlooks = Counter(a.assessment.outlook_zh for a in assessed)
    judged = [a for a in assessed if a.status in STATUS_TONES]
    on_schedule = sum(STATUS_TONES[a.status] is Tone.GOOD for a in judged)
    share = (f"在可作进度评价的{len(judged)}项中，达到或超过序时进度的{on_schedule}项，"
             f"占{on_schedule / len(judged):.0%}。" if judged else "")
    return (f"纳入评估的{subject}共{len(assessed)}项，其中约束性{binding}项、"
            f"预期性{len(assessed) - binding}项。从进度看，{_counts(statuses)}。{share}"
            f"从趋势看，{_counts(outlooks)}。")


def _counts(counter: Counter) -> str:
    return "，".join(f"{label}{count}项" for label, count in
                    sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _status_count_table(assessed: Sequence[_Assessed]) -> Table:
    """Targets per status and per outlook, good before bad, with the binding ones among them."""
    totals: Counter[tuple[str, int, str]] = Counter()
    binding: Counter[tuple[str, int, str]] = Counter()
    tones: dict[tuple[str, int, str], Tone] = {}
    for a in assessed:
        for dimension, tone, label in (
                ("进度评价", STATUS_TONES.get(a.status, Tone.NEUTRAL), a.assessment.status_zh),
                ("趋势判断", OUTLOOK_TONES.get(a.outlook, Tone.NEUTRAL),
                 a.assessment.outlook_zh)):
            key = (dimension, list(Tone).index(tone), label)
            totals[key] += 1
            binding[key] += a.binding
            tones[key] = tone
    columns = (Column("类别", width=10), Column("评价", width=22),
               Column("项数", ColumnFormat.NUMBER, 8), Column("其中约束性", ColumnFormat.NUMBER, 10))
    rows = tuple((Cell.of_text(key[0]), Cell.of_text(key[2], tones[key]),
                  Cell(totals[key], str(totals[key])), Cell(binding[key], str(binding[key])))
                 for key in sorted(totals, key=lambda k: (k[0] != "进度评价", k[1], k[2])))
    return Table(STATUS_COUNT_TABLE, "评价结果汇总", columns, rows)


# 二、主要指标完成情况表 ------------------------------------------------------------------


def _indicator_section(report: ReportInput, main: list[_Assessed],
                       annual: list[_Assessed]) -> Section:
    plan = report.plan
    blocks: list[Paragraph | Table] = [
        _indicator_table(INDICATOR_TABLE, "主要指标完成情况表", plan, main),
    ]
    if annual:
        year = report_year(report.kind, report.as_of)
        blocks.append(_indicator_table(ANNUAL_TABLE, f"{year}年度目标完成情况表", plan, annual))
    return Section("主要指标完成情况", tuple(blocks), landscape=True)


def _indicator_table(key: str, title: str, plan: Plan, assessed: Sequence[_Assessed]) -> Table:
    columns = (
        Column("序号", ColumnFormat.NUMBER, 6), Column("指标", width=26), Column("单位", width=8),
        Column("属性", width=8), Column(f"{plan.base_year}年基期值", ColumnFormat.NUMBER, 12),
        Column("目标值", ColumnFormat.NUMBER, 18), Column("目标年份", ColumnFormat.NUMBER, 9),
        Column("最新值", ColumnFormat.NUMBER, 12), Column("数据期", width=12),
        Column("完成进度", ColumnFormat.PERCENT, 10), Column("序时进度", ColumnFormat.PERCENT, 10),
        Column("评价", width=16), Column("趋势判断", width=22),
    )
    rows = tuple(_indicator_row(number, a, plan) for number, a in enumerate(assessed, 1))
    note = ("完成进度：按目标类型折算的已完成比例；序时进度：已过时间占规划期的比例。"
            "增速类、相对类目标在期末前最高评价为“符合预期”。")
    return Table(key, title, columns, rows, note)


def _indicator_row(number: int, assessed: _Assessed, plan: Plan) -> tuple[Cell, ...]:
    target, assessment, figures = assessed.target, assessed.assessment, assessed.figures
    base = number_cell(figures.base)
    start = figures.start
    if start is not None and start != plan.base_year and base.text:
        base = Cell(base.value, f"{base.text}（{start}年）", base.decimals)
    period = assessment.latest_period or "无数据"
    if figures.latest_is_illustrative:
        period += "（示意）"
    return (
        Cell(number, str(number)),
        Cell.of_text(assessed.name),
        Cell.of_text(_unit(target, assessment)),
        Cell.of_text(str(target.attribute)),
        base,
        _target_cell(target, figures),
        Cell(target.year, str(target.year)) if target.year else Cell.of_text(""),
        _latest_cell(target, figures.latest),
        Cell.of_text(period),
        percent_cell(assessment.progress),
        percent_cell(assessment.elapsed),
        Cell.of_text(assessment.status_zh, STATUS_TONES.get(assessed.status, Tone.NEUTRAL)),
        Cell.of_text(assessment.outlook_zh, OUTLOOK_TONES.get(assessed.outlook, Tone.NEUTRAL)),
    )


def _latest_cell(target: Target, latest: float | None) -> Cell:
    cell = number_cell(latest)
    if target.kind is Kind.RELATIVE and latest is not None and latest > 0:
        return Cell(cell.value, "+" + cell.text, cell.decimals)  # a gap: say which way
    return cell


def _unit(target: Target, assessment: Any) -> str:
    """The unit of the row's numbers: a 翻番 target is counted in its figures' unit."""
    if target.kind is Kind.MULTIPLE:
        return assessment.unit
    if target.kind is Kind.GROWTH:
        return "%"
    return target.unit


def _target_cell(target: Target, figures: TargetFigures) -> Cell:
    if target.kind is Kind.RELATIVE and target.benchmark is not None:
        benchmark = target.benchmark
        margin = (f"{format_number(benchmark.margin)[0]}个百分点以上" if benchmark.margin
                  else "")
        text = f"高于{benchmark.place or ''}{benchmark.indicator}增速{margin}"
        return Cell(benchmark.margin, text, format_number(benchmark.margin)[1])
    if target.kind is Kind.ZERO:
        return Cell(0, "清零")
    if target.kind is Kind.MULTIPLE and target.value is not None:
        goal = figures.goal
        multiple = format_number(target.value)[0]
        if goal is None:
            return Cell.of_text(f"基期的{multiple}倍")
        text, decimals = format_number(goal)
        return Cell(goal, f"≥{text}（基期的{multiple}倍）", decimals)
    if target.value is None:
        return Cell.of_text("定性目标")
    text, decimals = format_number(target.value)
    sign = COMPARATOR_SIGNS[target.comparator]
    prefix = "年均" if target.kind is Kind.GROWTH else ""
    return Cell(target.value, f"{prefix}{sign}{text}", decimals)


def format_number(value: float) -> tuple[str, int]:
    """A figure as reports print it: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    decimals = len(text.split(".")[1]) if "." in text else 0
    return text, decimals


def number_cell(value: float | None) -> Cell:
    if value is None or math.isnan(value):
        return Cell.of_text("")
    text, decimals = format_number(value)
    return Cell(value, text, decimals)


def percent_cell(fraction: float | None) -> Cell:
    if fraction is None or math.isnan(fraction):
        return Cell.of_text("")
    return Cell(fraction, f"{fraction * 100:.1f}%", 1)


# 三、分领域进展 ---------------------------------------------------------------------------


def _areas(report: ReportInput, assessed: list[_Assessed]) -> Section:
    area_of = _area_index(report.plan)
    grouped: dict[str, list[_Assessed]] = {}
    for a in assessed:
        key = a.target.goal or ""
        grouped.setdefault(area_of.get(key, key), []).append(a)
    goals = {goal.key: goal for goal in report.plan.walk_goals()}
    subsections = [_area(report, goal, grouped[key]) for key, goal in goals.items()
                   if key in grouped]
    if "" in grouped:
        subsections.append(_area(report, Goal("", "其他指标", "other"), grouped[""]))
    return Section("分领域进展", (), tuple(subsections))


def _area_index(plan: Plan) -> dict[str, str]:
    """Goal key → the key of the goal area (or annual key-work area) it sits under."""
    index: dict[str, str] = {}

    def visit(goal: Goal, area: str | None) -> None:
        if goal.level in AREA_LEVELS:
            area = goal.key
        if area is not None:
            index[goal.key] = area
        for child in goal.children:
            visit(child, area)

    for goal in plan.goals:
        visit(goal, None)
    return index


def _area(report: ReportInput, goal: Goal, assessed: list[_Assessed]) -> Section:
    blocks: list[Paragraph | Chart] = []
    # A vision or horizon goal holds the whole tree beneath it: its roll-up is not its own.
    summary = _goal_summary(report.rollup, goal.key) if goal.level in AREA_LEVELS else ""
    if summary:
        blocks.append(Paragraph(summary))
    for a in assessed:
        blocks.append(Paragraph(f"{a.name}：{a.assessment.status_zh}，{a.assessment.outlook_zh}。"
                                + a.assessment.explanation.strip()))
        spec = a.figures.chart(a.name)
        if spec is not None:
            caption = f"图：{a.name}（{spec.unit}）"
            if any(p.illustrative for p in spec.observed + spec.benchmark):
                caption += "。空心橙色圆圈为示意数据，非官方统计"
            blocks.append(Chart(f"chart-{a.target.id}", spec, caption))
    return Section(goal.title, tuple(blocks))


def _goal_summary(rollup: Any, key: str) -> str:
    """The engine's roll-up of one goal in a sentence, when the roll-up has it."""
    if not isinstance(rollup, dict):
        return ""
    group = next((g for g in rollup.get("goals", ()) if g.get("key") == key), None)
    if group is None:
        return ""
    score = group.get("score")
    scored = f"，综合得分{score:g}分" if score is not None else ""
    return (f"本领域纳入评估的指标{group['targets']}项，可评价{group['judged']}项{scored}，"
            f"预警{group['warnings']}项。")


# 四、存在的问题 ---------------------------------------------------------------------------


def _problems(report: ReportInput, assessed: list[_Assessed]) -> Section:
    lagging = sorted((a for a in assessed if a.lagging), key=_severity)
    blocks: list[Paragraph] = []
    if not lagging:
        blocks.append(Paragraph("各项指标均达到进度要求，暂未发现进度滞后或完成存在风险的指标。"))
    for a in lagging:
        attribute = ("约束性" if a.binding else "预期性") + ("·预警" if a.assessment.warning else "")
        blocks.append(Paragraph(
            f"【{attribute}】{a.name}：{a.assessment.status_zh}，{a.assessment.outlook_zh}。"
            + a.assessment.explanation.strip()))
        written = report.explanations.get(a.target.id, "").strip()
        department = a.target.department or "责任部门"
        blocks.append(Paragraph(f"{department}说明：{written}" if written
                                else f"{department}尚未提交书面说明。",
                                ParagraphRole.BODY if written else ParagraphRole.PLACEHOLDER))
    text = report.narrative.get("存在的问题", "").strip()
    if text:
        blocks.append(Paragraph(text))
    return Section("存在的问题", tuple(blocks))


def _severity(assessed: _Assessed) -> tuple[int, int, int]:
    status_rank = (LAGGING_STATUSES.index(assessed.status)
                   if assessed.status in LAGGING_STATUSES else len(LAGGING_STATUSES))
    outlook_rank = (RISKY_OUTLOOKS.index(assessed.outlook)
                    if assessed.outlook in RISKY_OUTLOOKS else len(RISKY_OUTLOOKS))
    return (0 if assessed.binding else 1, status_rank, outlook_rank)


# 五、重点任务与项目 -----------------------------------------------------------------------


def _tasks_and_projects(plan: Plan, kind: ReportKind, year: int, as_of: date) -> Section | None:
    tasks = [t for t in plan.tasks if kind is not ReportKind.ANNUAL or t.year == year]
    blocks: list[Table] = []
    if tasks:
        columns = (Column("年度", ColumnFormat.NUMBER, 8), Column("重点任务", width=40),
                   Column("牵头部门", width=16), Column("完成时限", width=12),
                   Column("状态", width=10))
        blocks.append(Table(TASK_TABLE, "重点任务推进情况", columns, tuple(
            (Cell(t.year, str(t.year)), Cell.of_text(t.title), Cell.of_text(t.lead_department),
             Cell.of_text(t.deadline.isoformat() if t.deadline else ""),
             Cell.of_text(TASK_STATUS_ZH[str(t.status)], TASK_TONES[str(t.status)]))
            for t in tasks)))
    if plan.projects:
        columns = (Column("项目", width=30), Column("总投资（亿元）", ColumnFormat.NUMBER, 12),
                   Column("已完成投资（亿元）", ColumnFormat.NUMBER, 14),
                   Column("所处阶段", width=10), Column("责任部门", width=16),
                   Column("数据性质", width=10))
        rows = []
        for project in plan.projects:
            stage = project.stage_on(as_of)
            rows.append((Cell.of_text(project.name), number_cell(project.investment),
                         number_cell(project.completed_investment),
                         Cell.of_text(str(stage) if stage else "未启动"),
                         Cell.of_text(project.department),
                         Cell.of_text(PROVENANCE_ZH[project.provenance])))
        blocks.append(Table(PROJECT_TABLE, "重点项目推进情况", columns, tuple(rows)))
    if not blocks:
        return None
    return Section("重点任务与项目", tuple(blocks), landscape=True)



# 六、下一步建议 ---------------------------------------------------------------------------


def _narrative_section(title: str, report: ReportInput) -> Section:
    text = report.narrative.get(title, "").strip()
    if not text:
        return Section(title, (Paragraph(PLACEHOLDER, ParagraphRole.PLACEHOLDER),))
    return Section(title, tuple(Paragraph(line.strip()) for line in text.splitlines()
                                if line.strip()))


# 附录 ---------------------------------------------------------------------------------------

METHOD_TEXT = (
    "序时进度 τ =（评估时点 − 基期）÷（目标年份 − 基期），数据期按期末计：全年数据计于当年末，"
    "上半年数据计为半年。",
    "完成进度 π：水平类目标按目标路径折算，线性路径 π =（最新值 − 基期值）÷（目标值 − 基期值），"
    "几何路径（总量、金额类）π = ln(最新值 ÷ 基期值) ÷ ln(目标值 ÷ 基期值)；年均增速目标以各年增速"
    "累乘的指数计；累计目标 π = 累计完成 ÷ 目标值。",
    "进度比 ρ = π ÷ τ，按下表阈值给出进度评价；规划期过早（τ 较小）时改用与目标路径的差距判断。",
    "趋势判断：以带漂移的随机游走模型外推到目标年份，给出预测值、80%预测区间和完成概率 P，"
    "按下表阈值分为预计能够完成、有望完成、完成难度较大、预计难以完成；数据不足两期时暂无法研判。",
)


def _appendix(report: ReportInput, observations: Sequence[Observation],
              illustrative: Sequence[Observation]) -> Section:
    method_blocks: list[Paragraph | Table] = [Paragraph(text) for text in METHOD_TEXT]
    if isinstance(report.rollup, dict) and report.rollup.get("formula"):
        method_blocks.append(Paragraph(f"综合得分：{report.rollup['formula']}"))
    if report.config is not None:
        method_blocks.append(_method_table(report.config))
    method = Section("评估方法", tuple(method_blocks))
    sources = Section("数据来源", (
        Paragraph(f"本报告使用截至评估日已发布的监测数据{len(observations)}项，逐项列明来源和数据性质："
                  "官方数据为统计部门或政府公开发布的数字，估计数为工作报告预计数或二手来源，"
                  "示意数据为演示生成的数字。"),
        _observation_table(OBSERVATION_TABLE, "监测数据及来源", observations)),
        landscape=True)
    subsections = [method, sources]
    if report.unjudged:
        subsections.append(Section("未能评估的目标", (_unjudged_table(report),)))
    if illustrative:
        subsections.append(Section("示意数据清单", (
            Paragraph(f"以下{len(illustrative)}项数据为示意数据，并非官方统计，仅用于演示评估方法。",
                      ParagraphRole.NOTICE),
            _observation_table(ILLUSTRATIVE_TABLE, "示意数据清单", illustrative)),
            landscape=True))
    titled = tuple(Section(f"附录{CHINESE_NUMERALS[i]}  {s.title}", s.blocks, s.subsections,
                           s.landscape) for i, s in enumerate(subsections))
    return Section("附录", (), titled)


# What the engine's settings mean, for readers of the appendix; a setting not listed here is
# still shown, under its own name.
SETTING_MEANINGS = {
    "ahead": "进度比 ρ 不低于此值：快于预期",
    "on_track": "进度比 ρ 不低于此值：符合预期",
    "behind": "进度比 ρ 不低于此值：滞后（需加快）；更低为明显滞后",
    "well_behind": "进度比 ρ 低于此值：逆向变化",
    "min_elapsed": "序时进度低于此值时改用与目标路径的差距判断",
    "likely": "完成概率不低于此值：预计能够完成",
    "probable": "完成概率不低于此值：有望完成，存在不确定性",
    "at_risk": "完成概率不低于此值：完成难度较大；更低为预计难以完成",
    "interval": "预测区间的覆盖概率",
    "recency": "近期权重 λ：早一年的变化按此比例降低权重",
    "prior_weight": "先验波动率的权重 ν0",
    "prior_sd_log": "先验年度对数变化标准差（总量类）",
    "prior_sd_points": "先验年度变化标准差（百分比类，百分点）",
    "prior_sd_relative": "先验年度变化标准差（其他加性指标，占量级比例）",
    "prior_sd_gap_points": "先验年度差距标准差（相对类目标，百分点）",
    "min_points": "研判趋势所需的基期后年度数据最少期数",
    "approx_growth_tolerance": "“左右”类增速目标的容差（百分点）",
    "relative_behind_points": "相对类目标差距在此百分点以内为滞后，超过为明显滞后",
    "direction_significant": "方向类目标年均变化达到此值为符合预期",
    "zero_smoothing": "清零类目标计算衰减比时加入的平滑数",
    "status_weight": "汇总得分中进度评价的权重（其余为完成概率）",
    "binding_weight": "汇总得分中约束性指标相对预期性指标的权重",
}


def _unjudged_table(report: ReportInput) -> Table:
    columns = (Column("目标编号", width=30), Column("指标", width=24), Column("原因", width=60))
    targets = {target.id: target for target in report.plan.targets}
    rows = tuple((Cell.of_text(target_id), Cell.of_text(indicator_label(targets[target_id])),
                  Cell.of_text(reason)) for target_id, reason in sorted(report.unjudged.items()))
    return Table(UNJUDGED_TABLE, "未能评估的目标", columns, rows)


def _method_table(config: Any) -> Table:
    columns = (Column("参数", width=26), Column("取值", ColumnFormat.NUMBER, 10),
               Column("含义", width=50))
    rows = tuple((Cell.of_text(name), _value_cell(value),
                  Cell.of_text(SETTING_MEANINGS.get(name.rsplit(".", 1)[-1], "")))
                 for name, value in _settings(config))
    return Table(METHOD_TABLE, "评估参数与阈值", columns, rows)


def _settings(config: Any, prefix: str = "") -> Iterable[tuple[str, Any]]:
    """The engine's configuration flattened to (dotted name, value)."""
    items = ([(f.name, getattr(config, f.name)) for f in fields(config)] if is_dataclass(config)
             else sorted(config.items()) if isinstance(config, dict) else [])
    for name, value in items:
        if is_dataclass(value) or isinstance(value, dict):
            yield from _settings(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def _value_cell(value: Any) -> Cell:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return Cell.of_text(str(value))
    return number_cell(value)


def _observation_table(key: str, title: str, observations: Sequence[Observation]) -> Table:
    columns = (Column("地区", width=10), Column("指标", width=24), Column("期间", width=9),
               Column("数值", ColumnFormat.NUMBER, 12), Column("单位", width=8),
               Column("类型", width=12), Column("数据性质", width=10), Column("来源", width=50))
    ordered = sorted(observations, key=lambda o: (o.place, o.indicator, o.kind, o.period))
    rows = tuple((
        Cell.of_text(o.place), Cell.of_text(o.indicator), Cell.of_text(o.period.label),
        number_cell(o.value), Cell.of_text(o.unit),
        Cell.of_text(OBSERVATION_KIND_ZH.get(str(o.kind), str(o.kind))),
        Cell.of_text(PROVENANCE_ZH[o.provenance],
                     Tone.WARNING if o.provenance is Provenance.ILLUSTRATIVE else None),
        Cell.of_text(o.source)) for o in ordered)
    return Table(key, title, columns, rows)
