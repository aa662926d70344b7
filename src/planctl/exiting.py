"""Ending the process once a command is done, without tearing the interpreter down.

At exit Python runs its teardown: it clears every module and frees every object one by one,
which is pure cost for a command-line tool (a fifth of the time of checking one small plan; on
the 100,000-item plan of the benchmarks, seconds: docs/performance.md). planctl has nothing
the operating system would not clean up: reports are written and renamed into place before the
command returns, and worker processes have been joined. So the standard streams are flushed
here, a failed write is still reported with exit 2 (as `planctl.cli` does), and the process
ends with `os._exit`, keeping the command's exit code.

`end_without_teardown` arranges that for the moment the interpreter starts to exit (the first
of its `atexit` handlers to run, since they run last registered first, after the handlers of
the modules the command imported, such as multiprocessing's), so that a caller of
`planctl.entry.main` that catches its `SystemExit` still goes on as before.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
from typing import NoReturn

EXIT_USAGE = 2  # planctl.cli.EXIT_USAGE: a failed read or write


def exit_code_of(code: object) -> int:
    """The status `sys.exit(code)` would end the process with (a message's is 1)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return 1


def end_without_teardown(code: object) -> None:
    """When the interpreter exits, end the process with `code`, skipping its teardown."""
    atexit.register(exit_without_teardown, code)


def exit_without_teardown(code: object) -> NoReturn:
    """End the process as `sys.exit(code)` would, skipping the interpreter's teardown."""
    status = exit_code_of(code)
    if code is not None and not isinstance(code, int):
        _write_stderr(f"{code}\n")  # as sys.exit("message") prints it
    try:
        sys.stdout.flush()
    except OSError as error:
        from planctl.i18n import _  # loaded by then: the command has run

        what = _("cannot write the output: ")
        _write_stderr(f"planctl: {what}{error.strerror or error}\n")
        status = EXIT_USAGE
    except ValueError:  # closed by the command itself: nothing is left to write
        pass
    with contextlib.suppress(OSError, ValueError):  # stderr gone: the exit code is left
        sys.stderr.flush()
    os._exit(status)


def _write_stderr(text: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(text)
