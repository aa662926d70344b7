"""What changed between two versions of a plan file, in the plan's own terms.

A line diff of two YAML files shows reflowed lines and reordered lists as changes. This diff
compares the data instead: list items are matched by their `name` (or `what`) within their
parent list, so a reordered list shows items as moved, not as a run of changed lines; figures
are compared as printed, with the delta in the old figure's unit when both are of one family;
a deadline (`by`), an exit year or a schedule entry that moves to another year is a shift.
Comments and layout are not part of the data and never count as a change.

It works on the loaded data, not on the validated plan, so a plan that does not yet fit the
format can still be compared with its previous version.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from planctl.diff.values import NAME_KEYS, delta, same, text
from planctl.location import PlanPath

SHIFT_KEYS = {"by", "exit_year"}


class Kind(StrEnum):
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    SHIFTED = "shifted"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. `where` names list items by name; `old_path`/`new_path` locate it."""

    kind: Kind
    where: str
    old: str | None
    new: str | None
    delta: str | None = None
    old_path: PlanPath | None = None
    new_path: PlanPath | None = None


def diff_data(old: Any, new: Any) -> list[Change]:
    """Every difference between two loaded plan documents, in document order."""
    changes: list[Change] = []
    _diff(old, new, "", (), (), None, changes)
    return changes


def _diff(
    old: Any,
    new: Any,
    where: str,
    old_path: PlanPath,
    new_path: PlanPath,
    unit: str | None,
    out: list[Change],
) -> None:
    # `641.8亿元` and `{value: 641.8亿元, source: ...}` state the same figure: compare as mappings.
    if isinstance(old, dict) and "value" in old and not isinstance(new, (dict, list)):
        new = {"value": new}
    elif isinstance(new, dict) and "value" in new and not isinstance(old, (dict, list)):
        old = {"value": old}
    if isinstance(old, dict) and isinstance(new, dict):
        _diff_mappings(old, new, where, old_path, new_path, out)
    elif isinstance(old, list) and isinstance(new, list) and _keyed(old) and _keyed(new):
        _diff_keyed_lists(old, new, where, old_path, new_path, out)
    elif (
        isinstance(old, list)
        and isinstance(new, list)
        and any(isinstance(item, (dict, list)) for item in old + new)
    ):
        _diff_by_index(old, new, where, old_path, new_path, out)
    elif same(old, new):
        return
    else:
        key = old_path[-1] if old_path else None
        kind = Kind.SHIFTED if key in SHIFT_KEYS else Kind.CHANGED
        out.append(
            Change(kind, where, text(old), text(new), delta(old, new, unit), old_path, new_path)
        )


def _diff_mappings(
    old: dict[Any, Any],
    new: dict[Any, Any],
    where: str,
    old_path: PlanPath,
    new_path: PlanPath,
    out: list[Change],
) -> None:
    unit = old.get("unit") if isinstance(old.get("unit"), str) else None
    years = bool(old) and bool(new) and all(isinstance(key, int) for key in [*old, *new])
    removed = [key for key in old if key not in new]
    added = [key for key in new if key not in old]
    shifted: dict[Any, Any] = {}
    if years and where.endswith("years"):
        # A schedule entry whose figure moved to another year: one shift, not a removal and an add.
        for before in removed:
            match = next(
                (
                    after
                    for after in added
                    if after not in shifted.values() and same(old[before], new[after])
                ),
                None,
            )
            if match is not None:
                shifted[before] = match
    for key, value in old.items():
        child = _join(where, key)
        if key in shifted:
            after = shifted[key]
            out.append(
                Change(
                    Kind.SHIFTED,
                    child,
                    f"{key}: {text(value)}",
                    f"{after}: {text(new[after])}",
                    None,
                    (*old_path, key),
                    (*new_path, after),
                )
            )
        elif key not in new:
            out.append(Change(Kind.REMOVED, child, text(value), None, None, (*old_path, key)))
        else:
            value_unit = unit if key == "value" else None
            _diff(value, new[key], child, (*old_path, key), (*new_path, key), value_unit, out)
    for key in added:
        if key not in shifted.values():
            out.append(
                Change(
                    Kind.ADDED,
                    _join(where, key),
                    None,
                    text(new[key]),
                    None,
                    None,
                    (*new_path, key),
                )
            )


