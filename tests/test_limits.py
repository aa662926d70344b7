"""Limits that keep every command linear: capped "did you mean" suggestions, indexed tracing.

Timing is benchmarks/bad_inputs.py's business; these tests check what a user sees: every unknown
key is still reported, suggestions stop after the first `SUGGESTED_KEYS` distinct keys, and the
trace found through the line index is the one a search of every line finds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.loader import load_text
from planctl.model.validate import SUGGESTED_KEYS
from planctl.trace import SourceText, readable_plan
from planctl.trace.items import Item, plan_items
from planctl.trace.match import Occurrence, find
from planctl.trace.noise import noise_spans
from planctl.trace.patterns import Form
from planctl.trace.sections import SectionMap
from tests.benchmark_plans import generator

# generates large plans: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


generate = generator()

runner = CliRunner()
HEADER = (
    "plan:\n  title: 测试县规划\n  region: {name: 测试县, level: county}\n  period: [2016, 2020]\n"
)


def validate_json(tmp_path: Path, text: str) -> list[dict[str, object]]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(plan), "--format", "json"])
    assert result.exit_code == 1, result.output
    findings: list[dict[str, object]] = json.loads(result.stdout)["files"][0]["findings"]
    return findings


def unknown(findings: list[dict[str, object]]) -> list[dict[str, object]]:
    return [f for f in findings if str(f["message"]).startswith("unknown key")]


def test_only_the_first_distinct_unknown_keys_get_a_suggestion(tmp_path: Path) -> None:
    keys = [f"amount{n}" for n in range(SUGGESTED_KEYS + 10)] + ["amount0"]
    items = "".join(f"    - {{name: 项目{n}, {key}: 1万元}}\n" for n, key in enumerate(keys))
    findings = unknown(validate_json(tmp_path, HEADER + "budget:\n  items:\n" + items))
    assert len(findings) == len(keys)  # every unknown key is reported, with its place
    suggested = [f["path"] for f in findings if "did you mean 'amount'" in str(f["message"])]
    # The first SUGGESTED_KEYS distinct keys, and the repeat of one of them at the end.
    expected = [f"budget.items[{n}].amount{n}" for n in range(SUGGESTED_KEYS)]
    assert suggested == [*expected, f"budget.items[{len(keys) - 1}].amount0"]
    lines = sorted(int(str(f["line"])) for f in findings)
    assert lines == list(range(7, 7 + len(keys)))


def test_many_unknown_keys_are_all_reported(tmp_path: Path) -> None:
    findings = unknown(validate_json(tmp_path, generate.unknown_keys(0, keys=2_000)))
    assert len(findings) == 2_000
    assert sum("did you mean" in str(f["message"]) for f in findings) == SUGGESTED_KEYS


def test_a_huge_key_is_reported_without_a_suggestion(tmp_path: Path) -> None:
    key = "amount" + "x" * 900  # YAML keys stop at 1,024 characters
    findings = unknown(validate_json(tmp_path, HEADER + f"budget:\n  items:\n    - {{{key}: 1}}\n"))
    assert [f["path"] for f in findings] == [f"budget.items[0].{key}"]
    assert "did you mean" not in str(findings[0]["message"])


def test_a_wrong_entry_in_a_list_is_reported_at_the_entry(tmp_path: Path) -> None:
    text = HEADER + "counts:\n  - {name: c, value: 5个, kind: [poor, bad]}\n"
    paths = [f["path"] for f in validate_json(tmp_path, text)]
    assert paths == ["counts[0].kind[1]"]


def every_line(item: Item, source: SourceText, sections: SectionMap) -> tuple[Occurrence, ...]:
    """The search as it was before the line index: every pattern against every line."""
    resolved = sections.resolve(item.section) if item.section else None
    scope = resolved if resolved is not None and resolved.exists else None
    firm = [p for p in item.patterns if p.form is not Form.NUMBER]
    loose = [p for p in item.patterns if p.form is Form.NUMBER]
    steps = [(firm, True), (loose, True)] if scope is not None else []
    for patterns, inside in [*steps, (firm, False), (loose, False)]:
        for pattern in patterns:
            found = []
            for number, line in enumerate(source.lines, start=1):
                in_section = scope.contains(number) if scope is not None else None
                if inside and not in_section:
                    continue
                noise = noise_spans(line) if pattern.bare else []
                for hit in pattern.regex.finditer(line):
                    if any(a < hit.end() and hit.start() < b for a, b in noise):
                        continue
                    found.append(Occurrence(number, *hit.span(), pattern.form, in_section))
            if found:
                return tuple(found)
    return ()


Pairs = list[tuple[tuple[Occurrence, ...], tuple[Occurrence, ...]]]


def traced_pairs(plan_text: str, source_text: str) -> Pairs:
    partial = readable_plan(load_text(plan_text))
    assert partial.plan is not None
    source = SourceText.from_text(source_text)
    sections = SectionMap.of(source)
    return [
        (find(item, source, sections).occurrences, every_line(item, source, sections))
        for item in plan_items(partial.plan)
    ]


def test_the_line_index_finds_what_a_search_of_every_line_finds() -> None:
    # Amounts, counts and beneficiaries printed many times over, in and out of the section.
    source = generate.source_document(100, lines=150)
    source += "截至2015年12月31日，〔2016〕3号文件，另有3个、七个、三十五个项目。\n"
    pairs = traced_pairs(generate.province_plan(100), source)
    assert any(len(found) > 1 for found, _ in pairs)  # some figures are ambiguous
    assert all(found == expected for found, expected in pairs)


SEED = ROOT.parent / "shared" / "seeds" / "002_11ae40bad7665c8f.txt"


@pytest.mark.skipif(not SEED.is_file(), reason="the Luoyang source is not beside the repo")
def test_the_line_index_finds_the_same_in_the_luoyang_source() -> None:
    plan = (ROOT / "plans" / "luoyang.yaml").read_text(encoding="utf-8")
    pairs = traced_pairs(plan, SEED.read_text(encoding="utf-8"))
    assert pairs
    assert all(found == expected for found, expected in pairs)
