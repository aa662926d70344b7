"""Sending a rendered report to stdout or, atomically, to a file."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Sequence

import typer

from planctl.atomic import write_atomic
from planctl.engine import FileResult
from planctl.overwrite import OverwriteError, refuse_inputs


def emit(
    results: Sequence[FileResult], fmt: str, output_file: str | None, strict: bool, command: str
) -> None:
    """Render `results` in `fmt` to stdout, or to `output_file` written atomically (never over
    one of the files checked)."""
    from planctl.report import RenderOptions, renderer

    render = renderer(fmt)
    if output_file is None:
        options = RenderOptions(color=sys.stdout.isatty(), strict=strict, command=command)
        render(results, options, sys.stdout)
        return
    buffer = io.StringIO()
    render(results, RenderOptions(color=False, width=120, strict=strict, command=command), buffer)
    deliver(buffer.getvalue(), output_file, [result.file for result in results])


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
