"""The JSON Schema of plan files, generated from the model so the two cannot drift apart."""

from __future__ import annotations

import json
from typing import Any

from planctl.model.plan import Plan

SCHEMA_ID = "https://planctl.invalid/schema/plan.schema.json"


def plan_schema() -> dict[str, Any]:
    """The schema as data (draft 2020-12)."""
    schema = Plan.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "planctl plan file",
        **schema,
    }


def schema_text() -> str:
    """The schema as stable, readable JSON text."""
    return json.dumps(plan_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
