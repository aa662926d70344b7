"""Parts must add up to their total, at every level of every tree, for every measure.

For each item of the budget and of the facts tree that states a figure (amount, value,
projects, beneficiaries, length, area) and has children stating the same measure: with an
`exhaustive` breakdown (the default) the children must add up to the item; with a `partial`
one, or when some children state no figure, they must not exceed it; with an `overlapping`
one (the same people counted under several items) each child must not exceed it on its own.
A sum that agrees only at the printed precision (parts of 245460.75万元 under a printed
245460.74万元) is reported as `info`, shown with `--show info`.

The comparison is precision-aware: `641.8亿元` only says 641.75-641.85亿元, so parts adding up to
641.8006亿元 agree with it, while `97.751亿元` does not agree with parts adding up to
977520.313万元 (97.7520313亿元). A gap of at most one and a half units of the total's last
printed digit, where the total is printed more coarsely than its parts, is *rounding* (a warning,
saying whether the total looks truncated); any other gap is *substantive* (an error).

Passing: `{name: 工程, amount: 1.5亿元, items: [{name: a, amount: 9000万元}, {name: b, amount:
6000万元}]}`.

Failing: the same with `amount: 1.6亿元` (a substantive gap of 0.1亿元); `{name: 受益人口,
beneficiaries: 5000人, breakdown: overlapping, items: [{name: a, beneficiaries: 6000人}]}`.

Parts that cannot be added to the whole (PC102: 人 under 户) are left out, and the others
must then not exceed the whole. Counts with different counters (个, 家) are added.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.calc.compare import compare_sum, exceeds
from planctl.calc.wording import item_name, measure_name
from planctl.derive import Derived
from planctl.derive.sums import Sum
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.rules.base import gap_finding, reported, sum_findings

CODE = "PC101"
TITLE = N_("parts do not add up to the total")
SEVERITY = Severity.ERROR


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for total in derived.sums:
        stated = total.stated.statements()[0].value
        parts = total.addable_parts()
        if not parts:
            continue
        if total.kind == "overlapping":
            for part, path in total.parts:
                over = exceeds(stated, [part]) if part in parts else None
                if over is not None:
                    what = _what(
                        total,
                        N_("{name} {measure} (a part of an overlapping breakdown exceeds it)"),
                    )
                    yield gap_finding(CODE, path, what, over)
        elif total.complete and len(parts) == len(total.parts):  # none left out: not mixed
            comparison = compare_sum(stated, parts)
            if reported(comparison):
                what = _what(total, N_("{name} {measure}"))
                yield from sum_findings(CODE, total.path, what, comparison)
        else:
            over = exceeds(stated, parts)
            if over is not None:
                what = _what(
                    total, N_("{name} {measure} (parts of a partial breakdown exceed the whole)")
                )
                yield gap_finding(CODE, total.path, what, over)


def _what(total: Sum, text: str) -> str:
    """The sum a finding is about, worded only for a finding (most sums of a plan agree)."""
    return _(text).format(
        name=item_name(total.item.name, total.item.node), measure=measure_name(total.measure)
    )
