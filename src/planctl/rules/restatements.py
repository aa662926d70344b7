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
from planctl.calc.wording import family_name
from planctl.derive import Derived
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath
from planctl.model import Figure, Plan
from planctl.rules.base import gap_finding

CODE = "PC103"
TITLE = N_("restatements disagree")
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
                yield from _agree(other, figure, path, figure.same_as)


def _agree(
    reference: Figure, restated: Figure, path: PlanPath, same_as: str | None = None
) -> Iterator[Finding]:
    """`restated` agrees with `reference` (linked to it by `same_as: <id>`, or an `also:`)."""
    first, second = reference.value, restated.value
    what = (
        _("{restated} restates {first} (same as '{id}')")
        if same_as is not None
        else _("{restated} restates {first}")
    ).format(restated=second.text, first=first.text, id=same_as)
    if first.family != second.family:
        yield Finding(
            CODE,
            _("{what} but one is {family} and the other {other}").format(
                what=what, family=family_name(second.family), other=family_name(first.family)
            ),
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
    finding = gap_finding(CODE, path, what, comparison)
    if first.number == second.number and first.unit != second.unit:
        finding = Finding(
            CODE,
            _(
                "{what}: the same digits in units {unit} and {other}; this looks like a unit error"
            ).format(what=what, unit=first.unit.text, other=second.unit.text),
            path,
            severity=Severity.ERROR,
            stated=second.text,
            computed=comparison.computed_text,
            gap=comparison.gap,
        )
    yield finding