def _diff_by_index(
    old: list[Any],
    new: list[Any],
    where: str,
    old_path: PlanPath,
    new_path: PlanPath,
    out: list[Change],
) -> None:
    """Lists of unnamed items (restatements, acceptances): item by item, then the extra ones."""
    for index, (before, after) in enumerate(zip(old, new, strict=False)):
        _diff(before, after, f"{where}[{index}]", (*old_path, index), (*new_path, index), None, out)
    for index in range(len(new), len(old)):
        out.append(
            Change(
                Kind.REMOVED, f"{where}[{index}]", text(old[index]), None, None, (*old_path, index)
            )
        )
    for index in range(len(old), len(new)):
        out.append(
            Change(
                Kind.ADDED,
                f"{where}[{index}]",
                None,
                text(new[index]),
                None,
                None,
                (*new_path, index),
            )
        )


def _diff_keyed_lists(
    old: list[Any],
    new: list[Any],
    where: str,
    old_path: PlanPath,
    new_path: PlanPath,
    out: list[Change],
) -> None:
    old_keys, new_keys = _keys(old), _keys(new)
    old_at = {key: index for index, key in enumerate(old_keys)}
    new_at = {key: index for index, key in enumerate(new_keys)}
    common_old = [key for key in old_keys if key in new_at]
    common_new = [key for key in new_keys if key in old_at]
    matcher = difflib.SequenceMatcher(a=common_old, b=common_new, autojunk=False)
    in_place = {
        common_old[block.a + offset]
        for block in matcher.get_matching_blocks()
        for offset in range(block.size)
    }
    for key in old_keys:
        child = f"{where}[{_label(key)}]"
        old_index = old_at[key]
        if key not in new_at:
            out.append(
                Change(
                    Kind.REMOVED, child, text(old[old_index]), None, None, (*old_path, old_index)
                )
            )
            continue
        new_index = new_at[key]
        if key not in in_place:
            out.append(
                Change(
                    Kind.MOVED,
                    child,
                    f"position {old_index + 1}",
                    f"position {new_index + 1}",
                    None,
                    (*old_path, old_index),
                    (*new_path, new_index),
                )
            )
        _diff(
            old[old_index],
            new[new_index],
            child,
            (*old_path, old_index),
            (*new_path, new_index),
            None,
            out,
        )
    for key in new_keys:
        if key not in old_at:
            index = new_at[key]
            out.append(
                Change(
                    Kind.ADDED,
                    f"{where}[{_label(key)}]",
                    None,
                    text(new[index]),
                    None,
                    None,
                    (*new_path, index),
                )
            )


def _keyed(items: Sequence[Any]) -> bool:
    """A list whose items are mappings that all carry a name (or a `what`)."""
    return bool(items) and all(
        isinstance(item, dict) and any(isinstance(item.get(k), str) for k in NAME_KEYS)
        for item in items
    )


def _keys(items: Sequence[dict[str, Any]]) -> list[tuple[str, int]]:
    """(name, occurrence): the second item named 培训补助 is (培训补助, 2)."""
    seen: dict[str, int] = {}
    keys = []
    for item in items:
        name = next(item[k] for k in NAME_KEYS if isinstance(item.get(k), str))
        seen[name] = seen.get(name, 0) + 1
        keys.append((name, seen[name]))
    return keys


def _label(key: tuple[str, int]) -> str:
    name, occurrence = key
    return name if occurrence == 1 else f"{name}#{occurrence}"


def _join(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)
