"""The JSON Schema refuses the figures planctl refuses, and accepts the ones it reads.

Editors validate plan files against `schema/plan.schema.json` as they are typed; a figure the
schema lets through but planctl refuses (`6圆`, `十十个`, `1,200个`) would surface only later.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planctl import numerals
from planctl.cli import app
from planctl.loader import load_text
from planctl.model.figure import _admits
from planctl.model.patterns import bare_kind, figure_pattern, numeral_pattern
from planctl.model.schema import plan_schema, schema_text
from planctl.quantity import _PREFIXES, _SUFFIXES, QuantityError, parse
from planctl.template import plan_template
from planctl.units import MULTIPLIERS, base_units

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "bad_inputs"

# Refused cases whose problem lies where a JSON Schema does not look, each with the reason.
NOT_EXPRESSIBLE = {
    "empty.yaml": "YAML level: an empty file is no document to validate",
    "not_yaml.yaml": "YAML level: the text does not parse, so there is nothing to validate",
    "tabs.yaml": "YAML level: a tab in the indentation stops the parser",
    "duplicate_deep.yaml": "YAML level: a parser keeps one of the duplicate keys",
    "yes_no.yaml": "YAML level: whether `no` is a string or false depends on the YAML version",
    "octal.yaml": "YAML level: `02015` is a number to a YAML parser; the leading zero is gone",
    "flow_comma.yaml": "YAML level: the comma splits the figure into a second key with no value",
    "mixed_units.yaml": "cross-field: each figure is valid; adding people to households is not",
    "missing_ref.yaml": "cross-field: `same_as` names an id that must exist elsewhere",
    "self_ref.yaml": "cross-field: `same_as` names the figure's own id",
    "absurd_year.yaml": "cross-field: the period's years are checked against each other",
    "measure_typo.yaml": "not a figure: measure names are checked against planctl's list",
    "criterion_measure_typo.yaml": "not a figure: exit measures are planctl's own list",
    "province_short.yaml": "not a figure: province names are checked against planctl's list",
    "explicit_keys.yaml": "YAML level: nesting by explicit keys deeper than planctl reads",
    "mixed_nesting.yaml": "YAML level: indentation and brackets nest deeper than planctl reads",
    "huge_integer.yaml": "YAML level: a plain integer's digits are not text a pattern can see",
}
# Refused cases the schema must refuse too: bad figures, and keys or types it describes.
SCHEMA_REFUSES = {
    "negative.yaml",
    "nan.yaml",
    "separators.yaml",
    "unknown_unit.yaml",
    "exponent.yaml",
    "no_unit.yaml",
    "huge_figure.yaml",
    "chinese_numeral.yaml",
    "no_unit_multiplier.yaml",
    "unit_typo.yaml",
    "unknown_key.yaml",
    "wrong_types.yaml",
    "year_suffix.yaml",
    "list.yaml",  # the schema wants a mapping at the top
    "scalar.yaml",
}


def _expected() -> dict[str, int]:
    rows = (BAD / "expected.tsv").read_text(encoding="utf-8").splitlines()
    return {
        name: int(code)
        for name, code, *_ in (row.split("\t") for row in rows if row and not row.startswith("#"))
    }


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = plan_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _json(value: Any) -> Any:
    """The plan as an editor's validator sees it: JSON values, string keys."""
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json(item) for item in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _errors(text: str) -> list[str]:
    data = _json(load_text(text).data)
    return [error.message for error in _validator().iter_errors(data)]


GOOD = [
    *sorted((ROOT / "plans").glob("*.yaml")),
    *sorted((ROOT / "tests" / "data").glob("*.yaml")),
    *(BAD / name for name, code in _expected().items() if code == 0),
]


@pytest.mark.parametrize("path", GOOD, ids=lambda path: path.name)
def test_plans_and_good_cases_validate(path: Path) -> None:
    assert _errors(path.read_text(encoding="utf-8")) == []


def test_the_template_validates() -> None:
    assert _errors(plan_template("示例县")) == []


