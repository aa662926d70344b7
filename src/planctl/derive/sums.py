"""The sums a plan implies: every tree item's children against the item, measure by measure."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from planctl.derive.index import MEASURES, PlanIndex, TreeItem, breakdown_of, iter_items
from planctl.location import PlanPath
from planctl.model import Figure
from planctl.quantity import Quantity


@dataclass(frozen=True, slots=True)
class Sum:
    """A stated figure and the parts that should add up to it (or stay within it)."""

    item: TreeItem
    measure: str
    stated: Figure
    parts: list[tuple[Quantity, PlanPath]]
    missing: int  # children that state no figure for this measure
    exhaustive: bool
    kind: str = "exhaustive"  # the declared breakdown: exhaustive, partial or overlapping

    @property
    def path(self) -> PlanPath:
        if self.item.node is not None:
            return (*self.item.path, self.measure)
        return ("budget", "total" if self.measure == "amount" else self.measure)

    @property
    def mixed(self) -> bool:
        """Whether some part cannot be added to the whole (people to households, 人 to 个)."""
        return any(not addable(self.stated.value, part) for part, _ in self.parts)

    def addable_parts(self) -> list[Quantity]:
        """The parts that can be added to the whole."""
        whole = self.stated.value
        family = whole.unit.family  # (most parts are of the whole's family: no call for them)
        return [
            part for part, _ in self.parts if part.unit.family == family or addable(whole, part)
        ]

    @property
    def complete(self) -> bool:
        """All parts are stated and they are meant to add up to the whole."""
        return self.exhaustive and self.missing == 0


def addable(whole: Quantity, part: Quantity) -> bool:
    """Same family, or counts with different counters (19个 institutions + 9家 hospitals)."""
    if whole.family == part.family:
        return True
    return whole.family.startswith("count:") and part.family.startswith("count:")


def build_sums(index: PlanIndex) -> list[Sum]:
    """Every sum in the budget and facts trees that has a stated whole and at least one part."""
    return list(_sums(index))


def _sums(index: PlanIndex) -> Iterator[Sum]:
    for root in index.trees:
        for item in iter_items(root):
            if not item.children:
                continue
            for measure in MEASURES:
                stated = item.figures.get(measure)
                if stated is None:
                    continue
                parts = [
                    (child.figures[measure].value, (*child.path, measure))
                    for child in item.children
                    if measure in child.figures
                ]
                if not parts:
                    continue
                kind = breakdown_of(item, measure)
                yield Sum(
                    item,
                    measure,
                    stated,
                    parts,
                    missing=len(item.children) - len(parts),
                    exhaustive=kind == "exhaustive",
                    kind=kind,
                )
