"""A declared count ("16个分项", "13个县", "七大工程") must match what is listed.

Each entry of `counts:` is checked against the names the text itself lists (`names:`) and
against the things the plan encodes (`of:` regions, optionally of one `kind`; budget items or
measures at a `depth`; or the children of the item with that id). A count printed with a
qualifier (`80余家`, `5个以上`) is a bound, not an exact number.

Passing: `{name: 县（市、区）, value: 13个, of: regions}` with 13 regions.

Failing: `{name: 分项, value: 16个, of: budget, depth: 2}` when the budget lists 14 projects.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.calc.counting import count_listed
from planctl.calc.wording import counted_name, kind_name
from planctl.derive import Derived
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.quantity import Bound, Quantity

CODE = "PC105"
TITLE = N_("declared count does not match the list")
SEVERITY = Severity.ERROR


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    index = derived.index
    for position, count in enumerate(plan.counts):
        declared = count.value.value
        path = ("counts", position)
        if count.names is not None and not satisfies(declared, len(count.names)):
            yield Finding(
                CODE,
                _("{name}: declared {declared}, but the text lists {listed}: {names}").format(
                    name=count.name,
                    declared=declared.text,
                    listed=len(count.names),
                    names="、".join(count.names),
                ),
                (*path, "names"),
                stated=declared.text,
                computed=str(len(count.names)),
            )
        listed = count_listed(plan, count, index)
        if listed is not None and not satisfies(declared, listed):
            message = (
                _("{name}: declared {declared}, but the plan lists {listed} in {of} of kind {kind}")
                if count.kind
                else _("{name}: declared {declared}, but the plan lists {listed} in {of}")
            )
            yield Finding(
                CODE,
                message.format(
                    name=count.name,
                    declared=declared.text,
                    listed=listed,
                    of=counted_name(str(count.of)),
                    kind=kind_name(count.kind),
                ),
                path,
                stated=declared.text,
                computed=str(listed),
            )


def satisfies(declared: Quantity, actual: int) -> bool:
    """Whether `actual` things meet the declared count, given its qualifier."""
    value, number = declared.base, Decimal(actual)
    match declared.bound:
        case None:
            return number == value
        case Bound.AT_LEAST:
            return number >= value
        case Bound.MORE_THAN:
            return number > value
        case Bound.AT_MOST:
            return number <= value
        case Bound.LESS_THAN:
            return number < value
        case Bound.ABOUT:
            return True
