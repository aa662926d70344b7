"""The two start-up ratios planctl promises, measured in one run, interleaved, medians:

- `planctl --help` against `yamllint --help` (at most 1.0);
- `planctl validate plans/luoyang.yaml` against
  `check-jsonschema --schemafile schema/plan.schema.json plans/luoyang.yaml` (at most 0.5).

Interleaving the commands (a, b, a, b, ...) lets a busy machine slow both alike, so the ratio
holds where the absolute times do not. `python benchmarks/startup.py [--repeat N]` with
planctl, yamllint and check-jsonschema installed next to this Python (`bash benchmarks/run.sh`
makes that environment).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PLAN = str(ROOT / "plans" / "luoyang.yaml")
SCHEMA = str(ROOT / "schema" / "plan.schema.json")

PAIRS = {
    "--help": ([str(BIN / "planctl"), "--help"], [str(BIN / "yamllint"), "--help"], 1.0),
    "validate luoyang": (
        [str(BIN / "planctl"), "validate", PLAN, "--format", "text"],
        [str(BIN / "check-jsonschema"), "--schemafile", SCHEMA, PLAN],
        0.5,
    ),
}


def once(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def ratios(repeat: int) -> dict[str, tuple[float, float, float, float]]:
    """name -> (planctl median s, other median s, ratio, target)."""
    out = {}
    for name, (ours, theirs, target) in PAIRS.items():
        once(ours), once(theirs)  # warm the file cache and the compiled modules
        mine, other = [], []
        for _ in range(repeat):
            mine.append(once(ours))
            other.append(once(theirs))
        a, b = statistics.median(mine), statistics.median(other)
        out[name] = (a, b, a / b, target)
    return out


def report(results: dict[str, tuple[float, float, float, float]]) -> None:
    print("start-up (medians, interleaved runs)")
    for name, (a, b, ratio, target) in results.items():
        verdict = "met" if ratio <= target else "NOT met"
        print(
            f"  {name:<17} planctl {a * 1000:7.1f} ms  other {b * 1000:7.1f} ms  "
            f"ratio {ratio:.2f} (target <= {target}: {verdict})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=21)
    report(ratios(parser.parse_args(argv).repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
