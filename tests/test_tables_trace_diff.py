"""The tables of trace and diff read at 80 and at 120 columns, against reviewed golden files.

trace runs on the bundled Luoyang plan and its source document, kept beside the repository in
`../shared/seeds/`; diff compares the Luoyang plan with a copy in which one figure changed.
The golden files keep the layout, never the source document's wording: before the trace is
drawn for a golden file, every character of the source outside the figures is masked (`＊`
for a wide character, `*` for a narrow one), so the context column keeps its widths and the
figures but none of the document's sentences. After a deliberate change of layout, rewrite
them with `PLANCTL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_tables_trace_diff.py`
and review the diff before committing.
"""

from __future__ import annotations

import dataclasses
import io
import os
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from planctl.cli import app
from planctl.render import RenderOptions, render
from planctl.results.trace import TraceReport
from planctl.trace import SourceText
from planctl.trace.run import trace_plan

# traces the whole 洛阳 source at two widths: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "tables"
PLAN = "plans/luoyang.yaml"
SOURCE = "../shared/seeds/002_11ae40bad7665c8f.txt"
WIDTHS = (80, 120)
CHANGED_FIGURE = ("amount: 346.857亿元", "amount: 346.9亿元")

runner = CliRunner()
needs_source = pytest.mark.skipif(
    not (ROOT / SOURCE).is_file(), reason=f"the source document {SOURCE} is not beside the repo"
)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so every path in a table is the same on every machine."""
    monkeypatch.chdir(ROOT)


def check_golden(name: str, output: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("PLANCTL_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8"), (
        f"{golden.relative_to(ROOT)} differs; if the change is intended, rewrite it with "
        "`PLANCTL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_tables_trace_diff.py` "
        "and review the diff"
    )


def assert_reads_at(width: int, output: str) -> None:
    """No line is wider than the page and no column of a table collapsed to nothing."""
    lines = output.splitlines()
    assert lines
    for line in lines:
        assert cell_len(line.rstrip()) <= width, line
        for empty in ("┃┃", "││", "┳┳", "┬┬", "╇╇", "┼┼", "┴┴"):
            assert empty not in line, line


def masked(report: TraceReport) -> TraceReport:
    """The same trace, its source's characters outside the figures masked (see the docstring)."""
    result = report.trace
    keep: dict[int, set[int]] = {}
    spans = [(o.line, o.start, o.end) for t in result.traced for o in t.match.occurrences]
    if result.coverage is not None:
        spans += [(f.line, f.start, f.end) for f in result.coverage.figures]
    for line, start, end in spans:
        keep.setdefault(line, set()).update(range(start, end))

    def mask(number: int, text: str) -> str:
        kept = keep.get(number, set())
        return "".join(
            char if index in kept or char.isspace() else ("＊" if cell_len(char) == 2 else "*")
            for index, char in enumerate(text)
        )

    printed = tuple(mask(number, text) for number, text in enumerate(result.source.printed, 1))
    source = SourceText(result.source.name, printed, printed)
    return dataclasses.replace(report, trace=dataclasses.replace(result, source=source))


@needs_source
@pytest.mark.parametrize("width", WIDTHS)
def test_trace_table_of_luoyang_matches_the_golden_file(at_root: None, width: int) -> None:
    report = trace_plan(PLAN, SOURCE, missing=True, problems_only=True)
    assert report.shown, "the golden table would show nothing"
    out = io.StringIO()
    render("trace", "table", masked(report), RenderOptions(width=width), out)
    output = out.getvalue()
    assert_reads_at(width, output)
    check_golden(f"trace-luoyang-{width}.txt", output)


@needs_source
@pytest.mark.parametrize("width", WIDTHS)
def test_trace_table_never_folds_a_figure(at_root: None, width: int) -> None:
    result = runner.invoke(
        app, ["trace", PLAN, "-s", SOURCE, "-f", "table"], env={"COLUMNS": str(width)}
    )
    assert result.exit_code == 0, result.output
    assert_reads_at(width, result.output)
    cells = {cell.strip() for line in result.output.splitlines() for cell in line.split("│")}
    report = trace_plan(PLAN, SOURCE)
    assert len(report.shown) > 400
    for traced in report.shown:
        assert traced.item.text in cells, traced.item.text
    assert ("┃ section" in result.output) is (width >= 110)  # wide pages only


def luoyang_pair(tmp_path: Path) -> tuple[str, str]:
    """old/luoyang.yaml and new/luoyang.yaml in `tmp_path`: one figure changed."""
    text = (ROOT / PLAN).read_text(encoding="utf-8")
    before, after = CHANGED_FIGURE
    assert text.count(before) == 1
    for folder, content in (("old", text), ("new", text.replace(before, after))):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "luoyang.yaml").write_text(content, encoding="utf-8")
    return "old/luoyang.yaml", "new/luoyang.yaml"


@pytest.mark.parametrize("width", WIDTHS)
def test_diff_table_of_luoyang_matches_the_golden_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.chdir(tmp_path)
    old, new = luoyang_pair(tmp_path)
    result = runner.invoke(app, ["diff", old, new, "-f", "table"], env={"COLUMNS": str(width)})
    assert result.exit_code == 1, result.output
    assert_reads_at(width, result.output)
    for figure in ("346.857亿元", "346.9亿元", "+0.043亿元"):
        assert figure in result.output  # whole, on one line
    check_golden(f"diff-luoyang-{width}.txt", result.output)


def test_a_long_diff_path_folds_and_the_figures_do_not(tmp_path: Path) -> None:
    name = "很长的项目名称" * 6
    old = tmp_path / "old.yaml"
    old.write_text(f"budget:\n  items:\n    - {{name: {name}, amount: 1234567.89万元}}\n")
    new = tmp_path / "new.yaml"
    new.write_text(f"budget:\n  items:\n    - {{name: {name}, amount: 1234567.98万元}}\n")
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "table"], env={"COLUMNS": "80"})
    assert result.exit_code == 1
    assert_reads_at(80, result.output)
    for figure in ("1234567.89万元", "1234567.98万元", "+0.09万元"):
        assert figure in result.output
    assert name not in result.output  # the path is folded over several lines
