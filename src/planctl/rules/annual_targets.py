"""A target for one year agrees with what the plan's schedule and table give for that year.

A document often says how much is done *in* a year ("2018年退出贫困村11个") beside a schedule or
a table of what exits each year. Such a target is written with `in: 2018` (not `by:`, which is
a running total) and must agree, at the printed precision, with the figure for that one year:
the schedule of its measure (`schedules[].years[2018]`), and the table the listed regions make
with their exit years (a `level: village` region is one village; any other brings its
`poor_villages`, `poor_population`, `poor_households`; for `counties`, the poor regions exiting
that year). A year neither gives, or a target without a printed figure, is *not evaluable*.

Passing: `{name: 贫困村退出, measure: villages, value: 11个, in: 2018}` and a villages schedule
with `2018: 11个`.

Failing: the same target when eleven villages are listed with `exit_year: 2018` and sixteen
more (27 in all): the table gives 27个 for 2018, not 11个. A table that lists only some regions
(`regions.breakdown: partial`, e.g. the villages of one year) can only show too many: its 3个
for 2018 passes a target of 11个, its 27个 fails it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.calc.compare import compare
from planctl.calc.wording import in_context, measure_name
from planctl.derive import Derived
from planctl.derive.exit_units import year_table
from planctl.findings import Finding, Gap, Outcome, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath, format_path
from planctl.model import Figure, Plan, Target
from planctl.model.plan import EXIT_MEASURES
from planctl.quantity import Quantity, format_in
from planctl.rules.base import not_evaluable, verdict

CODE = "PE09"
TITLE = N_("annual target agrees with its year")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True

# What the target is compared with: its measure's schedule, or the regions exiting that year.
SCHEDULE_AGREES = N_("{name}: the target says {stated}; the schedule ({path}) gives {computed}")
SCHEDULE_DIFFERS = N_(
    "{name}: the target says {stated}; the schedule ({path}) gives {computed}: "
    "gap {gap} ({explanation})"
)
TABLE_AGREES = N_(
    "{name}: the target says {stated}; the regions with exit_year {year} ({regions}) give "
    "{computed}"
)
TABLE_DIFFERS = N_(
    "{name}: the target says {stated}; the regions with exit_year {year} ({regions}) give "
    "{computed}: gap {gap} ({explanation})"
)
NONE = N_("regions|none")


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for index, target in enumerate(plan.targets):
        if target.in_year is not None:
            yield from _judge(plan, derived, target, ("targets", index))


def _judge(plan: Plan, derived: Derived, target: Target, path: PlanPath) -> Iterator[Finding]:
    year = target.in_year
    assert year is not None
    name = _("{name} in {year}").format(name=target.name, year=year)
    if not isinstance(target.value, Figure):
        yield verdict(
            CODE,
            Outcome.NOT_EVALUABLE,
            _("{name}: an annual target needs the figure the document prints for the year").format(
                name=name
            ),
            (*path, "in"),
            year=year,
            source=target.source,
        )
        return
    stated = target.value.value
    judged = False
    series = derived.timeline.exit_series(target.measure)
    if target.measure in EXIT_MEASURES and series is not None and year in series.entries:
        entry = series.entries[year]
        judged = True
        texts = (SCHEDULE_AGREES, SCHEDULE_DIFFERS)
        where = {"path": format_path((*series.path, "years", year))}
        yield _compare(
            name, target, stated, (entry.base, entry.tolerance, entry.ulp_base), texts, where, path
        )
    table = year_table(plan, target.measure, year)
    if table is not None and not table.lacking and not table.undated:
        judged = True
        where = {"regions": "、".join(table.regions) or in_context(NONE)}
        if table.partial:
            yield _within(name, target, stated, table.value, table.tolerance, where, path)
        else:
            texts = (TABLE_AGREES, TABLE_DIFFERS)
            yield _compare(
                name,
                target,
                stated,
                (table.value, table.tolerance, table.finest),
                texts,
                where,
                path,
            )
    if not judged:
        figures = {"measure": measure_name(target.measure), "year": year}
        if table is not None and (table.lacking or table.undated):
            missing = table.lacking or table.undated
            why = _(
                "neither a {measure} schedule entry for {year} nor a complete table "
                "(no figure or exit_year for {regions})"
            ).format(**figures, regions="、".join(missing))
        else:
            why = _("neither a {measure} schedule entry for {year} nor a complete table").format(
                **figures
            )
        yield not_evaluable(
            CODE,
            name,
            why,
            (*path, "in"),
            year=year,
            source=target.source,
        )


def _within(
    name: str,
    target: Target,
    stated: Quantity,
    listed: Decimal,
    tolerance: Decimal,
    where: dict[str, str],
    path: PlanPath,
) -> Finding:
    """A table of only some regions (`regions.breakdown: partial`) can only show too many."""
    year = target.in_year
    listed_text = format_in(listed, stated.unit)
    figures = {"name": name, "stated": stated.text, "computed": listed_text, "year": year}
    excess = listed - tolerance - (stated.base + stated.tolerance)
    if excess <= 0:
        return verdict(
            CODE,
            Outcome.PASS,
            _(
                "{name}: the target says {stated}; the regions with exit_year {year} ({regions}) "
                "give {computed}, within it (the table lists only some regions)"
            ).format(**figures, **where),
            (*path, "value"),
            year=year,
            source=target.source,
            stated=stated.text,
            computed=listed_text,
        )
    gap = Gap.between(stated.base, listed, stated.unit)
    return Finding(
        CODE,
        _(
            "{name}: the target says {stated}; the regions with exit_year {year} ({regions}) "
            "give {computed}: gap {gap}, more than the target although the table lists only "
            "some regions"
        ).format(**figures, **where, gap=gap),
        (*path, "value"),
        stated=stated.text,
        computed=listed_text,
        gap=gap,
        year=year,
        source=target.source,
    )


def _compare(
    name: str,
    target: Target,
    stated: Quantity,
    computed_figure: tuple[Decimal, Decimal, Decimal],
    texts: tuple[str, str],
    where: dict[str, str],
    path: PlanPath,
) -> Finding:
    """The target against one year's figure (value, tolerance, finest part, all base units);
    `texts` are the marked messages for agreeing and differing, `where` their own figures."""
    year = target.in_year
    computed, tolerance, finest = computed_figure
    comparison = compare(stated, computed, tolerance, finest_part=finest)
    computed_text = format_in(computed, stated.unit)
    figures = {"name": name, "stated": stated.text, "computed": computed_text, "year": year}
    if comparison.agrees:
        return verdict(
            CODE,
            Outcome.PASS,
            _(texts[0]).format(**figures, **where),
            (*path, "value"),
            year=year,
            source=target.source,
            stated=stated.text,
            computed=computed_text,
        )
    return Finding(
        CODE,
        _(texts[1]).format(
            **figures, **where, gap=comparison.gap, explanation=comparison.explain()
        ),
        (*path, "value"),
        severity=comparison.severity,
        stated=stated.text,
        computed=computed_text,
        gap=comparison.gap,
        year=year,
        source=target.source,
    )
