"""The pipeline for one run: files → documents → plans → findings, with selection and acceptances.

Nothing here prints or exits: the CLI turns the result into output and an exit code. Checking
many files in worker processes is `planctl.parallel`'s business; this module checks one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from planctl.derive import Derived, derive
from planctl.findings import SEVERITY_ORDER, Finding, Outcome, Severity
from planctl.i18n import _
from planctl.loader import DEFAULT_MAX_BYTES, Document, LoadError, load
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
    # The least severe problems reported: `info` ones (sums that agree only at the printed
    # precision) are for an analyst who asks for them with --show info.
    show: Severity = Severity.WARNING

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
                        file=file,
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
    # (A rule's finding has its file and severity already: one copy of it is enough.)
    findings = [
        finding
        if finding.file == result.file and finding.severity is not None
        else replace(
            finding, file=result.file, severity=finding.severity or RULES[finding.code].severity
        )
        for finding in findings
    ]
    if plan is not None and options.use_accepted:
        findings = _apply_acceptances(plan, findings, result, options)
    findings = [f for f in findings if f.code in ALWAYS_REPORTED or options.wants(f.code)]
    findings = [f for f in findings if f.outcome is not Outcome.FAIL or _shown(f, options)]
    findings.sort(key=_order)
    result.findings = findings
    return result


def _shown(finding: Finding, options: Options) -> bool:
    return SEVERITY_ORDER[finding.level] <= SEVERITY_ORDER[options.show]


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
                    _("the acceptance of {rule} at {path} matches no finding; remove it").format(
                        rule=acceptance.rule, path=format_path(key[1])
                    ),
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
