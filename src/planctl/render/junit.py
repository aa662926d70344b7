"""JUnit XML: each plan file is a test suite and each rule a test case, for CI test reports.

CI systems that read JUnit reports list tests, not findings, so the report says for every plan
file which rules pass and which fail: one `<testcase>` per registered rule, failing when the
rule has a finding that fails the run (an error, or a warning under `--strict`; accepted
findings never fail). The failure's text lists every such finding with its location; findings
that do not fail (warnings, accepted ones) go to the test case's `<system-out>` so they are not
lost. Rules that could not run are skipped, with the reason: nothing but the reading rule runs
on a file that cannot be read, and the plan's own rules do not run on a file that is not in the
plan format. For exit-check, every verdict of an exit rule is a test case of its own (failing
when it fails the run, skipped when not evaluable), so a dashboard counts every verdict.
Counts on every suite and on the whole report follow from the cases.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from planctl.engine import STALE_ACCEPTANCE, UNREADABLE, FileResult
from planctl.findings import Finding, Outcome
from planctl.i18n import _
from planctl.render import RenderOptions
from planctl.render.text import format_finding
from planctl.render.words import rule_title
from planctl.results import CheckResult, is_verdict
from planctl.rules import RULES, Rule

# Characters XML 1.0 cannot carry at all, even escaped (a binary file's name or message).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def report_tree(check: CheckResult) -> ET.Element:
    """The whole run as a `<testsuites>` element."""
    root = ET.Element("testsuites", name="planctl")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for result in check.files:
        suite = suite_element(
            result, check.strict_for(result), verdicts=check.command == "exit-check"
        )
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    root.set("tests", str(totals["tests"]))
    root.set("failures", str(totals["failures"]))
    root.set("errors", "0")
    root.set("skipped", str(totals["skipped"]))
    return root


def suite_element(result: FileResult, strict: bool, verdicts: bool = False) -> ET.Element:
    """One plan file: a `<testsuite>` with a `<testcase>` per registered rule (with `verdicts`,
    one per verdict of each exit rule that answered, and one per rule otherwise)."""
    suite = ET.Element("testsuite", name=_text(result.file))
    failures = skipped = tests = 0
    answered = {f.code for f in result.findings if is_verdict(f)} if verdicts else set()
    for finding in (f for f in result.findings if f.code in answered):
        tests += 1
        case = ET.SubElement(
            suite,
            "testcase",
            classname=_text(result.file),
            name=_text(f"{finding.code} {finding.message}"),
        )
        if finding.fails(strict):
            failures += 1
            failure = ET.SubElement(
                case, "failure", message=_text(_failure_message([finding])), type=finding.code
            )
            failure.text = _lines([finding])
        elif finding.outcome is Outcome.NOT_EVALUABLE:
            skipped += 1
            skipped_because = _("not evaluable: {message}").format(message=finding.message)
            ET.SubElement(case, "skipped", message=_text(skipped_because))
        else:
            ET.SubElement(case, "system-out").text = _lines([finding])
    for rule in RULES.values():
        if rule.code in answered:
            continue
        tests += 1
        case = ET.SubElement(
            suite, "testcase", classname=_text(result.file), name=f"{rule.code} {rule_title(rule)}"
        )
        reason = _not_run(rule, result)
        if reason is not None:
            ET.SubElement(case, "skipped", message=reason)
            skipped += 1
            continue
        own = [f for f in result.findings if f.code == rule.code and f.outcome is Outcome.FAIL]
        failing = [finding for finding in own if finding.fails(strict)]
        if failing:
            failures += 1
            failure = ET.SubElement(
                case, "failure", message=_text(_failure_message(failing)), type=rule.code
            )
            failure.text = _lines(failing)
        passing = [finding for finding in own if not finding.fails(strict)]
        if passing:
            ET.SubElement(case, "system-out").text = _lines(passing)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def _not_run(rule: Rule, result: FileResult) -> str | None:
    """Why `rule` did not run on this file, or None when it did."""
    if rule.code == UNREADABLE:
        return None
    if not result.read:
        return _("not checked: the file could not be read")
    if not result.valid and (rule.check is not None or rule.code == STALE_ACCEPTANCE):
        return _("not checked: the file is not in the plan format")
    return None


def _failure_message(failing: list[Finding]) -> str:
    first = failing[0]
    message = f"{first.location}: {first.message}"
    if len(failing) > 1:
        more = len(failing) - 1
        message += " " + _("(and {n} more)").format(n=more)
    return message


def _lines(findings: list[Finding]) -> str:
    return _text("\n".join(format_finding(finding) for finding in findings) + "\n")


def _text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_findings(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    root = report_tree(check)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
