"""The same target stated with different deadlines, the earlier of which the plan misses.

Documents often restate their headline target ("all poor people exit") in several sections,
sometimes with different years (2019 in one place, 2020 in another). Exit targets (people,
villages, households, counties) are the same when they have the same `measure` and value, where
`all` and a value equal to the baseline count as the same; other targets must also have the
same name. When the plan's schedule (or the regions' exit years, for counties) meets the
earlier deadline it meets both: the target is only *restated with a later deadline*, a pass.
When it misses the earlier one, the two deadlines conflict (PE02 reports the miss). When
nothing in the plan can judge the earlier deadline (a free target, no schedule), readers cannot
tell which one binds, and that is reported too.

Passing: 贫困村全部退出 due 2019 and due 2020, with a villages schedule complete by 2019.

Failing: 贫困人口全部脱贫 due 2019 and due 2020, with a people schedule that exits the last
people in 2020.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.derive import Derived
from planctl.derive.targets import asks_for_all
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.location import format_path
from planctl.model import Figure, Plan, Target
from planctl.model.plan import EXIT_MEASURES
from planctl.rules import targets_met
from planctl.rules.base import verdict

CODE = "PC110"
TITLE = N_("conflicting deadlines for one target")
SEVERITY = Severity.WARNING
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    first: dict[tuple[str, str, str], tuple[int, Target]] = {}
    for position, target in enumerate(plan.targets):
        if target.by is None:
            continue  # undated, or for one year (`in:`): no deadline to compare
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
            yield _restated(plan, derived, (earlier_position, earlier), (position, target))


def _restated(
    plan: Plan, derived: Derived, first: tuple[int, Target], here: tuple[int, Target]
) -> Finding:
    """A pass when the earlier deadline is met, else the conflict (and why it is one)."""
    (first_position, first_target), (position, target) = first, here
    path = ("targets", position, "by")
    earliest, earliest_position = (
        (target, position)
        if (target.by or 0) < (first_target.by or 0)
        else (first_target, first_position)
    )
    answer = targets_met.judge(plan, derived, earliest, ("targets", earliest_position))
    year = earliest.by
    figures = {
        "name": target.name,
        "year": target.by,
        "source": target.source or _("no section"),
        "earlier": first_target.by,
        "where": format_path(("targets", first_position)),
        "earlier_source": first_target.source or _("no section"),
        "met": year,
    }
    if answer is not None and answer.outcome is Outcome.PASS:
        return verdict(
            CODE,
            Outcome.PASS,
            _(
                "{name}: due {year} here ({source}) and {earlier} at {where} ({earlier_source}): "
                "restated with a later deadline; the plan meets the earlier one ({met})"
            ).format(**figures),
            path,
            year=year,
            source=target.source,
        )
    if answer is not None and answer.outcome is Outcome.FAIL:
        message = _(
            "{name}: due {year} here ({source}) and {earlier} at {where} ({earlier_source}): "
            "conflicting deadlines; the plan misses the earlier deadline ({met}; see PE02)"
        )
    else:
        message = _(
            "{name}: due {year} here ({source}) and {earlier} at {where} ({earlier_source}): "
            "conflicting deadlines; nothing in the plan shows which one it meets"
        )
    return Finding(
        CODE,
        message.format(**figures),
        path,
        stated=str(target.by),
        computed=str(first_target.by),
        year=year,
        source=target.source,
    )


def _value_key(plan: Plan, target: Target) -> str:
    if asks_for_all(plan, target):
        return "all"
    assert isinstance(target.value, Figure)
    return f"{target.value.value.base}:{target.value.value.family}"
