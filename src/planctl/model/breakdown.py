"""How parts relate to a whole: breakdown kinds, declared breakdowns, and the scope of an item.

A document prints wholes and their parts in many places (budget items, regional tables, exit
paths, groups of targets). Only the document can say whether the parts split the whole, are
some of it, or overlap; the plan declares it, and the rules hold each kind to what it claims
(docs/plan-format.md, rules PC101, PC108 and PC120).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from planctl.model.figure import AnyFigure, Strict

Text = Annotated[str, Field(min_length=1)]


class Breakdown(StrEnum):
    """How an item's children relate to it."""

    EXHAUSTIVE = "exhaustive"  # the parts add up to the whole
    PARTIAL = "partial"  # the parts are some of the whole and must not exceed it
    # The parts may overlap (a person counted by two exit paths): each is within the whole,
    # together they may exceed it.
    OVERLAPPING = "overlapping"


# The measures a per-measure breakdown may name: a misspelt one must not switch a check off.
BreakdownMeasure = Literal["amount", "value", "projects", "beneficiaries", "length", "area"]
RegionMeasure = Literal["poor_population", "poor_households", "poor_villages", "rural_population"]
# A declared count lists all the things it counts, or only some (overlap means nothing there).
CountBreakdown = Literal["exhaustive", "partial"]


class ScopeLevel(StrEnum):
    """The level of the place a budget item or schedule belongs to, inside the plan's region."""

    CITY = "city"
    COUNTY = "county"
    DISTRICT = "district"
    TOWN = "town"  # 乡, 镇, 街道
    VILLAGE = "village"  # 村, 社区
    OTHER = "other"


class Scope(Strict):
    """Where an item or schedule applies when that is less than the plan's whole region (a
    town's fund in a county plan): a scoped exit schedule does not count against the plan's
    baseline."""

    name: Text
    level: ScopeLevel | None = None


class BreakdownPart(Strict):
    """One part of a declared breakdown: a figure, or the id of a figure stated elsewhere, or
    neither when the document names the part without a figure."""

    name: Text
    value: AnyFigure | None = None
    ref: str | None = Field(default=None, description="the id of a figure stated elsewhere")
    source: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_figure(self) -> BreakdownPart:
        if self.value is not None and self.ref is not None:
            raise ValueError("give the part's value or the ref of its figure, not both")
        return self


class BreakdownOf(Strict):
    """A whole split into parts outside the budget and facts trees: exit paths, groups of
    targets, counts. `of` names the whole: the id of a figure, or a schedule by its name
    (the sum of its years)."""

    name: Text
    of: Text
    kind: Breakdown
    parts: list[BreakdownPart] = Field(min_length=1)
    source: str | None = None
    note: str | None = None
