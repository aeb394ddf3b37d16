"""The open-data zip's CSV files are safe to open in a spreadsheet: text that would run as a
formula (a reporter's source or note, a plan sentence) is made inert; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date

from planwatch import domain
from planwatch.web.plans.opendata import open_data_zip


def observation(source: str, value: float) -> domain.Observation:
    return domain.Observation(
        place="示例区", indicator="地区生产总值", period=domain.parse_period("2023"), value=value,
        unit="亿元", kind=domain.ObservationKind.GROWTH_PCT, source=source,
        provenance=domain.Provenance.OFFICIAL)


def files(observations: list[domain.Observation]) -> dict[str, str]:
    payload = open_data_zip(title="示例规划", place="示例区", as_of=date(2023, 12, 31),
                            targets=[], observations=observations, assessments=[],
                            rollup={"formula": "", "plan": {}, "areas": {}})
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_source_that_starts_like_a_formula_is_made_inert_in_the_csv():
    written = files([observation('=HYPERLINK("http://evil.example","点击")', 6.5)])
    assert rows(written["observations.csv"])[0]["source"] == (
        '\'=HYPERLINK("http://evil.example","点击")')


def test_negative_numbers_stay_numbers():
    written = files([observation("统计公报", -3.2)])
    assert rows(written["observations.csv"])[0]["value"] == "-3.2"


def test_the_json_keeps_the_text_as_it_was():
    written = files([observation("@SUM(A1:A9)", 1.0)])
    assert json.loads(written["observations.json"])[0]["source"] == "@SUM(A1:A9)"
