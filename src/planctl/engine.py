"""The pipeline for one run: files → documents → plans → findings, with selection and acceptances.

Nothing here prints or exits: the CLI turns the result into output and an exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from planctl.checks import RULES
from planctl.findings import SEVERITY_ORDER, Finding, Severity
from planctl.loader import DEFAULT_MAX_BYTES, Document, LoadError, load
from planctl.location import format_path, parse_path
from planctl.model import Plan, to_plan

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
    """Everything found in one file; `plan` is None when the file did not load or validate."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    plan: Plan | None = None
    document: Document | None = None

    def failed(self, strict: bool = False) -> bool:
        return any(_fails(finding, strict) for finding in self.findings)


def _fails(finding: Finding, strict: bool) -> bool:
    if finding.accepted is not None:
        return False
    return finding.severity is Severity.ERROR or (strict and finding.severity is Severity.WARNING)


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
        return _finish(FileResult(_display(path)), [finding], options, None)
    return check_document(document, _display(path), options)


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
    if plan is not None:
        for rule in RULES.values():
            if rule.check is not None and options.wants(rule.code):
                findings.extend(
                    replace(finding, position=finding.position or document.locate(finding.path))
                    for finding in rule.check(plan)
                )
    return _finish(result, findings, options, plan)


def _finish(
    result: FileResult, findings: list[Finding], options: Options, plan: Plan | None
) -> FileResult:
    findings = [replace(finding, file=result.file) for finding in findings]
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
        SEVERITY_ORDER[finding.severity],
        finding.code,
    )


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path
