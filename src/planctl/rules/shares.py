"""A stated share must match the figures it is a share of; shares of a whole add to 100%.

A tree item's `share: 77.4%` is its share of its parent's same measure (or of the figure named
by `of`); a figure's own `share` is of its parent's figure in a tree, of the baseline in a
region group, or of the figure named by `of`. The computed percentage carries the precision of
both figures, so `1978人` of `2979张` is consistent with `66.4%`. When every child of an
exhaustive item states a share, the shares must add to 100% within their printed precision
(three-sector ratios, terrain, causes of poverty); shares printed as fractions (`{value: 0.074,
kind: fraction}`, 7.4%) must add to 1, at their printed precision.

Passing: `{name: 税收收入, value: 25.45亿元, share: 77.4%}` under `公共财政预算收入 32.9亿元`.

Failing: the same with `share: 79.4%`; shares of 45.5%, 40.7% and 12.8% under an exhaustive
parent (they add to 99.0%); fractions 0.416, 0.347, 0.084 and 0.163 (they add to 1.010).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.calc.compare import compare
from planctl.calc.ratio import share_comparison
from planctl.calc.wording import item_name
from planctl.derive import Derived
from planctl.derive.index import MEASURES, IdTarget, TreeItem, breakdown_of, iter_items
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath
from planctl.model import Figure, Plan
from planctl.model.plan import REGION_FIGURES
from planctl.quantity import Quantity, parse
from planctl.rules.base import gap_finding
from planctl.units import FRACTION

CODE = "PC106"
TITLE = N_("share does not match its figures")
SEVERITY = Severity.ERROR
HUNDRED = parse("100.000000%")  # exact: the tolerance comes from the shares
# Shares printed as fractions (`kind: fraction`) add up to 1, and are reported as fractions.
ONE = Quantity("1", Decimal("1.000000"), FRACTION)


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    index = derived.index.ids
    for root in derived.index.trees:
        yield from _item_shares(root, None, index)
        for item in iter_items(root):
            if not item.children:
                continue  # a leaf: no shares under it (most items of a tree)
            for child in item.children:
                if _states_a_share(child):
                    yield from _item_shares(child, item, index)
            yield from _shares_add_up(item)
    yield from _group_shares(plan)


def _states_a_share(item: TreeItem) -> bool:
    """Whether the item states a share, its own or one of a figure's (most state none)."""
    node = item.node
    if node is None:
        return False
    return node.share is not None or any(
        figure.share is not None for figure in item.figures.values()
    )


def _item_shares(
    child: TreeItem, parent: TreeItem | None, index: dict[str, IdTarget]
) -> Iterator[Finding]:
    """The shares `child` states, of its parent's figures or of the figures they name."""
    node = child.node
    if node is not None:
        parent_figures = parent.figures if parent is not None else {}
        if node.share is not None:
            measure = next((m for m in MEASURES if m in child.figures), None)
            if measure is not None:
                whole = _whole(node.share, parent_figures.get(measure), index)
                yield from _check(
                    node.share.value,
                    child.figures[measure].value,
                    whole,
                    (*child.path, "share"),
                    child.name,
                )
        for measure, figure in child.figures.items():
            if figure.share is not None:
                whole = _whole(figure, parent_figures.get(measure), index)
                yield from _check(
                    figure.share, figure.value, whole, (*child.path, measure, "share"), child.name
                )


def _whole(figure: Figure, parent: Figure | None, index: dict[str, IdTarget]) -> Figure | None:
    if figure.of is not None:
        target = index.get(figure.of)
        return target.figure if target else None
    return parent


def _check(
    stated: Quantity, part: Quantity, whole: Figure | None, path: PlanPath, name: str
) -> Iterator[Finding]:
    if whole is None:
        return
    comparison = share_comparison(stated, part, whole.value)
    if comparison is not None and not comparison.agrees:
        what = _("{name}: share of {part} in {whole}").format(
            name=name, part=part.text, whole=whole.value.text
        )
        yield gap_finding(CODE, path, what, comparison)


def _shares_add_up(item: TreeItem) -> Iterator[Finding]:
    nodes = [child.node for child in item.children if child.node is not None]
    if not nodes or any(node.share is None for node in nodes):
        return
    if breakdown_of(item, "share") != "exhaustive":
        return
    shares = [node.share.value for node in nodes if node.share is not None]
    total = sum((share.base for share in shares), Decimal(0))
    tolerance = sum((share.tolerance for share in shares), Decimal(0))
    whole = ONE if all(share.unit == FRACTION for share in shares) else HUNDRED
    comparison = compare(whole, total, tolerance, finest_part=Decimal(0), rounding_units=Decimal(0))
    if not comparison.agrees:
        # 0.416 + 0.347 + 0.074 + 0.163 written without `kind: fraction` add up to 1%
        message = (
            _(
                "{name}: the shares of its {n} parts add up to {computed}, not {whole}; "
                "printed as fractions of one? write each {{value: 0.074, kind: fraction}}"
            )
            if whole is HUNDRED and abs(total - 1) <= tolerance
            else _("{name}: the shares of its {n} parts add up to {computed}, not {whole}")
        )
        yield Finding(
            CODE,
            message.format(
                name=item_name(item.name, item.node),
                n=len(shares),
                computed=comparison.computed_text,
                whole=whole.text,
            ),
            (*item.path, "items"),
            stated=whole.text,
            computed=comparison.computed_text,
            gap=comparison.gap,
        )


def _group_shares(plan: Plan) -> Iterator[Finding]:
    if plan.regions is None or plan.baseline is None:
        return
    for position, group in enumerate(plan.regions.groups):
        for field in REGION_FIGURES:
            figure: Figure | None = getattr(group, field)
            whole: Figure | None = getattr(plan.baseline, field, None)
            if figure is None or figure.share is None or whole is None:
                continue
            whole_figure = whole.statements()[0]
            yield from _check(
                figure.share,
                figure.value,
                whole_figure,
                ("regions", "groups", position, field, "share"),
                group.name,
            )
