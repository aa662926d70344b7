"""The message catalogs: every marked text is in one, translated into Chinese with the same
placeholders, and the committed `.mo` files are what their `.po` files compile to."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from tools.catalogs import (
    LOCALE,
    domain_of,
    marked_texts,
    mo_is_current,
    placeholders,
    po_path,
    problems,
)

from planctl import i18n

HOW = "run `python tools/catalogs.py extract`, translate, then `python tools/catalogs.py compile`"


@pytest.mark.parametrize(
    "kind",
    ["not in any", "not translated", "placeholders differ", "not what its .po", "used nowhere"],
)
def test_catalogs_have_no_problem_of_this_kind(kind: str) -> None:
    found = [problem for problem in problems() if kind in problem]
    assert found == [], f"{HOW}:\n" + "\n".join(found)


@pytest.mark.parametrize("domain", i18n.DOMAINS)
def test_each_domain_has_a_chinese_catalog_compiled_for_installation(domain: str) -> None:
    po = po_path(domain, "zh")
    assert mo_is_current(po)
    pyproject = (LOCALE.parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in pyproject  # installed with the package


def test_placeholders_are_the_named_fields_and_literal_braces_are_not() -> None:
    assert placeholders("{stated} against {computed:>8}") == ["{computed:>8}", "{stated}"]
    assert placeholders("{{literal}} {a}") == ["{a}"]
    assert placeholders("说明 {computed:>8}，{stated}") == placeholders("{stated} vs {computed:>8}")
    assert placeholders("{stated}") != placeholders("{stat}")


def test_marked_texts_are_found_in_calls_titles_and_rule_docstrings(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "render.py").write_text(
        "from planctl.i18n import N_, _, ngettext, translated_doc\n"
        'A = N_("a word")\n'
        "@translated_doc\n"
        "def command() -> None:\n"
        '    """Do it.\n\n    Examples: none.\n    """\n'
        'print(_("{n} plans").format(n=1), ngettext("one file", "{n} files", 2), _(A))\n',
        encoding="utf-8",
    )
    (tmp_path / "rules" / "marked.py").write_text(
        textwrap.dedent('''\
            """Parts add up.

              Passing: one.
            """
            TITLE = N_("parts add up")
            MESSAGE = _("{stated} against {computed}")
            '''),
        encoding="utf-8",
    )
    (tmp_path / "rules" / "unmarked.py").write_text('"""Not yet."""\nTITLE = "t"\n')
    found = {(text.msgid, text.plural, text.domain) for text in marked_texts(tmp_path)}
    assert found == {
        ("a word", None, "planctl"),
        ("Do it.\n\nExamples: none.", None, "planctl"),
        ("{n} plans", None, "planctl"),
        ("one file", "{n} files", "planctl"),
        ("Parts add up.\n\nPassing: one.", None, "planctl-rules"),
        ("parts add up", None, "planctl-rules"),
        ("{stated} against {computed}", None, "planctl-rules"),
    }


def test_rules_findings_and_comparisons_have_their_own_domain() -> None:
    assert domain_of("rules/rollup.py") == "planctl-rules"
    assert domain_of("findings.py") == "planctl-rules"
    assert domain_of("calc/compare.py") == "planctl-rules"
    assert domain_of("render/table.py") == "planctl"
    assert domain_of("cli/options.py") == "planctl"
