"""A declared count ("16个分项", "13个县", "七大工程") must match what is listed.

Each entry of `counts:` is checked against the names the text itself lists (`names:`) and
against the things the plan encodes (`of:` regions, optionally of one `kind`; budget items or
measures at a `depth`; or the children of the item with that id). A count printed with a
qualifier (`80余家`, `5个以上`) is a bound, not an exact number. A count whose list is only some
of the things it counts (`breakdown: partial`, the names a text gives before 等) must not be
exceeded by it; a count `of: regions` follows the regions table's own `breakdown`.

Passing: `{name: 县（市、区）, value: 13个, of: regions}` with 13 regions.

Failing: `{name: 分项, value: 16个, of: budget, depth: 2}` when the budget lists 14 projects;
`{name: 贫困村, value: 126个, of: regions}` beside a `breakdown: partial` table of 130 villages.
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
from planctl.model.plan import DeclaredCount
from planctl.quantity import Bound, Quantity

CODE = "PC105"
TITLE = N_("declared count does not match the list")
SEVERITY = Severity.ERROR


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    index = derived.index
    for position, count in enumerate(plan.counts):
        declared = count.value.value
        path = ("counts", position)
        partial = _partial(plan, count)
        if count.names is not None and not satisfies(declared, len(count.names), partial):
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
        if listed is not None and not satisfies(declared, listed, partial):
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


def _partial(plan: Plan, count: DeclaredCount) -> bool:
    """Whether the count's list is declared to be only some of what it counts."""
    if count.breakdown is not None:
        return count.breakdown == "partial"
    if count.of == "regions" and plan.regions is not None:
        return plan.regions.breakdown == "partial"
    return False


def satisfies(declared: Quantity, actual: int, partial: bool = False) -> bool:
    """Whether `actual` things meet the declared count, given its qualifier; a partial list
    only has to stay within it."""
    value, number = declared.base, Decimal(actual)
    if partial:
        match declared.bound:
            case None | Bound.AT_MOST:
                return number <= value
            case Bound.LESS_THAN:
                return number < value
            case _:  # at least, more than, about: no upper limit a partial list could pass
                return True
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
