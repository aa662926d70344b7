"""What a plan states that can be traced to its source: every figure, every date, the 文号.

Each item keeps its path in the plan and the section it says it comes from: its own `source`, or
else the nearest `source` (or a measure's `section`) of what contains it, so that the items of a
budget line whose source is `第四章第一节` are looked for in 第四章第一节 first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from planctl.derive.index import iter_figures
from planctl.location import PlanPath
from planctl.model import Plan
from planctl.quantity import Quantity
from planctl.trace.lines import Key, number_key, text_key
from planctl.trace.patterns import Pattern, date_patterns, figure_patterns, split, text_patterns
from planctl.trace.source import normalise


@dataclass(frozen=True, slots=True)
class Item:
    """One traceable statement of the plan."""

    kind: str  # figure, share, date, document
    path: PlanPath
    text: str
    section: str | None
    patterns: tuple[Pattern, ...]
    quantity: Quantity | None = None
    # What every match contains, for the source's line index (`trace.lines`); None: any line.
    key: Key | None = None


# Patterns and line-index key of one printed figure, by what they are built from.
_Built = tuple[tuple[Pattern, ...], Key | None]


def plan_items(plan: Plan) -> list[Item]:
    """Every figure (and a figure's `share`), date and document number, in plan order."""
    items = list(_dates(plan))
    # Compiling a figure's patterns costs far more than searching for them, and a large
    # budget prints the same `3个` thousands of times: build each figure's patterns once.
    built: dict[tuple[str, str, bool], _Built] = {}
    walked: dict[PlanPath, _Walked] = {(): (plan, None)}
    for figure, path in iter_figures(plan):
        section = _section(path, walked)
        items.append(_figure_item("figure", figure.value, path, section, built))
        if figure.share is not None:
            items.append(_figure_item("share", figure.share, (*path, "share"), section, built))
    return items


def _figure_item(
    kind: str, quantity: Quantity, path: PlanPath, section: str | None, built: dict[Any, _Built]
) -> Item:
    # What `figure_patterns` and `split` read of the quantity.
    what = (quantity.text, quantity.unit.text, quantity.unit_printed)
    if what not in built:
        parts = split(quantity)  # without parts, figure_patterns matches the printed text
        patterns = tuple(figure_patterns(quantity, parts))
        printed = text_key(normalise(quantity.text))
        built[what] = (patterns, number_key(parts.number) if parts is not None else printed)
    patterns, key = built[what]
    return Item(kind, path, quantity.text, section, patterns, quantity, key)


def _dates(plan: Plan) -> Iterator[Item]:
    meta = plan.plan
    if meta.document:
        patterns = tuple(text_patterns(meta.document))
        key = text_key(normalise(meta.document))
        yield Item("document", ("plan", "document"), meta.document, None, patterns, None, key)
    if meta.issued:
        yield _date_item(meta.issued, ("plan", "issued"), None)
    if meta.source is not None and meta.source.date is not None:
        yield _date_item(meta.source.date, ("plan", "source", "date"), None)
    for index, event in enumerate(meta.dates):
        yield _date_item(event.date, ("plan", "dates", index, "date"), event.source)


def _date_item(value: dt.date | int, path: PlanPath, section: str | None) -> Item:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    year = str(value.year if isinstance(value, dt.date) else value)
    return Item("date", path, text, section, tuple(date_patterns(value)), None, number_key(year))


# What a path leads to in the plan, and the nearest source or section on the way.
_Walked = tuple[Any, str | None]


def _section(path: PlanPath, walked: dict[PlanPath, _Walked]) -> str | None:
    """The figure's own source, else the nearest source or section of what contains it.

    Each step of the walk is remembered in `walked` (seeded with the plan at `()`): the
    figures of one budget line share all of their path but the last key, so each is one step.
    """
    return _walk(path, walked)[1]


def _walk(path: PlanPath, walked: dict[PlanPath, _Walked]) -> _Walked:
    known = walked.get(path)
    if known is not None:
        return known
    parent, found = _walk(path[:-1], walked)
    node = _child(parent, path[-1]) if parent is not None else None
    if isinstance(node, BaseModel):
        fields = type(node).model_fields  # a missing attribute costs pydantic an exception
        for attribute in ("source", "section"):
            value = getattr(node, attribute) if attribute in fields else None
            if isinstance(value, str) and value.strip():
                found = value
                break
    walked[path] = (node, found)
    return node, found


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, BaseModel):
        name = str(part)
        return getattr(node, name) if name in type(node).model_fields else None
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    if isinstance(node, dict):
        return node.get(part)
    return None
