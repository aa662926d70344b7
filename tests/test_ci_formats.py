"""The CI formats (github, sarif, junit, json) as a CI job sees them, against reviewed golden files.

The golden run checks tests/golden/ci/ from the repository root, so every path in the reports is
relative and the files are the same on every machine. After a deliberate change of output,
rewrite them with `PLANCTL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_ci_formats.py`
and review the diff before committing.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planctl import __version__
from planctl.cli import app
from planctl.render import FORMATS
from planctl.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path("tests/golden/ci")
GOLDEN_FILES = {
    "github": "report.github.txt",
    "sarif": "report.sarif.json",
    "junit": "report.junit.xml",
    "json": "report.json",
}
VERSION_MARK = "<planctl version>"
RULES_MARK = "<every registered rule: see test_sarif_has_the_structure_code_scanning_reads>"

runner = CliRunner()


def run_golden(fmt: str, *extra: str) -> tuple[int, str]:
    """`planctl validate tests/golden/ci/ --format FMT` from the repository root."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        result = runner.invoke(app, ["validate", str(GOLDEN), "--format", fmt, *extra])
    finally:
        os.chdir(cwd)
    return result.exit_code, result.output


def stable(fmt: str, output: str) -> str:
    """The output without what changes when nothing about these plans does.

    That is the tool's version, and in SARIF the rule descriptors (each rule's documentation)
    and the rule indexes, which move when a rule is added; a separate test checks them against
    the registry.
    """
    output = output.replace(f'"{__version__}"', f'"{VERSION_MARK}"')
    if fmt == "sarif":
        log = json.loads(output)
        run = log["runs"][0]
        run["tool"]["driver"]["rules"] = RULES_MARK
        for result in run["results"]:
            result["ruleIndex"] = "<index>"
        output = json.dumps(log, ensure_ascii=False, indent=2) + "\n"
    return output


@pytest.mark.parametrize("fmt", sorted(GOLDEN_FILES))
def test_report_matches_the_reviewed_golden_file(fmt: str) -> None:
    code, output = run_golden(fmt)
    assert code == 1, output
    output = stable(fmt, output)
    golden = ROOT / GOLDEN / GOLDEN_FILES[fmt]
    if os.environ.get("PLANCTL_UPDATE_GOLDEN") == "1":
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8"), (
        f"{golden.relative_to(ROOT)} differs; if the change is intended, rewrite it with "
        "`PLANCTL_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_ci_formats.py` "
        "and review the diff"
    )


def test_github_actions_environment_gives_annotations_without_format_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken.yaml").write_text(
        "plan: {title: 示例, period: [2016, 2020]}\n"
        "budget:\n  total: 1.5亿元\n  items: [{name: 甲, amount: 9000万元}]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "broken.yaml"], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(
        "::error file=broken.yaml,line=3,col=10,title=PC101 parts do not add up to the total::"
    )
    assert lines[-1] == "1 file checked: 1 error, 0 warnings"
    # Outside GitHub Actions the same call prints plain text.
    plain = runner.invoke(app, ["validate", "broken.yaml"], env={"GITHUB_ACTIONS": ""})
    assert not plain.output.startswith("::")
    assert "broken.yaml:3:10" in plain.output


