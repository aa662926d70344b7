"""Drawing `planctl rules`: the list of rules, or one rule's documentation."""

from __future__ import annotations

import json
from typing import TextIO

from planctl.render import RenderOptions
from planctl.render.json_report import envelope
from planctl.rules import Rule


def render_text(rules: list[Rule], options: RenderOptions, out: TextIO) -> None:
    """One line per rule; a single rule with its whole documentation."""
    if len(rules) == 1:
        rule = rules[0]
        out.write(f"{rule.code}: {rule.title} (default severity: {rule.severity})\n\n{rule.doc}\n")
        return
    for rule in rules:
        out.write(f"{rule.code:<6} {rule.severity:<7}  {rule.title}\n")


def render_table(rules: list[Rule], options: RenderOptions, out: TextIO) -> None:
    """A table of the rules (their documentation as text when there is one rule)."""
    if len(rules) == 1:
        render_text(rules, options, out)
        return
    from rich.table import Table

    from planctl.render.console import make_console

    table = Table()
    table.add_column("code", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("exit", no_wrap=True)
    table.add_column("title", overflow="fold", min_width=20)
    for rule in rules:
        table.add_row(rule.code, str(rule.severity), "✓" if rule.exit_criterion else "", rule.title)
    make_console(out, options.color, options.width).print(table)


def render_json(rules: list[Rule], options: RenderOptions, out: TextIO) -> None:
    data = {
        "rules": [
            {
                "code": rule.code,
                "title": rule.title,
                "severity": str(rule.severity),
                "exit_criterion": rule.exit_criterion,
                "doc": rule.doc,
            }
            for rule in rules
        ]
    }
    json.dump(envelope("rules", data), out, ensure_ascii=False, indent=2)
    out.write("\n")
