"""The library entry point: check plan files from Python and get the JSON report as data.

`validate(paths, ...)` returns exactly what `planctl validate --format json` prints (the
structure is documented in docs/json-output.md), so a script can switch between the two
without translating anything. Unlike the command, it reads no `planctl.toml` or
`pyproject.toml` settings and never exits: every option is an argument, and the exit status
the command would use is `1 if data["summary"]["failed"] else 0`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from planctl.config import split_codes
from planctl.discover import PathNotFoundError, discover
from planctl.engine import Options, check_file
from planctl.findings import Severity
from planctl.loader import DEFAULT_MAX_BYTES
from planctl.render.json_report import results_data
from planctl.results import CheckResult

__all__ = ["PathNotFoundError", "validate"]


def validate(
    paths: str | Iterable[str] = (),
    *,
    select: str | Iterable[str] = (),
    ignore: str | Iterable[str] = (),
    strict: bool = False,
    use_accepted: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
    show: str = "warning",
) -> dict[str, Any]:
    """Check plan files and directories (none: `plans/`) and return the JSON report's data.

    `select` and `ignore` take rule codes or prefixes, as on the command line (`"PC1"`,
    `"PC101,PC109"`). A path that does not exist raises `PathNotFoundError`; a file that exists
    but cannot be read is a PC001 finding in the report, as in the command. `show` is the
    least severe finding reported, as `--show`: `error`, `warning` or `info` (a `ValueError`
    otherwise).
    """
    options = Options(
        select=tuple(split_codes(_as_list(select))),
        ignore=tuple(split_codes(_as_list(ignore))),
        strict=strict,
        use_accepted=use_accepted,
        max_bytes=max_bytes,
        show=Severity(show),
    )
    results = [check_file(file, options) for file in discover(_as_list(paths))]
    return results_data(CheckResult("validate", results, options.strict))


def _as_list(values: str | Iterable[str]) -> list[str]:
    # One string is one item, not a sequence of characters.
    return [values] if isinstance(values, str) else list(values)
