"""A declared breakdown holds to its kind: exhaustive parts add up, partial ones stay within.

`breakdowns` splits a whole that lives outside the budget and facts trees (exits by path,
groups of targets, counts) into parts. The whole (`of`) is the id of a figure or the name of
a schedule (the sum of its years); each part is a figure or the `ref` of one stated
elsewhere. The kind says what the document claims: `exhaustive` parts add up to the whole
at the printed precision (with a part left without a figure, they must not exceed it),
`partial` parts must not exceed it together, `overlapping` parts (a person counted under two
paths) must not exceed it each on its own. A name in `of` or `ref` that matches nothing is
an error, never a check silently skipped.

Passing: `{name: 脱贫路径, of: 贫困人口脱贫, kind: overlapping, parts: [{name: 搬迁, value:
2.1万人}, {name: 产业, value: 1.4万人}]}` under a schedule of 3.2万人 and 0.7万人.

Failing: the same with `kind: partial` and a third part of 1.6万人: together 5.1万人, more than
the 3.9万人 the schedule exits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from difflib import get_close_matches

from planctl.calc.compare import compare_sum, exceeds
from planctl.derive import Derived
from planctl.derive.sums import addable
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath
from planctl.model import Plan
from planctl.model.breakdown import BreakdownOf
from planctl.quantity import Quantity, normalize
from planctl.rules.base import gap_finding, sum_findings

CODE = "PC120"
TITLE = N_("declared breakdown does not hold")
SEVERITY = Severity.ERROR


@dataclass(frozen=True, slots=True)
class Whole:
    """The whole of a breakdown: a stated figure, or a schedule's years added up."""

    value: Quantity
    described: str  # how the finding names it
    extra_tolerance: Decimal = Decimal(0)  # a sum is less precise than its printed digits say


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for position, breakdown in enumerate(plan.breakdowns):
        yield from _check_one(plan, derived, breakdown, ("breakdowns", position))


def _check_one(
    plan: Plan, derived: Derived, breakdown: BreakdownOf, at: PlanPath
) -> Iterator[Finding]:
    whole = _whole(plan, derived, breakdown.of)
    if isinstance(whole, str):
        yield Finding(CODE, _("{name}: {why}").format(name=breakdown.name, why=whole), (*at, "of"))
        return
    parts: list[tuple[Quantity, PlanPath]] = []
    unstated = 0
    for index, part in enumerate(breakdown.parts):
        where: PlanPath = (*at, "parts", index)
        if part.ref is not None:
            target = derived.index.ids.get(part.ref)
            if target is None or target.figure is None:
                close = _close(part.ref, list(derived.index.ids))
                message = (
                    _("{name}: part {part}: no figure has the id {id}; did you mean {close}?")
                    if close
                    else _("{name}: part {part}: no figure has the id {id}")
                ).format(name=breakdown.name, part=part.name, id=repr(part.ref), close=close)
                yield Finding(CODE, message, (*where, "ref"))
                return
            parts.append((target.figure.statements()[0].value, (*where, "ref")))
        elif part.value is not None:
            parts.append((part.value.statements()[0].value, (*where, "value")))
        else:
            unstated += 1
    for quantity, where in parts:
        if not addable(whole.value, quantity):
            yield Finding(
                CODE,
                _("{name}: part {part} cannot be added to the whole {whole}").format(
                    name=breakdown.name, part=quantity.text, whole=whole.described
                ),
                where,
                stated=whole.value.text,
                computed=quantity.text,
            )
            return
    if not parts:
        return
    kind = str(breakdown.kind)
    quantities = [quantity for quantity, _ in parts]
    slack = whole.extra_tolerance
    if kind == "overlapping":
        for quantity, where in parts:
            if (over := exceeds(whole.value, [quantity], whole_tolerance=slack)) is not None:
                what = _("{name}: a part of an overlapping breakdown of {whole}").format(
                    name=breakdown.name, whole=whole.described
                )
                yield gap_finding(CODE, where, what, over)
    elif kind == "exhaustive" and not unstated:
        comparison = compare_sum(whole.value, quantities, whole_tolerance=slack)
        what = _("{name}: the parts of {whole}").format(name=breakdown.name, whole=whole.described)
        yield from sum_findings(CODE, at, what, comparison)
    elif (over := exceeds(whole.value, quantities, whole_tolerance=slack)) is not None:
        what = (
            _("{name}: the parts of {whole} exceed it ({kind}, {n} part(s) without a figure)")
            if unstated
            else _("{name}: the parts of {whole} exceed it ({kind})")
        ).format(name=breakdown.name, whole=whole.described, kind=kind, n=unstated)
        yield gap_finding(CODE, at, what, over)


def _whole(plan: Plan, derived: Derived, name: str) -> Whole | str:
    """The figure `name` names, a schedule's sum, or why there is none."""
    target = derived.index.ids.get(name)
    if target is not None and target.figure is not None:
        return Whole(target.figure.statements()[0].value, name)
    schedules = [schedule for schedule in plan.schedules if schedule.name == name]
    if len(schedules) > 1:
        return _("{n} schedules are named {name}; give the whole an id instead").format(
            n=len(schedules), name=repr(name)
        )
    if not schedules:
        known = [*derived.index.ids, *(schedule.name for schedule in plan.schedules)]
        close = _close(name, known)
        return (
            _(
                "of: {name} is neither the id of a figure nor a schedule's name; "
                "did you mean {close}?"
            )
            if close
            else _("of: {name} is neither the id of a figure nor a schedule's name")
        ).format(name=repr(name), close=close)
    entries = [figure.value for figure in schedules[0].years.values()]
    if not entries or any(entry.family != entries[0].family for entry in entries):
        return _("the schedule {name} has no years of one kind to add up").format(name=repr(name))
    value = _sum_as_printed(entries)
    tolerance = sum((entry.tolerance for entry in entries), Decimal(0))
    described = f"{name} ({' + '.join(entry.text for entry in entries)} = {value.text})"
    return Whole(value, described, max(tolerance - value.tolerance, Decimal(0)))


def _sum_as_printed(entries: list[Quantity]) -> Quantity:
    """The exact sum of `entries`, in the first one's unit, to the finest digit any of them
    prints (1.50万人 + 1.50万人 = 3.00万人), so that its precision is never overstated."""
    unit = entries[0].unit
    number = sum((entry.base for entry in entries), Decimal(0)) / unit.factor
    digit = min(entry.ulp_base for entry in entries) / unit.factor
    printed = number.quantize(digit) if digit < 1 else number
    if printed != number:  # units whose factors are not powers of ten: keep every digit
        printed = normalize(number)
    return Quantity(f"{printed:f}{unit.text}", printed, unit)


def _close(name: str, known: list[str]) -> str:
    """The known name closest to a mistyped one, quoted, or "" when none is close."""
    close = get_close_matches(name, known, n=1)
    return repr(close[0]) if close else ""
