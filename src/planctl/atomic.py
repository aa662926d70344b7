"""Writing files so that a reader never sees half of one, and nothing but the target changes.

A regular file is replaced in one step: a temporary file beside it, then a rename. A rename
would also replace what is not a regular file, so those are written in place instead: `-o
/dev/null` stays the null device and a named pipe stays a pipe. A symbolic link is followed and
its target replaced; the link stays. Several files (a CSV export's tables) are put in place as a
set: every one is written before any is renamed, and a rename that fails puts the ones already
renamed back.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path


def missing_directory(path: str) -> str | None:
    """The directory of `path` as the user wrote it, when it does not exist (else None): the
    message must name it, not the temporary file a failed write would name."""
    directory = os.path.dirname(path)
    return directory if directory and not os.path.isdir(directory) else None


def write_atomic(path: str, text: str) -> None:
    """Replace `path` with `text` in one step; on any failure the old file is left as it was."""
    write_all_atomic({path: text})


def write_all_atomic(texts: dict[str, str]) -> None:
    """Write every `path: text` of `texts`, all of them or (on failure) none. Text that UTF-8
    cannot hold (a file name's undecodable bytes) is written as backslash escapes."""
    paths = list(texts)
    with replacing_all(paths) as temporaries:
        for path, temporary in zip(paths, temporaries, strict=True):
            Path(temporary).write_text(
                texts[path], encoding="utf-8", errors="backslashreplace", newline=""
            )


@contextmanager
def replacing(path: str) -> Iterator[str]:
    """A temporary path to write to; put in place of `path` when the block succeeds.

    For writers that insist on a file name of their own (a spreadsheet library's `save`).
    """
    with replacing_all([path]) as (temporary,):
        yield temporary


@dataclass(slots=True)
class _Target:
    """One file to write: where it really is, and the temporary that will become it."""

    final: Path  # the symbolic links followed
    temporary: str
    in_place: bool  # not a regular file: written into, never renamed over
    existed: bool = False
    backup: str | None = None  # a second name of the old file while the set is renamed
    renamed: bool = False


@contextmanager
def replacing_all(paths: Sequence[str]) -> Iterator[list[str]]:
    """Temporary paths to write, one for each of `paths`; all put in place when the block
    succeeds, none when it fails (its temporaries are removed)."""
    with ExitStack() as cleanup:
        targets: list[_Target] = []
        for path in paths:
            target = _prepare(path)
            targets.append(target)
            cleanup.callback(Path(target.temporary).unlink, missing_ok=True)
        yield [target.temporary for target in targets]
        _commit(targets)


def _prepare(path: str) -> _Target:
    if _is_special(Path(path)):
        # Written as named: `/dev/stdout` leads through /proc to a pipe that has no path.
        handle, temporary = tempfile.mkstemp(prefix=".planctl.")
        os.close(handle)
        return _Target(Path(path), temporary, in_place=True)
    final = Path(os.path.realpath(path))
    handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", dir=final.parent)
    os.close(handle)
    return _Target(final, temporary, in_place=False)


def _is_special(path: Path) -> bool:
    """Whether `path` exists and is not a regular file (a device, a pipe, a socket)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _commit(targets: list[_Target]) -> None:
    regular = [target for target in targets if not target.in_place]
    try:
        for target in regular:
            os.chmod(target.temporary, _mode_for(target.final))
            target.existed = target.final.exists()
            if target.existed:
                target.backup = _second_name(target.final)
        for target in regular:
            os.replace(target.temporary, target.final)
            target.renamed = True
    except BaseException:
        _undo(regular)
        raise
    finally:
        for target in regular:
            if target.backup is not None:
                Path(target.backup).unlink(missing_ok=True)
    for target in targets:
        if target.in_place:
            with open(target.temporary, "rb") as source, open(target.final, "wb") as sink:
                shutil.copyfileobj(source, sink)


def _second_name(final: Path) -> str | None:
    """A hard link to the file about to be replaced, to put it back if a later rename fails.

    None when the file system has no hard links: then a failed rename cannot be undone, but
    renames within one directory practically never fail once the files are written.
    """
    backup = str(final.with_name(f".{final.name}.{secrets.token_hex(6)}.old"))
    try:
        os.link(final, backup)
    except OSError:
        return None
    return backup


def _undo(targets: list[_Target]) -> None:
    """Put back the old files of the targets already renamed over; remove the new ones."""
    for target in targets:
        if not target.renamed:
            continue
        if target.backup is not None:
            os.replace(target.backup, target.final)
            target.backup = None
        elif not target.existed:
            target.final.unlink(missing_ok=True)


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
