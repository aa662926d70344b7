"""The plan's own exit criteria that planctl has no formula for, judged on the figures printed.

Plans add criteria of their own to the exit mechanism: a village collective income of at least
3万元, one hardened road to every village. Such a criterion (`criteria:` with a measure other
than incidence, villages_exited and people_exited; a threshold of any unit family) is judged
for every listed region it applies to (`applies_to` kinds; none: every region) that prints the
figure under the criterion's measure (`regions.items[].figures: {村集体经济收入: 5万元}`): at
least the threshold (`以上`, `不低于`, or `bound: at_least`), or at most (`以下`, `不超过`,
`bound: at_most`), within the printed precision. A criterion no region prints a figure for,
in another unit family, or without a direction, is *not evaluable*, saying what to add.

Passing: `{name: 贫困村退出, measure: 村集体经济收入, threshold: 3万元以上}` and a region
`{name: 甲村, figures: {村集体经济收入: 3.2万元}}`.

Failing: the same region with `村集体经济收入: 2.5万元`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.calc.compare import compare
from planctl.criteria import MEASURE_ALIASES
from planctl.derive import Derived
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.model.plan import Criterion
from planctl.quantity import Bound
from planctl.rules.base import verdict

CODE = "PE10"
TITLE = N_("plan's own exit criterion met")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True

AT_LEAST = (Bound.AT_LEAST, Bound.MORE_THAN)
AT_MOST = (Bound.AT_MOST, Bound.LESS_THAN)


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for index, criterion in enumerate(plan.criteria):
        if criterion.measure not in MEASURE_ALIASES:
            yield from _judge(plan, criterion, ("criteria", index))


def direction(criterion: Criterion) -> str | None:
    """`at_least` or `at_most`: as declared, else as the printed qualifier says."""
    if criterion.bound is not None:
        return criterion.bound
    bound = criterion.threshold.value.bound
    if bound in AT_LEAST:
        return "at_least"
    if bound in AT_MOST:
        return "at_most"
    return None


def _judge(plan: Plan, criterion: Criterion, path: tuple[str | int, ...]) -> Iterator[Finding]:
    threshold = criterion.threshold.value
    name = _("{name}: {measure} {threshold}").format(
        name=criterion.name, measure=criterion.measure, threshold=threshold.text
    )
    way = direction(criterion)

    def not_evaluable(why: str) -> Finding:
        message = _("{name}: {why}").format(name=name, why=why)
        return verdict(CODE, Outcome.NOT_EVALUABLE, message, path, source=criterion.source)

    if way is None:
        yield not_evaluable(_("no direction: write bound: at_least or bound: at_most"))
        return
    kinds = set(criterion.applies_to)
    judged = 0
    for index, region in enumerate(plan.region_items):
        figure = region.figures.get(criterion.measure)
        if figure is None or (kinds and region.kind not in kinds):
            continue
        judged += 1
        at = ("regions", "items", index, "figures", criterion.measure)
        value = figure.value
        if value.family != threshold.family:
            yield not_evaluable(
                _("{region} prints {value}, not in {unit}").format(
                    region=region.name, value=value.text, unit=threshold.unit.text
                )
            )
            continue
        # The threshold is a rule, exact as printed; the region's figure has its precision.
        close = compare(value, threshold.base, Decimal(0), finest_part=threshold.ulp_base)
        met = close.agrees or (
            value.base >= threshold.base if way == "at_least" else value.base <= threshold.base
        )
        yield verdict(
            CODE,
            Outcome.PASS if met else Outcome.FAIL,
            (
                _("{name}: {region} prints {value} (at least {threshold} required)")
                if way == "at_least"
                else _("{name}: {region} prints {value} (at most {threshold} required)")
            ).format(name=name, region=region.name, value=value.text, threshold=threshold.text),
            at,
            region=region.name,
            source=criterion.source,
            stated=threshold.text,
            computed=value.text,
        )
    if judged == 0:
        yield not_evaluable(
            _("no region prints {measure} (regions.items[].figures); planctl lists it").format(
                measure=criterion.measure
            )
        )
