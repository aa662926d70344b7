"""Renderers of a run's findings, chosen by name from a registry (`--format`)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the engine pulls in the model; `--help` must not pay for it
    from planctl.engine import FileResult

Renderer = Callable[[Sequence["FileResult"], "RenderOptions", TextIO], None]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    width: int | None = None
    strict: bool = False
    command: str = "validate"


# name -> (module, description); modules are imported only when their format is used.
FORMATS: dict[str, tuple[str, str]] = {
    "table": (
        "planctl.report.table",
        "rich tables per file, then a summary (default on a terminal)",
    ),
    "text": ("planctl.report.text", "one line per finding: file:line:col  path  message"),
    "json": ("planctl.report.json_report", "a stable JSON document (docs/json-output.md)"),
    "github": (
        "planctl.report.github",
        "GitHub Actions annotations (default when GITHUB_ACTIONS=true; docs/ci.md)",
    ),
    "sarif": ("planctl.report.sarif", "SARIF 2.1.0 for code-scanning dashboards (docs/ci.md)"),
    "junit": ("planctl.report.junit", "JUnit XML: a test suite per file, a test case per rule"),
}


def renderer(name: str) -> Renderer:
    """The renderer registered as `name`."""
    module = importlib.import_module(FORMATS[name][0])
    render: Renderer = module.render
    return render
