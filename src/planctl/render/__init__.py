"""Drawing results: one registry of renderers, keyed by the kind of result and the format.

Every command's library call returns a typed result (`planctl.results`); `render(kind, fmt,
result, options, out)` finds the renderer registered for that pair and draws it. Each command
offers `table`, `text` and `json`; the checking commands also the CI formats `github`, `sarif`
and `junit`. Renderer modules are imported only when used, so `--help` pays for none of them.
A new format is a module and a line per kind here; a new command's result, a line per format.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO, cast


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to draw: colour and width, and for the checking commands' table and text formats
    `quiet` (only the findings that fail the run, no summary) and `statistics` (a count per
    rule code after the findings)."""

    color: bool = False
    width: int | None = None
    quiet: bool = False
    statistics: bool = False


Renderer = Callable[[Any, RenderOptions, TextIO], None]

FORMATS: dict[str, str] = {
    "table": "rich tables, then a summary (default on a terminal)",
    "text": "plain lines: one per finding (file:line:col  path  message) or figure",
    "json": "one versioned JSON document (docs/json-output.md)",
    "github": "GitHub Actions annotations (default when GITHUB_ACTIONS=true; docs/ci.md)",
    "sarif": "SARIF 2.1.0 for code-scanning dashboards (docs/ci.md)",
    "junit": "JUnit XML: a test suite per file, a test case per rule or verdict",
}

_CHECK = {
    "table": "planctl.render.table:render_findings",
    "text": "planctl.render.text:render_findings",
    "json": "planctl.render.json_report:render_findings",
    "github": "planctl.render.github:render_findings",
    "sarif": "planctl.render.sarif:render_findings",
    "junit": "planctl.render.junit:render_findings",
}

# (kind of result, format) -> "module:function"
RENDERERS: dict[tuple[str, str], str] = {
    **{("validate", fmt): target for fmt, target in _CHECK.items()},
    ("exit-check", "table"): "planctl.render.exit_check:render_table",
    ("exit-check", "text"): "planctl.render.exit_check:render_text",
    ("exit-check", "json"): "planctl.render.exit_check:render_json",
    **{
        ("exit-check", fmt): f"planctl.render.exit_check:render_{fmt}"
        for fmt in ("github", "sarif", "junit")
    },
    **{("rules", fmt): f"planctl.render.rules:render_{fmt}" for fmt in ("table", "text", "json")},
    ("report", "html"): "planctl.render.html:render_page",
    # show, budget, schedule
    **{
        (kind, fmt): f"planctl.render.{kind}:render_{fmt}"
        for kind in ("show", "budget", "schedule")
        for fmt in ("table", "text", "json")
    },
    # trace, diff
    **{("trace", f): f"planctl.render.trace:render_{f}" for f in ("table", "text", "json")},
    **{("trace", f): f"planctl.render.trace_ci:render_{f}" for f in ("github", "sarif", "junit")},
    **{("diff", f): f"planctl.render.diff:render_{f}" for f in ("table", "text", "json")},
}


def formats_of(kind: str) -> dict[str, str]:
    """The formats a kind of result can be drawn in, with their descriptions."""
    return {fmt: text for fmt, text in FORMATS.items() if (kind, fmt) in RENDERERS}


def renderer(kind: str, fmt: str) -> Renderer:
    """The renderer registered for (`kind`, `fmt`)."""
    module_name, function = RENDERERS[(kind, fmt)].split(":")
    draw: Renderer = getattr(importlib.import_module(module_name), function)
    return draw


def render(kind: str, fmt: str, result: Any, options: RenderOptions, out: TextIO) -> None:
    """Draw `result` (of `kind`) in `fmt` on `out`; plain text without terminal controls (the
    tables' console removes them itself)."""
    if fmt == "text":
        from planctl.render.console import PrintableWriter

        out = cast(TextIO, PrintableWriter(out))
    renderer(kind, fmt)(result, options, out)
