"""`planctl diff`: what changed between two versions of a plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from planctl.calc.diff import Change
    from planctl.loader import Document

FORMATS = ("table", "json")

HELP = """Compare two versions of a plan: figures changed (old and new as printed, and the delta in
the old figure's unit), items added and removed, items moved within their list, and deadlines,
exit years and schedule entries shifted to another year.

List items are matched by name within their parent list, so reordering a list shows moves, not
changes. The data is compared, not the text: comments and layout never count. The plans need
not pass validation, only be readable YAML. The line column is the line in NEW (in OLD for
what was removed).

Examples:

  planctl diff old/luoyang.yaml plans/luoyang.yaml

  planctl diff old.yaml new.yaml --format json

Exit status, as for diff(1): 0 the plans are the same, 1 they differ, 2 trouble (a file that
cannot be read, or a usage error).
"""


def diff(
    old: Annotated[
        str, typer.Argument(metavar="OLD", help="The earlier plan file (or a name under plans/).")
    ],
    new: Annotated[
        str, typer.Argument(metavar="NEW", help="The later plan file (or a name under plans/).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output format: table or json.")
    ] = "table",
) -> None:
    from planctl.calc.diff import diff_data

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    (old_file, old_doc), (new_file, new_doc) = _read(old, "OLD"), _read(new, "NEW")
    changes = diff_data(old_doc.data, new_doc.data)
    if fmt == "json":
        _json(old_file, old_doc, new_file, new_doc, changes)
    else:
        _table(old_file, old_doc, new_file, new_doc, changes)
    raise typer.Exit(1 if changes else 0)


diff.__doc__ = HELP


def _read(name: str, hint: str) -> tuple[str, Document]:
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.loader import LoadError, load

    try:
        path = resolve_plan(name)
        return path, load(path)
    except PathNotFoundError:
        raise typer.BadParameter(f"no such plan: {name}", param_hint=hint) from None
    except LoadError as error:
        raise typer.BadParameter(f"{name}: {error.message}", param_hint=hint) from None


def _line(document: Document, change_path: Any) -> int | None:
    return document.locate(change_path).line if change_path is not None else None


def _json(
    old_file: str, old_doc: Document, new_file: str, new_doc: Document, changes: list[Change]
) -> None:
    import json
    from collections import Counter

    data = {
        "old": old_file,
        "new": new_file,
        "identical": not changes,
        "summary": dict(Counter(str(change.kind) for change in changes)),
        "changes": [
            {
                "kind": str(change.kind),
                "path": change.where,
                "old": change.old,
                "new": change.new,
                "delta": change.delta,
                "old_line": _line(old_doc, change.old_path),
                "new_line": _line(new_doc, change.new_path),
            }
            for change in changes
        ],
    }
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _table(
    old_file: str, old_doc: Document, new_file: str, new_doc: Document, changes: list[Change]
) -> None:
    from collections import Counter

    from rich.markup import escape
    from rich.table import Table

    from planctl.render.display import console

    out = console()
    if not changes:
        out.print(f"[ok]{escape(old_file)} and {escape(new_file)}: no differences[/]")
        return
    out.print(f"[head]{escape(old_file)} → {escape(new_file)}[/]")
    table = Table()
    table.add_column("line", justify="right", no_wrap=True)
    table.add_column("change", no_wrap=True)
    table.add_column("path", overflow="fold")
    table.add_column("old", overflow="fold")
    table.add_column("new", overflow="fold")
    table.add_column("delta", justify="right", no_wrap=True)
    for change in changes:
        line = _line(new_doc, change.new_path) or _line(old_doc, change.old_path)
        table.add_row(
            str(line or ""),
            str(change.kind),
            escape(change.where),
            escape(change.old or ""),
            escape(change.new or ""),
            escape(change.delta or ""),
        )
    out.print(table)
    counts = Counter(str(change.kind) for change in changes)
    out.print(", ".join(f"{count} {kind}" for kind, count in counts.items()))
