"""Time and memory of `planctl validate` on every bad input, each in a fresh process.

The robustness target is an answer within two seconds and 200 MB for every bad input; timing
belongs here rather than in the tests. Runs the corpus of tests/bad_inputs/ plus the inputs the
tests generate (huge, deeply nested, alias bomb, other encodings) and prints one row per case.

    python benchmarks/bad_inputs.py [--planctl PATH]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--planctl", default=str(Path(sys.executable).parent / "planctl"))
    planctl = parser.parse_args().planctl
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
