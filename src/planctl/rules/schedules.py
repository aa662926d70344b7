"""Year-by-year schedules: inside the plan period, complete, and adding up.

For every schedule: each year lies inside the plan period (a warning otherwise: the document
may be citing an earlier result); no entry is negative; no year is skipped between the first
and the last; the entries add up to the stated `total`. An exit schedule (`measure: people`,
`villages` or `households`) must add up to the baseline's poor population, villages or
households, and its cumulative exits must never exceed them. A schedule declared
`partial: true` gives only some years (a document printing only 2017 and 2018): it is held
only to what it can claim, never exceeding the baseline, and its skipped years are expected.
All comparisons are precision-aware. For exit-check, the rule also answers, for each exit
measure the plan has a schedule or a baseline of, whether the schedule reaches the baseline
(pass), misses it (the failure above), or cannot be compared (not evaluable: no schedule, no
baseline, units that mix).

Passing: `{name: 贫困人口脱贫, measure: people, years: {2016: 48805人, 2017: 81200人}}` with a
baseline of `130005人`.

Failing: the same with a baseline of `31.0975万人`: the schedule exits 130005人, not 310975人.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.calc.compare import compare_sum
from planctl.calc.wording import family_name, listing, measure_name
from planctl.derive import Derived
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.model import Figure, Plan, Schedule
from planctl.model.plan import EXIT_MEASURES
from planctl.quantity import Bound, Quantity, format_in
from planctl.rules.base import gap_finding, verdict

CODE = "PC107"
TITLE = N_("schedule inconsistent")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    yield from _problems(plan)
    yield from _exit_answers(plan, derived)


def _exit_answers(plan: Plan, derived: Derived) -> Iterator[Finding]:
    """Pass or not evaluable for each exit measure (a failure is reported by `_problems`)."""
    for measure in EXIT_MEASURES:
        series = derived.timeline.exit_series(measure)
        baseline = plan.exit_baseline(measure)
        if series is None and baseline is None:
            continue
        label = measure_name(measure)
        name = _("{measure} schedule reaches the baseline").format(measure=label)
        why = None
        if series is None or not series.entries:
            why = _("the plan has no schedule with measure: {measure}").format(measure=label)
        elif baseline is None:
            why = _("the plan states no baseline.{field}").format(field=EXIT_MEASURES[measure])
        elif series.mixed or series.baseline_value is None:
            why = _("the schedule and the baseline are not in one unit family")
        if why is not None or series is None or series.baseline_value is None:
            path = series.path if series is not None else ("baseline",)
            message = _("{name}: {why}").format(name=name, why=why)
            yield verdict(CODE, Outcome.NOT_EVALUABLE, message, path)
            continue
        stated = series.baseline_value
        comparison = compare_sum(stated, list(series.entries.values()))
        if series.partial and (comparison.agrees or comparison.computed <= stated.base):
            yield verdict(
                CODE,
                Outcome.PASS,
                _(
                    "{name}: partial: its years add up to {computed}, within the baseline {stated}"
                ).format(name=name, computed=comparison.computed_text, stated=stated.text),
                (*series.path, "years"),
                stated=stated.text,
                computed=comparison.computed_text,
            )
        elif comparison.agrees:
            yield verdict(
                CODE,
                Outcome.PASS,
                _("{name}: the years add up to {computed} of {stated}").format(
                    name=name, computed=comparison.computed_text, stated=stated.text
                ),
                (*series.path, "years"),
                stated=stated.text,
                computed=comparison.computed_text,
            )


def _problems(plan: Plan) -> Iterator[Finding]:
    for position, schedule in enumerate(plan.schedules):
        path = ("schedules", position)
        yield from _years(plan, schedule, path)
        entries = [figure.value for _, figure in sorted(schedule.years.items())]
        if not entries:
            continue
        family = entries[0].family
        if any(entry.family != family for entry in entries):
            yield Finding(
                CODE,
                _("{name}: the years mix units of different families").format(name=schedule.name),
                (*path, "years"),
            )
            continue
        if schedule.total is not None:
            yield from _adds_up(schedule.name, schedule.total, entries, (*path, "total"), False)
        baseline = plan.exit_baseline(schedule.measure) if schedule.scope is None else None
        if baseline is not None and baseline.value.family == family:
            yield from _within_baseline(schedule, baseline, path)
            if not schedule.partial:
                yield from _adds_up(schedule.name, baseline, entries, (*path, "years"), True)


def _years(plan: Plan, schedule: Schedule, path: tuple[str | int, ...]) -> Iterator[Finding]:
    period = plan.plan.period
    years = sorted(schedule.years)
    for year in years:
        figure = schedule.years[year]
        if period and not period[0] <= year <= period[1]:
            yield Finding(
                CODE,
                _("{name}: {year} is outside the plan period {start}-{end}").format(
                    name=schedule.name, year=year, start=period[0], end=period[1]
                ),
                (*path, "years", year),
                severity=Severity.WARNING,
            )
        if figure.value.base < 0:
            yield Finding(
                CODE,
                _("{name}: {year} is negative ({value})").format(
                    name=schedule.name, year=year, value=figure.value.text
                ),
                (*path, "years", year),
            )
    if years and not schedule.partial:
        missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
        if missing:
            yield Finding(
                CODE,
                _("{name}: no entry for {missing} between {first} and {last}").format(
                    name=schedule.name, missing=listing(missing), first=years[0], last=years[-1]
                ),
                (*path, "years"),
                severity=Severity.WARNING,
            )


def _adds_up(
    name: str,
    stated: Figure,
    entries: list[Quantity],
    path: tuple[str | int, ...],
    baseline: bool,
) -> Iterator[Finding]:
    """The years add up to the schedule's `total` (or, `baseline`, to the exit baseline)."""
    comparison = compare_sum(stated.statements()[0].value, entries)
    if not comparison.agrees:
        what = (
            _("{name}: the baseline against the sum of the years")
            if baseline
            else _("{name}: the total against the sum of the years")
        ).format(name=name)
        yield gap_finding(CODE, path, what, comparison)


def _within_baseline(
    schedule: Schedule, baseline: Figure, path: tuple[str | int, ...]
) -> Iterator[Finding]:
    limit = baseline.statements()[0].value
    if limit.bound in (Bound.AT_LEAST, Bound.MORE_THAN):
        return  # a baseline of 20.58万余人 is at least that: exits beyond it are no excess
    running = Decimal(0)
    for year, figure in sorted(schedule.years.items()):
        running += figure.value.base
        if running > limit.base + limit.tolerance:
            yield Finding(
                CODE,
                _(
                    "{name}: by {year} the schedule has exited {exited}, "
                    "more than the baseline {baseline} ({family})"
                ).format(
                    name=schedule.name,
                    year=year,
                    exited=format_in(running, limit.unit),
                    baseline=limit.text,
                    family=family_name(limit.family),
                ),
                (*path, "years", year),
                stated=limit.text,
                computed=format_in(running, limit.unit),
            )
            return