def test_every_refused_case_is_classified() -> None:
    refused = {name for name, code in _expected().items() if code != 0}
    assert refused == SCHEMA_REFUSES | set(NOT_EXPRESSIBLE)
    assert not SCHEMA_REFUSES & set(NOT_EXPRESSIBLE)


@pytest.mark.parametrize("name", sorted(SCHEMA_REFUSES))
def test_schema_refuses_what_planctl_refuses(name: str) -> None:
    assert _errors((BAD / name).read_text(encoding="utf-8")), f"the schema accepts {name}"


@pytest.mark.parametrize(
    ("figure", "valid"),
    [
        ("6圆", False),
        ("很多个", False),
        ("1,200个", False),
        ("十十个", False),
        ("-5个", False),
        ("8万余", True),
        ("十六个", True),
        ("三十余个", True),
        ("1200", True),
        ("约1.2万个以上", True),
        ("５个", True),
    ],
)
def test_count_field_in_an_editor(figure: str, valid: bool) -> None:
    text = f"plan: {{title: 测试}}\ncounts:\n  - {{name: 乡镇, value: '{figure}'}}\n"
    assert (_errors(text) == []) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("{value: 8万余, unit: 人}", True),  # the declared unit stands in for the missing one
        ("{value: 8, unit: 人}", True),
        ("{value: 8, unit: 元}", False),  # a bare number in 元 is no number of people
        ("{value: 8人, unit: 元}", True),  # the printed unit wins
        ("{value: 8万余}", True),  # the field's own unit, 人
        ("{value: 8, also: [9元]}", False),  # restatements follow the same pattern
        ("{value: 8, also: [{value: 8人, source: 表1}]}", True),
    ],
)
def test_figure_mappings_keep_the_pattern_on_value(value: str, valid: bool) -> None:
    text = f"plan: {{title: 测试}}\nbaseline: {{poor_population: {value}}}\n"
    assert (_errors(text) == []) is valid


FIELDS = [
    (None, None, True),
    (frozenset({"money"}), None, False),
    (frozenset({"people"}), "人", False),
    (frozenset({"households"}), "户", False),
    (frozenset({"count"}), "个", False),
    (frozenset({"percent"}), "%", False),
    (frozenset({"people", "households", "person-times", "count"}), None, False),
    (None, "%", True),
]
_NUMBERS = ["5", "0", "12.5", "-3", "+7", "０５", "1.", "0.0", "-0", ".5", "1" * 26, "1,200"]
_PIECES = ["余", "多", " ", "\u3000", "圆", "个个", *MULTIPLIERS, *base_units()]


@st.composite
def _figure_text(draw: st.DrawFn) -> str:
    prefix = draw(st.sampled_from(["", "", *_PREFIXES]))
    number = draw(
        st.one_of(
            st.sampled_from(_NUMBERS),
            st.integers(0, 10**12 - 1).map(numerals.write),
            st.text(st.sampled_from(sorted(numerals.NUMERAL_CHARACTERS)), min_size=1, max_size=3),
        )
    )
    rest = draw(st.lists(st.sampled_from(_PIECES), max_size=3))
    suffix = draw(st.sampled_from(["", "", " ", *_SUFFIXES]))
    return prefix + number + "".join(rest) + suffix


def _planctl_reads(text: str, families: frozenset[str] | None, default: str | None) -> bool:
    try:
        quantity = parse(text, default)
    except QuantityError:
        return False
    if families is None:
        return True
    return quantity.base >= 0 and _admits(families, quantity.family)


@settings(max_examples=300, deadline=None)
@given(field=st.sampled_from(FIELDS), text=_figure_text())
def test_pattern_accepts_what_the_parser_reads(
    field: tuple[frozenset[str] | None, str | None, bool], text: str
) -> None:
    families, default, negative = field
    pattern = figure_pattern(families, bare_kind(default), negative)
    assert bool(re.search(pattern, text)) is _planctl_reads(text, families, default)


