"""exit-check as a library call: the engine's findings of each plan, arranged as exit answers.

exit-check runs the same engine, with the same rules, acceptances and selection, as validate:
the two cannot disagree about a figure. What it adds is the arrangement: a headline answer per
exit target, the year-by-year table of the one timeline, and every exit rule's verdict.
"""

from __future__ import annotations

from collections.abc import Sequence

from planctl.derive.exit_units import own_region
from planctl.engine import FileResult, Options, check_file
from planctl.findings import Finding
from planctl.i18n import _
from planctl.model.plan import EXIT_MEASURES
from planctl.results import CheckResult, ExitCheckResult, ExitPlan, ExitYear, is_verdict, year_cell
from planctl.rules import targets_met


class FilterError(ValueError):
    """`--year` or `--region` names nothing the plans have."""


def exit_check(
    files: Sequence[str],
    options: Options | None = None,
    year: int | None = None,
    region: str | None = None,
) -> ExitCheckResult:
    """Check `files` and arrange each plan's exit answers, only `year`'s or `region`'s if given."""
    options = options or Options()
    results = [check_file(file, options) for file in files]
    plans = [_arrange(result, year, region) for result in results if result.plan is not None]
    return ExitCheckResult(CheckResult("exit-check", results, options.strict), plans)


def _arrange(result: FileResult, year: int | None, region: str | None) -> ExitPlan:
    assert result.plan is not None
    assert result.derived is not None
    timeline = result.derived.timeline
    if year is not None and year not in timeline.years:
        span = f"{timeline.years[0]}-{timeline.years[-1]}" if timeline.years else "none"
        raise FilterError(
            _("--year {year} is outside the years of {file}: {span}").format(
                year=year, file=result.file, span=span
            )
        )
    regions = [r.name for r in result.plan.region_items]
    own = own_region(result.plan)
    if own is not None:  # the plan's own region exits too
        regions.append(own.region.name)
    if region is not None and region not in regions:
        raise FilterError(
            _("--region {region} is not a region of {file}; regions: {names}").format(
                region=region, file=result.file, names="、".join(regions) or _("none")
            )
        )

    def wanted(finding: Finding) -> bool:
        return (year is None or finding.year in (None, year)) and (
            region is None or finding.region in (None, region)
        )

    answers = [f for f in result.findings if is_verdict(f) and wanted(f)]
    headlines = [f for f in answers if f.code == targets_met.CODE]
    series = {m: s for m in EXIT_MEASURES if (s := timeline.exit_series(m)) is not None}
    years = [
        ExitYear(
            y,
            timeline.in_period(y),
            {measure: year_cell(one, y) for measure, one in series.items()},
            timeline.exits.get(y, []),
            timeline.targets_due.get(y, []),
            timeline.due.get(y, []),
        )
        for y in timeline.years
        if year is None or y == year
    ]
    baselines = {
        m: one.baseline_value.text for m, one in series.items() if one.baseline_value is not None
    }
    return ExitPlan(
        file=result.file,
        title=result.plan.plan.title,
        headlines=headlines,
        years=years,
        verdicts=[f for f in answers if f.code != targets_met.CODE],
        problems=[f for f in result.problems if not is_verdict(f)],
        baselines=baselines,
    )


def criteria_text() -> str:
    """The built-in criteria and reference data with their sources, for --criteria."""
    from planctl.criteria import (
        HOUSEHOLD_CONDITIONS,
        NATIONAL_SOURCE,
        POVERTY_LINES,
        PROVINCIAL_RULES,
        THIRD_PARTY,
        WESTERN_PROVINCES,
        WESTERN_SOURCE,
        national_criteria,
    )
    from planctl.quantity import format_decimal
    from planctl.rules import RULES

    lines = [_("Exit rules (planctl rules CODE documents each):")]
    lines += [f"  {rule.code}  {_(rule.title)}" for rule in RULES.values() if rule.exit_criterion]
    lines.append("\n" + _("National exit thresholds:"))
    for criterion in national_criteria(western=False):
        lines.append(
            f"  {criterion.name} <= {format_decimal(criterion.threshold)}%  [{criterion.source}]"
        )
    western = _("3% in the western provinces ({provinces})").format(
        provinces="、".join(sorted(WESTERN_PROVINCES))
    )
    lines.append(f"  {western}  [{WESTERN_SOURCE}]")
    lines.append("  " + _("non-poor counties exit when all their poor villages have exited"))
    survey = _("(needs survey data: not evaluable from a plan)")
    for name, source in THIRD_PARTY:
        lines.append(f"  {name}  [{source}] {survey}")
    lines.append("\n" + _("Household exit conditions (not numeric: reported as stated or not):"))
    lines += [f"  {condition[0]}  [{NATIONAL_SOURCE}]" for condition in HOUSEHOLD_CONDITIONS]
    lines.append("\n" + _("Provincial rules:"))
    for province, criterion in PROVINCIAL_RULES:
        lines.append(
            f"  {province}: {criterion.name} >= "
            f"{format_decimal(criterion.threshold)}%  [{criterion.source}]"
        )
    lines.append(
        "\n"
        + _(
            "A plan's own `criteria:` override these for the kinds they name "
            "(measure: incidence/贫困发生率, villages_exited/贫困村退出比例, "
            "people_exited/贫困人口减少比例); a criterion of any other measure and unit "
            "(村集体经济收入 3万元以上) is judged on the figures regions print under its name "
            "(PE10)."
        )
    )
    lines.append("\n" + _("National rural poverty line (per person per year):"))
    for line in POVERTY_LINES:
        mark = "" if line.confirmed else "  " + _("(not confirmed)")
        lines.append(f"  {line.year}: {format_decimal(line.yuan)}元  [{line.source}]{mark}")
    return "\n".join(lines) + "\n"
