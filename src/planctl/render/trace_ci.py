"""`planctl trace` for CI: GitHub annotations, SARIF 2.1.0 and JUnit XML of the trace problems.

The problems are those of `planctl.results.trace`: a figure NOT FOUND in the source (PT001,
an error), found only outside the section the plan names (PT002) or only as the bare number
(PT003, warnings). Each is located at the figure in the plan file (file, line, column, and
the path inside the plan), which is where it is fixed; SARIF also points at the source lines
where the figure was found, as related locations. In JUnit every traced item is a test case,
failing when it has a problem, so a CI test report counts the plan's figures.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any, TextIO

from planctl.i18n import _
from planctl.location import format_path
from planctl.render import RenderOptions
from planctl.render.github import escape_data, escape_property
from planctl.render.sarif import file_uri, sarif_log
from planctl.render.trace import left_out_reason, summary_lines
from planctl.results.trace import TRACE_RULES, TraceProblem, TraceReport, message, problems_of
from planctl.trace import Traced

GITHUB_LEVELS = {"error": "error", "warning": "warning"}


def _describe(problem: TraceProblem) -> str:
    traced = problem.traced
    return f"{format_path(traced.path)}: {traced.item.text} {message(traced)}"


def annotation(report: TraceReport, problem: TraceProblem) -> str:
    """One problem as one workflow command line (without the newline)."""
    position = problem.traced.position
    properties = (
        ("file", report.trace.plan_file),
        ("line", str(position.line)),
        ("col", str(position.column)),
        ("title", f"{problem.rule.code} {_(problem.rule.title)}"),
    )
    fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{GITHUB_LEVELS[problem.rule.level]} {fields}::{escape_data(_describe(problem))}"


def render_github(report: TraceReport, options: RenderOptions, out: TextIO) -> None:
    for problem in report.problems:
        out.write(annotation(report, problem) + "\n")
    for line in summary_lines(report.trace):
        out.write(line + "\n")


def sarif_data(report: TraceReport) -> dict[str, Any]:
    """The trace problems as a SARIF log; the driver defines every rule a result names."""
    index = {code: position for position, code in enumerate(TRACE_RULES)}
    rules = [
        {
            "id": rule.code,
            "name": "".join(w.capitalize() for w in rule.title.split()),
            "shortDescription": {"text": _(rule.title)},
            "fullDescription": {"text": _(rule.summary)},
            "defaultConfiguration": {"level": rule.level},
        }
        for rule in TRACE_RULES.values()
    ]
    return sarif_log(rules, [_result(report, problem, index) for problem in report.problems])


def _result(report: TraceReport, problem: TraceProblem, index: dict[str, int]) -> dict[str, Any]:
    traced = problem.traced
    data: dict[str, Any] = {
        "ruleId": problem.rule.code,
        "ruleIndex": index[problem.rule.code],
        "level": problem.rule.level,
        "message": {"text": _describe(problem)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": file_uri(report.trace.plan_file)},
                    "region": {
                        "startLine": traced.position.line,
                        "startColumn": traced.position.column,
                    },
                },
                "logicalLocations": [{"fullyQualifiedName": format_path(traced.path)}],
            }
        ],
        "properties": {"figure": traced.item.text, "section": traced.item.section},
    }
    related = [
        {
            "id": number,
            "message": {"text": _("printed here: {figure}").format(figure=traced.item.text)},
            "physicalLocation": {
                "artifactLocation": {"uri": file_uri(report.trace.source.name)},
                "region": {
                    "startLine": occurrence.line,
                    "startColumn": occurrence.column,
                    "endColumn": occurrence.end + 1,
                },
            },
        }
        for number, occurrence in enumerate(traced.match.occurrences, start=1)
    ]
    if related:
        data["relatedLocations"] = related
    return data


def render_sarif(report: TraceReport, options: RenderOptions, out: TextIO) -> None:
    json.dump(sarif_data(report), out, ensure_ascii=False, indent=2)
    out.write("\n")


def junit_tree(report: TraceReport) -> ET.Element:
    """A `<testsuites>` with one suite, the plan, and one test case per traced item."""
    result = report.trace
    root = ET.Element("testsuites", name="planctl trace")
    suite = ET.SubElement(root, "testsuite", name=result.plan_file)
    failures = skipped = 0
    for traced in result.traced:
        case = _case(suite, result.plan_file, f"{format_path(traced.path)} {traced.item.text}")
        rules = problems_of(traced)
        if rules:
            failures += 1
            failure = ET.SubElement(
                case,
                "failure",
                message=f"{result.plan_file}:{traced.position}: {message(traced)}",
                type=",".join(rule.code for rule in rules),
            )
            failure.text = _lines(result.plan_file, traced, rules)
    for part, position in result.skipped:
        skipped += 1
        case = _case(suite, result.plan_file, format_path(part.path))
        reason = left_out_reason(part.messages)
        ET.SubElement(
            case,
            "skipped",
            message=_("left out at {position}: {reason}").format(position=position, reason=reason),
        )
    tests = len(result.traced) + len(result.skipped)
    for element in (suite, root):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("errors", "0")
        element.set("skipped", str(skipped))
    return root


def _case(suite: ET.Element, plan_file: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=plan_file, name=name)


def _lines(plan_file: str, traced: Traced, rules: list[Any]) -> str:
    return "".join(
        f"{plan_file}:{traced.position}  {rule.code}  {format_path(traced.path)}  "
        f"{traced.item.text}  {message(traced)}\n"
        for rule in rules
    )


def render_junit(report: TraceReport, options: RenderOptions, out: TextIO) -> None:
    root = junit_tree(report)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
