"""The tables of show, budget and schedule as a person reads them at 80 and 120 columns.

Each table of every bundled plan is compared with a reviewed golden file under
tests/golden/tables/; after a deliberate change of layout, rewrite them with
`PLANCTL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_tables_calculators.py` and review
the diff before committing. Independently of the goldens, the tests check what a reader needs:
no line wider than the terminal, no column squeezed to nothing, no figure cut or split, and no
budget item name lost.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from planctl.calc.budget_lines import BudgetLine, budget_lines
from planctl.cli import app
from planctl.engine import FileResult, check_file
from planctl.render import RenderOptions, render
from planctl.results.budget import budget_result
from planctl.results.schedule import schedule_result
from planctl.results.show import show_result

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "tables"
PLANS = sorted(path.stem for path in (ROOT / "plans").glob("*.yaml"))
WIDTHS = (80, 120)
COMMANDS: dict[str, Callable[[FileResult], Any]] = {
    "show": show_result,
    "budget": budget_result,
    "schedule": schedule_result,
}
BORDERS = "│┃"

runner = CliRunner()


@contextmanager
def at_root() -> Iterator[None]:
    """From the repository root, so the file names in the tables are the same everywhere."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(cwd)


@cache
def checked(plan: str) -> FileResult:
    with at_root():
        result = check_file(f"plans/{plan}.yaml")
    assert result.plan is not None, plan
    return result


@cache
def table(command: str, plan: str, width: int) -> str:
    """The `table` format of `command` for `plan`, drawn on a plain console `width` wide."""
    out = StringIO()
    render(command, "table", COMMANDS[command](checked(plan)), RenderOptions(False, width), out)
    return out.getvalue()


def lines_of(plan: str) -> list[BudgetLine]:
    derived = checked(plan).derived
    assert derived is not None
    return budget_lines(derived.index)


def first_column(output: str) -> str:
    """The text of every line's first column (the whole line outside tables), whitespace gone:
    a name that wraps inside its cell reads whole again."""
    parts = [
        re.split(f"[{BORDERS}]", line)[1] if line[:1] in BORDERS else line
        for line in output.splitlines()
    ]
    return re.sub(r"\s+", "", "".join(parts))


CASES = [(c, p, w) for c in COMMANDS for p in PLANS for w in WIDTHS]


@pytest.mark.parametrize(("command", "plan", "width"), CASES)
def test_table_matches_the_reviewed_golden_file(command: str, plan: str, width: int) -> None:
    output = table(command, plan, width)
    golden = GOLDEN / f"{plan}.{command}.{width}.txt"
    if os.environ.get("PLANCTL_UPDATE_GOLDEN") == "1":
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8"), (
        f"{golden.relative_to(ROOT)} differs; if the change is intended, rewrite it with "
        "`PLANCTL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_tables_calculators.py` "
        "and review the diff"
    )


@pytest.mark.parametrize(
    ("command", "plan", "width"), [*CASES, *((c, p, 40) for c in COMMANDS for p in PLANS)]
)
def test_no_line_is_wider_than_the_terminal_and_nothing_is_cut(
    command: str, plan: str, width: int
) -> None:
    output = table(command, plan, width)
    for line in output.splitlines():
        assert cell_len(line) <= width, line
        assert "…" not in line, line  # a cell cut short
        assert not re.search(f"[{BORDERS}┏┳┡╇└┴][{BORDERS}┳╇┴]", line), line  # a column 0 wide


@pytest.mark.parametrize("width", [40, *WIDTHS])
@pytest.mark.parametrize("plan", PLANS)
def test_every_budget_item_name_and_amount_is_shown_whole(plan: str, width: int) -> None:
    lines = lines_of(plan)
    output = table("budget", plan, width)
    names = first_column(output)
    for line in lines[1:]:
        assert re.sub(r"\s+", "", line.name) in names, line.name
    rows = output.splitlines()
    for line in lines:
        if line.amount is not None:
            assert any(line.amount.text in row for row in rows), line.amount.text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("plan", PLANS)
def test_show_names_every_top_level_item_with_its_amount_on_one_line(plan: str, width: int) -> None:
    output = table("show", plan, width)
    names = first_column(output)
    for line in lines_of(plan):
        if line.level == 1:
            assert re.sub(r"\s+", "", line.name) in names, line.name
            assert line.amount is not None
            assert any(line.amount.text in row for row in output.splitlines())


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("plan", PLANS)
def test_schedule_shows_every_year_and_entry_unbroken(plan: str, width: int) -> None:
    model = checked(plan).plan
    assert model is not None
    rows = table("schedule", plan, width).splitlines()
    for schedule in model.schedules:
        for year, figure in schedule.years.items():
            assert any(str(year) in row and figure.value.text in row for row in rows), (
                schedule.name,
                year,
            )


def test_a_wide_terminal_gets_the_schedules_side_by_side_and_a_narrow_one_a_table_each() -> None:
    wide = table("schedule", "luoyang", 140).splitlines()
    [header] = [row for row in wide if "┃ year " in row]
    assert all(name in header for name in ("贫困村脱贫", "贫困人口脱贫", "regions exiting"))
    assert any("310975人 (100.00%)" in row for row in wide)
    narrow = table("schedule", "luoyang", 80).splitlines()
    assert sum("┃ year " in row for row in narrow) == 3  # two schedules, then the exits


@pytest.mark.parametrize("fmt", ["table", "text", "json"])
@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_format_runs_on_every_bundled_plan(command: str, plan: str, fmt: str) -> None:
    with at_root():
        result = runner.invoke(app, [command, plan, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    if fmt == "json":
        data = json.loads(result.output)
        assert data["command"] == command
        assert data["file"] == f"plans/{plan}.yaml"


def test_output_file_gets_the_report_and_stdout_nothing(tmp_path: Path) -> None:
    target = tmp_path / "budget.json"
    with at_root():
        result = runner.invoke(app, ["budget", "luoyang", "-f", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["lines"][0]["amount"] == "641.8亿元"
    assert data["lines"][0]["amount_yuan"] == "64180000000"
    assert data["lines"][0]["sum_of_parts_yuan"] == "64180060000"
