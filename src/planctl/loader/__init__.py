"""Plan files → `Document`s: exact numbers, source positions, one clear error when unreadable."""

from __future__ import annotations

import sys
from pathlib import Path as FilePath

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
    """The file's bytes, with the size limit applied before anything large is read."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        file = FilePath(path)
        try:
            size = file.stat().st_size
            if size > max_bytes:
                raise LoadError(_too_large(size, max_bytes))
            with file.open("rb") as handle:
                data = handle.read(max_bytes + 1)
        except IsADirectoryError:
            raise LoadError("is a directory, not a plan file") from None
        except FileNotFoundError:
            raise LoadError("no such file") from None
        except PermissionError:
            raise LoadError("permission denied: the file cannot be read") from None
        except OSError as error:
            raise LoadError(f"cannot be read: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise LoadError(_too_large(len(data), max_bytes))
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
        "raise it with --max-size if this plan really is that large"
    )
