"""An exit target is met by its year: the schedule exits what the target asks for in time.

For every target of an exit measure (`people`, `villages`, `households`) with a year (`by`),
the exits the plan's schedule of that measure adds up to by the end of that year must reach
what the target asks for: the whole baseline (`value: all`, no value, or the baseline's figure
printed again) or the target's own figure. A `counties` target is met when enough poor regions
(`regions.items` of a poor kind) have an `exit_year` no later than its year.

The comparison is precision-aware, as in every rule: a baseline printed as `31万人` is met by a
schedule adding up to `310975人`. A miss says by how much, in the target's unit and in base
units. A target that cannot be judged (no year, no schedule, no baseline, a schedule whose units
mix) is *not evaluable*, with the figure that is missing.

Passing: a baseline of `31.0975万人`, a schedule reaching `310975人` by 2020, and the target
`{name: 贫困人口全部脱贫, measure: people, value: all, by: 2020}`.

Failing: the same target `by: 2019` when the schedule reaches only `304905人` by 2019 (missed
by 0.607万人, 6070人).
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.calc.compare import compare
from planctl.calc.wording import measure_name
from planctl.criteria import POOR_KINDS
from planctl.derive import Derived
from planctl.derive.targets import required_value
from planctl.findings import Finding, Gap, Outcome, Severity
from planctl.i18n import N_, _
from planctl.location import Path
from planctl.model import Plan, Target
from planctl.model.plan import EXIT_MEASURES
from planctl.quantity import format_in
from planctl.rules.base import verdict

CODE = "PE02"
TITLE = N_("exit target met by its year")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True
COUNTIES = "counties"


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for index, target in enumerate(plan.targets):
        if target.measure in EXIT_MEASURES:
            yield _judge_schedule(plan, derived, target, ("targets", index))
        elif target.measure == COUNTIES:
            yield _judge_counties(plan, target, ("targets", index))


def _judge_schedule(plan: Plan, derived: Derived, target: Target, path: Path) -> Finding:
    name, year = target.name, target.by

    def not_evaluable(why: str) -> Finding:
        return verdict(
            CODE,
            Outcome.NOT_EVALUABLE,
            _("{name}: {why}").format(name=name, why=why),
            path,
            year=year,
            source=target.source,
        )

    label = measure_name(target.measure)
    if year is None:
        return not_evaluable(_("the document gives no year for it"))
    series = derived.timeline.exit_series(target.measure)
    if series is None or not series.entries:
        return not_evaluable(
            _("the plan has no schedule with measure: {measure}").format(measure=label)
        )
    done = series.cumulative(year)
    if done is None:
        return not_evaluable(
            _("the {measure} schedule mixes units; see PC107").format(measure=label)
        )
    required = required_value(plan, target)
    if required is None:
        return not_evaluable(_("the plan states no baseline for {measure}").format(measure=label))
    if required.family != series.family:
        return not_evaluable(
            _("the target is in {unit} but the schedule counts {other}").format(
                unit=required.unit.text,
                other=series.unit.text if series.unit else _("other units"),
            )
        )
    finest = min(entry.ulp_base for entry in series.entries.values())
    comparison = compare(required, done, series.tolerance(year), finest_part=finest)
    done_text = format_in(done, required.unit)
    met = comparison.agrees or done >= required.base
    gap = None
    if met:
        message = _("{name}: by {year} the schedule exits {done} of {required}")
    else:
        gap = Gap.between(required.base, done, required.unit)
        message = _("{name}: by {year} the schedule exits {done} of {required}: missed by {gap}")
    message = message.format(
        name=name, year=year, done=done_text, required=required.text, gap=gap.size if gap else ""
    )
    return verdict(
        CODE,
        Outcome.PASS if met else Outcome.FAIL,
        message,
        (*path, "by"),
        year=year,
        source=target.source,
        stated=required.text,
        computed=done_text,
        gap=gap,
    )


def _judge_counties(plan: Plan, target: Target, path: Path) -> Finding:
    name, year = target.name, target.by
    poor = [region for region in plan.region_items if region.kind in POOR_KINDS]
    why = None
    if year is None:
        why = _("the document gives no year for it")
    elif not poor:
        why = _("the plan lists no poor counties with their kinds")
    elif undated := [region.name for region in poor if region.exit_year is None]:
        why = _("no exit_year for {regions}").format(regions="、".join(undated))
    if why is not None or year is None:
        return verdict(
            CODE,
            Outcome.NOT_EVALUABLE,
            _("{name}: {why}").format(name=name, why=why),
            path,
            year=year,
            source=target.source,
        )
    required = required_value(plan, target)
    needed = int(required.base) if required is not None else len(poor)
    exited = sum(1 for region in poor if region.exit_year is not None and region.exit_year <= year)
    met = exited >= needed
    message = (
        _("{name}: {exited} of {needed} poor counties exit by {year}")
        if met
        else _("{name}: {exited} of {needed} poor counties exit by {year}: missed by {gap}")
    ).format(name=name, exited=exited, needed=needed, year=year, gap=needed - exited)
    return verdict(
        CODE,
        Outcome.PASS if met else Outcome.FAIL,
        message,
        (*path, "by"),
        year=year,
        source=target.source,
        stated=str(needed),
        computed=str(exited),
    )
