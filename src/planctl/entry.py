"""The `planctl` program's first code: Ctrl-C is a short message and exit 130 from here on.

Importing the command line (typer, click) takes a noticeable part of a second; a Ctrl-C in
that time must not print a traceback, so the import itself is inside the guard.

The garbage collector is paused while the modules are imported: importing creates many objects
and no garbage, so the collections it would trigger find nothing (pausing saves about a tenth
of `planctl --help`). Afterwards the imported objects are frozen (`gc.freeze()`): they live as
long as the program, and collections while plans are checked need not walk them again.
"""

from __future__ import annotations

import gc
import sys

from planctl.exiting import end_without_teardown

EXIT_INTERRUPTED = 130


def main() -> None:
    gc.disable()
    try:
        from planctl.i18n import use_command_line

        use_command_line(sys.argv[1:])  # before the commands, whose --help is in that language
        from planctl.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("planctl: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    finally:
        gc.freeze()
        gc.enable()
    try:
        run()
    except SystemExit as done:
        end_without_teardown(done.code)
        raise
    end_without_teardown(0)
