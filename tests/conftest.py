"""Shared helpers: write a plan snippet to a file and check it the way the CLI does.

Hypothesis runs without its per-example deadline: timing belongs in benchmarks/, and a deadline
fails property tests at random on a busy machine.

Also the `--run-slow` option: tests marked `slow` (fuzzing with many examples, exhaustive
sweeps, worker processes) are skipped unless it is given, so the everyday run stays short;
CI gives it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from planctl.engine import FileResult, Options, check_file

settings.register_profile("planctl", deadline=None)
settings.load_profile("planctl")

RUN_SLOW = "--run-slow"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(RUN_SLOW, action="store_true", help="also run the tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the slow tests, saying how to run them, unless `--run-slow` was given."""
    if config.getoption(RUN_SLOW):
        return
    skip = pytest.mark.skip(reason=f"slow: run with {RUN_SLOW}")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


MINIMAL = "plan: {title: 测试规划, period: [2016, 2020]}\n"

CheckText = Callable[..., FileResult]


@pytest.fixture
def check_text(tmp_path: Path) -> CheckText:
    """Check YAML text (dedented; the minimal plan header is added unless it has its own)."""

    def check(text: str, options: Options | None = None, header: bool = True) -> FileResult:
        body = textwrap.dedent(text)
        if header and not body.lstrip().startswith("plan:"):
            body = MINIMAL + body
        path = tmp_path / "plan.yaml"
        path.write_text(body, encoding="utf-8")
        return check_file(str(path), options)

    return check


def codes_at(result: FileResult) -> set[tuple[str, str]]:
    """(code, path) pairs: what tests compare, so rewording a message breaks nothing."""
    return {(finding.code, finding.path_text) for finding in result.problems}


@pytest.fixture(autouse=True)
def _english_unless_asked() -> Iterator[None]:
    """Every test starts in English, whatever the machine's locale (a test that wants Chinese
    says so with --lang, LANG or `i18n.use`), and leaves the language as it found it."""
    import os

    from planctl import i18n

    saved = {name: os.environ.get(name) for name in (*i18n.ENVIRONMENT, "LANGUAGE")}
    for name, value in saved.items():
        if value and value.lower().startswith("zh"):
            os.environ[name] = "C.UTF-8"
    i18n.use("en")
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    i18n.use("en")
