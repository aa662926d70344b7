"""Time and memory of `planctl validate` on every bad input, each in a fresh process.

The robustness target is an answer within two seconds and 200 MB for every bad input; timing
belongs here rather than in the tests. Runs the corpus of tests/bad_inputs/ plus the inputs the
tests generate (huge, deeply nested, alias bomb, other encodings) and prints one row per case.

    python benchmarks/bad_inputs.py [--planctl PATH] [--resources [--only TEXT]]

`--resources` runs the resource cases instead: the costliest shapes at the default
`--max-size` (a flat budget, deep nesting, unknown keys, long strings, many figures, every figure
wrong), 100,000 unknown keys, `budget` and `trace` on a 60,000-item plan, and `trace` of a county
plan against a long source document and against 100,000 lines of tables. Their target is 2 GB
and a minute of CPU each; each prints its wall time, CPU time (user + system, what a run takes
on an idle core) and own peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_SECONDS = 2.0
LIMIT_MIB = 200


def generated(directory: Path) -> list[Path]:
    """The bad inputs that are not committed: binary, huge, deep, aliases, other encodings."""
    cases = {
        "gb18030.yaml": "plan: {title: 洛阳市规划}\n".encode("gb18030"),
        "utf16.yaml": "plan: {title: x}\n".encode("utf-16"),
        "binary.yaml": bytes(range(256)) * 64,
        "deep.yaml": ("a: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        "long-line.yaml": ("plan: {title: " + "长" * 3_000_000 + "}\n").encode(),
        "deep-blocks.yaml": "".join(" " * i + "k:\n" for i in range(3_000)).encode(),
    }
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    cases["alias-bomb.yaml"] = ("\n".join(levels) + "\n").encode()
    paths = []
    for name, data in cases.items():
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    os.mkfifo(directory / "fifo.yaml")  # a named pipe: refused at once, never waited on
    paths.append(directory / "fifo.yaml")
    huge = directory / "huge-100MB.yaml"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    paths.append(huge)
    return paths


def measure(planctl: str, path: Path) -> tuple[float, float, int, str]:
    """Seconds, peak MiB, exit code and first output line of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    run = subprocess.run(
        [planctl, "validate", str(path), "--format", "text", "--max-size", "20"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of the children is the largest so far; a smaller run reports the earlier peak.
    mib = max(peak, before) / 1024
    first = (run.stdout or run.stderr).splitlines()[0] if (run.stdout or run.stderr) else ""
    return seconds, mib, run.returncode, first


def resource_cases(directory: Path) -> list[tuple[str, list[str]]]:
    """(name, planctl arguments) of each resource case, its files written into `directory`."""
    import generate  # benchmarks/generate.py, beside this script (its folder is on sys.path)

    from planctl.loader import DEFAULT_MAX_BYTES

    cases: list[tuple[str, list[str]]] = []
    for shape, make in generate.WORST_SHAPES.items():
        path = directory / f"{shape.replace(' ', '-')}.yaml"
        path.write_text(make(DEFAULT_MAX_BYTES - 4096), encoding="utf-8")
        size = path.stat().st_size / 2**20
        cases.append((f"validate {shape}, {size:.1f} MiB", ["validate", str(path)]))
    keys = directory / "unknown-100k.yaml"
    keys.write_text(generate.unknown_keys(0, keys=100_000), encoding="utf-8")
    cases.append(("validate 100,000 unknown keys", ["validate", str(keys)]))
    plan = directory / "province-60k.yaml"
    plan.write_text(generate.province_plan(60_000), encoding="utf-8")
    source = directory / "province-60k.txt"
    source.write_text(generate.source_document(60_000, lines=600), encoding="utf-8")
    cases.append(("budget, 60,000 items", ["budget", str(plan)]))
    cases.append(("trace, 60,000 items, 600 source lines", ["trace", str(plan), "-s", str(source)]))
    county = directory / "county.yaml"
    county.write_text(generate.county_plan(0), encoding="utf-8")
    long = directory / "long-source.txt"
    long.write_text(generate.source_document(100, lines=100_000), encoding="utf-8")
    name = "trace, county plan, 100,000 source lines"
    cases.append((name, ["trace", str(county), "-s", str(long)]))
    tables = directory / "tables-source.txt"
    tables.write_text(table_document(100_000), encoding="utf-8")
    name = "trace, county plan, 100,000 lines of tables"
    cases.append((name, ["trace", str(county), "-s", str(tables)]))
    return cases


def table_document(lines: int) -> str:
    """About `lines` lines of tables flattened one cell a line, each under a title and a header
    with units, some with hundreds of rows: what `trace` reads for the header units."""
    out: list[str] = []
    number = 0
    while len(out) < lines:
        number += 1
        out += [f"表{number} 项目安排情况表", "乡镇", "投资规模（亿元）", "受益人数(人)"]
        for row in range(number % 7 * 100 + 1):
            out += [f"第{row}村", f"{row % 97}.{number % 10}", str(row * 3 + number)]
        out.append("")
    return "\n".join(out) + "\n"


def run_alone(command: list[str]) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, this process's own peak MiB and the exit code of `command`."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(command, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    return (
        wall,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
    )


def resources(planctl: str, only: str | None = None) -> int:
    over = 0
    print("| case | wall s | CPU s | peak MiB | exit |\n|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as directory:
        for name, arguments in resource_cases(Path(directory)):
            if only is not None and only not in name:
                continue
            wall, cpu, mib, code = run_alone([planctl, *arguments, "--format", "text"])
            flag = " **over**" if cpu > 60 or mib > 2000 else ""
            over += bool(flag)
            print(f"| {name} | {wall:.1f} | {cpu:.1f}{flag} | {mib:.0f} | {code} |", flush=True)
    return 1 if over else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--planctl", default=str(Path(sys.executable).parent / "planctl"))
    parser.add_argument("--resources", action="store_true", help="run the resource cases")
    parser.add_argument("--only", metavar="TEXT", help="only the resource cases naming TEXT")
    args = parser.parse_args()
    planctl = args.planctl
    if args.resources:
        return resources(planctl, args.only)
    corpus = sorted((ROOT / "tests" / "bad_inputs").glob("*.yaml"))
    over = 0
    with tempfile.TemporaryDirectory() as directory:
        cases = corpus + generated(Path(directory))
        # Biggest first, so that each later row's peak memory (the children's maximum so far)
        # is an upper bound of that case's own.
        cases.sort(key=lambda path: path.stat().st_size, reverse=True)
        print(
            "| case | seconds | peak MiB (at most) | exit | first line |\n|---|---:|---:|---:|---|"
        )
        for path in cases:
            seconds, mib, code, first = measure(planctl, path)
            flag = " **over**" if seconds > LIMIT_SECONDS or mib > LIMIT_MIB else ""
            over += bool(flag)
            shown = first.split("  ", 2)[-1][:70]
            print(f"| {path.name} | {seconds:.2f}{flag} | {mib:.0f} | {code} | {shown} |")
    print(f"\n{len(cases)} cases; {over} over {LIMIT_SECONDS} s or {LIMIT_MIB} MiB")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
