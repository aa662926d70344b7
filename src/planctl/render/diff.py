"""Drawing `planctl diff`: a table that reads at 80 columns, plain lines, or JSON.

Every change says where to look: the line in NEW, or in OLD for what was removed. Figures
(old, new, delta) are not folded across lines, so a changed digit cannot hide at a line
break; paths, which can be long, fold. Only when the page cannot hold the figures whole (or a
whole item is summarised) do old and new fold too, which loses nothing, where cutting would.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from planctl.i18n import N_, _
from planctl.render import RenderOptions
from planctl.render.json_report import envelope
from planctl.results.diff import DiffResult, LocatedChange

FIGURE_WIDTH = 24  # a figure as printed is narrower; anything wider is an item's summary
PATH_WIDTH = 12  # the narrowest a path is folded to
# The kinds of change (`diff.structure.Kind`; JSON keeps these words), as a reader calls them.
KINDS = {
    "changed": N_("changed"),
    "added": N_("added"),
    "removed": N_("removed"),
    "moved": N_("moved"),
    "shifted": N_("shifted"),
}


def kind_text(kind: object) -> str:
    """A kind of change in the current language."""
    return _(KINDS.get(str(kind), str(kind)))


def counts_text(result: DiffResult) -> str:
    """`2 changed, 1 added`."""
    return _(", ").join(f"{count} {kind_text(kind)}" for kind, count in result.counts().items())


def summary_line(result: DiffResult) -> str:
    """`OLD → NEW: 2 changed, 1 added`, or that they are the same."""
    if result.identical:
        return _("{old} and {new}: no differences").format(old=result.old, new=result.new)
    return f"{result.old} → {result.new}: {counts_text(result)}"


def _file_of(result: DiffResult, located: LocatedChange) -> str:
    return result.new if located.new_line is not None else result.old


def render_text(result: DiffResult, options: RenderOptions, out: TextIO) -> None:
    """One line per change: `file:line  kind  path  old → new  delta`, then the summary."""
    for located in result.changes:
        change = located.change
        where = f"{_file_of(result, located)}:{located.line}" if located.line else "-"
        values = " → ".join(value for value in (change.old, change.new) if value is not None)
        delta = f"  {change.delta}" if change.delta else ""
        out.write(f"{where}  {kind_text(change.kind)}  {change.where}  {values}{delta}\n")
    out.write(summary_line(result) + "\n")


def render_table(result: DiffResult, options: RenderOptions, out: TextIO) -> None:
    """A table of the changes: line, kind, path (folded), old, new and delta (whole)."""
    from rich.cells import cell_len
    from rich.markup import escape
    from rich.table import Table

    from planctl.render.console import make_console

    console = make_console(out, options.color, options.width)
    if result.identical:
        console.print(f"[ok]{escape(summary_line(result))}[/]")
        return
    console.print(f"[head]{escape(result.old)} → {escape(result.new)}[/]")
    table = Table()
    table.add_column(_("line"), justify="right", no_wrap=True)
    table.add_column(_("change"), no_wrap=True)
    table.add_column(_("path"), overflow="fold", min_width=PATH_WIDTH, ratio=1)
    figures = {
        column: max(cell_len(getattr(located.change, column) or "") for located in result.changes)
        for column in ("old", "new", "delta")
    }
    # Each column takes its width plus 3 (padding and rule); the line and kind need at most 15.
    needed = 1 + 15 + PATH_WIDTH + 3 + sum(width + 3 for width in figures.values())
    whole = needed <= console.width and max(figures.values()) <= FIGURE_WIDTH
    for column in (N_("old"), N_("new")):
        if whole:
            table.add_column(_(column), no_wrap=True)  # figures: never folded
        else:  # a whole item's summary, or a page too narrow: fold rather than cut off
            table.add_column(_(column), overflow="fold", min_width=8)
    table.add_column(_("delta"), justify="right", no_wrap=whole, overflow="fold")
    for located in result.changes:
        change = located.change
        table.add_row(
            str(located.line or ""),
            kind_text(change.kind),
            escape(change.where),
            escape(change.old or ""),
            escape(change.new or ""),
            escape(change.delta or ""),
        )
    console.print(table)
    console.print(escape(counts_text(result)))


def diff_data(result: DiffResult) -> dict[str, Any]:
    """The diff as JSON-ready data (docs/json-output.md)."""
    return {
        "old": result.old,
        "new": result.new,
        "identical": result.identical,
        "summary": result.counts(),
        "changes": [
            {
                "kind": str(located.change.kind),
                "path": located.change.where,
                "old": located.change.old,
                "new": located.change.new,
                "delta": located.change.delta,
                "old_line": located.old_line,
                "new_line": located.new_line,
            }
            for located in result.changes
        ],
    }


def render_json(result: DiffResult, options: RenderOptions, out: TextIO) -> None:
    json.dump(envelope("diff", diff_data(result)), out, ensure_ascii=False, indent=2)
    out.write("\n")
