#!/usr/bin/env python3
"""Make the observation files of the Lüyuan demo (src/planwatch/samples/luyuan/).

What it writes, from public_figures.csv (53 figures read on public web pages, with URLs):

1. observations.csv — the published figures as observations (the observations CSV of
   docs: place,indicator,period,value,unit,kind,source,provenance,note):
   - indicator names become the plan's: `固定资产投资` → `全社会固定资产投资`; a qualifier in
     brackets moves to `note`, together with the quote that states the figure;
   - `(预计数)` (a work-report estimate) → provenance `estimate`; `(最终核实)` (the revised
     final figure) is kept as its own row after the estimate, so the data layer stores it as
     the later revision and the final wins; likewise a primary source comes after a
     secondary one for the same figure;
   - provenance is `official` only for primary sources (gov.cn sites, Xinhua, 吉林日报,
     长春日报); aggregators and garbled mirrors are `estimate` until checked against the
     statistics bureau's bulletins — this includes the mirror that carries a (最终核实) figure;
   - `(上半年)` → period YYYYH1 (its kind stays: a level of the half year is the amount of
     January–June);
   - `count_in_year` → kind `count`, or `level` when the unit is money (an event's total
     investment is an amount, not a number of things); a dated single event → that month;
2. annual_targets.csv — the rows marked `(年度预期目标)` or `(年度计划)`: they are targets
   set for a year, not outturns, so they never enter observations.csv;
3. illustrative_observations.csv — generated series, provenance `illustrative`, for every
   quantitative target of the Lüyuan plan for 绿园区 that no published figure measures
   (almost all of them: see public_figures.md, "What is missing"). Base year 2020, the full
   years 2021–2024 and 2025H1 where a half-year figure is usual; 2021 annual targets get a
   2021 value. The series are designed so the demo shows every status — ahead, on track,
   behind, well behind, moving away, achieved, achieved early, missed, a breached ceiling, a
   zero that rebounds —
   with a little noise from numpy's default_rng(2021), so the file is the same on every run.
   A generated row never shares (place, indicator, period, kind) with a published one: if a
   real figure appears, rerunning the script drops the illustrative row it replaces.

Usage: .venv/bin/python scripts/generate_illustrative_data.py [--out DIR]
A bad input row stops the script with one line naming file, row and reason (exit 2), before
anything is written.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from planwatch.domain import parse_period
from planwatch.samples import luyuan

PUBLIC_FIGURES_HEADER = ("place", "indicator", "year", "value", "unit", "kind", "source_url",
                         "quote")
OBSERVATION_HEADER = ("place", "indicator", "period", "value", "unit", "kind", "source",
                      "provenance", "note")
ANNUAL_TARGET_HEADER = ("place", "indicator", "year", "value", "unit", "kind", "comparator",
                        "source", "quote")
ILLUSTRATIVE_SOURCE = "示例数据（scripts/generate_illustrative_data.py 生成）"
DISTRICT = "绿园区"
SEED = 2021

PRIMARY_HOSTS = ("gov.cn", "xinhuanet.com", "news.cn", "dajilin.com", "ccrbs.cn")
PLAN_NAMES = {"固定资产投资": "全社会固定资产投资"}
MONEY_UNITS = ("元", "万元", "亿元")


class InputError(ValueError):
    """A public-figures row this script does not know how to read."""


@dataclass(frozen=True)
class Qualifier:
    """What a bracketed qualifier in public_figures.csv means for the row."""

    note: str = ""
    estimate: bool = False  # a preliminary figure: provenance estimate
    first_half: bool = False  # a January–June figure
    annual_target: bool = False  # a target for the year, not an outturn
    month: str = ""  # a dated single event: the month it happened
    suffix: str = ""  # completes the indicator name: what of the event was counted


QUALIFIERS = {
    "": Qualifier(),
    "预计数": Qualifier(note="预计数", estimate=True),
    "最终核实": Qualifier(note="最终核实"),
    "上半年": Qualifier(note="上半年", first_half=True),
    "年度预期目标": Qualifier(annual_target=True),
    "年度计划": Qualifier(annual_target=True),
    "第三产业增加值": Qualifier(note="即第三产业增加值"),
    "七普,2020-11-01": Qualifier(note="第七次全国人口普查,2020-11-01"),
    "2023-02-17单次活动,项目数": Qualifier(note="2023-02-17单次集中签约活动", month="2023-02",
                                      suffix="项目数"),
    "2023-02-17单次活动,总投资": Qualifier(note="2023-02-17单次集中签约活动", month="2023-02",
                                      suffix="总投资"),
}
_NAMED = re.compile(r"^(?P<name>[^()]+)(?:\((?P<qualifier>[^()]*)\))?$")


def _qualified(file: str, row: int, indicator: str) -> tuple[str, Qualifier]:
    match = _NAMED.match(indicator)
    qualifier = QUALIFIERS.get(match["qualifier"] or "") if match else None
    if qualifier is None:
        raise InputError(f"{file}: row {row}: indicator: unknown qualifier in {indicator!r}")
    name = PLAN_NAMES.get(match["name"], match["name"]) + qualifier.suffix
    return name, qualifier


def _is_primary(url: str) -> bool:
    host = urlparse(url).hostname or ""
    return any(host == primary or host.endswith("." + primary) for primary in PRIMARY_HOSTS)


def _comparator(quote: str) -> str:
    if "以上" in quote:
        return ">="
    if "左右" in quote or "约" in quote:
        return "~"
    return "="


def read_public_figures(path: Path) -> tuple[list[dict], list[dict]]:
    """Observation rows and annual-target rows from public_figures.csv."""
    observations, targets = [], []
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        missing = [c for c in PUBLIC_FIGURES_HEADER if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path.name}: row 1: missing column(s) {', '.join(missing)}")
        for row_number, row in enumerate(reader, start=2):
            name, qualifier = _qualified(path.name, row_number, row["indicator"])
            kind = row["kind"]
            if kind not in ("level", "growth_pct", "count_in_year", "cumulative"):
                raise InputError(f"{path.name}: row {row_number}: kind: unknown kind {kind!r}")
            if qualifier.annual_target:
                targets.append({
                    "place": row["place"], "indicator": name, "year": row["year"],
                    "value": row["value"], "unit": row["unit"],
                    "kind": "growth" if kind == "growth_pct" else "count",
                    "comparator": _comparator(row["quote"]), "source": row["source_url"],
                    "quote": row["quote"]})
                continue
            period = qualifier.month or (f"{row['year']}H1" if qualifier.first_half
                                         else row["year"])
            if kind == "count_in_year":
                kind = "level" if row["unit"] in MONEY_UNITS else "count"
            official = _is_primary(row["source_url"]) and not qualifier.estimate
            note = "；".join(part for part in (qualifier.note, f"原文：{row['quote']}") if part)
            observations.append({
                "place": row["place"], "indicator": name, "period": period,
                "value": row["value"], "unit": row["unit"], "kind": kind,
                "source": row["source_url"], "provenance": "official" if official else "estimate",
                "note": note, "_revision": 0 if qualifier.estimate else 1})
    return _in_revision_order(observations), targets


def _in_revision_order(rows: list[dict]) -> list[dict]:
    """Grouped by what they measure; within a group the figure to trust comes last, because
    the data layer stores later rows as revisions: a work-report estimate before the final
    figure, a secondary source before a primary one stating the same."""
    places = list(dict.fromkeys(row["place"] for row in rows))
    indicators = list(dict.fromkeys(row["indicator"] for row in rows))
    ordered = sorted(rows, key=lambda row: (
        places.index(row["place"]), indicators.index(row["indicator"]),
        parse_period(row["period"]), row["kind"], row["_revision"],
        row["provenance"] == "official"))
    return [{key: value for key, value in row.items() if key != "_revision"} for row in ordered]


@dataclass(frozen=True)
class Series:
    """A designed illustrative series: the story it tells and the values that tell it."""

    indicator: str
    unit: str
    kind: str
    values: dict[str, float]
    story: str  # which target it feeds and the status the demo should show
    noise: float = 0.0  # relative standard deviation of the jitter; 0 keeps counts exact
    decimals: int = 1


# Designed around the plan's targets (plan.yaml); the stories say what each should show.
SERIES = (
    Series("地区生产总值", "亿元", "level",
           {"2020": 281.0, "2021": 305.0, "2022": 300.0, "2023": 327.0, "2024": 351.0,
            "2025H1": 172.0},
           "2030年500亿元：按几何路径略滞后", noise=0.004),
    Series("地区生产总值", "%", "growth_pct",
           {"2020": 1.2, "2021": 6.9, "2022": -3.1, "2023": 7.1, "2024": 5.6, "2025H1": 6.0},
           "年均增速高于长春市（真实数据）：每年都高，超前", noise=0.01),
    Series("服务业增加值", "%", "growth_pct",
           {"2020": 2.0, "2021": 7.6, "2022": -1.1, "2023": 8.1, "2024": 6.1, "2025H1": 6.5},
           "应比地区生产总值增速高2个百分点以上：平均只高约1个百分点，滞后", noise=0.01),
    Series("区本级留用收入", "亿元", "level",
           {"2020": 9.1, "2021": 9.9, "2022": 9.3, "2023": 10.2, "2024": 10.8},
           "2030年20亿元：滞后", noise=0.004, decimals=2),
    Series("区本级留用收入", "%", "growth_pct",
           {"2021": 8.8, "2022": -6.1, "2023": 9.7, "2024": 5.9},
           "与地区生产总值同步（±0.5个百分点）：波动大于容差，偏离", noise=0.01),
    Series("规上工业企业户数", "户", "level",
           {"2020": 62, "2021": 70, "2022": 74, "2023": 88, "2024": 99, "2025H1": 106},
           "翻番（124户）：略慢于几何路径", decimals=0),
    Series("规上工业总产值", "亿元", "level",
           {"2020": 522.0, "2021": 586.0, "2022": 541.0, "2023": 612.0, "2024": 664.0,
            "2025H1": 351.0},
           "2025年800亿元、2030年1000亿元：滞后", noise=0.004),
    Series("战略性新兴产业产值", "亿元", "level",
           {"2020": 301.0, "2021": 362.0, "2022": 391.0, "2023": 458.0, "2024": 531.0},
           "2025年550亿元：超前", noise=0.004),
    Series("全社会固定资产投资", "亿元", "level",
           {"2020": 101.0, "2021": 118.0, "2022": 96.0, "2023": 84.0, "2024": 90.0,
            "2025H1": 38.0},
           "五年累计600亿元：年均需120亿元，投资下滑，严重滞后", noise=0.004),
    Series("九年一贯制学校", "所", "count", {"2021": 1, "2022": 2, "2023": 1, "2024": 2},
           "新增8所：四年6所，基本符合进度", decimals=0),
    Series("公办幼儿园改扩建", "所", "count", {"2021": 2, "2022": 1, "2023": 2, "2024": 0},
           "改扩建5所：2023年提前完成", decimals=0),
    Series("学校改造", "所", "count", {"2021": 5, "2022": 4, "2023": 3, "2024": 2},
           "完成23所：四年14所，滞后", decimals=0),
    Series("用房薄弱社区改造", "个", "count", {"2021": 3, "2022": 3, "2023": 2, "2024": 2},
           "改造10个：2024年完成", decimals=0),
    Series("城镇新增就业", "万人", "count",
           {"2021": 0.92, "2022": 0.71, "2023": 0.85, "2024": 0.88, "2025H1": 0.47},
           "五年4万人：略超进度", decimals=2),
    Series("零就业家庭", "户", "level",
           {"2020": 12, "2021": 0, "2022": 0, "2023": 0, "2024": 0, "2025H1": 2},
           "动态清零：2021年清零并保持，2025年上半年出现反弹", decimals=0),
    Series("登记失业率", "%", "level",
           {"2020": 3.6, "2021": 3.5, "2022": 4.2, "2023": 3.8, "2024": 3.6, "2025H1": 3.5},
           "控制在4%以内：2022年未守住"),
    Series("城镇老旧小区改造", "个", "count", {"2021": 7, "2022": 5, "2023": 6, "2024": 4},
           "五年27个、2021年7个：2021年完成，五年基本符合进度", decimals=0),
    Series("新建公园", "个", "count", {"2021": 1, "2022": 0, "2023": 1, "2024": 1},
           "新建6个：四年3个，滞后", decimals=0),
    Series("新增绿化面积", "万平方米", "count",
           {"2021": 15.2, "2022": 12.1, "2023": 16.4, "2024": 14.0},
           "新增67万平方米：超前"),
    Series("建成区绿化率", "%", "level",
           {"2020": 35.2, "2021": 35.0, "2022": 34.9, "2023": 34.7, "2024": 34.6},
           "2025年38%：低于2020年基数且逐年下降，逆向变化"),
    Series("农田防护林网修复", "万平方米", "count",
           {"2021": 8.2, "2022": 9.1, "2023": 10.3, "2024": 11.0},
           "突破37万平方米：2024年已实现"),
    Series("扶持产业发展基金", "亿元", "level", {"2021": 1.0}, "设立1亿元：已实现", decimals=1),
    Series("新材料新能源产业产值", "%", "growth_pct", {"2021": 38.0},
           "增长50%：未实现"),
    Series("谋划亿元以上项目", "个", "count", {"2021": 84}, "80个：已实现", decimals=0),
    Series("签约落位项目", "个", "count", {"2021": 36}, "40个：未实现", decimals=0),
    Series("开复工项目", "个", "count", {"2021": 71}, "68个：已实现", decimals=0),
    Series("“三早”项目开复工", "个", "cumulative", {"2021-04": 33},
           "“五一”前35个：4月底只有33个，未按期实现", decimals=0),
    Series("工业集中区开复工项目", "个", "count", {"2021": 9}, "9个：已实现", decimals=0),
    Series("生产服务型国家物流枢纽项目", "个", "count", {"2021": 3}, "5个：未实现",
           decimals=0),
    Series("棚改项目", "个", "count", {"2021": 7}, "7个：已实现", decimals=0),
    Series("释放土地", "万平方米", "count", {"2021": 212.0}, "200万平方米以上：已实现"),
    Series("挂牌出让土地", "万平方米", "count", {"2021": 86.0}, "100万平方米以上：未实现"),
    Series("街路亮化改造", "条", "count", {"2021": 28}, "28条：已实现", decimals=0),
    Series("秸秆禁烧火点", "个", "level", {"2021": 0}, "零火点：已实现", decimals=0),
    Series("河湖水体长制久清", "条", "count", {"2021": 38}, "38条：已实现", decimals=0),
    Series("村屯综合改造", "个", "count", {"2021": 25}, "25个：已实现", decimals=0),
    Series("村庄绿化美化亮化与污水垃圾处理工程", "个", "count", {"2021": 12},
           "12个村：已实现", decimals=0),
    Series("农民收入", "%", "growth_pct", {"2021": 7.1},
           "与经济增长同步（±0.5个百分点）：已实现"),
)


def _formatted(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def illustrative_rows(real_rows: list[dict]) -> list[dict]:
    """The designed series with their noise, leaving out whatever a real figure covers."""
    rng = np.random.default_rng(SEED)
    measured = {(row["place"], row["indicator"], row["period"], row["kind"]) for row in real_rows}
    rows = []
    for series in SERIES:
        for period, designed in series.values.items():
            # Drawn before the check, so a real figure arriving shifts no other value.
            jitter = rng.normal(0.0, series.noise) if series.noise else 0.0
            if (DISTRICT, series.indicator, period, series.kind) in measured:
                continue
            rows.append({
                "place": DISTRICT, "indicator": series.indicator, "period": period,
                "value": _formatted(designed * (1 + jitter), series.decimals),
                "unit": series.unit, "kind": series.kind, "source": ILLUSTRATIVE_SOURCE,
                "provenance": "illustrative", "note": ""})
    return rows


def _csv_text(header: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--public-figures", type=Path, default=luyuan.PUBLIC_FIGURES_PATH,
                        help="the published figures (default: the packaged copy)")
    parser.add_argument("--out", type=Path, default=luyuan.FOLDER,
                        help="folder to write the three CSV files into")
    args = parser.parse_args(argv)
    try:
        observations, annual_targets = read_public_figures(args.public_figures)
    except InputError as error:
        print(f"错误 / error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"错误 / error: {args.public_figures}: {error.strerror}", file=sys.stderr)
        return 2
    outputs = {
        "observations.csv": _csv_text(OBSERVATION_HEADER, observations),
        "annual_targets.csv": _csv_text(ANNUAL_TARGET_HEADER, annual_targets),
        "illustrative_observations.csv": _csv_text(OBSERVATION_HEADER,
                                                   illustrative_rows(observations)),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    # Every file is written beside its place first, then all are moved in: a failed write
    # leaves the old files as they were.
    for name, text in outputs.items():
        (args.out / f"{name}.partial").write_text(text, encoding="utf-8", newline="")
    for name in outputs:
        (args.out / f"{name}.partial").replace(args.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
