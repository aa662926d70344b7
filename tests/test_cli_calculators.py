"""The calculator commands as a user runs them: show, budget, schedule, export, new."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.engine import check_file

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SMALL = str(ROOT / "tests" / "data" / "calc-small.yaml")
LUOYANG = str(ROOT / "plans" / "luoyang.yaml")
BUNDLED = sorted(str(path) for path in (ROOT / "plans").glob("*.yaml"))
COMMANDS = ("show", "budget", "schedule", "diff", "export", "new")


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def row(output: str, name: str) -> str:
    """The one line of the text format about `name`: `name: ...`, `parent / name: ...`,
    `budget name: ...` (show's budget items) or `rate name: ...` (budget's policy rates)."""
    keys = (name, f"budget {name}", f"rate {name}")
    rows = [
        line
        for line in output.splitlines()
        if (key := line.split(": ", 1)[0]) in keys or key.endswith(f" / {name}")
    ]
    assert len(rows) == 1, output
    return rows[0]


def share(part: str, whole: str) -> str:
    """A share as the tables print it, computed here from the printed figures."""
    value = Decimal(part) / Decimal(whole) * 100
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_EVEN)}%"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    code, output = run(command, "--help")
    assert code == 0
    assert "Examples:" in output
    assert f"planctl {command} " in output.split("Examples:")[1]


def test_show_gives_metadata_baseline_targets_budget_and_findings() -> None:
    code, output = run("show", SMALL)
    assert code == 0
    for text in ("测试县脱贫攻坚规划", "测政〔2016〕9号", "2016-06-01", "2016–2020", "2.1万人"):
        assert text in output
    assert "2019 (第二章); 2020 (序言)" in output
    assert share("1.2", "3.5") in row(output, "产业扶持工程")
    assert "findings: 0 errors, 1 warnings, 0 accepted" in output


def test_budget_shows_sums_shares_and_unit_costs() -> None:
    code, output = run("budget", SMALL)
    assert code == 0
    industry = row(output, "产业扶持工程")
    assert "1.2亿元" in industry
    assert share("1.2", "3.5") in industry
    assert "300万元/个" in industry  # 1.2亿元 / 40个
    planting = row(output, "种植项目")
    assert share("7000", "12000") in planting  # of its parent
    assert share("0.7", "3.5") in planting  # of the total
    assert "6666.67元/人" in row(output, "教育扶贫工程")  # 2000万元 / 3000人, rounded


def test_budget_unit_converts_exactly_and_depth_limits() -> None:
    code, output = run("budget", SMALL, "--unit", "亿元", "--depth", "1")
    assert code == 0
    assert "0.2亿元" in row(output, "教育扶贫工程")
    assert "种植项目" not in output


def test_budget_path_selects_a_subtree_and_unknown_names_list_the_choices() -> None:
    code, output = run("budget", SMALL, "--path", "产业扶持工程")
    assert code == 0
    assert "种植项目" in output
    assert "易地搬迁工程" not in output
    assert "助学补助" not in output  # a rate paid from a line outside the subtree
    code, output = run("budget", SMALL, "--path", "易地搬迁工程")
    assert code == 0
    assert "搬迁后续扶持" in output
    assert "助学补助" not in output
    code, output = run("budget", SMALL, "--path", "产业扶持工程/果树项目")
    assert code == 2
    assert "种植项目, 养殖项目" in output
    code, output = run("budget", SMALL, "--unit", "美元")
    assert code == 2


def test_budget_rates_table_multiplies_rates_out_in_their_units() -> None:
    code, output = run("budget", SMALL)
    assert code == 0
    assert "2.1亿元" in row(output, "搬迁后续扶持")  # 2000元 × 2.1万人 × 5 years
    education = row(output, "助学补助")
    assert "2250万元" in education  # 1500元 × 3000人 × 5 years
    assert "exceeds the budget item" in education
    assert "200000公斤" in row(output, "粮食补助")  # 200公斤 per 亩 × 1000亩


def test_luoyang_top_level_programmes_and_their_shares() -> None:
    total = "641.8"
    code, output = run("budget", LUOYANG, "--depth", "1")
    assert code == 0, output
    for name, amount in (("实施精准扶贫工程", "346.857"), ("强化脱贫保障工程", "294.9436")):
        line = row(output, name)
        assert f"{amount}亿元" in line
        assert share(amount, total) in line
    code, output = run("show", LUOYANG)
    assert code == 0
    assert share("346.857", total) in row(output, "实施精准扶贫工程")
    assert share("294.9436", total) in row(output, "强化脱贫保障工程")


def test_schedule_puts_years_side_by_side_with_running_totals() -> None:
    code, output = run("schedule", SMALL)
    assert code == 0
    line_2017 = row(output, "2017")
    assert "贫困人口脱贫 8000人, cumulative 14000人 (66.67%)" in line_2017  # 6000 + 8000 of 21000
    assert "贫困村退出 10个, cumulative 10个 (33.33%)" in line_2017
    assert "regions exiting 2019: 乙乡" in output
    assert "indicators due 2020: 巩固率、覆盖率" in output
    assert "1 indicator has no year" in output
    line_2020 = row(output, "2020")
    assert "regions exiting 0, cumulative 3" in line_2020  # regions exited so far
    assert "indicators due 2, cumulative 3" in line_2020  # due this year, so far


@pytest.mark.parametrize("plan", BUNDLED)
@pytest.mark.parametrize("command", ["show", "budget", "schedule"])
def test_every_bundled_plan_is_shown_or_refused_cleanly(command: str, plan: str) -> None:
    code, _ = run(command, plan)
    assert code in (0, 1)


def test_a_plan_that_does_not_fit_the_format_gets_its_findings_and_exit_1(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("plan: {title: 坏规划}\nbudget: {total: 5}\n", encoding="utf-8")
    for command in ("show", "budget", "schedule"):
        code, output = run(command, str(bad))
        assert code == 1
        assert "1 file checked: 1 error" in output
    code, output = run("export", str(bad), "--to", "json")
    assert code == 1


def test_bare_names_resolve_under_plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "small.yaml").write_text(
        Path(SMALL).read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, output = run("show", "small")
    assert code == 0
    assert "测试县脱贫攻坚规划" in output
    assert run("show", "missing")[0] == 2


def test_export_csv_files_one_per_table_with_a_bom(tmp_path: Path) -> None:
    code, _ = run("export", SMALL, "--to", "csv", "-o", str(tmp_path / "small.csv"))
    assert code == 0
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == [
        f"small-{table}.csv" for table in ("budget", "indicators", "rates", "regions", "schedules")
    ]
    raw = (tmp_path / "small-budget.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_path = {line["path"]: line for line in rows}
    assert by_path["产业扶持工程 / 种植项目"]["amount_yuan_text"] == "70000000"
    assert by_path["产业扶持工程 / 种植项目"]["level"] == "2"
    assert by_path[""]["amount"] == "3.5亿元"


def test_export_csv_to_stdout_has_table_separators_or_one_plain_table() -> None:
    code, output = run("export", SMALL, "--to", "csv")
    assert code == 0
    headers = [line for line in output.splitlines() if line.startswith("# ")]
    assert headers == ["# budget", "# schedules", "# regions", "# indicators", "# rates"]
    code, output = run("export", SMALL, "--to", "csv", "--table", "rates")
    assert code == 0
    rates = list(csv.DictReader(io.StringIO(output)))
    assert [rate["implied_cost"] for rate in rates] == ["2.1亿元", "2250万元", "200000公斤"]
    assert [rate["exceeds_budget"] for rate in rates] == ["no", "yes", ""]


def test_export_json_keeps_exact_amounts(tmp_path: Path) -> None:
    target = tmp_path / "small.json"
    code, _ = run("export", SMALL, "--to", "json", "-o", str(target))
    assert code == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["plan"] == "测试县脱贫攻坚规划"
    schedules = data["tables"]["schedules"]
    assert [entry["value"] for entry in schedules[:3]] == ["6000人", "8000人", "7000人"]
    assert data["tables"]["regions"][2] == {
        "name": "丙镇",
        "kind": "non_poor",
        "tags": None,
        "poor_population": None,
        "poor_population_people": None,
        "poor_households": None,
        "poor_households_households": None,
        "poor_villages": None,
        "poor_villages_count": None,
        "rural_population": None,
        "rural_population_people": None,
        "exit_year": 2017,
        "source": None,
    }


@pytest.mark.parametrize("plan", [SMALL, LUOYANG])
def test_export_xlsx_budget_totals_equal_the_plan(tmp_path: Path, plan: str) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "plan.xlsx"
    code, output = run("export", plan, "--to", "xlsx", "-o", str(target))
    assert code == 0, output
    book = load_workbook(target)
    assert book.sheetnames == ["budget", "schedules", "regions", "indicators", "rates"]
    sheet = book["budget"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in line), strict=True)) for line in sheet.iter_rows(2)]
    model = check_file(plan).plan
    assert model is not None
    assert model.budget is not None
    assert model.budget.total is not None
    [total] = [line for line in rows if line["level"] == 0]
    assert Decimal(str(total["amount_yuan_text"])) == model.budget.total.value.base
    assert Decimal(str(total["amount_yuan"])) == model.budget.total.value.base
    top = [Decimal(str(line["amount_yuan_text"])) for line in rows if line["level"] == 1]
    expected = [item.amount.value.base for item in model.budget.items if item.amount]
    assert top == expected
    assert not list(tmp_path.glob(".plan.xlsx.*"))  # no temporary file left behind


def test_export_xlsx_needs_an_output_file() -> None:
    assert run("export", SMALL, "--to", "xlsx")[0] == 2
    assert run("export", SMALL, "--to", "pdf")[0] == 2
    assert run("export", SMALL, "--to", "csv", "--table", "owners")[0] == 2


def test_new_writes_a_template_that_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _ = run("new", "x", "-o", "t.yaml")
    assert code == 0
    code, output = run("validate", "t.yaml", "--format", "text")
    assert code == 0, output
    assert "0 errors, 0 warnings" in output
    text = Path("t.yaml").read_text(encoding="utf-8")
    for section in ("plan", "baseline", "targets", "schedules", "regions", "counts", "budget"):
        assert f"\n{section}:" in text
    for section in ("facts", "indicators", "rates", "measures", "criteria", "accepted"):
        assert f"\n{section}:" in text
    assert "x“十三五”脱贫攻坚规划" in text


def test_new_refuses_to_overwrite_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("t.yaml").write_text("keep me\n", encoding="utf-8")
    code, output = run("new", "示例县", "-o", "t.yaml")
    assert code == 2
    assert "--force" in output
    assert Path("t.yaml").read_text(encoding="utf-8") == "keep me\n"
    assert run("new", '示例县: "#', "-o", "t.yaml", "--force")[0] == 0
    code, output = run("validate", "t.yaml", "--format", "text")
    assert code == 0, output


def test_new_without_output_prints_the_template() -> None:
    code, output = run("new", "示例县")
    assert code == 0
    assert output.startswith("# yaml-language-server")
    assert "示例县人民政府" in output


def test_json_of_the_calculators_carries_the_same_figures() -> None:
    code, output = run("show", SMALL, "--format", "json")
    assert code == 0
    shown = json.loads(output)
    assert shown["command"] == "show"
    [people] = shown["headline_targets"]
    assert [deadline["year"] for deadline in people["deadlines"]] == [2019, 2020]
    assert people["conflicting"] is True
    assert shown["budget"]["items"][0] == {
        "name": "产业扶持工程",
        "amount": "1.2亿元",
        "of_total": share("1.2", "3.5"),
    }
    code, output = run("budget", SMALL, "--format", "json", "--unit", "亿元")
    assert code == 0
    lines = {tuple(line["names"]): line for line in json.loads(output)["lines"]}
    planting = lines[("产业扶持工程", "种植项目")]
    assert planting["amount_yuan"] == "70000000"
    assert planting["in_unit"] == "0.7亿元"
    assert lines[()]["sum_of_parts_yuan"] == "350000000"
    code, output = run("schedule", SMALL, "--format", "json")
    assert code == 0
    data = json.loads(output)
    people_years = {entry["year"]: entry for entry in data["schedules"][0]["years"]}
    assert people_years[2017]["cumulative"] == "14000人"
    assert people_years[2017]["share_of_baseline"] == share("14000", "21000")
    assert [entry["cumulative"] for entry in data["regions_exiting"]] == [0, 1, 2, 3, 3]


def test_calculators_refuse_a_format_they_do_not_offer() -> None:
    for command in ("show", "budget", "schedule"):
        code, output = run(command, SMALL, "--format", "sarif")
        assert code == 2
        assert "table, text, json" in output
