"""`planctl diff`: what changed between two versions of a plan."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption, OutputFileOption, choose_format, format_option
from planctl.i18n import N_, _

HELP = N_("""Compare two versions of a plan: figures changed (old and new as printed, and the delta
in the old figure's unit), items added and removed, items moved within their list, and deadlines,
exit years and schedule entries shifted to another year.

List items are matched by name within their parent list, so reordering a list shows moves, not
changes. The data is compared, not the text: comments and layout never count. The plans need
not pass validation, only be readable YAML. The line column is the line in NEW (in OLD for
what was removed).

Examples:

  planctl diff old/luoyang.yaml plans/luoyang.yaml

  planctl diff old.yaml new.yaml --format json -o changes.json

Exit status, as for diff(1): 0 the plans are the same, 1 they differ, 2 trouble (a file that
cannot be read, or a usage error).
""")


def diff(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help=_("The earlier plan file (or a name under plans/).")),
    ],
    new: Annotated[
        str, typer.Argument(metavar="NEW", help=_("The later plan file (or a name under plans/)."))
    ],
    fmt: Annotated[str | None, format_option("diff")] = None,
    output_file: OutputFileOption = None,
    lang: LangOption = None,
) -> None:
    from planctl.cli.output import emit
    from planctl.diff.run import UnreadablePlanError, diff_files
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.render import formats_of

    fmt = choose_format(fmt, formats_of("diff"))
    files = []
    for name, hint in ((old, "OLD"), (new, "NEW")):
        try:
            files.append(resolve_plan(name))
        except PathNotFoundError:
            raise typer.BadParameter(
                _("no such plan: {name}").format(name=name), param_hint=hint
            ) from None
    try:
        result = diff_files(*files)
    except UnreadablePlanError as error:
        raise typer.BadParameter(str(error), param_hint=error.which) from None
    emit("diff", result, fmt, output_file, files)
    raise typer.Exit(result.exit_code)


diff.__doc__ = _(HELP)
