"""validate's and exit-check's tables at 80 and 120 columns: reviewed snapshots, and what a
reader needs whatever the snapshot says (nothing wider than the screen, no figure broken)."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from planctl.engine import check_file
from planctl.exits.run import exit_check
from planctl.render import RenderOptions, render
from planctl.results import CheckResult

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "tables"
PLANS = sorted(path.name for path in (ROOT / "plans").glob("*.yaml"))
FIGURE = re.compile(r"[0-9][0-9.]*(?:万|亿)?(?:人|个|元|户)")


def table(kind: str, plan: str, width: int) -> str:
    os.chdir(ROOT)  # findings name files as given: keep them relative
    out = io.StringIO()
    if kind == "exit-check":
        result: object = exit_check([f"plans/{plan}"])
    else:
        result = CheckResult("validate", [check_file(f"plans/{plan}")])
    render(kind, "table", result, RenderOptions(width=width), out)
    return out.getvalue()


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("kind", ["validate", "exit-check"])
@pytest.mark.parametrize("plan", PLANS)
def test_tables_fit_and_match_their_snapshot(kind: str, plan: str, width: int) -> None:
    text = table(kind, plan, width)
    from rich.cells import cell_len

    assert all(cell_len(line) <= width for line in text.splitlines()), text
    golden = GOLDEN / f"{kind}-{plan.removesuffix('.yaml')}-{width}.txt"
    if os.environ.get("PLANCTL_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"{golden.name} differs; review it"


def test_exit_check_year_figures_are_never_broken() -> None:
    narrow = table("exit-check", "luoyang.yaml", 80)
    wide = table("exit-check", "luoyang.yaml", 200)
    # every figure of the year tables stands whole on one line at 80 columns as at 200
    year_rows = [line for line in wide.splitlines() if re.match(r"│ 20\d\d", line)]
    for figure in {match for row in year_rows for match in FIGURE.findall(row)}:
        assert figure in narrow, figure
