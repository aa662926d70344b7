"""The command line: parse options, call the library, print, exit. Nothing else happens here.

Exit codes: 0 no errors; 1 errors found in the plans; 2 usage error; 3 internal error (a bug);
130 interrupted.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import Annotated, Any

import typer
from typer._completion_classes import completion_init

from planctl.cli.commands import LazyGroup
from planctl.cli.options import ColorChoice
from planctl.i18n import _

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(
    name="planctl",
    cls=LazyGroup,  # each command is imported and built only when it is run or asked about
    help=_("Check the figures of poverty-alleviation plans: totals, schedules, deadlines, exits."),
    no_args_is_help=True,
    add_completion=False,  # `planctl completion SHELL` instead: the shell is named, not guessed
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# Completion requests (`_PLANCTL_COMPLETE=complete_bash planctl ...`) are answered by Typer's
# completion classes, which speak the protocol of the scripts `planctl completion` prints.
completion_init()


def _print_version(value: bool) -> None:
    if value:
        from planctl import __version__

        typer.echo(f"planctl {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _global_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help=_("Print planctl's version and exit."),
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            help=_(
                "Colour in tables: auto (a terminal, unless NO_COLOR is set; or FORCE_COLOR "
                "is set), always or never."
            ),
            case_sensitive=False,
        ),
    ] = ColorChoice.AUTO,
) -> None:
    from planctl.cli.output import set_color_choice

    set_color_choice(color.value)


def main() -> None:
    """Entry point: run the app; a bug or Ctrl-C gets a short message, never a traceback.

    Output behaves as a Unix tool's: a reader that stops reading (`| head`) ends the program
    silently, as SIGPIPE ends `cat` (the shell reports 141); text the terminal's encoding cannot
    show is written as backslash escapes instead of failing; a closed standard stream, a full
    disk or another failed read or write is one message and exit 2.
    """
    _prepare_streams()
    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        sys.stderr.write(_("planctl: interrupted") + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit as exit_:
        if exit_.code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C into a silent exit 130
            sys.stderr.write(_("planctl: interrupted") + "\n")
        _flush_stdout()
        raise
    except OSError as error:
        _io_error(error)
    except Exception as error:
        sys.stderr.write(
            _(
                "planctl: internal error: {kind}: {error}\n"
                "This is a bug in planctl; please report it with the command and the input file."
            ).format(kind=type(error).__name__, error=error)
            + "\n"
        )
        sys.exit(EXIT_INTERNAL)
    _flush_stdout()


def _prepare_streams() -> None:
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if sys.stdin is None:
        sys.stdin = closed_stream("standard input")
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, closed_stream(f"standard {name[3:]}put"))
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def closed_stream(name: str) -> io.TextIOWrapper:
    """A stand-in for a standard stream the program was started without (`<&-`, `>&-`):
    reading or writing it fails with an error that names it, instead of a crash on `None`."""

    class Closed(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def writable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            raise OSError(errno.EBADF, f"{name} is closed")

        def write(self, data: Any) -> int:
            raise OSError(errno.EBADF, f"{name} is closed")

    pair: Any = io.BufferedRWPair(Closed(), Closed())
    return io.TextIOWrapper(pair, encoding="utf-8")


# A failed write of a stream (a file's failures carry its name): a full disk or quota, a file
# too large.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def _flush_stdout() -> None:
    """Write what is still buffered now, while a failure can still be reported."""
    try:
        sys.stdout.flush()
    except OSError as error:
        _io_error(error, _("cannot write the output: "))


def _io_error(error: OSError, what: str = "") -> None:
    if not what and error.errno in _WRITE_ERRORS:
        what = _("cannot write the output: ")
    where = f"{error.filename}: " if error.filename else what
    with contextlib.suppress(OSError):  # stderr is gone too: the exit code is all that is left
        sys.stderr.write(f"planctl: {where}{error.strerror or error}\n")
    os._exit(EXIT_USAGE)  # what is still buffered for stdout cannot be written either
