"""The same quantity stated in two places must agree, unit-aware.

A figure's `also:` entries restate it elsewhere in the document, and `same_as: <id>` links a
figure to another one. They must agree within their printed precision: `9.285亿元` and
`92851.758万元` do; `33052元` and `33052万元` do not, and since the digits are the same and the
units differ by a power of ten, planctl says it looks like a unit error.

Passing: `amount: {value: 9.285亿元, also: [{value: 92851.758万元, source: 第四章第一节}]}`.

Failing: `income: {value: 33052万元, same_as: 人均可支配收入}` where that id is `33052元`.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.calc.compare import compare
from planctl.derive import Derived
from planctl.findings import Finding, Severity
from planctl.location import Path
from planctl.model import Figure, Plan
from planctl.rules.base import gap_finding
from planctl.units import family_label

CODE = "PC103"
TITLE = "restatements disagree"
SEVERITY = Severity.ERROR


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    index = derived.index.ids
    for figure, path in derived.index.figures:
        if path and "also" in path[-2:-1]:
            continue  # restatements are compared from their figure
        for position, restated in enumerate(figure.also):
            yield from _agree(figure, restated, (*path, "also", position))
        if figure.same_as and figure.same_as in index:
            other = index[figure.same_as].figure
            if other is not None and other is not figure:
                yield from _agree(other, figure, path, f" (same as '{figure.same_as}')")


def _agree(reference: Figure, restated: Figure, path: Path, link: str = "") -> Iterator[Finding]:
    first, second = reference.value, restated.value
    if first.family != second.family:
        yield Finding(
            CODE,
            f"{second.text} restates {first.text}{link} but one is "
            f"{family_label(second.family)} and the other {family_label(first.family)}",
            path,
            stated=second.text,
            computed=first.text,
        )
        return
    # The coarser statement is the one that may have been rounded from the finer one.
    coarse, fine = (second, first) if second.ulp_base >= first.ulp_base else (first, second)
    comparison = compare(coarse, fine.base, fine.tolerance, finest_part=fine.ulp_base)
    if comparison.agrees:
        return
    what = f"{second.text} restates {first.text}{link}"
    finding = gap_finding(CODE, path, what, comparison)
    if first.number == second.number and first.unit != second.unit:
        finding = Finding(
            CODE,
            f"{second.text} restates {first.text}{link}: the same digits in units "
            f"{first.unit.text} and {second.unit.text}; this looks like a unit error",
            path,
            severity=Severity.ERROR,
            stated=second.text,
            computed=comparison.computed_text,
            gap=comparison.gap,
        )
    yield finding
