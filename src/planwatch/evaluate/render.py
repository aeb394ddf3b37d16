"""The three output formats of `planwatch evaluate`.

json: {"as_of": "YYYY-MM-DD", "assessments": [one object per target], "rollup": {...}};
table: an aligned Chinese table for the terminal, then the roll-up and the explanations;
csv: one row per target.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import date

from .assessment import Assessment

CSV_COLUMNS = ("id", "indicator", "status", "status_zh", "outlook", "outlook_zh",
               "probability", "progress", "elapsed", "ratio", "gap", "projected",
               "interval_low", "interval_high", "required_rate", "observed_rate", "warning",
               "explanation", "rule")


def render(output_format: str, as_of: date, assessments: list[Assessment], summary: dict,
           indicators: dict[str, str]) -> str:
    if output_format == "json":
        return as_json(as_of, assessments, summary, indicators)
    if output_format == "csv":
        return as_csv(assessments, indicators)
    return as_table(as_of, assessments, summary, indicators)


def as_json(as_of: date, assessments: list[Assessment], summary: dict,
            indicators: dict[str, str]) -> str:
    items = [{"indicator": indicators.get(a.target_id, ""), **a.to_dict()} for a in assessments]
    document = {"as_of": as_of.isoformat(), "assessments": items, "rollup": summary}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_csv(assessments: list[Assessment], indicators: dict[str, str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for a in assessments:
        low, high = a.interval or (None, None)
        row = {**a.to_dict(), "indicator": indicators.get(a.target_id, ""),
               "interval_low": low, "interval_high": high}
        writer.writerow(["" if row[column] is None else row[column] for column in CSV_COLUMNS])
    return buffer.getvalue()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def as_table(as_of: date, assessments: list[Assessment], summary: dict,
             indicators: dict[str, str]) -> str:
    header = ("目标", "指标", "进度判断", "序时进度", "完成度", "进度比", "趋势判断", "达标概率",
              "预警")
    rows = [(a.target_id, indicators.get(a.target_id, ""), a.status_zh, _share(a.elapsed),
             _share(a.progress), _ratio(a.ratio), a.outlook_zh, _share(a.probability),
             "预警" if a.warning else "") for a in assessments]
    widths = [max(_width(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [f"评估基准日 {as_of.isoformat()}", ""]
    for row in [header, *rows]:
        lines.append("  ".join(_pad(str(cell), widths[i]) for i, cell in enumerate(row)).rstrip())
        if row is header:
            lines.append("  ".join("-" * width for width in widths))
    plan = summary["plan"]
    lines += ["", f"汇总：{plan['targets']} 个目标，{plan['judged']} 个可评估，"
              f"{plan['warnings']} 个预警，综合得分 "
              f"{'—' if plan['score'] is None else plan['score']}"]
    for group in summary["goals"]:
        score = "—" if group["score"] is None else group["score"]
        lines.append(f"  {group['title']}：{group['targets']} 个目标，得分 {score}")
    lines += [f"计分方法：{summary['formula']}", "", "说明："]
    lines += [f"{a.target_id} {indicators.get(a.target_id, '')}：{a.explanation}"
              for a in assessments]
    return "\n".join(lines) + "\n"
