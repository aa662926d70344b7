"""An exit target is met by its year: the schedule exits what the target asks for in time.

For every target of an exit measure (`people`, `villages`, `households`) with a year (`by`),
the exits the plan's schedule of that measure adds up to by the end of that year must reach
what the target asks for: the whole baseline (`value: all`, no value, or the baseline's figure
printed again) or the target's own figure. A `counties` target is met when enough poor regions
(`regions.items` of a poor kind, and the plan's own region when `plan.region` gives it a poor
`kind`) have an `exit_year` no later than its year. An `incidence` target (贫困发生率降至2%以下)
is met when the poor people the people schedule leaves at the end of its year, over the rural
population (printed, or implied by `baseline.incidence`), are at most its value; an incidence
the document prints for that year (`schedules[].incidence`) is used where there is one. A
target for one year only (`in:`) is judged by PE09 instead.

A partial schedule (`partial: true`) gives only some years, so its running total is a lower
bound: reaching the target passes, falling short is *not evaluable*, never a failure.

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
from decimal import Decimal

from planctl.calc.compare import compare
from planctl.calc.wording import measure_name
from planctl.derive import Derived
from planctl.derive.exit_units import poor_units
from planctl.derive.incidence import baseline_rural, printed_incidences
from planctl.derive.targets import required_value
from planctl.findings import Finding, Gap, Outcome, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath
from planctl.model import Figure, Plan, Target
from planctl.model.plan import EXIT_MEASURES
from planctl.quantity import format_decimal, format_in
from planctl.rules.base import not_evaluable, verdict

CODE = "PE02"
TITLE = N_("exit target met by its year")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True
COUNTIES = "counties"
INCIDENCE = "incidence"


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for index, target in enumerate(plan.targets):
        answer = judge(plan, derived, target, ("targets", index))
        if answer is not None:
            yield answer


def judge(plan: Plan, derived: Derived, target: Target, path: PlanPath) -> Finding | None:
    """The answer for one target due by a year; None for targets this rule does not judge."""
    if target.in_year is not None:
        return None  # an annual figure: PE09
    if target.measure in EXIT_MEASURES:
        return _judge_schedule(plan, derived, target, path)
    if target.measure == COUNTIES:
        return _judge_counties(plan, target, path)
    if target.measure == INCIDENCE:
        return _judge_incidence(plan, derived, target, path)
    return None


def _judge_incidence(plan: Plan, derived: Derived, target: Target, path: PlanPath) -> Finding:
    name, year = target.name, target.by

    def answer(outcome: Outcome, why: str, computed: str | None = None) -> Finding:
        stated = target.value.value.text if isinstance(target.value, Figure) else None
        return verdict(
            CODE,
            outcome,
            _("{name}: {why}").format(name=name, why=why),
            (*path, "by") if outcome is not Outcome.NOT_EVALUABLE else path,
            year=year,
            source=target.source,
            stated=stated,
            computed=computed,
        )

    if year is None:
        return answer(Outcome.NOT_EVALUABLE, _("the document gives no year for it"))
    if not isinstance(target.value, Figure) or target.value.value.family != "percent":
        return answer(Outcome.NOT_EVALUABLE, _("an incidence target needs a percentage value"))
    limit = target.value.value
    printed = [p for p in printed_incidences(plan) if p.year == year and p.path[0] == "schedules"]
    if printed:
        value = printed[0].figure.value
        met = value.base <= limit.base
        text = _("the document prints {printed} for {year}, against {limit}").format(
            printed=value.text, year=year, limit=limit.text
        )
        return answer(Outcome.PASS if met else Outcome.FAIL, text, value.text)
    series = derived.timeline.exit_series("people")
    rural = baseline_rural(plan)
    left = series.remaining(year) if series is not None and series.entries else None
    if series is None or left is None or rural is None or rural[0] <= 0:
        return answer(
            Outcome.NOT_EVALUABLE,
            _(
                "needs a people schedule, baseline.poor_population and baseline.rural_population "
                "(or baseline.incidence)"
            ),
        )
    incidence = max(left, Decimal(0)) / rural[0] * 100
    computed = f"{format_decimal(round(incidence, 2))}%"
    met = incidence <= limit.base  # a threshold is a rule, exact as printed
    figures = {"year": year, "computed": computed, "limit": limit.text}
    if not met and series.partial:
        text = _(
            "by {year} the schedule leaves an incidence of {computed}, against {limit}, "
            "but the schedule is partial"
        ).format(**figures)
        return answer(Outcome.NOT_EVALUABLE, text, computed)
    text = _("by {year} the schedule leaves an incidence of {computed}, against {limit}").format(
        **figures
    )
    return answer(Outcome.PASS if met else Outcome.FAIL, text, computed)


def _judge_schedule(plan: Plan, derived: Derived, target: Target, path: PlanPath) -> Finding:
    name, year = target.name, target.by

    def cannot_judge(why: str) -> Finding:
        return not_evaluable(CODE, name, why, path, year=year, source=target.source)

    label = measure_name(target.measure)
    if year is None:
        return cannot_judge(_("the document gives no year for it"))
    series = derived.timeline.exit_series(target.measure)
    if series is None or not series.entries:
        return cannot_judge(
            _("the plan has no schedule with measure: {measure}").format(measure=label)
        )
    done = series.cumulative(year)
    if done is None:
        return cannot_judge(
            _("the {measure} schedule mixes units; see PC107").format(measure=label)
        )
    required = required_value(plan, target)
    if required is None:
        return cannot_judge(_("the plan states no baseline for {measure}").format(measure=label))
    if required.family != series.family:
        return cannot_judge(
            _("the target is in {unit} but the schedule counts {other}").format(
                unit=required.unit.text,
                other=series.unit.text if series.unit else _("other units"),
            )
        )
    finest = min(entry.ulp_base for entry in series.entries.values())
    comparison = compare(required, done, series.tolerance(year), finest_part=finest)
    done_text = format_in(done, required.unit)
    met = comparison.agrees or done >= required.base
    if not met and series.partial:
        return verdict(
            CODE,
            Outcome.NOT_EVALUABLE,
            _(
                "{name}: by {year} the schedule exits {done} of {required}, but the schedule is "
                "partial (years {first}-{last} only), so it cannot show more"
            ).format(
                name=name,
                year=year,
                done=done_text,
                required=required.text,
                first=min(series.entries),
                last=series.last_year,
            ),
            path,
            year=year,
            source=target.source,
        )
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


def _judge_counties(plan: Plan, target: Target, path: PlanPath) -> Finding:
    name, year = target.name, target.by
    poor = [unit.region for unit in poor_units(plan)]
    why = None
    if year is None:
        why = _("the document gives no year for it")
    elif not poor:
        why = _(
            "the plan lists no poor counties with their kinds (regions.items, or plan.region.kind)"
        )
    elif undated := [region.name for region in poor if region.exit_year is None]:
        why = _("no exit_year for {regions}").format(regions="、".join(undated))
    if why is not None:
        return not_evaluable(
            CODE,
            name,
            why,
            path,
            year=year,
            source=target.source,
        )
    assert year is not None  # else `why` says the document gives none
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
