"""Checking the files left when a worker process died, so that one file cannot sink the run.

A worker dies when something kills it (out of memory) or when checking a file crashes the
process itself (a C library's stack overflow). Checking the files it left in the main process
would let such a file kill the whole run and lose every result. Instead they are checked one
file per task in a fresh worker of their own: the tasks run in order, so when that worker dies
the file it was checking is known; it gets a PC001 finding and the others are checked on.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planctl.findings import Finding
from planctl.i18n import _

if TYPE_CHECKING:
    from planctl.engine import FileResult, Options


def check_one_by_one(files: Sequence[str], options: Options) -> list[FileResult]:
    """Results for `files`, in order; a file whose check kills its process is a finding."""
    results: list[FileResult] = []
    remaining = list(files)
    while remaining:
        done, died = _check_until_a_worker_dies(remaining, options, results)
        if died:
            results.append(_died(remaining[done], options))
            done += 1
        remaining = remaining[done:]
    return results


def _check_until_a_worker_dies(
    files: list[str], options: Options, results: list[FileResult]
) -> tuple[int, bool]:
    """Append the results of `files` until the worker dies: how many were checked, and whether
    the worker died checking the next one."""
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from planctl.i18n import language
    from planctl.parallel import _check_released, _start_worker

    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    others = set(multiprocessing.active_children())
    executor = ProcessPoolExecutor(
        1, mp_context=context, initializer=_start_worker, initargs=(None, language())
    )
    futures: list[Future[FileResult]] = []
    done = 0
    try:
        try:
            for file in files:
                futures.append(executor.submit(_check_released, file, options))
        except BrokenProcessPool:
            pass  # it died on one of the tasks already submitted, or before any
        try:
            for future in futures:
                results.append(future.result())
                done += 1
        except BrokenProcessPool:
            executor.shutdown()
            return done, True
    except BaseException:
        executor.shutdown(wait=False)
        for worker in set(multiprocessing.active_children()) - others:
            worker.terminate()
        raise
    executor.shutdown()
    return done, False


def _died(file: str, options: Options) -> FileResult:
    """The result of a file whose check killed its process, made as for any unreadable file."""
    from planctl.engine import UNREADABLE, FileResult, _finish

    message = _(
        "checking this file stopped the process checking it (a crash in a library, or out "
        "of memory); the file was not checked"
    )
    unread = FileResult(file, read=False, valid=False)
    return _finish(unread, [Finding(UNREADABLE, message)], options, None)
