"""A sum whose parts are in a different unit family from the whole, or from each other.

Adding 人 to 户 is never meaningful; planctl refuses to add them and reports where (an error).
Counts with different counters (19个 institutions and 9家 hospitals as 28个 projects) are
added, with a warning that the counters differ. Units of one family (元, 万元, 亿元) convert
exactly and are fine together.

Passing: a total of `9.285亿元` with parts in 万元.

Failing: `beneficiaries: 78750人` with a child `beneficiaries: 500户`.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.derive import Derived
from planctl.derive.sums import addable
from planctl.findings import Finding, Severity
from planctl.model import Plan
from planctl.units import family_label

CODE = "PC102"
TITLE = "units that do not mix in one sum"
SEVERITY = Severity.ERROR


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for total in derived.sums:
        family = total.stated.value.family
        for part, path in total.parts:
            if part.family != family:
                counters = addable(total.stated.value, part)
                yield Finding(
                    CODE,
                    f"{total.item.name} {total.measure}: the whole {total.stated.value.text} is "
                    f"{family_label(family)} but this part, {part.text}, is "
                    f"{family_label(part.family)}; "
                    + (
                        "added as counts of different things"
                        if counters
                        else "they cannot be added"
                    ),
                    path,
                    severity=Severity.WARNING if counters else Severity.ERROR,
                    stated=part.text,
                )
