"""A plan from a file that does not fully validate: the parts that fail are left out.

Plans are traced while they are being typed, when some entry may still be wrong. Rather than
refuse the whole file, the entries that fail validation (the nearest list element around each
error, or the key itself outside lists) are removed and validation is tried again, until the rest
validates. Paths in the smaller plan are translated back to the file's own paths, so every
location printed is a location in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from planctl.findings import Finding
from planctl.loader import Document
from planctl.location import PlanPath
from planctl.model import Plan, to_plan

MAX_ROUNDS = 200


@dataclass(frozen=True, slots=True)
class Skipped:
    """A part of the file left out because it does not validate."""

    path: PlanPath
    messages: tuple[str, ...]


@dataclass(slots=True)
class PartialPlan:
    """The plan made of the parts that validate, and how its paths map back to the file."""

    plan: Plan | None
    skipped: list[Skipped] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    to_file: Callable[[PlanPath], PlanPath] = field(default=lambda path: path)


def readable_plan(document: Document) -> PartialPlan:
    """The whole plan when it validates; otherwise the plan without the parts that fail."""
    plan, findings = to_plan(document)
    if plan is not None:
        return PartialPlan(plan)
    data = document.data
    if not isinstance(data, dict):
        return PartialPlan(None, findings=findings)
    removed: set[PlanPath] = set()
    for _ in range(MAX_ROUNDS):
        pruned = _without(data, removed, ())
        try:
            plan = Plan.model_validate(pruned)
        except ValidationError as error:
            targets = {
                _target(data, _to_file(data, removed, _data_path(pruned, tuple(e["loc"]))))
                for e in error.errors(include_url=False)
            }
            targets.discard(())
            if not targets or targets <= removed:
                return PartialPlan(None, findings=findings)
            removed |= targets
            continue
        skipped = [
            Skipped(path, tuple(f.message for f in findings if f.path[: len(path)] == path))
            for path in sorted(removed, key=_sort_key)
        ]
        return PartialPlan(plan, skipped, findings, _mapper(data, frozenset(removed)))
    return PartialPlan(None, findings=findings)


def _mapper(data: Any, removed: frozenset[PlanPath]) -> Callable[[PlanPath], PlanPath]:
    def to_file(path: PlanPath) -> PlanPath:
        return _to_file(data, removed, path)

    return to_file


def _sort_key(path: PlanPath) -> tuple[str, ...]:
    return tuple(f"{part:>10}" if isinstance(part, int) else part for part in path)


def _without(value: Any, removed: set[PlanPath], path: PlanPath) -> Any:
    """A copy of `value` (at `path` in the file) without the removed parts."""
    if isinstance(value, dict):
        return {
            key: _without(item, removed, (*path, key))
            for key, item in value.items()
            if (*path, key) not in removed
        }
    if isinstance(value, list):
        return [
            _without(item, removed, (*path, index))
            for index, item in enumerate(value)
            if (*path, index) not in removed
        ]
    return value


def _data_path(data: Any, loc: tuple[Any, ...]) -> PlanPath:
    """The part of a validation error's location that exists in the data (no union labels)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
            path.append(part)
    return tuple(path)


def _to_file(data: Any, removed: set[PlanPath] | frozenset[PlanPath], path: PlanPath) -> PlanPath:
    """A path into the pruned data as a path into the file's data."""
    out: list[str | int] = []
    node = data
    for given in path:
        part = given
        if isinstance(node, list) and isinstance(given, int):
            kept = [i for i in range(len(node)) if (*out, i) not in removed]
            part = kept[given] if given < len(kept) else given
            node = node[part] if part < len(node) else None
        elif isinstance(node, dict):
            node = node.get(given)
        else:
            node = None
        out.append(part)
    return tuple(out)


def _target(data: Any, path: PlanPath) -> PlanPath:
    """What to leave out for an error at `path`: its nearest list element, else the key."""
    node = data
    target: PlanPath = path
    for end, part in enumerate(path, start=1):
        if isinstance(node, list):
            target = path[:end]
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            node = node.get(part) if isinstance(node, dict) else None
    return target
