"""Drawing `planctl rules`: the list of rules, or one rule's documentation.

A rule's title and documentation are translated here, whole: the English `TITLE` and cleaned
module docstring are the message ids in the `planctl-rules` catalog. The codes and the JSON
keys stay as they are in every language."""

from __future__ import annotations

import json
from typing import TextIO

from planctl.i18n import _
from planctl.render import RenderOptions
from planctl.render.json_report import envelope
from planctl.render.words import ljust, severity
from planctl.rules import Rule


def render_text(rules: list[Rule], options: RenderOptions, out: TextIO) -> None:
    """One line per rule; a single rule with its whole documentation."""
    if len(rules) == 1:
        rule = rules[0]
        head = _("{code}: {title} (default severity: {severity})").format(
            code=rule.code, title=_(rule.title), severity=severity(rule.severity)
        )
        out.write(f"{head}\n\n{_(rule.doc)}\n")
        return
    for rule in rules:
        out.write(f"{rule.code:<6} {ljust(severity(rule.severity), 7)}  {_(rule.title)}\n")


def render_table(rules: list[Rule], options: RenderOptions, out: TextIO) -> None:
    """A table of the rules (their documentation as text when there is one rule)."""
    if len(rules) == 1:
        render_text(rules, options, out)
        return
    from rich.table import Table

    from planctl.render.console import make_console

    table = Table()
    table.add_column(_("code"), no_wrap=True)
    table.add_column(_("severity"), no_wrap=True)
    table.add_column(_("exit"), no_wrap=True)
    table.add_column(_("title"), overflow="fold", min_width=20)
    for rule in rules:
        mark = "✓" if rule.exit_criterion else ""
        table.add_row(rule.code, severity(rule.severity), mark, _(rule.title))
    make_console(out, options.color, options.width).print(table)


def render_json(rules: list[Rule], options: RenderOptions, out: TextIO) -> None:
    data = {
        "rules": [
            {
                "code": rule.code,
                "title": _(rule.title),
                "severity": str(rule.severity),
                "exit_criterion": rule.exit_criterion,
                "doc": _(rule.doc),
            }
            for rule in rules
        ]
    }
    json.dump(envelope("rules", data), out, ensure_ascii=False, indent=2)
    out.write("\n")
