"""The plan's index: every figure with its path, every tree item with its path, every id.

Built once per plan by `planctl.derive.derive` and handed to every rule and command that walks
the plan, so no walk is repeated and no cache outlives its plan.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import get_args

from pydantic import BaseModel

from planctl.location import PlanPath
from planctl.model import Figure, Node, Plan

MEASURES = ("amount", "value", "projects", "beneficiaries", "length", "area")


def iter_figures(model: BaseModel, path: PlanPath = ()) -> Iterator[tuple[Figure, PlanPath]]:
    """Every figure in `model`, depth first, restatements (`also`) after their figure."""
    return iter(figures_in(model, path))


def figures_in(model: BaseModel, path: PlanPath = ()) -> list[tuple[Figure, PlanPath]]:
    """`iter_figures` as a list: one walk that appends, instead of a generator per level (a
    county plan has a thousand figures under some ten thousand values)."""
    found: list[tuple[Figure, PlanPath]] = []
    _collect_model(model, path, found)
    return found


def _collect_model(model: BaseModel, path: PlanPath, found: list[tuple[Figure, PlanPath]]) -> None:
    for name in _fields_with_models(type(model)):
        value = getattr(model, name)
        if value is not None:
            _collect(value, (*path, name), found)


def _collect(value: object, path: PlanPath, found: list[tuple[Figure, PlanPath]]) -> None:
    if isinstance(value, Figure):
        found.append((value, path))
        for index, restated in enumerate(value.also):
            found.append((restated, (*path, "also", index)))
    elif isinstance(value, BaseModel):
        _collect_model(value, path, found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, (*path, index), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, (*path, key), found)


@cache
def _fields_with_models(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of `model` whose values can hold a figure: the walk looks at no others."""
    return tuple(name for name, info in model.model_fields.items() if _holds_model(info.annotation))


def _holds_model(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(argument) for argument in get_args(annotation))


@dataclass(frozen=True, slots=True)
class TreeItem:
    """A tree item (or the budget's root) with its path and its children."""

    name: str
    path: PlanPath
    node: Node | None  # None for the budget root
    figures: dict[str, Figure]  # measure -> figure stated for the item
    children: list[TreeItem]
    breakdown: dict[str, str] | str


@dataclass(frozen=True, slots=True)
class PlanIndex:
    """The budget as a tree (its root's `amount` is the stated total), every tree root (the
    budget and the facts), every figure with its path (restatements after their figure), every
    id, and the (id, path) of each id used a second time."""

    budget: TreeItem | None
    trees: list[TreeItem]
    figures: list[tuple[Figure, PlanPath]]
    ids: dict[str, IdTarget]
    duplicate_ids: list[tuple[str, PlanPath]]


def build_index(plan: Plan) -> PlanIndex:
    budget = _budget_root(plan)
    roots = [root for root in [budget] if root is not None]
    roots.extend(_item(node, ("facts", i)) for i, node in enumerate(plan.facts))
    figures = figures_in(plan)
    ids, duplicates = _ids(roots, figures)
    return PlanIndex(budget, roots, figures, ids, duplicates)


def _budget_root(plan: Plan) -> TreeItem | None:
    if plan.budget is None:
        return None
    stated = {"amount": plan.budget.total, "projects": plan.budget.projects}
    figures = {measure: figure for measure, figure in stated.items() if figure is not None}
    children = [_item(node, ("budget", "items", i)) for i, node in enumerate(plan.budget.items)]
    breakdown = plan.budget.breakdown
    return TreeItem("budget", ("budget",), None, figures, children, _breakdown(breakdown))


def iter_items(root: TreeItem) -> Iterator[TreeItem]:
    """`root` and all its descendants, parents before children."""
    stack = [root]
    while stack:
        item = stack.pop()
        yield item
        stack.extend(reversed(item.children))


def descendants_at(root: TreeItem, depth: int) -> list[TreeItem]:
    """The items exactly `depth` levels below `root`."""
    level = [root]
    for _ in range(depth):
        level = [child for item in level for child in item.children]
    return level


def _item(node: Node, path: PlanPath) -> TreeItem:
    figures = {m: f for m in MEASURES if (f := getattr(node, m)) is not None}
    children = [_item(child, (*path, "items", i)) for i, child in enumerate(node.items)]
    return TreeItem(node.name, path, node, figures, children, _breakdown(node.breakdown))


def _breakdown(breakdown: object) -> dict[str, str] | str:
    if isinstance(breakdown, dict):
        return {str(k): str(v) for k, v in breakdown.items()}
    return str(breakdown)


def breakdown_of(item: TreeItem, measure: str) -> str:
    """`exhaustive`, `partial` or `overlapping` for the children's `measure`."""
    if isinstance(item.breakdown, dict):
        return item.breakdown.get(measure, "exhaustive")
    return item.breakdown


@dataclass(frozen=True, slots=True)
class IdTarget:
    """What an id names: a figure, or a tree item (whose first stated measure stands for it)."""

    path: PlanPath
    figure: Figure | None
    item: TreeItem | None


def _ids(
    roots: list[TreeItem], figures: list[tuple[Figure, PlanPath]]
) -> tuple[dict[str, IdTarget], list[tuple[str, PlanPath]]]:
    index: dict[str, IdTarget] = {}
    duplicates: list[tuple[str, PlanPath]] = []

    def add(key: str, target: IdTarget) -> None:
        if key in index:
            duplicates.append((key, target.path))
        else:
            index[key] = target

    for root in roots:
        for item in iter_items(root):
            if item.node is not None and item.node.id:
                first = next(iter(item.figures.values()), None)
                add(item.node.id, IdTarget(item.path, first, item))
    for figure, path in figures:
        if figure.id:
            add(figure.id, IdTarget(path, figure, None))
    return index, duplicates