def test_github_annotations_escape_what_would_break_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A name with a line break and a percent sign, in a file whose name has a comma and a colon.
    (tmp_path / "a,b:c.yaml").write_text(
        "plan: {title: 示例, period: [2016, 2020]}\n"
        'counts: [{name: "重点\\n工程 100%", value: 三个, of: budget}]\n'
        "budget: {items: [{name: 甲}, {name: 乙}]}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "a,b:c.yaml", "--format", "github"])
    lines = result.output.splitlines()
    assert len(lines) == 2, result.output  # one annotation, one summary line
    assert lines[0].startswith("::error file=a%2Cb%3Ac.yaml,line=2,col=")
    assert "::counts[0]: 重点%0A工程 100%25: declared 三个" in lines[0]


def test_github_warnings_and_accepted_findings(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan: {title: 示例, period: [2016, 2020]}\n"
        "targets: [{name: 全部脱贫, measure: people, value: all, by: 2021}]\n"
        "budget:\n  total: 1.5亿元\n  items: [{name: 甲, amount: 9000万元}]\n"
        'accepted: [{rule: PC101, at: budget.total, reason: "原文如此"}]\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(plan), "--format", "github"])
    assert result.exit_code == 0, result.output
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert len(annotations) == 1
    assert annotations[0].startswith(f"::warning file={plan},line=2,")
    assert "title=PC109 dates inconsistent::" in annotations[0]
    assert result.output.splitlines()[-1] == "1 file checked: 0 errors, 1 warning, 1 accepted"


def test_sarif_has_the_structure_code_scanning_reads() -> None:
    log = json.loads(run_golden("sarif")[1])
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "planctl"
    assert driver["version"] == __version__
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == list(RULES)
    for rule in rules:
        assert rule["shortDescription"]["text"] == RULES[rule["id"]].title
        assert rule["help"]["text"] == RULES[rule["id"]].doc
        assert rule["fullDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        assert rule["name"].isidentifier()
    assert run["results"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert uri.startswith("tests/golden/ci/"), uri
        assert (ROOT / uri).is_file()
        assert physical["region"]["startLine"] >= 1
        assert physical["region"]["startColumn"] >= 1


def test_sarif_results_are_the_json_findings() -> None:
    """Every finding of the JSON report is a SARIF result at the same place, and nothing else."""
    sarif = json.loads(run_golden("sarif")[1])["runs"][0]["results"]
    data = json.loads(run_golden("json")[1])
    findings = [finding for entry in data["files"] for finding in entry["findings"]]
    levels = {"error": "error", "warning": "warning", "info": "note"}

    def from_sarif(result: dict[str, Any]) -> tuple[Any, ...]:
        location = result["locations"][0]
        region = location["physicalLocation"]["region"]
        logical = location.get("logicalLocations", [{}])[0].get("fullyQualifiedName", "")
        suppressions = result.get("suppressions", [])
        return (
            result["ruleId"],
            result["level"],
            location["physicalLocation"]["artifactLocation"]["uri"],
            region["startLine"],
            region["startColumn"],
            logical,
            result["message"]["text"],
            suppressions[0]["justification"] if suppressions else None,
            suppressions[0]["kind"] if suppressions else None,
        )

    expected = [
        (
            finding["code"],
            levels[finding["severity"]],
            finding["file"],
            finding["line"],
            finding["column"],
            finding["path"],
            finding["message"],
            finding["accepted"],
            "inSource" if finding["accepted"] else None,
        )
        for finding in findings
    ]
    assert [from_sarif(result) for result in sarif] == expected
    assert any(finding["accepted"] for finding in findings)  # the golden plan accepts one


def junit_report(output: str) -> ET.Element:
    return ET.fromstring(output.encode("utf-8"))


def test_junit_counts_follow_from_the_cases() -> None:
    root = junit_report(run_golden("junit")[1])
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [
        "tests/golden/ci/broken.yaml",
        "tests/golden/ci/clean.yaml",
        "tests/golden/ci/unreadable.yaml",
    ]
    for suite in suites:
        cases = suite.findall("testcase")
        assert [case.get("name", "").split()[0] for case in cases] == list(RULES)
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert suite.get("skipped") == str(sum(c.find("skipped") is not None for c in cases))
    for key in ("tests", "failures", "skipped"):
        assert root.get(key) == str(sum(int(suite.get(key, "")) for suite in suites))
    broken, clean, unreadable = suites
    failed = {c.get("name", "").split()[0] for c in broken if c.find("failure") is not None}
    assert failed == {"PC101", "PC105", "PC106"}
    assert clean.get("failures") == "0"
    assert unreadable.get("failures") == "1"
    assert unreadable.get("skipped") == str(len(RULES) - 1)


def test_junit_strict_fails_warnings_too() -> None:
    broken = junit_report(run_golden("junit", "--strict")[1]).findall("testsuite")[0]
    failed = {c.get("name", "").split()[0] for c in broken if c.find("failure") is not None}
    assert failed == {"PC101", "PC105", "PC106", "PC109"}


def test_junit_skips_the_plan_rules_of_a_file_not_in_the_plan_format(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("plan: {title: 示例, perod: [2016, 2020]}\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan), "--format", "junit"])
    assert result.exit_code == 1
    cases = {c.get("name", "").split()[0]: c for c in junit_report(result.output).iter("testcase")}
    assert cases["PC003"].find("failure") is not None
    assert cases["PC002"].find("skipped") is None
    assert cases["PC101"].find("skipped") is not None
    assert cases["PC009"].find("skipped") is not None


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_file_works_with_every_format(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    report = tmp_path / f"report.{fmt}"
    args = ["validate", str(GOLDEN), "--format", fmt]
    to_file = runner.invoke(app, [*args, "--output-file", str(report)])
    assert to_file.exit_code == 1
    assert to_file.output == ""
    written = report.read_text(encoding="utf-8")
    assert "broken.yaml" in written
    if fmt != "table":  # the table is laid out for the terminal width; the rest are not
        assert written == runner.invoke(app, args).output
