"""Dates agree with each other: issue date, plan period, baseline year, deadlines, exit years.

Warnings for: a plan issued after its period ended; a baseline year inside or after the period;
a target, indicator or region exit year outside the plan period; a target or indicator due
before the plan was issued (the deadline had passed when the document was published).

Passing: issued 2017-07-06, period 2016-2020, targets due 2019 and 2020.

Failing: issued 2020-04-30 with a target due 2018.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.derive import Derived
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath
from planctl.model import Plan

CODE = "PC109"
TITLE = N_("dates inconsistent")
SEVERITY = Severity.WARNING
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    meta = plan.plan
    period = meta.period
    issued = meta.issued
    if period and issued and issued.year > period[1]:
        yield _warn(
            _("issued {issued}, after the plan period {start}-{end} ended").format(
                issued=issued, start=period[0], end=period[1]
            ),
            ("plan", "issued"),
        )
    if period and plan.baseline and plan.baseline.year and plan.baseline.year >= period[0]:
        yield _warn(
            _("baseline year {year} is not before the plan period {start}-{end}").format(
                year=plan.baseline.year, start=period[0], end=period[1]
            ),
            ("baseline", "year"),
        )
    dated: list[tuple[str, int, PlanPath]] = []
    dated += [
        (t.name, t.by, ("targets", i, "by")) for i, t in enumerate(plan.targets) if t.by is not None
    ]
    dated += [
        (indicator.name, indicator.by, ("indicators", i, "by"))
        for i, indicator in enumerate(plan.indicators)
        if indicator.by is not None
    ]
    for name, year, path in dated:
        if period and not period[0] <= year <= period[1]:
            yield _warn(
                _("{name}: due {year}, outside the plan period {start}-{end}").format(
                    name=name, year=year, start=period[0], end=period[1]
                ),
                path,
            )
        if issued and year < issued.year:
            yield _warn(
                _("{name}: due {year}, before the plan was issued ({issued})").format(
                    name=name, year=year, issued=issued
                ),
                path,
            )
    if plan.regions:
        for i, region in enumerate(plan.regions.items):
            exit_year = region.exit_year
            if period and exit_year is not None and not period[0] <= exit_year <= period[1]:
                yield _warn(
                    _("{name}: exit year {year} is outside the plan period {start}-{end}").format(
                        name=region.name, year=exit_year, start=period[0], end=period[1]
                    ),
                    ("regions", "items", i, "exit_year"),
                )


def _warn(message: str, path: PlanPath) -> Finding:
    return Finding(CODE, message, path)