@settings(max_examples=500, deadline=None)
@given(
    text=st.one_of(
        st.text(st.sampled_from(sorted(numerals.NUMERAL_CHARACTERS)), min_size=1, max_size=8),
        st.integers(0, 10**12 - 1).flatmap(
            lambda value: st.sampled_from(sorted(numerals.spellings(value)))
        ),
    )
)
def test_numeral_pattern_is_the_numeral_reader(text: str) -> None:
    try:
        numerals.read(text)
        reads = True
    except numerals.NumeralError:
        reads = False
    assert bool(re.search(numeral_pattern(), text)) is reads


def test_schema_command_writes_the_schema_beside_the_plans(tmp_path: Path) -> None:
    target = tmp_path / "plans" / "plan.schema.json"
    target.parent.mkdir()
    result = CliRunner().invoke(app, ["schema", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8") == schema_text()
    assert f"wrote {target}" in result.stderr
    missing = tmp_path / "nowhere" / "plan.schema.json"
    assert CliRunner().invoke(app, ["schema", "-o", str(missing)]).exit_code == 2


@pytest.mark.parametrize("existing", ["plan.schema.json", "planctl.schema.json"])
def test_new_points_at_the_schema_beside_the_plan(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).write_text(schema_text(), encoding="utf-8")
    plan = tmp_path / "x.yaml"
    assert CliRunner().invoke(app, ["new", "示例县", "-o", str(plan)]).exit_code == 0
    first, second = plan.read_text(encoding="utf-8").splitlines()[:2]
    assert first == f"# yaml-language-server: $schema={existing}"
    assert "planctl schema" not in second
    assert CliRunner().invoke(app, ["validate", str(plan)]).exit_code == 0


def test_new_without_a_schema_says_how_to_write_one(tmp_path: Path) -> None:
    plan = tmp_path / "plans" / "x.yaml"
    plan.parent.mkdir()
    assert CliRunner().invoke(app, ["new", "示例县", "-o", str(plan)]).exit_code == 0
    first, second = plan.read_text(encoding="utf-8").splitlines()[:2]
    assert first == "# yaml-language-server: $schema=planctl.schema.json"
    command = f"planctl schema -o {(plan.parent / 'planctl.schema.json').as_posix()}"
    assert command in second
    # Following the comment makes the line resolve.
    assert CliRunner().invoke(app, command.split()[1:]).exit_code == 0
    assert (plan.parent / "planctl.schema.json").is_file()


JS_SAMPLES = [
    *("6圆", "很多个", "1,200个", "十十个", "8万余", "十六个", "三十余个", "约1.2万个以上"),
    *("５个", "十人", "十 人", "两万人", "一亿二千万元", "5千余米", "-0个", "-5%", "95%以上"),
    *("1" * 25 + "元", "0.5‰", "十万元", "三十万人", "三十万千瓦", " 5 人 以上", "5\u3000人"),
    "５０％",
]


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run ECMA-262 regexes")
def test_editors_regex_engine_reads_the_patterns_alike(tmp_path: Path) -> None:
    # Editors run the patterns as JavaScript regular expressions with the `u` flag.
    definitions = plan_schema()["$defs"]
    patterns = {name: d["pattern"] for name, d in definitions.items() if "pattern" in d}
    data = tmp_path / "patterns.json"
    data.write_text(json.dumps({"patterns": patterns, "samples": JS_SAMPLES}), encoding="utf-8")
    script = (
        "const {patterns, samples} = JSON.parse(require('fs').readFileSync(process.argv[1]));"
        "const out = {};"
        "for (const [k, p] of Object.entries(patterns))"
        "  out[k] = samples.map(s => new RegExp(p, 'u').test(s));"
        "console.log(JSON.stringify(out));"
    )
    done = subprocess.run(
        ["node", "-e", script, str(data)], capture_output=True, text=True, check=True
    )
    javascript = json.loads(done.stdout)
    for name, pattern in patterns.items():
        python = [bool(re.search(pattern, sample)) for sample in JS_SAMPLES]
        assert javascript[name] == python, name
