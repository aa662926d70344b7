"""The budget as lines: each item's stated amount beside what its parts add up to, its shares and
its unit costs.

A reader of a plan's budget table wants, for every line, the same few derived figures: does it
equal the sum of its parts, how large is it against its parent and the whole budget, and what
does it cost per beneficiary or per project. They are computed here once, exactly, and the
commands only choose how to show them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from planctl.derive.index import PlanIndex, TreeItem
from planctl.location import PlanPath
from planctl.model import Node
from planctl.quantity import Quantity

DIVISION_DIGITS = 40


def divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    """`numerator / denominator` to 40 significant digits (far beyond any printed figure)."""
    with localcontext() as context:
        context.prec = DIVISION_DIGITS
        return numerator / denominator


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """`part` as a percentage of `whole`; None when the whole is zero."""
    if whole == 0:
        return None
    with localcontext() as context:
        context.prec = DIVISION_DIGITS
        return part * 100 / whole


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """One line of the budget: the total (level 0) or an item (level 1 and deeper).

    Amounts are exact decimals in 元; shares are percentages; `None` means "not stated" or "not
    computable", never zero.
    """

    names: tuple[str, ...]  # item names from the top; () for the budget total
    path: PlanPath  # path into the plan file: ("budget",) or ("budget", "items", 0, ...)
    node: Node | None  # None for the budget total
    amount: Quantity | None  # the amount as printed (its first statement)
    parts: Decimal | None  # sum of the children's amounts; None when none states one
    parts_missing: int  # children that state no amount
    children: int
    parent_reference: Decimal | None  # the parent's amount (stated, else its parts)
    total_reference: Decimal | None  # the budget total (stated, else its parts)

    @property
    def level(self) -> int:
        return len(self.names)

    @property
    def name(self) -> str:
        return self.names[-1] if self.names else "budget total"

    @property
    def reference(self) -> Decimal | None:
        """The amount that stands for this line: the stated one, else the sum of its parts."""
        return self.amount.base if self.amount is not None else self.parts

    @property
    def gap(self) -> Decimal | None:
        """Sum of the parts minus the stated amount (元), when both exist."""
        if self.amount is None or self.parts is None:
            return None
        return self.parts - self.amount.base

    @property
    def share_of_parent(self) -> Decimal | None:
        if self.reference is None or self.parent_reference is None:
            return None
        return percent(self.reference, self.parent_reference)

    @property
    def share_of_total(self) -> Decimal | None:
        if self.reference is None or self.total_reference is None:
            return None
        return percent(self.reference, self.total_reference)

    @property
    def projects(self) -> Quantity | None:
        return self.node.projects.value if self.node and self.node.projects else None

    @property
    def beneficiaries(self) -> Quantity | None:
        if self.node is None or self.node.beneficiaries is None:
            return None
        return self.node.beneficiaries.value

    @property
    def cost_per_beneficiary(self) -> Decimal | None:
        """元 per beneficiary (per 人, 户, 人次 or counted unit, as the plan counts them)."""
        return _per(self.amount, self.beneficiaries)

    @property
    def cost_per_project(self) -> Decimal | None:
        """元 per project."""
        return _per(self.amount, self.projects)


def _per(amount: Quantity | None, count: Quantity | None) -> Decimal | None:
    if amount is None or count is None or count.base == 0:
        return None
    return divide(amount.base, count.base)


def budget_lines(index: PlanIndex) -> list[BudgetLine]:
    """Every budget line, the total first, then items depth first in the plan's order."""
    root = index.budget
    if root is None:
        return []
    total = _reference(root)
    lines: list[BudgetLine] = []

    def visit(item: TreeItem, names: tuple[str, ...], parent: Decimal | None) -> None:
        amounts = [child.figures["amount"].value.base for child in item.children if _has(child)]
        figure = item.figures.get("amount")
        lines.append(
            BudgetLine(
                names=names,
                path=item.path,
                node=item.node,
                amount=figure.value if figure is not None else None,
                parts=sum(amounts, Decimal(0)) if amounts else None,
                parts_missing=len(item.children) - len(amounts),
                children=len(item.children),
                parent_reference=parent,
                total_reference=total,
            )
        )
        reference = _reference(item)
        for child in item.children:
            visit(child, (*names, child.name), reference)

    visit(root, (), None)
    return lines


def _has(item: TreeItem) -> bool:
    return "amount" in item.figures


def _reference(item: TreeItem) -> Decimal | None:
    if "amount" in item.figures:
        return item.figures["amount"].value.base
    amounts = [child.figures["amount"].value.base for child in item.children if _has(child)]
    return sum(amounts, Decimal(0)) if amounts else None


class UnknownBudgetPathError(LookupError):
    """A `--path` names an item that is not there; says which names exist at that level."""

    def __init__(self, found: tuple[str, ...], missing: str, available: list[str]) -> None:
        super().__init__(missing)
        self.found = found
        self.missing = missing
        self.available = available
        self.ambiguous = missing in available


def subtree(lines: Sequence[BudgetLine], names: Sequence[str]) -> list[BudgetLine]:
    """The line named by `names` (item names from the top) and every line below it.

    Raises `UnknownBudgetPathError` when a name is not among its parent's children, or when two
    children share it (the path would not say which one is meant).
    """
    selected = list(lines)
    prefix: tuple[str, ...] = ()
    for name in names:
        level = len(prefix) + 1
        children = [line.name for line in selected if line.level == level]
        if children.count(name) != 1:
            raise UnknownBudgetPathError(prefix, name, children)
        prefix = (*prefix, name)
        start = next(i for i, line in enumerate(selected) if line.names == prefix)
        end = start + 1
        while end < len(selected) and selected[end].level > level:
            end += 1
        selected = selected[start:end]
    return selected
