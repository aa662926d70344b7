"""Regional breakdowns add up: regions to the baseline, members to their group's subtotal.

When regions state poor population, households, villages or rural population, the figures of
all regions must add up to the baseline's (or, if some regions state none, not exceed it). A
table of only some regions (the villages exiting this year) declares `breakdown: partial`:
its figures must not exceed the baseline's; `overlapping` (regions that contain one another)
holds each region to at most the baseline. A
group (`regions.groups`, e.g. 贫困县 as national and provincial key counties) states subtotals
over the regions of its kinds; they must equal the members' sum. Declared numbers of regions
of each kind are checked by PC105.

Passing: regions of 27208人 and 283767人 under a baseline of `31.0975万人`.

Failing: the same regions under a baseline of `31.0976万人`; a `breakdown: partial` table of
villages of 120人 and 90人 under a baseline of 200人.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.calc.compare import compare_sum, exceeds
from planctl.calc.wording import field_name
from planctl.derive import Derived
from planctl.derive.exit_units import table_kind
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.model import Figure, Plan
from planctl.model.plan import REGION_FIGURES
from planctl.rules.base import gap_finding, sum_findings

CODE = "PC108"
TITLE = N_("regional breakdown does not add up")
SEVERITY = Severity.ERROR


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    if plan.regions is None or not plan.regions.items:
        return
    regions = plan.regions.items
    for field in REGION_FIGURES:
        figures: list[Figure] = [f for r in regions if (f := getattr(r, field)) is not None]
        whole: Figure | None = getattr(plan.baseline, field, None) if plan.baseline else None
        if whole is None or not figures:
            continue
        stated = whole.statements()[0].value
        parts = [figure.value for figure in figures]
        if any(part.family != stated.family for part in parts):
            continue
        what = _("baseline {field} against the sum over {n} regions").format(
            field=field_name(field), n=len(parts)
        )
        kind = table_kind(plan, field)
        if kind == "overlapping":
            for position, region in enumerate(regions):
                figure = getattr(region, field)
                if figure is not None and (over := exceeds(stated, [figure.value])) is not None:
                    what = _("{name} {field} against the baseline (overlapping regions)").format(
                        name=region.name, field=field_name(field)
                    )
                    yield gap_finding(CODE, ("regions", "items", position, field), what, over)
        elif kind == "exhaustive" and len(figures) == len(regions):
            comparison = compare_sum(stated, parts)
            yield from sum_findings(CODE, ("baseline", field), what, comparison)
        elif (over := exceeds(stated, parts)) is not None:
            yield gap_finding(CODE, ("baseline", field), what, over)
    for position, group in enumerate(plan.regions.groups):
        members = [region for region in regions if region.kind in group.kinds]
        for field in REGION_FIGURES:
            subtotal: Figure | None = getattr(group, field)
            parts = [f.value for r in members if (f := getattr(r, field)) is not None]
            if subtotal is None or not parts or len(parts) != len(members):
                continue
            total = subtotal.statements()[0].value
            what = _("{group} {field} against its {n} regions").format(
                group=group.name, field=field_name(field), n=len(parts)
            )
            where = ("regions", "groups", position, field)
            if table_kind(plan, field) != "exhaustive":  # the table lists only some members
                if (over := exceeds(total, parts)) is not None:
                    yield gap_finding(CODE, where, what, over)
                continue
            yield from sum_findings(CODE, where, what, compare_sum(total, parts))
