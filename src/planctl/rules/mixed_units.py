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

from planctl.calc.wording import family_name, item_name, measure_name
from planctl.derive import Derived
from planctl.derive.sums import addable
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.model import Plan

CODE = "PC102"
TITLE = N_("units that do not mix in one sum")
SEVERITY = Severity.ERROR


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for total in derived.sums:
        family = total.stated.value.family
        for part, path in total.parts:
            if part.family != family:
                counters = addable(total.stated.value, part)
                message = (
                    _(
                        "{name} {measure}: the whole {whole} is {whole_family} but this part, "
                        "{part}, is {part_family}; added as counts of different things"
                    )
                    if counters
                    else _(
                        "{name} {measure}: the whole {whole} is {whole_family} but this part, "
                        "{part}, is {part_family}; they cannot be added"
                    )
                )
                yield Finding(
                    CODE,
                    message.format(
                        name=item_name(total.item.name, total.item.node),
                        measure=measure_name(total.measure),
                        whole=total.stated.value.text,
                        whole_family=family_name(family),
                        part=part.text,
                        part_family=family_name(part.family),
                    ),
                    path,
                    severity=Severity.WARNING if counters else Severity.ERROR,
                    stated=part.text,
                )
