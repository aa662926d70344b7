"""The same target stated with different deadlines.

Documents often restate their headline target ("all poor people exit") in several sections;
when the years differ (2019 in one place, 2020 in another), readers cannot tell which one binds.
Exit targets (people, villages, households, counties) are the same when they have the same
`measure` and value, where `all` and a value equal to the baseline count as the same; other
targets must also have the same name.

Passing: two statements of 贫困人口全部脱贫 both due 2020.

Failing: one due 2019 and one due 2020.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.derive import Derived
from planctl.derive.targets import asks_for_all
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.location import format_path
from planctl.model import Figure, Plan, Target
from planctl.model.plan import EXIT_MEASURES

CODE = "PC110"
TITLE = N_("conflicting deadlines for one target")
SEVERITY = Severity.WARNING
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    first: dict[tuple[str, str, str], tuple[int, Target]] = {}
    for position, target in enumerate(plan.targets):
        # Exit targets are the same whatever their wording; other targets also need the same name.
        name = (
            "" if target.measure in EXIT_MEASURES or target.measure == "counties" else target.name
        )
        key = (target.measure, name, _value_key(plan, target))
        if key not in first:
            first[key] = (position, target)
            continue
        earlier_position, earlier = first[key]
        if earlier.by != target.by and None not in (earlier.by, target.by):
            where = format_path(("targets", earlier_position))
            yield Finding(
                CODE,
                _(
                    "{name}: due {year} here ({source}) but {earlier} at {where} ({earlier_source})"
                ).format(
                    name=target.name,
                    year=target.by,
                    source=target.source or _("no section"),
                    earlier=earlier.by,
                    where=where,
                    earlier_source=earlier.source or _("no section"),
                ),
                ("targets", position, "by"),
                stated=str(target.by),
                computed=str(earlier.by),
            )


def _value_key(plan: Plan, target: Target) -> str:
    if asks_for_all(plan, target):
        return "all"
    assert isinstance(target.value, Figure)
    return f"{target.value.value.base}:{target.value.value.family}"
