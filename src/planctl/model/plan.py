"""The plan model: what a poverty-alleviation plan states, section by section.

The keys are short English words a person can type from the printed page; names, sections and
figures are the document's own. See docs/plan-format.md for the format with a complete example.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from planctl.model.breakdown import (
    Breakdown,
    BreakdownMeasure,
    BreakdownOf,
    CountBreakdown,
    RegionMeasure,
    Scope,
)
from planctl.model.figure import (
    AnyFigure,
    Area,
    Beneficiaries,
    Count,
    Figure,
    Households,
    Length,
    Money,
    People,
    Share,
    Strict,
)
from planctl.model.names import (
    PROVINCES,
    check_criterion_measure,
    check_measure,
    check_province,
)

Year = Annotated[int, Field(ge=1949, le=2100, description="a calendar year, e.g. 2018")]
Text = Annotated[str, Field(min_length=1)]
# Names the checks compare with known ones: a near miss is refused with what was meant.
MeasureName = Annotated[
    str,
    Field(min_length=1, description="people, villages, counties, households or free text"),
    AfterValidator(check_measure),
]
CriterionMeasure = Annotated[
    str,
    Field(
        min_length=1, description="incidence, villages_exited, people_exited (or 贫困发生率, ...)"
    ),
    AfterValidator(check_criterion_measure),
]
Province = Annotated[
    str,
    AfterValidator(check_province),
    WithJsonSchema({"type": "string", "enum": list(PROVINCES), "description": "full name"}),
]


class Level(StrEnum):
    """Administrative level of the plan's region."""

    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    DISTRICT = "district"
    ZONE = "zone"
    TOWN = "town"
    VILLAGE = "village"  # a village listed as an exit unit of its own in a table of villages


class RegionKind(StrEnum):
    """What a sub-region is under the poverty programme."""

    NATIONAL_KEY = "national_key"  # 国家扶贫开发工作重点县
    PROVINCIAL_KEY = "provincial_key"  # 省定扶贫开发工作重点县
    POOR = "poor"  # a poor county, town or village of no stated level
    NON_POOR = "non_poor"  # 非贫困县, 面上县
    OTHER = "other"


class RegionRef(Strict):
    name: Text
    level: Level | None = None
    province: Province | None = None
    western: bool = Field(
        default=False, description="in a western province: exit thresholds of 3% apply"
    )
    # The plan's own region as an exit unit (a poor county's own plan): its figures are the
    # baseline's, its exit year is the one the document prints for it.
    kind: RegionKind | None = Field(
        default=None, description="what the plan's own region is under the programme"
    )
    exit_year: Year | None = Field(
        default=None, description="the year the plan's own region exits (摘帽)"
    )


class SourceDocument(Strict):
    title: str | None = None
    file: str | None = None
    url: str | None = None
    date: dt.date | None = None


class DatedEvent(Strict):
    what: Text
    date: dt.date | Year = Field(description="a date, or only the year when that is all it prints")
    source: str | None = None
    note: str | None = None


class PlanMeta(Strict):
    title: Text
    issuer: str | None = None
    document: str | None = Field(default=None, description="文号, e.g. 洛政办〔2017〕67号")
    issued: dt.date | None = None
    region: RegionRef | None = None
    period: tuple[Year, Year] | None = Field(default=None, description="[first year, last year]")
    source: SourceDocument | None = None
    dates: list[DatedEvent] = Field(default_factory=list)

    @field_validator("period")
    @classmethod
    def _ordered(cls, period: tuple[int, int] | None) -> tuple[int, int] | None:
        if period is not None and period[0] > period[1]:
            raise ValueError(f"the period starts ({period[0]}) after it ends ({period[1]})")
        return period


# The headline measures of targets and schedules, and the baseline figure each counts against.
BASELINE_OF: dict[str, str] = {
    "people": "poor_population",
    "households": "poor_households",
    "villages": "poor_villages",
    "counties": "poor_counties",
}
# Those that exit schedules count down (counties exit by the regions' exit years instead).
EXIT_MEASURES: dict[str, str] = {
    measure: BASELINE_OF[measure] for measure in ("people", "villages", "households")
}


class Baseline(Strict):
    year: Year | None = None
    poor_population: People | None = None
    poor_households: Households | None = None
    poor_villages: Count | None = None
    poor_counties: Count | None = None
    rural_population: People | None = None
    incidence: Share | None = Field(
        default=None, description="the printed poverty incidence (贫困发生率) of the baseline year"
    )
    source: str | None = None


class Target(Strict):
    name: Text
    measure: MeasureName
    value: Literal["all"] | AnyFigure | None = None
    by: Year | None = Field(default=None, description="the year it is due; none if undated")
    in_year: Year | None = Field(
        default=None,
        alias="in",
        description="the one year it is for (an annual figure, not a running total); not with by",
    )
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_year(self) -> Target:
        if self.by is not None and self.in_year is not None:
            raise ValueError(
                "give either by (due by that year) or in (for that one year), not both"
            )
        return self


class Schedule(Strict):
    name: Text
    scope: Scope | None = None  # a town's or village's own schedule
    measure: MeasureName | None = None
    years: dict[Year, AnyFigure]
    total: AnyFigure | None = None
    partial: bool = Field(
        default=False,
        description="the years printed are only some of the work: held to not exceeding the "
        "baseline, not to adding up to it",
    )
    incidence: dict[Year, Share] = Field(
        default_factory=dict,
        description="the poverty incidence printed for the end of each year",
    )
    source: str | None = None
    note: str | None = None


