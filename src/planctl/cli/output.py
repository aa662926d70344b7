"""Sending a rendered report to stdout or, atomically, to a file; and whether it has colour.

Colour is decided here and nowhere else, by the conventions users set once for every tool:
`--color always|never` wins; in `auto` (the default) a non-empty `NO_COLOR` turns colour off,
a non-empty `FORCE_COLOR` turns it on even through a pipe, and otherwise a terminal gets colour
and a pipe or a file does not (https://no-color.org, https://force-color.org).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

import typer

from planctl.atomic import missing_directory, write_atomic
from planctl.i18n import _
from planctl.overwrite import OverwriteError, refuse_inputs

COLOR_CHOICES = ("auto", "always", "never")
_CHOSEN = {"color": "auto"}  # this run's global options, set once by the app's callback


def set_color_choice(choice: str) -> None:
    """Record the global `--color` choice for this run."""
    _CHOSEN["color"] = choice


def wants_color(choice: str, is_terminal: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether output gets colour: the option first, then NO_COLOR, FORCE_COLOR, the terminal."""
    if choice != "auto":
        return choice == "always"
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return is_terminal


def stream_color(stream: TextIO | None = None) -> bool:
    """Whether what is printed on `stream` (stdout) gets colour in this run."""
    target = stream or sys.stdout
    return wants_color(_CHOSEN["color"], target.isatty())


def emit(
    kind: str,
    result: Any,
    fmt: str,
    output_file: str | None,
    inputs: Iterable[str] = (),
    *,
    quiet: bool = False,
    statistics: bool = False,
) -> None:
    """Render `result` (of `kind`) in `fmt` to stdout, or to `output_file` written atomically
    (never over one of the `inputs` it was made from)."""
    from planctl.render import RenderOptions, render

    if output_file is None:
        options = RenderOptions(stream_color(), quiet=quiet, statistics=statistics)
        render(kind, fmt, result, options, sys.stdout)
        return
    buffer = io.StringIO()
    options = RenderOptions(False, 120, quiet=quiet, statistics=statistics)
    render(kind, fmt, result, options, buffer)
    deliver(buffer.getvalue(), output_file, inputs)


def deliver(text: str, output_file: str | None, inputs: Iterable[str] = ()) -> None:
    """Print `text`, or write it atomically to `output_file`; a file that cannot be written, or
    that is one of the `inputs` the text was made from, is a usage error, not a crash."""
    if output_file is None:
        sys.stdout.write(text)
        return
    missing = missing_directory(output_file)
    if missing is not None:
        raise typer.BadParameter(
            _("cannot write {output_file}: the directory {missing} does not exist").format(
                output_file=output_file, missing=missing
            ),
            param_hint="--output-file",
        )
    try:
        refuse_inputs([output_file], inputs)
        write_atomic(output_file, text)
    except OverwriteError as error:
        raise typer.BadParameter(error.message, param_hint="--output-file") from None
    except OSError as error:
        raise typer.BadParameter(
            _("cannot write {output_file}: {reason}").format(
                output_file=output_file, reason=error.strerror or error
            ),
            param_hint="--output-file",
        ) from None
