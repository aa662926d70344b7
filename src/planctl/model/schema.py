"""The JSON Schema of plan files, generated from the model so the two cannot drift apart.

Figure fields refer to `$defs` entries (`Figure.money`, `Figure.people.人`, ...) built here from
`planctl.model.patterns`: each holds the figure text patterns of its unit families once, so an
editor flags `6圆` or `1,200个` as planctl does without the file repeating a pattern per field.
"""

from __future__ import annotations

import json
from typing import Any

from planctl.model.figure import FIGURE_KINDS, FIGURE_REF
from planctl.model.patterns import Bare, bare_kind, figure_pattern, unit_pattern
from planctl.model.plan import Plan

SCHEMA_ID = "https://planctl.invalid/schema/plan.schema.json"
_DESCRIPTION = "a figure as printed, e.g. 641.8亿元"


def plan_schema() -> dict[str, Any]:
    """The schema as data (draft 2020-12)."""
    schema = _with_refs(Plan.model_json_schema(mode="validation"))
    definitions: dict[str, Any] = schema.setdefault("$defs", {})
    for name, (families, default) in sorted(FIGURE_KINDS.items()):
        definitions.update(_figure_definitions(name, families, default))
    definitions.update(_text_definition("FigureText.share", None, "plain", negative=True))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "planctl plan file",
        **schema,
    }


def schema_text() -> str:
    """The schema as stable, readable JSON text."""
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _with_refs(node: Any) -> Any:
    """The schema with each figure field's marker replaced by a `$ref` to its definition."""
    if isinstance(node, dict):
        if set(node) == {FIGURE_REF}:
            return _ref(node[FIGURE_REF])
        return {key: _with_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_with_refs(value) for value in node]
    return node


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def _text_definition(
    name: str, families: frozenset[str] | None, bare: Bare, negative: bool
) -> dict[str, Any]:
    return {
        name: {
            "type": "string",
            "description": _DESCRIPTION,
            "pattern": figure_pattern(families, bare, negative),
        }
    }


_FRACTION_KIND = {"enum": ["fraction"], "description": "a share printed as a fraction of one"}
# A share printed as a fraction of one: `{value: 0.074, kind: fraction}` is 7.4%.
_FRACTION: dict[str, Any] = {
    "type": "object",
    "required": ["value", "kind"],
    "additionalProperties": False,
    "properties": {
        "value": {"anyOf": [_ref("FigureText.share"), {"type": "number", "minimum": 0}]},
        "kind": _FRACTION_KIND,
    },
}


def _figure_definitions(
    name: str, families: frozenset[str] | None, default: str | None
) -> dict[str, Any]:
    """A figure field's schema: printed text, a bare number where the field has a unit of its
    own, or a mapping whose `value` follows the same pattern (with the mapping's `unit:`, when
    it has one, standing in for the field's)."""
    negative = families is None
    number: dict[str, Any] = {"type": "number"} if negative else {"type": "number", "minimum": 0}
    texts = f"FigureText.{name.removeprefix('Figure.').split('.')[0]}"
    definitions: dict[str, Any] = {}
    for bare in ("none", "plain", "multiplied"):
        definitions.update(_text_definition(f"{texts}.{bare}", families, bare, negative))

    def value(bare: Bare) -> dict[str, Any]:
        text = _ref(f"{texts}.{bare}")
        return text if bare == "none" else {"anyOf": [text, number]}

    def unit_is(pattern: str) -> dict[str, Any]:
        return {"required": ["unit"], "properties": {"unit": {"pattern": pattern}}}

    mapping = {
        "type": "object",
        "required": ["value"],
        "additionalProperties": False,
        "properties": {
            "value": {"type": ["string", "number"]},
            "source": {"type": "string"},
            "id": {"type": "string"},
            "same_as": {"type": "string"},
            "also": {"type": "array", "items": _ref(name)},
            "unit": {"type": "string", "pattern": unit_pattern(None)},
            "note": {"type": "string"},
            "of": {"type": "string"},
            "share": {"anyOf": [_ref("FigureText.share"), {"type": "number"}, _FRACTION]},
            "kind": _FRACTION_KIND,
        },
        # A fraction (`kind: fraction`) prints a bare number; otherwise a declared unit of the
        # field's families stands in for a unit the value does not print, and a unit of
        # another family makes the value print its own.
        "if": {"required": ["kind"]},
        "then": {"properties": {"value": _FRACTION["properties"]["value"]}},
        "else": {
            "if": unit_is(unit_pattern(families, multiplied=False)),
            "then": {"properties": {"value": value("multiplied")}},
            "else": {
                "if": unit_is(unit_pattern(families)),
                "then": {"properties": {"value": value("plain")}},
                "else": {
                    "if": {"required": ["unit"]},
                    "then": {"properties": {"value": value("none")}},
                    "else": {"properties": {"value": value(bare_kind(default))}},
                },
            },
        },
    }
    field = [_ref(f"{texts}.{bare_kind(default)}"), mapping]
    if default is not None:
        field.insert(1, number)
    definitions[name] = {"anyOf": field}
    return definitions