class Region(Strict):
    name: Text
    kind: RegionKind | None = None
    level: Level | None = Field(
        default=None, description="village: the item is one village (a table of villages)"
    )
    tags: list[str] = Field(default_factory=list)
    poor_population: People | None = None
    poor_households: Households | None = None
    poor_villages: Count | None = None
    rural_population: People | None = None
    incidence: Share | None = Field(default=None, description="its printed poverty incidence")
    exit_year: Year | None = None
    figures: dict[Text, AnyFigure] = Field(
        default_factory=dict,
        description="other figures printed for it, named as a criterion's measure names them "
        "(村集体经济收入: 5万元)",
    )
    source: str | None = None
    note: str | None = None


# The figures a region (and a group of regions) may state that add up to the baseline's.
REGION_FIGURES = ("poor_population", "poor_households", "poor_villages", "rural_population")


class RegionGroup(Strict):
    name: Text
    kinds: list[RegionKind]
    poor_population: People | None = None
    poor_households: Households | None = None
    poor_villages: Count | None = None
    rural_population: People | None = None
    source: str | None = None


class Regions(Strict):
    source: str | None = None
    # A table of only some regions (the exiting villages) is `partial`: its figures must not
    # exceed the baseline's, instead of adding up to them.
    breakdown: Breakdown | dict[RegionMeasure, Breakdown] = Breakdown.EXHAUSTIVE
    items: list[Region] = Field(default_factory=list)
    groups: list[RegionGroup] = Field(default_factory=list)


class DeclaredCount(Strict):
    name: Text
    value: Count
    of: str | None = Field(
        default=None,
        description="regions, budget, measures, or the id of a tree item; none: only stated",
    )
    depth: int = Field(default=1, ge=1, le=10)
    kind: RegionKind | list[RegionKind] | None = None
    names: list[str] | None = None
    # partial: the names or things listed are only some of those counted (default: all of
    # them, or, for `of: regions`, as the regions table declares itself)
    breakdown: CountBreakdown | None = None
    source: str | None = None
    note: str | None = None


class Node(Strict):
    """An item of the budget or of the facts tree; children nest to any depth."""

    name: Text
    value: AnyFigure | None = None
    amount: Money | None = None
    projects: Count | None = None
    beneficiaries: Beneficiaries | None = None
    length: Length | None = None
    area: Area | None = None
    share: Share | None = None
    year: Year | None = None
    breakdown: Breakdown | dict[BreakdownMeasure, Breakdown] = Breakdown.EXHAUSTIVE
    owners: list[str] = Field(default_factory=list)
    source: str | None = None
    id: str | None = None
    note: str | None = None
    scope: Scope | None = None
    items: list[Node] = Field(default_factory=list)


class Budget(Strict):
    total: Money | None = None
    projects: Count | None = Field(default=None, description="the project count of the total")
    breakdown: Breakdown | dict[BreakdownMeasure, Breakdown] = Breakdown.EXHAUSTIVE
    source: str | None = None
    note: str | None = None
    scope: Scope | None = None
    items: list[Node] = Field(default_factory=list)


class Indicator(Strict):
    name: Text
    target: AnyFigure
    by: Year | None = None
    baseline: AnyFigure | None = None
    region: str | None = None
    source: str | None = None
    note: str | None = None


class Rate(Strict):
    name: Text
    rate: AnyFigure
    per: Text
    per_year: bool = False
    years: int | None = Field(default=None, ge=1, le=100)
    count: AnyFigure | str | None = Field(
        default=None,
        union_mode="left_to_right",  # printed text is a figure first; only a non-figure is an id
        description="how many units the rate applies to: a figure, or its id",
    )
    budget: str | None = None
    source: str | None = None
    note: str | None = None


class Measure(Strict):
    name: Text
    section: str | None = None
    owners: list[str] = Field(default_factory=list)
    source: str | None = None
    note: str | None = None
    items: list[Measure] = Field(default_factory=list)


class Criterion(Strict):
    name: Text
    applies_to: list[RegionKind] = Field(default_factory=list)
    measure: CriterionMeasure
    threshold: AnyFigure
    bound: Literal["at_least", "at_most"] | None = Field(
        default=None,
        description="whether a region must reach the threshold or stay under it; read from "
        "the printed qualifier (以上, 不低于 / 以下, 不超过) when omitted",
    )
    source: str | None = None
    note: str | None = None


class Acceptance(Strict):
    rule: Text
    at: Text
    reason: Text


class Plan(Strict):
    """A whole plan file."""

    plan: PlanMeta
    baseline: Baseline | None = None
    targets: list[Target] = Field(default_factory=list)
    schedules: list[Schedule] = Field(default_factory=list)
    regions: Regions | None = None
    counts: list[DeclaredCount] = Field(default_factory=list)
    budget: Budget | None = None
    facts: list[Node] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    rates: list[Rate] = Field(default_factory=list)
    measures: list[Measure] = Field(default_factory=list)
    criteria: list[Criterion] = Field(default_factory=list)
    breakdowns: list[BreakdownOf] = Field(default_factory=list)
    accepted: list[Acceptance] = Field(default_factory=list)

    @property
    def region_items(self) -> list[Region]:
        """The listed regions, or none."""
        return self.regions.items if self.regions else []

    def exit_baseline(self, measure: str | None) -> Figure | None:
        """The baseline figure an exit `measure` (people, villages, households) counts against."""
        return self.baseline_of(measure) if measure in EXIT_MEASURES else None

    def baseline_of(self, measure: str | None) -> Figure | None:
        """The baseline figure a headline `measure` (those and counties) counts against."""
        field_name = BASELINE_OF.get(measure or "")
        if field_name is None or self.baseline is None:
            return None
        figure: Figure | None = getattr(self.baseline, field_name)
        return figure


__all__ = ["Figure", "Node", "Plan"]
