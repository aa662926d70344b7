"""Document → `Plan`, with every schema problem as a located finding (all, not just the first)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from planctl.findings import Finding
from planctl.loader import Document
from planctl.location import Path
from planctl.model.plan import Plan

SCHEMA_CODE = "PC003"
_SUGGESTION = re.compile(r"did you mean '([^']+)'")


def to_plan(document: Document) -> tuple[Plan | None, list[Finding]]:
    """Validate the document's data against the plan model."""
    if not isinstance(document.data, dict):
        kind = "empty" if document.data is None else f"a {_kind(document.data)}"
        return None, [
            Finding(
                SCHEMA_CODE,
                f"the file is {kind}; a plan is a mapping that starts with `plan:`",
                (),
                position=document.locate(()),
            )
        ]
    try:
        return Plan.model_validate(document.data), []
    except ValidationError as error:
        findings: dict[Path, Finding] = {}
        for item in error.errors(include_url=False):
            finding = _finding(document, item)
            findings.setdefault(finding.path, finding)  # a union reports each member: keep one
        # `titel` with "did you mean 'title'?" already says what the missing `title` would.
        suggested = {
            (*path[:-1], match.group(1))
            for path, finding in findings.items()
            if (match := _SUGGESTION.search(finding.message))
        }
        return None, [
            f for p, f in findings.items() if p not in suggested or "required" not in f.message
        ]


def _plan_path(document: Document, loc: tuple[Any, ...], kind: str) -> Path:
    """The error's location as a path into the plan, without pydantic's union member labels."""
    path: Path = ()
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        candidate = (*path, part)
        if candidate in document.positions or (last and kind in {"missing", "extra_forbidden"}):
            path = candidate
    return path


def _finding(document: Document, error: Any) -> Finding:
    kind = error["type"]
    path = _plan_path(document, tuple(error["loc"]), kind)
    if kind == "extra_forbidden":
        import difflib  # only for suggestions: most runs never need it

        key = path[-1]
        message = f"unknown key '{key}'"
        suggestion = difflib.get_close_matches(str(key), sorted(_field_names()), n=1, cutoff=0.6)
        if suggestion and suggestion[0] != key:
            message += f"; did you mean '{suggestion[0]}'?"
        elif str(key)[:1].isdigit():
            message += (
                "; inside {...} a comma separates entries, so a figure such as 48,805人 "
                "splits in two: write it without thousands separators"
            )
        return Finding(SCHEMA_CODE, message, path, position=document.locate_key(path))
    if kind == "missing":
        message = f"'{path[-1]}' is required here"
        return Finding(SCHEMA_CODE, message, path, position=document.locate(path[:-1]))
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind not in {"value_error", "assertion_error"} and "input" in error:
        message += f" (got {_show(error['input'])})"
    return Finding(SCHEMA_CODE, message, path, position=document.locate(path))


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…"


def _kind(value: Any) -> str:
    return "list" if isinstance(value, list) else "single value"


@cache
def _field_names() -> frozenset[str]:
    """Every key the format knows, for "did you mean" suggestions."""
    names: set[str] = set()
    pending: list[type[BaseModel]] = [Plan]
    seen: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        names.update(model.model_fields)
        for field in model.model_fields.values():
            pending.extend(_models_in(field.annotation))
    return frozenset(names)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(argument))
    metadata = getattr(annotation, "__origin__", None)
    if metadata is not None and isinstance(metadata, type) and issubclass(metadata, BaseModel):
        found.append(metadata)
    return found
