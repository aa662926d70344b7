"""Sending a rendered report to stdout or, atomically, to a file."""

from __future__ import annotations

import io
import sys
from typing import Any

import typer

from planctl.atomic import write_atomic


def emit(kind: str, result: Any, fmt: str, output_file: str | None) -> None:
    """Render `result` (of `kind`) in `fmt` to stdout, or to `output_file` written atomically."""
    from planctl.render import RenderOptions, render

    if output_file is None:
        render(kind, fmt, result, RenderOptions(color=sys.stdout.isatty()), sys.stdout)
        return
    buffer = io.StringIO()
    render(kind, fmt, result, RenderOptions(color=False, width=120), buffer)
    deliver(buffer.getvalue(), output_file)


def deliver(text: str, output_file: str | None) -> None:
    """Print `text`, or write it atomically to `output_file`; a file that cannot be written is a
    usage error, not a crash."""
    if output_file is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output_file, text)
    except OSError as error:
        raise typer.BadParameter(
            f"cannot write {output_file}: {error.strerror or error}", param_hint="--output-file"
        ) from None
