"""Exports a spreadsheet can add up: numeric base-unit columns, text kept as text, no formulas."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planctl.cli import app
from planctl.engine import check_file

ROOT = Path(__file__).resolve().parents[1]
SMALL = str(ROOT / "tests" / "data" / "calc-small.yaml")
runner = CliRunner()

NUMERIC = {
    "budget": (
        "level",
        "amount_yuan",
        "projects_count",
        "beneficiaries_people",
        "beneficiaries_households",
        "beneficiaries_person_times",
        "beneficiaries_count",
    ),
    "regions": (
        "poor_population_people",
        "poor_households_households",
        "poor_villages_count",
        "rural_population_people",
        "exit_year",
    ),
    "schedules": ("year", "value_base"),
}
TEXT = {
    "budget": ("path", "name", "amount", "amount_yuan_text", "projects", "beneficiaries"),
    "regions": ("name", "poor_population", "poor_villages"),
    "schedules": ("schedule", "value", "value_base_text", "unit"),
}


def _export_xlsx(plan: str, target: Path) -> dict[str, list[dict[str, Any]]]:
    result = runner.invoke(app, ["export", plan, "--to", "xlsx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr
    return _sheets(target)


def _sheets(target: Path) -> dict[str, list[dict[str, Any]]]:
    book = load_workbook(target)
    sheets: dict[str, list[dict[str, Any]]] = {}
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        sheets[sheet.title] = [
            {str(name): cell for name, cell in zip(header, row, strict=True)}
            for row in sheet.iter_rows(min_row=2)
        ]
    return sheets


def _plan(path: str) -> Any:
    result = check_file(path)
    assert result.plan is not None
    return result.plan


def test_xlsx_numbers_are_number_cells_with_an_exact_format(tmp_path: Path) -> None:
    sheets = _export_xlsx(SMALL, tmp_path / "small.xlsx")
    for table, columns in NUMERIC.items():
        for row in sheets[table]:
            for column in columns:
                cell = row[column]
                if cell.value is None:
                    continue
                assert cell.data_type == "n", (table, column)
                assert "E" not in cell.number_format
                assert cell.number_format != "General"
                shown = f"{Decimal(str(cell.value)):.{_decimals(cell.number_format)}f}"
                assert Decimal(shown) == Decimal(str(cell.value)), (table, column, shown)


def _decimals(number_format: str) -> int:
    return len(number_format.partition(".")[2])


def test_xlsx_text_columns_are_text_cells(tmp_path: Path) -> None:
    sheets = _export_xlsx(SMALL, tmp_path / "small.xlsx")
    for table, columns in TEXT.items():
        for row in sheets[table]:
            for column in columns:
                cell = row[column]
                if cell.value is None:
                    continue
                assert cell.data_type == "s", (table, column)
                assert cell.number_format == "@", (table, column)


def test_xlsx_numeric_columns_add_up_to_the_plan(tmp_path: Path) -> None:
    sheets = _export_xlsx(SMALL, tmp_path / "small.xlsx")
    plan = _plan(SMALL)
    budget = sheets["budget"]
    (total,) = [row for row in budget if row["level"].value == 0]
    top = [row for row in budget if row["level"].value == 1]
    assert total["amount_yuan"].value == plan.budget.total.value.base == Decimal(350_000_000)
    assert sum(Decimal(str(row["amount_yuan"].value)) for row in top) == Decimal(350_000_000)
    people = sum(
        Decimal(str(row["beneficiaries_people"].value))
        for row in top
        if row["beneficiaries_people"].value is not None
    )
    assert people == Decimal(10_000)  # 易地搬迁工程 7000人 + 教育扶贫工程 3000人
    regions = sheets["regions"]
    population = sum(
        Decimal(str(row["poor_population_people"].value))
        for row in regions
        if row["poor_population_people"].value is not None
    )
    assert population == plan.baseline.poor_population.value.base == Decimal(21_000)
    villages = sum(
        Decimal(str(row["poor_villages_count"].value))
        for row in regions
        if row["poor_villages_count"].value is not None
    )
    assert villages == plan.baseline.poor_villages.value.base == Decimal(30)
    people_schedule = [row for row in sheets["schedules"] if row["measure"].value == "people"]
    assert sum(Decimal(str(row["value_base"].value)) for row in people_schedule) == 21_000


@pytest.mark.parametrize("plan", ["luoyang", "zhengzhou"])
def test_xlsx_sums_of_bundled_plans_match_the_model(tmp_path: Path, plan: str) -> None:
    sheets = _export_xlsx(plan, tmp_path / f"{plan}.xlsx")
    model = _plan(str(ROOT / "plans" / f"{plan}.yaml"))
    regions = [row for row in sheets["regions"] if row["poor_population_people"].value]
    expected = sum(
        (r.poor_population.value.base for r in model.region_items if r.poor_population),
        Decimal(0),
    )
    assert sum(Decimal(str(row["poor_population_people"].value)) for row in regions) == expected


def _formula_plan(tmp_path: Path) -> str:
    path = tmp_path / "formula.yaml"
    path.write_text(
        "plan: {title: '=HYPERLINK(\"x\")'}\n"
        "budget:\n"
        "  total: 3万元\n"
        "  items:\n"
        "    - {name: '=1+1', amount: 1万元}\n"
        "    - {name: '+2', amount: 1万元}\n"
        "    - {name: '@SUM(A1)', amount: 1万元, source: '-3'}\n",
        encoding="utf-8",
    )
    return str(path)


def test_formula_text_stays_text_in_csv(tmp_path: Path) -> None:
    plan = _formula_plan(tmp_path)
    target = tmp_path / "out.csv"
    result = runner.invoke(
        app, ["export", plan, "--to", "csv", "--table", "budget", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert f"wrote {target}" in result.stderr
    rows = list(csv.DictReader(target.read_text(encoding="utf-8-sig").splitlines()))
    names = [row["name"] for row in rows]
    assert names == ["budget total", "'=1+1", "'+2", "'@SUM(A1)"]
    assert rows[3]["source"] == "'-3"
    assert [row["amount_yuan"] for row in rows] == ["30000", "10000", "10000", "10000"]


def test_formula_text_stays_text_in_xlsx(tmp_path: Path) -> None:
    sheets = _export_xlsx(_formula_plan(tmp_path), tmp_path / "out.xlsx")
    names = {row["name"].value: row["name"] for row in sheets["budget"]}
    for text in ("=1+1", "+2", "@SUM(A1)"):
        cell = names[text]  # the text itself, unchanged: no apostrophe, no formula
        assert cell.data_type == "s"
        assert cell.number_format == "@"


def test_a_missing_directory_is_named_as_the_user_wrote_it(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from planctl.cli import app

    runner = CliRunner()
    for args in (
        ["export", "plans/luoyang.yaml", "--to", "csv", "-o", "nodir/x.csv"],
        ["export", "plans/luoyang.yaml", "--to", "xlsx", "-o", "nodir/x.xlsx"],
        ["validate", "plans/luoyang.yaml", "-o", "nodir/report.txt"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert f"cannot write {args[-1]}: the directory nodir does not exist" in result.output
        assert "/." not in result.output  # no temporary file's name
