"""Plan files → `Document`s: exact numbers, source positions, one clear error when unreadable."""

from __future__ import annotations

import os
import stat
import sys

from planctl.i18n import _
from planctl.loader.decode import decode
from planctl.loader.errors import LoadError
from planctl.loader.reader import Document, Problem, read_yaml

DEFAULT_MAX_BYTES = 8 * 1024 * 1024  # the worst 8 MiB: about 1.6 GB, 40 s (docs/performance.md)
STDIN = "-"

__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "Document", "LoadError", "Problem", "load", "load_text"]


def load_text(text: str) -> Document:
    """Read a plan from text already decoded."""
    return read_yaml(text.removeprefix("\ufeff"))


def load(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the plan file at `path` (or standard input for `-`), refusing files over `max_bytes`."""
    return read_yaml(decode(read_bytes(path, max_bytes)))


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, with the size limit applied before anything large is read.

    Only regular files are read (and standard input for `-`): a named pipe or a device named
    `*.yaml` would block the run forever or never end.
    """
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            data = _read_regular(path, max_bytes)
        except IsADirectoryError:
            raise LoadError(_("is a directory, not a plan file")) from None
        except FileNotFoundError:
            raise LoadError(_("no such file")) from None
        except PermissionError:
            raise LoadError(_permission_denied(path)) from None
        except OSError as error:
            raise LoadError(
                _("cannot be read: {reason}").format(reason=error.strerror or error)
            ) from None
    if len(data) > max_bytes:
        raise LoadError(_too_large(len(data), max_bytes))
    return data


def _read_regular(path: str, max_bytes: int) -> bytes:
    # Opening without blocking: opening a named pipe would otherwise wait for a writer.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(status.st_mode):
            raise LoadError(
                _(
                    "is {kind}, not a regular file; planctl reads plan files, "
                    "or standard input when given -"
                ).format(kind=_kind(status.st_mode))
            )
        if status.st_size > max_bytes:
            raise LoadError(_too_large(status.st_size, max_bytes))
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return handle.read(max_bytes + 1)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    return _("not a plain file")


def _permission_denied(path: str) -> str:
    if os.path.isdir(path):
        return _("permission denied: the directory cannot be listed, so its plans were not checked")
    try:
        os.stat(path)
    except PermissionError:
        return _("permission denied: a directory on the way to the file cannot be searched")
    except OSError:
        pass
    return _("permission denied: the file cannot be read")


def _too_large(size: int, max_bytes: int) -> str:
    return _(
        "the file is {size} bytes, over the limit of {limit} bytes; "
        "raise it with --max-size if this plan really is that large"
    ).format(size=f"{size:,}", limit=f"{max_bytes:,}")
