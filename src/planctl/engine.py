"""The pipeline for one run: files → documents → plans → findings, with selection and acceptances.

Nothing here prints or exits: the CLI turns the result into output and an exit code.

`check_files` checks many files, in worker processes when there are enough of them to pay for
starting the workers; its results are the same, in the same order, as checking the files one by
one (docs/performance.md has the measurements behind the thresholds).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from planctl.derive import Derived, derive
from planctl.findings import SEVERITY_ORDER, Finding, Outcome, Severity
from planctl.loader import DEFAULT_MAX_BYTES, STDIN, Document, LoadError, load
from planctl.location import format_path, parse_path
from planctl.model import Plan, to_plan
from planctl.rules import RULES

UNREADABLE, AMBIGUOUS_YAML, SCHEMA, STALE_ACCEPTANCE = "PC001", "PC002", "PC003", "PC009"
# A file that cannot be read or is not in the plan format was not checked at all: selecting
# rules must never make it look clean.
ALWAYS_REPORTED = frozenset({UNREADABLE, AMBIGUOUS_YAML, SCHEMA})


@dataclass(frozen=True, slots=True)
class Options:
    """What to check and how strictly."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    strict: bool = False
    use_accepted: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES

    def wants(self, code: str) -> bool:
        """Whether a code passes `--select`/`--ignore` (codes or prefixes such as `PC1`)."""
        selected = not self.select or any(code.startswith(prefix) for prefix in self.select)
        return selected and not any(code.startswith(prefix) for prefix in self.ignore)


@dataclass(slots=True)
class FileResult:
    """Everything found in one file.

    `read` says the file was read as YAML and `valid` that it is in the plan format (so the
    rules ran). `findings` holds every answer of every rule: the problems (outcome `fail`) and
    the exit rules' passes and not-evaluables. `plan`, `document` and `derived` are kept for
    commands that go on to use them, and dropped by `released()` in runs over many files.
    """

    file: str
    findings: list[Finding] = field(default_factory=list)
    plan: Plan | None = None
    document: Document | None = None
    derived: Derived | None = None
    read: bool = True
    valid: bool = True

    @property
    def problems(self) -> list[Finding]:
        """The findings that report a problem (not the exit rules' passes and not-evaluables)."""
        return [finding for finding in self.findings if finding.outcome is Outcome.FAIL]

    def failed(self, strict: bool = False) -> bool:
        return any(finding.fails(strict) for finding in self.findings)

    def released(self) -> FileResult:
        """This result without its plan and document, for runs over many files.

        A checked plan and its document take about 40 times the size of the file in memory, and
        reports need only the findings and whether the file was read and validated.
        """
        return replace(self, plan=None, document=None, derived=None)


def exit_code(results: Iterable[FileResult], strict: bool = False) -> int:
    """0 when nothing fails, 1 when a finding fails the run."""
    return 1 if any(result.failed(strict) for result in results) else 0


def check_file(path: str, options: Options | None = None) -> FileResult:
    """Load, validate and check one file; a file that cannot be read is a finding, not a crash."""
    options = options or Options()
    try:
        document = load(path, options.max_bytes)
    except LoadError as error:
        finding = Finding(UNREADABLE, error.message, position=error.position)
        unread = FileResult(_display(path), read=False, valid=False)
        return _finish(unread, [finding], options, None)
    return check_document(document, _display(path), options)


def check_files(
    files: Sequence[str], options: Options | None = None, jobs: int = 1
) -> list[FileResult]:
    """Check `files` with up to `jobs` processes; results in the order of `files`, released.

    Few or small files are checked in this process: starting workers costs more than it saves
    (see `MIN_FILES` and `MIN_BYTES`). Each worker imports planctl at most once (on Linux it is
    forked from this process and imports nothing) and takes the files in chunks. A file that
    fails to load is a finding as always; a worker that dies (killed, out of memory) does not
    stop the run: the files whose results did not come back are checked one by one (isolate).
    """
    options = options or Options()
    if jobs <= 1 or not _worth_a_pool(files):
        return [_check_released(file, options) for file in files]
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
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker)
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


def _start_worker() -> None:
    """Ctrl-C stops the run in the parent process; workers just end, without a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


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


def check_document(document: Document, file: str, options: Options | None = None) -> FileResult:
    """Validate and check an already loaded document."""
    options = options or Options()
    result = FileResult(file, document=document)
    findings = [
        Finding(AMBIGUOUS_YAML, problem.message, problem.path, position=problem.position)
        for problem in document.problems
    ]
    plan, schema_findings = to_plan(document)
    # A value the YAML reader already flagged (`no`, `012`) needs no second message.
    flagged = {problem.path for problem in document.problems}
    findings.extend(finding for finding in schema_findings if finding.path not in flagged)
    result.plan = plan
    result.valid = plan is not None
    if plan is not None:
        derived = result.derived = derive(plan)
        for rule in RULES.values():
            if rule.check is not None and options.wants(rule.code):
                findings.extend(
                    replace(
                        finding,
                        position=finding.position
                        or (document.locate(finding.path) if finding.path else None),
                        severity=_severity(finding, rule.severity),
                    )
                    for finding in rule.check(plan, derived)
                )
    return _finish(result, findings, options, plan)


def _severity(finding: Finding, default: Severity) -> Severity:
    """The rule's default, unless the finding decides (a rounding gap is only a warning);
    a criterion met or not evaluable is information, never a problem."""
    if finding.outcome is not Outcome.FAIL:
        return Severity.INFO
    return finding.severity or default


def _finish(
    result: FileResult, findings: list[Finding], options: Options, plan: Plan | None
) -> FileResult:
    findings = [
        replace(
            finding, file=result.file, severity=finding.severity or RULES[finding.code].severity
        )
        for finding in findings
    ]
    if plan is not None and options.use_accepted:
        findings = _apply_acceptances(plan, findings, result, options)
    findings = [f for f in findings if f.code in ALWAYS_REPORTED or options.wants(f.code)]
    findings.sort(key=_order)
    result.findings = findings
    return result


def _apply_acceptances(
    plan: Plan, findings: list[Finding], result: FileResult, options: Options
) -> list[Finding]:
    """Mark accepted findings; report acceptances that match nothing."""
    accepted = {
        (acceptance.rule, parse_path(acceptance.at)): acceptance for acceptance in plan.accepted
    }
    matched: set[tuple[str, tuple[str | int, ...]]] = set()
    marked: list[Finding] = []
    for finding in findings:
        acceptance = accepted.get((finding.code, finding.path))
        if acceptance is None:
            marked.append(finding)
        else:
            matched.add((finding.code, finding.path))
            marked.append(replace(finding, accepted=acceptance.reason))
    for index, (key, acceptance) in enumerate(accepted.items()):
        if key not in matched and options.wants(acceptance.rule):
            path = ("accepted", index)
            position = result.document.locate(path) if result.document else None
            marked.append(
                Finding(
                    STALE_ACCEPTANCE,
                    f"the acceptance of {acceptance.rule} at {format_path(key[1])} matches no "
                    "finding; remove it",
                    path,
                    severity=RULES[STALE_ACCEPTANCE].severity,
                    file=result.file,
                    position=position,
                )
            )
    return marked


def _order(finding: Finding) -> tuple[int, int, int, str]:
    position = finding.position
    return (
        position.line if position else 0,
        position.column if position else 0,
        SEVERITY_ORDER[finding.level],
        finding.code,
    )


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path
