"""`planwatch report`: a report file from a plan and its data, or one line and exit 2."""

from __future__ import annotations

import errno
import io
import os
import zipfile

import pytest
from openpyxl import load_workbook

from planwatch.cli import main
from planwatch.samples import luyuan

AS_OF = ["--kind", "midterm", "--as-of", "2023-06-30"]


def sheet_names(path) -> list[str]:
    return load_workbook(path, read_only=True).sheetnames


def test_built_in_sample_to_excel_with_the_format_from_the_extension(tmp_path, capsys):
    output = tmp_path / "中期评估.xlsx"
    assert main(["report", "luyuan", *AS_OF, "-o", str(output)]) == 0
    assert sheet_names(output)[0] == "主要指标完成情况表"
    assert "示意数据清单" in sheet_names(output)  # the sample's illustrative series are in
    assert str(output) in capsys.readouterr().out


def test_plan_file_with_chosen_observations(tmp_path):
    output = tmp_path / "report.xlsx"
    assert main(["report", str(luyuan.PLAN_PATH), *AS_OF, "-o", str(output),
                 "--observations", str(luyuan.OBSERVATIONS_PATH)]) == 0
    assert "示意数据清单" not in sheet_names(output)


def test_default_output_name_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["report", "luyuan", "--kind", "annual", "--as-of", "2021-12-31",
                 "--format", "xlsx"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["luyuan-annual-2021-12-31.xlsx"]
    assert "2021年度目标完成情况表" in sheet_names(tmp_path / "luyuan-annual-2021-12-31.xlsx")


def test_narrative_and_explanations_reach_the_report(tmp_path):
    narrative = tmp_path / "narrative.yaml"
    narrative.write_text("下一步建议: |\n  加快重点项目建设。\nexplanations:\n"
                         "  fyp.unemployment-rate: 受疫情影响，岗位减少。\n", encoding="utf-8")
    output = tmp_path / "report.html"
    assert main(["report", "luyuan", *AS_OF, "-o", str(output),
                 "--narrative", str(narrative)]) == 0
    html = output.read_text(encoding="utf-8")
    assert "加快重点项目建设。" in html
    assert "说明：受疫情影响，岗位减少。" in html
    assert "（待规划人员填写）" not in html


def test_same_command_twice_gives_the_same_file(tmp_path):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for output in (first, second):
        assert main(["report", "luyuan", *AS_OF, "-o", str(output)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert zipfile.ZipFile(io.BytesIO(first.read_bytes())).testzip() is None


def bad_csv(folder):
    path = folder / "bad.csv"
    path.write_text("place,indicator,period,value,unit,kind,source\n"
                    "绿园区,地区生产总值,2022,很多,亿元,level,统计公报\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("arguments", "message"), [
    (lambda d: ["no-such-plan.yaml"], "no-such-plan.yaml: no such plan file"),
    (lambda d: ["luyuan", "--observations", str(bad_csv(d))], "bad.csv: row 2, column value"),
    (lambda d: ["luyuan", "-o", str(d / "missing" / "r.xlsx")], "folder"),
    (lambda d: ["luyuan", "-o", str(d / "r.txt")], "cannot tell the format"),
    (lambda d: ["luyuan", "--narrative", str(_narrative(d, "结语: 完\n"))],
     "$.结语: unknown section"),
    (lambda d: ["luyuan", "--narrative", str(_narrative(d, "explanations:\n  nope: 无\n"))],
     "explanations: no target 'nope' in plan luyuan"),
    (lambda d: ["luyuan", "--narrative", str(_narrative(d, "下一步建议: [1, 2]\n"))],
     "$.下一步建议: expected text, got list"),
])
def test_bad_input_is_one_line_exit_2_and_no_file(tmp_path, capsys, monkeypatch, arguments,
                                                   message):
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.rglob("*"))
    argv = arguments(tmp_path)
    plan, rest = argv[0], argv[1:]
    assert main(["report", plan, *AS_OF, *rest]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
    assert set(tmp_path.rglob("*")) == before | set(tmp_path.glob("*.csv")) | set(
        tmp_path.glob("*.yaml"))


def _narrative(folder, text):
    path = folder / "narrative.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_date_is_refused_by_the_parser(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["report", "luyuan", "--kind", "midterm", "--as-of", "2023-13-01"])
    assert exit_.value.code == 2
    assert "bad date '2023-13-01'" in capsys.readouterr().err


def test_the_command_module_imports_nothing_heavy():
    import subprocess
    import sys

    heavy = ("numpy", "matplotlib", "docx", "openpyxl", "weasyprint", "django")
    probe = ("import sys, planwatch.reports.command; "
             f"print([m for m in {heavy!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"


def test_a_failed_write_leaves_no_file_behind(tmp_path, capsys, monkeypatch):
    def full_disk(source, target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full_disk)
    assert main(["report", "luyuan", *AS_OF, "-o", str(tmp_path / "r.xlsx")]) == 2
    assert "r.xlsx: cannot write: No space left on device" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_figures_the_engine_cannot_use_are_named_with_the_target(tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_text("place,indicator,period,value,unit,kind,source\n"
                       "绿园区,地区生产总值,2021,5,人,level,统计公报\n", encoding="utf-8")
    assert main(["report", "luyuan", *AS_OF, "-o", str(tmp_path / "r.xlsx"),
                 "--observations", str(figures)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("luyuan: target h2030.gdp: unit: ")
    assert "cannot convert 人 to 亿元" in error and error.count("\n") == 1
    assert not (tmp_path / "r.xlsx").exists()
