"""The units that exit: the listed regions, the plan's own region, and what each year's table says.

A county's own plan says that the county itself exits in a year (`plan.region.exit_year`); its
figures are the baseline's. Listed regions with an `exit_year` are a table of what exits each
year: a village listed on its own (`level: village`) is one village, any other region brings
its poor villages, people and households. Every rule that asks "what exits in (or by) a year"
reads the units from here, so the plan's own exit and the table are counted alike everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from planctl.criteria import POOR_KINDS
from planctl.location import PlanPath
from planctl.model import Figure, Plan, Region
from planctl.model.plan import Level

# The region figure each exit measure counts, for the regions that are not single villages.
REGION_FIGURE_OF = {
    "people": "poor_population",
    "households": "poor_households",
    "villages": "poor_villages",
}


@dataclass(frozen=True, slots=True)
class ExitUnit:
    """A region that exits, and where its `exit_year` is written."""

    region: Region
    path: PlanPath
    own: bool = False  # the plan's own region, with the baseline's figures


def own_region(plan: Plan) -> ExitUnit | None:
    """The plan's own region as an exit unit, when the plan gives it a kind or an exit year."""
    ref = plan.plan.region
    if ref is None or (ref.kind is None and ref.exit_year is None):
        return None
    baseline = plan.baseline
    region = Region.model_construct(
        name=ref.name,
        kind=ref.kind,
        level=ref.level,
        tags=[],
        poor_population=baseline.poor_population if baseline else None,
        poor_households=baseline.poor_households if baseline else None,
        poor_villages=baseline.poor_villages if baseline else None,
        rural_population=baseline.rural_population if baseline else None,
        incidence=baseline.incidence if baseline else None,
        exit_year=ref.exit_year,
        source=None,
        note=None,
    )
    return ExitUnit(region, ("plan", "region", "exit_year"), own=True)


def listed_units(plan: Plan) -> list[ExitUnit]:
    """The listed regions, each with its path."""
    return [
        ExitUnit(region, ("regions", "items", index, "exit_year"))
        for index, region in enumerate(plan.region_items)
    ]


def poor_units(plan: Plan) -> list[ExitUnit]:
    """The poor counties (listed regions of a poor kind, and the plan's own region if poor)."""
    units = [unit for unit in listed_units(plan) if unit.region.kind in POOR_KINDS]
    own = own_region(plan)
    if own is not None and own.region.kind in POOR_KINDS:
        units.append(own)
    return units


@dataclass(frozen=True, slots=True)
class YearTable:
    """What the regions' exit years add up to for one year and one measure."""

    year: int
    measure: str
    value: Decimal  # base units
    tolerance: Decimal  # base units, from the printed digits of the regions' figures
    finest: Decimal  # the smallest last-digit unit among them
    unit_text: str  # the base unit the value counts in
    regions: list[str] = field(default_factory=list)  # the regions exiting that year
    lacking: list[str] = field(default_factory=list)  # regions without the figure needed
    undated: list[str] = field(default_factory=list)  # listed regions without an exit year
    partial: bool = False  # the table lists only some regions: it bounds the year from below


def table_kind(plan: Plan, figure_name: str) -> str:
    """How the regions table relates to the whole for one figure (`regions.breakdown`):
    `exhaustive` (the default), `partial` (only some regions) or `overlapping`."""
    breakdown = plan.regions.breakdown if plan.regions else "exhaustive"
    if isinstance(breakdown, dict):
        return next(
            (str(kind) for key, kind in breakdown.items() if key == figure_name), "exhaustive"
        )
    return str(breakdown)


def year_table(plan: Plan, measure: str, year: int) -> YearTable | None:
    """The table's figure for `measure` in `year`, or None when no listed region has an exit year.

    `counties` counts the poor regions exiting that year (with the plan's own region);
    `villages` counts a village-level region as one village and any other by its poor villages;
    `people` and `households` add up the regions' poor population and households. A table
    declared partial for the figure (`regions.breakdown`) gives at most the year's figure.
    """
    listed = plan.region_items
    if not any(region.exit_year is not None for region in listed):
        return None
    undated = [region.name for region in listed if region.exit_year is None]
    if measure == "counties":
        names = [u.region.name for u in poor_units(plan) if u.region.exit_year == year]
        one = Decimal(1)
        return YearTable(year, measure, Decimal(len(names)), Decimal(0), one, "个", names, [], [])
    figure_name = REGION_FIGURE_OF.get(measure)
    if figure_name is None:
        return None
    exiting = [region for region in listed if region.exit_year == year]
    value, tolerance, finest, unit = Decimal(0), Decimal(0), Decimal(1), ""
    lacking: list[str] = []
    for region in exiting:
        if measure == "villages" and region.level is Level.VILLAGE:
            value += 1
            unit = unit or "个"
            continue
        figure: Figure | None = getattr(region, figure_name)
        if figure is None:
            lacking.append(region.name)
            continue
        quantity = figure.value
        value += quantity.base
        tolerance += quantity.tolerance
        finest = min(finest, quantity.ulp_base)
        unit = unit or quantity.unit.base
    names = [region.name for region in exiting]
    partial = table_kind(plan, figure_name) == "partial"
    return YearTable(
        year, measure, value, tolerance, finest, unit, names, lacking, undated, partial
    )
