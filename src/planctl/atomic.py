"""Writing files so that a reader never sees half of one: a temporary file, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_atomic(path: str, text: str) -> None:
    """Replace `path` with `text` in one step; on any failure the old file is left as it was."""
    with replacing(path) as temporary:
        Path(temporary).write_text(text, encoding="utf-8", errors="backslashreplace", newline="")


@contextmanager
def replacing(path: str) -> Iterator[str]:
    """A temporary path beside `path` to write to; renamed over `path` when the block succeeds.

    For writers that insist on a file name of their own (a spreadsheet library's `save`).
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    os.close(handle)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The file's current mode, or what a plain `open()` would give under the umask.

    `mkstemp` creates files readable by their owner only; a report or an export should come
    out like any other file the user writes.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
