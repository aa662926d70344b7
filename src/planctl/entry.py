"""The `planctl` program's first code: Ctrl-C is a short message and exit 130 from here on.

Importing the command line (typer, click) takes a noticeable part of a second; a Ctrl-C in
that time must not print a traceback, so the import itself is inside the guard.
"""

from __future__ import annotations

import sys

from planctl.exiting import end_without_teardown

EXIT_INTERRUPTED = 130


def main() -> None:
    try:
        from planctl.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("planctl: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    try:
        run()
    except SystemExit as done:
        end_without_teardown(done.code)
        raise
    end_without_teardown(0)
