"""Export in the import layout: formula-safe CSV and XLSX that import back unchanged; CLI twins."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from planwatch.domain import Observation as Figure
from planwatch.domain import parse_period
from planwatch.web.data import exporter
from planwatch.web.data.importer import import_observations
from planwatch.web.data.models import Observation
from planwatch.web.data.store import save_observations

DANGEROUS = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)"]


def stored(plan):
    save_observations([Figure("示例区", "地区生产总值", parse_period(f"{2020 + i}"), 300.0 + i,
                              "亿元", source=source) for i, source in enumerate(DANGEROUS)]
                      + [Figure("示例区", "地区生产总值", parse_period("2019"), -1.5, "亿元",
                                source="负数")])


def test_csv_cells_that_would_run_as_formulas_start_with_an_apostrophe(plan):
    stored(plan)
    buffer = io.StringIO()
    exporter.write_csv(exporter.current_rows(plan), buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert sorted(row["source"] for row in rows) == sorted(
        ["'" + text for text in DANGEROUS] + ["负数"])
    assert {row["value"] for row in rows} >= {"-1.5"}  # numbers stay numbers


def test_xlsx_cells_are_text_never_formulas(plan):
    stored(plan)
    buffer = io.BytesIO()
    exporter.write_xlsx(exporter.current_rows(plan), buffer)
    sheet = load_workbook(io.BytesIO(buffer.getvalue())).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    assert all(not str(cell.value).startswith(("=", "+", "@")) for cell in cells
               if cell.data_type == "s")


def test_an_export_imports_back_without_change(plan):
    stored(plan)
    for write, make in ((exporter.write_csv, io.StringIO), (exporter.write_xlsx, io.BytesIO)):
        buffer = make()
        write(exporter.current_rows(plan), buffer)
        data = buffer.getvalue()
        raw = io.BytesIO(data.encode() if isinstance(data, str) else data)
        result = import_observations(raw, "export")
        assert result.ok and result.rows_added == 0, result.problems


def test_the_cli_export_and_import_are_twins(planwatch_command, plan, tmp_path, capsys):
    stored(plan)
    target = tmp_path / "out.xlsx"
    assert planwatch_command("export_data", "--plan", "sample", "-o", str(target)) == 0
    assert planwatch_command("import_data", str(target)) == 0
    assert "新增 0 条" in capsys.readouterr().out
    assert Observation.objects.count() == 5


def test_the_cli_import_lists_every_problem_and_exits_2_writing_nothing(
        planwatch_command, plan, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("place,indicator,period,value,unit,kind,source\n"
                   "示例区,地区生产总值,2023,abc,亿元,level,x\n示例区,人口,2023,1,万人,level,x\n",
                   encoding="gbk")
    assert planwatch_command("import_data", str(bad)) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"{bad}: 第 2 行 value(数值)列:不是数字:“abc”"
    assert lines[1].startswith(f"{bad}: 第 3 行 indicator(指标)列:未知指标“人口”")
    assert not Observation.objects.exists()


def test_the_cli_dry_run_writes_nothing(planwatch_command, plan, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("place,indicator,period,value,unit,kind,source\n"
                    "示例区,地区生产总值,2023,350,亿元,level,x\n", encoding="utf-8")
    assert planwatch_command("import_data", str(good), "--dry-run") == 0
    assert "将新增 1 条" in capsys.readouterr().out and not Observation.objects.exists()


def test_the_cli_refuses_a_missing_file_or_plan(planwatch_command, plan, tmp_path, capsys):
    assert planwatch_command("import_data", str(tmp_path / "none.csv")) == 2
    assert planwatch_command("export_data", "--plan", "nope", "-o", str(tmp_path / "x.csv")) == 2
    assert planwatch_command("export_data", "-o", str(tmp_path / "no" / "x.csv")) == 2
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob("*.part"))


def test_the_export_page_streams_csv_with_a_bom_for_excel(client_of, plan):
    stored(plan)
    response = client_of("leader").get("/data/export/?plan=sample")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeffplace,indicator,period,value,unit,kind,source,provenance\n")
    assert "'=HYPERLINK" in body and len(body.splitlines()) == 6
