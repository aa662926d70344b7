"""Checking many files in worker processes, with the same results as checking them one by one.

`check_files` checks many files, in worker processes when there are enough of them to pay for
starting the workers; its results are the same, in the same order, as checking the files one by
one (docs/performance.md has the measurements behind the thresholds). The rules themselves are
`planctl.engine`'s: this module only decides where each file is checked.

Workers never outlive the run. Each asks the kernel to kill it when its parent dies (even by
SIGKILL), and while the workers run, SIGTERM and SIGHUP (what `timeout`, a CI runner or a closed
terminal send) kill them before the parent exits with 128 + the signal's number.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from types import FrameType

from planctl.engine import FileResult, Options, check_file
from planctl.i18n import language, use
from planctl.loader import STDIN

# The signals that ask a run to stop; Ctrl-C (SIGINT) has its own exit, 130.
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def check_files(
    files: Sequence[str], options: Options | None = None, jobs: int = 1
) -> list[FileResult]:
    """Check `files` with up to `jobs` processes; results in the order of `files`, released.

    Few or small files are checked in this process: starting workers costs more than it saves
    (see `MIN_FILES` and `MIN_BYTES`). Each worker imports planctl at most once (on Linux it is
    forked from this process and imports nothing) and takes the files in chunks. A file that
    fails to load is a finding as always; a worker that dies (killed, out of memory) does not
    stop the run: the files whose results did not come back are checked in this process.
    """
    options = options or Options()
    if jobs <= 1 or not _worth_a_pool(files):
        return [_check_released(file, options) for file in files]
    with _stopped_by_signals():
        return _check_in_pool(files, options, jobs)


# Forking the workers and collecting their results costs about 10 ms, and checking takes about
# 0.6 ms per KB of plan: two workers win from about 100 KB of plans on (two county plans of
# 70 KB, or 25 plans of 4 KB), and lose a few milliseconds below (docs/performance.md).
MIN_FILES = 2
MIN_BYTES = 128 * 1024


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1  # pragma: no cover - platforms without affinity masks


def usable_jobs(asked: int | None) -> tuple[int, str | None]:
    """The number of workers for `--jobs asked` (None: one per CPU), and a note when it was
    more than the CPUs: workers beyond them only take turns, each costing a process's memory."""
    cpus = default_jobs()
    if asked is None or asked <= cpus:
        return asked or cpus, None
    return cpus, f"--jobs {asked} capped at {cpus}, the CPUs this process may use"


def _worth_a_pool(files: Sequence[str]) -> bool:
    if len(files) < MIN_FILES or STDIN in files:  # standard input can be read only here
        return False
    total = 0
    for file in files:
        try:
            total += os.stat(file).st_size
        except OSError:
            continue  # reported as a finding when the file is checked
        if total >= MIN_BYTES:
            return True
    return False


def _check_in_pool(files: Sequence[str], options: Options, jobs: int) -> list[FileResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from planctl.isolate import check_one_by_one

    # Forking shares the modules this process has already imported: no worker imports anything.
    # Elsewhere (macOS, Windows) the platform's default starts workers that import planctl once.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    workers = min(jobs, len(files))
    size = max(1, len(files) // (workers * 16))
    chunks = [list(files[start : start + size]) for start in range(0, len(files), size)]
    results: list[FileResult] = []
    others = set(multiprocessing.active_children())
    # Keep the collector from touching (and so copying) the memory pages the workers share;
    # objects a caller froze on purpose stay frozen.
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    executor = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), language()),
    )
    try:
        try:  # a worker can die while the chunks are still being submitted
            futures = [executor.submit(_check_chunk, chunk, options) for chunk in chunks]
            for future in futures:  # in the order of the files, whichever finishes first
                results.extend(future.result())
        except BrokenProcessPool:
            pass  # the files after the last result are checked here, below
    except BaseException:
        # A bug or Ctrl-C: stop the workers now instead of letting them finish their chunks.
        # (The futures are left to the executor, which marks them broken; cancelling them too
        # makes Python 3.11's executor print an error from its own thread.)
        executor.shutdown(wait=False)
        for worker in set(multiprocessing.active_children()) - others:
            worker.terminate()
        raise
    else:
        executor.shutdown()
    finally:
        if freeze:
            gc.unfreeze()
    results.extend(check_one_by_one(files[len(results) :], options))  # a worker died
    return results


def _check_chunk(files: list[str], options: Options) -> list[FileResult]:
    """One worker's task: a few files, so that sending tasks and results costs little."""
    return [_check_released(file, options) for file in files]


def _start_worker(parent: int | None = None, lang: str | None = None) -> None:
    """Ctrl-C stops the run in the parent process; workers just end, without a traceback.
    Findings are worded in the parent's language `lang` (a worker that is not forked would
    otherwise take the environment's).

    A worker dies with its parent: a parent killed outright (SIGKILL, the out-of-memory killer)
    cannot stop its workers, so on Linux the kernel is asked to (`PR_SET_PDEATHSIG`). A parent
    (`parent`, its pid, when given) that died before the request leaves the worker orphaned
    already: it ends at once.
    """
    for number in (signal.SIGINT, *STOP_SIGNALS):
        signal.signal(number, signal.SIG_DFL)  # not the parent's handler, inherited by fork
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(128 + signal.SIGTERM)
    if lang is not None:
        use(lang)


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While the workers run, SIGTERM and SIGHUP end the run: the handler kills the workers,
    writes one line on stderr and exits with 128 + the signal's number at once. It does not
    raise an exception for the pool's cleanup to handle, as Ctrl-C does: a signal that arrives
    while a worker is being forked runs the handler inside the fork's own callbacks, which
    swallow exceptions (the run would go on). Nothing is lost by exiting there: the report is
    drawn only after every file is checked. A signal the caller ignores (`nohup`) stays
    ignored; outside the main thread Python cannot handle signals, and the workers still die
    with the process."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import multiprocessing

    parent = os.getpid()
    others = set(multiprocessing.active_children())

    def stop(number: int, frame: FrameType | None) -> None:
        if os.getpid() != parent:  # a worker between fork and its initializer
            os._exit(128 + number)
        for other in STOP_SIGNALS:  # a second signal must not interrupt this one
            signal.signal(other, signal.SIG_IGN)
        with suppress(Exception):  # a worker missed here dies with this process anyway
            for worker in set(multiprocessing.active_children()) - others:
                worker.kill()
        with suppress(Exception):
            sys.stderr.write(f"planctl: stopped by {signal.Signals(number).name}\n")
            sys.stderr.flush()
        os._exit(128 + number)

    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    for number, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(number, stop)
    # The pool talks to its workers through pipes: a worker that dies must be an error there
    # (BrokenProcessPool), never a SIGPIPE that ends this process (the CLI lets SIGPIPE end
    # the program when stdout's reader goes away). Restored only once the pool is gone: after
    # a failure the executor's thread still writes to its workers' pipes until the exit.
    pipe = signal.getsignal(signal.SIGPIPE) if hasattr(signal, "SIGPIPE") else None
    if pipe is not None:
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    if pipe is not None:
        signal.signal(signal.SIGPIPE, pipe)


def _check_released(file: str, options: Options) -> FileResult:
    with _collector_paused():
        return check_file(file, options).released()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one file is checked.

    Checking a plan allocates millions of objects that live until the end of the check, and
    the collector would scan them again and again: pausing it halves the time of a plan of
    100,000 items (docs/performance.md) without raising the peak memory. Garbage is collected
    as usual between files.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
