"""Document → `Plan`, with every schema problem as a located finding (all, not just the first)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from planctl.findings import Finding
from planctl.i18n import _
from planctl.loader import Document
from planctl.location import PlanPath
from planctl.model.figure import FigureKeyError
from planctl.model.messages import did_you_mean, rank, translate
from planctl.model.plan import Plan
from planctl.quantity import MissingUnitError

SCHEMA_CODE = "PC003"
# "Did you mean" is worked out for the first this many distinct unknown keys of a file, once
# each: a file of 100,000 unknown keys still gets every key reported, but not 100,000 fuzzy
# searches (about 3 ms each). A real typo is among the first few.
SUGGESTED_KEYS = 20
# A key longer than this is no typo of a field name (the longest has 20 characters).
_SUGGESTIBLE_LENGTH = 64
_OWN = {"value_error", "assertion_error", "missing", "extra_forbidden"}


def to_plan(document: Document) -> tuple[Plan | None, list[Finding]]:
    """Validate the document's data against the plan model."""
    if not isinstance(document.data, dict):
        return None, [
            Finding(
                SCHEMA_CODE,
                _("the file is {kind}; a plan is a mapping that starts with `plan:`").format(
                    kind=_kind(document.data)
                ),
                (),
                position=document.locate(()),
            )
        ]
    try:
        return Plan.model_validate(document.data), []
    except ValidationError as error:
        findings: dict[PlanPath, Finding] = {}
        # A union reports each member: keep one per place, planctl's own reason first.
        kinds: dict[PlanPath, str] = {}
        errors = error.errors(include_url=False)
        suggest = _Suggestions()
        for item in sorted(errors, key=lambda item: rank(item["type"], item.get("input"))):
            finding = _finding(document, item, suggest)
            if finding.path not in findings:
                findings[finding.path], kinds[finding.path] = finding, item["type"]
        # `kind: [poor, bad]` fails as one kind and as a list with a bad entry: say only the entry.
        above = _proper_prefixes(kinds)
        for path, kind in kinds.items():
            if kind not in _OWN and path in above:
                del findings[path]
        # `titel` with "did you mean 'title'?" already says what the missing `title` would.
        # (Told by the kinds and the suggestions themselves, not by the words, which may be
        # in any language.)
        suggested = {
            (*path[:-1], meant)
            for path, kind in kinds.items()
            if kind == "extra_forbidden" and (meant := suggest.known(str(path[-1]))) is not None
        }
        return None, [
            f for p, f in findings.items() if p not in suggested or not _required(p, kinds)
        ]


def _required(path: PlanPath, kinds: dict[PlanPath, str]) -> bool:
    """The finding at `path` says a named key is required (not a list entry missing)."""
    return kinds.get(path) == "missing" and not isinstance(path[-1], int)


def _proper_prefixes(paths: Iterable[PlanPath]) -> set[PlanPath]:
    """Every proper prefix of every path. Climbing stops at a prefix already there (its own
    prefixes are there too), so a million errors under one deep list cost a million steps, not
    a million times the depth."""
    found: set[PlanPath] = set()
    for path in paths:
        for length in range(len(path) - 1, -1, -1):
            prefix = path[:length]
            if prefix in found:
                break
            found.add(prefix)
    return found


def _plan_path(document: Document, loc: tuple[Any, ...], kind: str) -> PlanPath:
    """The error's location as a path into the plan, without pydantic's union member labels."""
    path: PlanPath = ()
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        candidate = (*path, part)
        if candidate in document.positions or (last and kind in {"missing", "extra_forbidden"}):
            path = candidate
    return path


class _Suggestions:
    """The closest field name for each unknown key of one file: computed once per distinct key,
    and only for the first `SUGGESTED_KEYS` distinct keys; later keys get none."""

    def __init__(self) -> None:
        self._known: dict[str, str | None] = {}

    def known(self, key: str) -> str | None:
        """The suggestion already made for `key`, if any (never a new search)."""
        return self._known.get(key)

    def __call__(self, key: str) -> str | None:
        if key in self._known:
            return self._known[key]
        if len(self._known) >= SUGGESTED_KEYS or len(key) > _SUGGESTIBLE_LENGTH:
            return None
        import difflib  # only for suggestions: most runs never need it

        close = difflib.get_close_matches(key, sorted(_field_names()), n=1, cutoff=0.6)
        self._known[key] = close[0] if close and close[0] != key else None
        return self._known[key]


def _finding(document: Document, error: Any, suggest: _Suggestions) -> Finding:
    kind = error["type"]
    path = _plan_path(document, tuple(error["loc"]), kind)
    if kind == "extra_forbidden":
        key = path[-1]
        message = _("unknown key '{key}'").format(key=key)
        suggestion = suggest(str(key))
        if suggestion is not None:
            message = did_you_mean(message, suggestion)
        elif str(key)[:1].isdigit():
            message = _(
                "{message}; inside {{...}} a comma separates entries, so a figure such as "
                "48,805人 splits in two: write it without thousands separators"
            ).format(message=message)
        return Finding(SCHEMA_CODE, message, path, position=document.locate_key(path))
    if kind == "missing":
        key = path[-1]
        message = (
            _("entry {number} is missing here").format(number=key + 1)
            if isinstance(key, int)
            else _("'{key}' is required here").format(key=key)
        )
        return Finding(SCHEMA_CODE, message, path, position=document.locate(path[:-1]))
    context = error.get("ctx") or {}
    cause = context.get("error")
    if isinstance(cause, MissingUnitError) and (units := _measure_units(document, path)):
        cause = cause.with_units(units)
        context = {"error": cause}
    if isinstance(cause, FigureKeyError) and (*path, cause.key) in document.positions:
        path = (*path, cause.key)
    message = translate(kind, error.get("input"), context)
    at_key = tuple(error["loc"])[-1:] == ("[key]",)  # a mapping's key, such as a year, is wrong
    position = document.locate_key(path) if at_key else document.locate(path)
    return Finding(SCHEMA_CODE, message, path, position=position)


# The units a target's or schedule's figure is counted in, by its measure.
_MEASURE_UNITS = {
    "people": ("人",),
    "households": ("户",),
    "villages": ("个", "村"),
    "counties": ("个", "县"),
}


def _measure_units(document: Document, path: PlanPath) -> tuple[str, ...]:
    """For a figure of a target or schedule of a headline measure, that measure's units."""
    if len(path) < 3 or path[0] not in {"targets", "schedules"} or not isinstance(path[1], int):
        return ()
    entries = document.data.get(path[0]) if isinstance(document.data, dict) else None
    if not isinstance(entries, list) or path[1] >= len(entries):
        return ()
    entry = entries[path[1]]
    measure = entry.get("measure") if isinstance(entry, dict) else None
    return _MEASURE_UNITS.get(measure, ()) if isinstance(measure, str) else ()


def _kind(value: Any) -> str:
    if value is None:
        return _("empty")
    return _("a list") if isinstance(value, list) else _("a single value")


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
