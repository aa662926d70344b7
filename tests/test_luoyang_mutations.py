"""Changing any one budget figure that takes part in a roll-up makes validate fail there.

A figure takes part in a roll-up when it is a part that can be added to its whole, or the
whole of a sum whose parts can all be added.

The plan is read once; each case doubles one figure of a copy of the loaded data (as a person
mistyping it would change it: `9.285亿元` becomes `18.570亿元`) and the changed plan must
produce an error at that figure's item, its parent, or one of its restatements. Findings the
plan accepts do not count, and the unchanged plan has no such error, so each error found is
the doubled figure's.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from planctl.derive import derive
from planctl.derive.sums import addable
from planctl.engine import FileResult, Options, check_document
from planctl.findings import Finding, Severity
from planctl.loader import Document, load_text
from planctl.location import PlanPath, format_path
from planctl.model import to_plan

# a sweep over every rolled-up figure of 洛阳: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

PLAN = Path(__file__).parent.parent / "plans" / "luoyang.yaml"
ROLLUP_RULES = Options(select=("PC101", "PC102", "PC103"))
NUMBER = re.compile(r"\d+(\.\d+)?")


@cache
def _original() -> Document:
    """The plan as loaded, shared by every case: cases change copies of its data, never it."""
    return load_text(PLAN.read_text(encoding="utf-8"))


def _rolled_up_figures() -> list[PlanPath]:
    """Paths of every budget figure that is a part or a whole in some roll-up."""
    plan, _ = to_plan(_original())
    assert plan is not None
    paths: set[PlanPath] = set()
    for total in derive(plan).sums:
        if total.path[0] == "budget":
            # The whole of a sum whose parts cannot all be added (16564人 = 16170人 + 38个 +
            # 356个, reported as PC102) is only bounded from below by its addable parts.
            if not total.mixed:
                paths.add(total.path)
            paths.update(path for part, path in total.parts if addable(total.stated.value, part))
    return sorted(paths, key=format_path)


def _doubled(document: Document, path: PlanPath) -> Document:
    """A copy of `document` whose figure at `path` has its number doubled, unit and all kept."""
    data = copy.deepcopy(document.data)
    parent: Any = data
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if isinstance(parent[key], dict):  # {value: 9.285亿元, source: …}
        parent, key = parent[key], "value"
    figure = parent[key]
    assert isinstance(figure, str), f"{format_path(path)} is not a printed figure: {figure!r}"
    match = NUMBER.match(figure)
    assert match is not None, f"no number at the start of {format_path(path)}: {figure}"
    doubled = format(Decimal(match.group()) * 2, "f")
    assert doubled != match.group(), f"doubling {figure} at {format_path(path)} changes nothing"
    parent[key] = doubled + figure[match.end() :]
    return replace(document, data=data)


def _errors(result: FileResult) -> list[Finding]:
    return [f for f in result.findings if f.severity is Severity.ERROR and f.accepted is None]


def test_the_unchanged_plan_has_no_roll_up_error() -> None:
    result = check_document(_original(), "luoyang.yaml", ROLLUP_RULES)
    assert result.valid
    assert [format_path(f.path) for f in _errors(result)] == []


@pytest.mark.parametrize("path", _rolled_up_figures(), ids=format_path)
def test_doubling_a_rolled_up_figure_is_caught_at_it_or_its_parent(path: PlanPath) -> None:
    result = check_document(_doubled(_original(), path), "luoyang.yaml", ROLLUP_RULES)
    item = path[:-1]
    parent = item[:-2]
    errors = _errors(result)
    near = [f for f in errors if f.path[: len(parent)] == parent]
    assert near, f"no error near {format_path(path)}: {[format_path(f.path) for f in errors]}"
