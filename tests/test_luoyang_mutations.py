"""Changing any one budget figure that takes part in a roll-up makes validate fail there.

A figure takes part in a roll-up when it is a part that can be added to its whole, or the
whole of a sum whose parts can all be added.

Each figure is doubled in the YAML text (as a person mistyping it would change it) and the
changed plan must produce an error at that figure's item, its parent, or one of its
restatements. Findings the plan accepts do not count.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from planctl.derive import derive
from planctl.derive.sums import addable
from planctl.engine import Options, check_document
from planctl.findings import Severity
from planctl.loader import load_text
from planctl.location import Path as PlanPath
from planctl.location import format_path
from planctl.model import to_plan

PLAN = Path(__file__).parent.parent / "plans" / "luoyang.yaml"
ROLLUP_RULES = Options(select=("PC101", "PC102", "PC103"))


def _rolled_up_figures() -> list[PlanPath]:
    """Paths of every budget figure that is a part or a whole in some roll-up."""
    document = load_text(PLAN.read_text(encoding="utf-8"))
    plan, _ = to_plan(document)
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


def _doubled(text: str, path: PlanPath) -> str:
    document = load_text(text)
    target = path if (*path, "value") not in document.positions else (*path, "value")
    position = document.positions[target]
    lines = text.split("\n")
    line = lines[position.line - 1]
    start = position.column - 1
    match = re.compile(r"\d+(\.\d+)?").match(line, start)
    assert match is not None, f"no number at {format_path(path)}: {line[start:]}"
    doubled = format(Decimal(match.group()) * 2, "f")
    lines[position.line - 1] = line[: match.start()] + doubled + line[match.end() :]
    return "\n".join(lines)


@pytest.mark.parametrize("path", _rolled_up_figures(), ids=format_path)
def test_doubling_a_rolled_up_figure_is_caught_at_it_or_its_parent(path: PlanPath) -> None:
    changed = _doubled(PLAN.read_text(encoding="utf-8"), path)
    result = check_document(load_text(changed), "luoyang.yaml", ROLLUP_RULES)
    item = path[:-1]
    parent = item[:-2]
    errors = [f for f in result.findings if f.severity is Severity.ERROR and f.accepted is None]
    near = [f for f in errors if f.path[: len(parent)] == parent]
    assert near, f"no error near {format_path(path)}: {[format_path(f.path) for f in errors]}"
