"""The public open-data download: a zip of the published targets, observations and
assessments as CSV and JSON, with a data dictionary.

The files use the project's exchange formats, so they read straight back into planwatch:
targets.json is target JSON (`planwatch evaluate` reads it), observations.csv is the
observations CSV, assessments.json/csv are what `planwatch evaluate --format json/csv` write.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

from planwatch import domain
from planwatch.domain.observation_csv import write_observations
from planwatch.evaluate.render import as_csv, as_json
from planwatch.web.data.rows import neutralise

TARGET_COLUMNS = ("id", "indicator", "kind", "comparator", "value", "unit", "year",
                  "period_start", "place", "base_year", "base_value", "tolerance", "attribute",
                  "scope", "benchmark_indicator", "benchmark_place", "benchmark_margin", "goal",
                  "department", "text")

DICTIONARY = """# 数据字典 / Data dictionary

{title}（{place}），评估截至 {as_of}。All files are UTF-8.

## targets.json / targets.csv — 规划目标 / the plan's targets
target JSON (the format `planwatch evaluate` reads); one row per target.

| 字段 field | 含义 meaning |
|---|---|
| id | 目标标识 / target key |
| indicator | 指标名称(规划原文用语)/ indicator, in the plan's words |
| kind | 目标类型 level 总量、growth 增速、cumulative 累计、count 数量、multiple 倍增、relative 相对基准、zero 清零、share 比率、bound_each_year 逐年控制、milestone 里程碑、direction_only 方向性 |
| comparator | 比较方式 >= <= = > < ~(左右) |
| value, unit | 目标值及单位 / target value and unit |
| year | 目标年份 / deadline year |
| period_start, base_year, base_value | 起始年份、基期年、基期值 |
| place | 地区(空:规划所属行政区)/ place (empty: the plan's jurisdiction) |
| tolerance | 容差 / tolerance, in the target's unit |
| attribute | 约束性 / 预期性 (binding / expected) |
| scope | end_year 期末年份、each_year 每一年、period_average 期间平均 |
| benchmark_indicator, benchmark_place, benchmark_margin | 相对目标的对标指标、地区和领先幅度(个百分点)|
| goal | 所属目标领域标识 / goal key |
| department | 责任部门 / responsible department |
| text | 规划原文 / the plan's sentence |

## observations.csv / observations.json — 监测数据 / observations
Only figures for periods ending on or before the as-of date, the current revision of each.

| 字段 field | 含义 meaning |
|---|---|
| place, indicator | 地区、指标 |
| period | 期间:2023 年度、2023H1 上半年、2023Q2 季度、2023-06 月度 |
| value, unit | 数值及单位 |
| kind | level 数值、growth_pct 同比增速(%)、cumulative 累计值、count 完成数 |
| source | 来源 / source (a URL where published) |
| provenance | official 官方数据、estimate 估计数、illustrative 示例数据(生成的演示数据,不是真实统计数)|

## assessments.json / assessments.csv — 评估结果 / assessments
As written by `planwatch evaluate --format json|csv`; method in docs/evaluation.md.

| 字段 field | 含义 meaning |
|---|---|
| id, indicator | 目标标识、指标 |
| status, status_zh | 进度判断代码及中文(achieved_early 提前实现 … insufficient_data 数据不足)|
| outlook, outlook_zh | 趋势判断代码及中文(likely 预计能够完成 … no_outlook 暂无法研判)|
| probability | 达标概率 0–1 / probability of meeting the target |
| progress, elapsed, ratio | 完成进度 π、序时进度 τ、进度比 ρ = π/τ |
| gap | 与目标路径的差距 Δ(目标单位)|
| projected, interval_low, interval_high | 期末预测值及 80% 区间(增速目标:年均增速 %)|
| required_rate, observed_rate | 完成目标所需年均变化、实际年均变化 |
| warning | 预警(约束性目标滞后或前景不佳)|
| explanation | 中文说明 / the explanation in Chinese |
| rollup (json) | 按目标领域和全规划的汇总与得分公式 / roll-up with its formula |
"""


def target_record(target: domain.Target) -> dict:
    benchmark = target.benchmark
    return {
        "id": target.id, "indicator": target.indicator, "kind": target.kind.value,
        "comparator": target.comparator.value, "value": target.value, "unit": target.unit,
        "year": target.year, "period_start": target.period_start, "place": target.place,
        "base_year": target.base_year, "base_value": target.base_value,
        "tolerance": target.tolerance, "attribute": target.attribute.value,
        "scope": target.scope.value,
        "benchmark": None if benchmark is None else {
            "indicator": benchmark.indicator, "place": benchmark.place,
            "margin": benchmark.margin},
        "goal": target.goal, "department": target.department, "text": target.text,
    }


def _targets_csv(records: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TARGET_COLUMNS)
    for record in records:
        benchmark = record["benchmark"] or {}
        flat = {**record, "benchmark_indicator": benchmark.get("indicator"),
                "benchmark_place": benchmark.get("place"),
                "benchmark_margin": benchmark.get("margin")}
        writer.writerow(["" if flat[column] is None else flat[column]
                         for column in TARGET_COLUMNS])
    return buffer.getvalue()


def _spreadsheet_safe(csv_text: str) -> str:
    """The CSV with every text cell a spreadsheet would run as a formula (= + - @ …, e.g. a
    reporter's note or source) made inert by a leading apostrophe, as the figures export does;
    numbers such as -3.2 stay numbers. The public opens these files in Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in csv.reader(io.StringIO(csv_text)):
        writer.writerow([cell if _is_number(cell) else neutralise(cell) for cell in row])
    return buffer.getvalue()


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def published_observations(observations: list[domain.Observation], as_of: date
                           ) -> list[domain.Observation]:
    return [o for o in observations if o.period.end_date <= as_of]


def open_data_zip(*, title: str, place: str, as_of: date, targets: list[domain.Target],
                  observations: list[domain.Observation], assessments: list, rollup: dict
                  ) -> bytes:
    """The zip's bytes: the files above for the published plan as of `as_of`."""
    records = [target_record(target) for target in targets]
    indicators = {target.id: target.indicator for target in targets}
    observations = published_observations(observations, as_of)
    observations_csv = io.StringIO()
    write_observations(observations, observations_csv)
    files = {
        "README.md": DICTIONARY.format(title=title, place=place, as_of=as_of.isoformat()),
        "targets.json": json.dumps(records, ensure_ascii=False, indent=2) + "\n",
        "targets.csv": _spreadsheet_safe(_targets_csv(records)),
        "observations.csv": _spreadsheet_safe(observations_csv.getvalue()),
        "observations.json": json.dumps(
            [{"place": o.place, "indicator": o.indicator, "period": o.period.label,
              "value": o.value, "unit": o.unit, "kind": o.kind.value, "source": o.source,
              "provenance": o.provenance.value} for o in observations],
            ensure_ascii=False, indent=2) + "\n",
        "assessments.json": as_json(as_of, assessments, rollup, indicators),
        "assessments.csv": _spreadsheet_safe(as_csv(assessments, indicators)),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            # A fixed timestamp: the same data give the same zip, byte for byte.
            info = zipfile.ZipInfo(name, date_time=(as_of.year, as_of.month, as_of.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
