"""Sending a rendered report to stdout or, atomically, to a file."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable
from typing import Any

import typer

from planctl.atomic import write_atomic
from planctl.overwrite import OverwriteError, refuse_inputs


def emit(
    kind: str, result: Any, fmt: str, output_file: str | None, inputs: Iterable[str] = ()
) -> None:
    """Render `result` (of `kind`) in `fmt` to stdout, or to `output_file` written atomically
    (never over one of the `inputs` it was made from)."""
    from planctl.render import RenderOptions, render

    if output_file is None:
        render(kind, fmt, result, RenderOptions(color=sys.stdout.isatty()), sys.stdout)
        return
    buffer = io.StringIO()
    render(kind, fmt, result, RenderOptions(color=False, width=120), buffer)
    deliver(buffer.getvalue(), output_file, inputs)


def deliver(text: str, output_file: str | None, inputs: Iterable[str] = ()) -> None:
    """Print `text`, or write it atomically to `output_file`; a file that cannot be written, or
    that is one of the `inputs` the text was made from, is a usage error, not a crash."""
    if output_file is None:
        sys.stdout.write(text)
        return
    try:
        refuse_inputs([output_file], inputs)
        write_atomic(output_file, text)
    except OverwriteError as error:
        raise typer.BadParameter(error.message, param_hint="--output-file") from None
    except OSError as error:
        raise typer.BadParameter(
            f"cannot write {output_file}: {error.strerror or error}", param_hint="--output-file"
        ) from None
