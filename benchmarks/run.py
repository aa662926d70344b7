"""Time planctl against PyYAML's C loader, yamllint and check-jsonschema on the same files.

Run it with `bash benchmarks/run.sh`, which makes the virtual environment and the data first;
this script expects `planctl`, `yamllint` and `check-jsonschema` next to the Python running it
and the generated plans in benchmarks/data/.

Each command runs as a separate process and is timed from start to end (start-up included),
best of `--repeat` runs for the single files. On the folder of county plans, yamllint and
check-jsonschema take minutes, so they run on every 20th file (50 of 1,000) and their time is
multiplied by 20; the table says so. A second table times the same work inside one Python
process, without start-up: PyYAML's C loader against planctl's reading, model and checks.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
BIN = Path(sys.executable).parent
SCHEMA = ROOT / "schema" / "plan.schema.json"
SAMPLE_EVERY = 20

C_LOADER = (
    "import sys, yaml\n"
    "for name in sys.argv[1:]:\n"
    "    with open(name, encoding='utf-8') as handle:\n"
    "        yaml.load(handle, Loader=yaml.CSafeLoader)\n"
)
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "seconds = time.perf_counter() - start\n"
    "print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    max_rss_kib: int
    scale: float = 1.0  # > 1 when a sample was timed and the time extrapolated

    @property
    def total(self) -> float:
        return self.seconds * self.scale


def measure(command: Sequence[str], repeat: int) -> Timing:
    """The best wall-clock time of `repeat` runs, and the peak memory of the processes."""
    best: Timing | None = None
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, "-c", MEASURE, *command],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        timing = Timing(float(out[0]), int(out[1]))
        if best is None or timing.seconds < best.seconds:
            best = timing
    assert best is not None
    return best


def tools(files: list[str], jobs: int | None) -> dict[str, list[str]]:
    planctl = [str(BIN / "planctl"), "validate", "--format", "text", "--max-size", "20", *files]
    return {
        "planctl": planctl + (["--jobs", str(jobs)] if jobs else []),
        "C loader": [sys.executable, "-c", C_LOADER, *files],
        "yamllint": [str(BIN / "yamllint"), "-d", "relaxed", *files],
        "check-jsonschema": [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *files],
    }


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def size(path: Path) -> int:
    if path.is_dir():
        return sum(file.stat().st_size for file in path.glob("*.yaml"))
    return path.stat().st_size


def end_to_end(repeat: int, skip_slow: bool) -> dict[str, dict[str, Timing]]:
    """Every tool on every data set, each as its own process."""
    rows: dict[str, dict[str, Timing]] = {}
    singles = ["county.yaml", "province-10k.yaml", "province-100k.yaml"]
    for name in singles:
        big = "100k" in name
        row: dict[str, Timing] = {}
        for tool, command in tools([str(DATA / name)], None).items():
            if big and skip_slow and tool in {"yamllint", "check-jsonschema"}:
                continue
            progress(f"{name}: {tool}")
            row[tool] = measure(command, 1 if big else repeat)
        rows[name] = row
    folder = sorted(str(path) for path in (DATA / "counties").glob("*.yaml"))
    sample = folder[::SAMPLE_EVERY]
    row = {}
    for tool, command in tools(folder, None).items():
        if tool in {"yamllint", "check-jsonschema"}:
            progress(f"counties/: {tool} on {len(sample)} of {len(folder)} files")
            timing = measure(tools(sample, None)[tool], 1)
            row[tool] = Timing(timing.seconds, timing.max_rss_kib, len(folder) / len(sample))
        else:
            progress(f"counties/: {tool}")
            row[tool] = measure(command, 1)
    progress("counties/: planctl --jobs 1")
    row["planctl --jobs 1"] = measure(tools(folder, 1)["planctl"], 1)
    rows[f"counties/ ({len(folder)} files)"] = row
    return rows


IN_PROCESS = """
import gc, sys, time, yaml
from planctl.engine import Options, check_document
from planctl.parallel import check_files
from planctl.loader import load
from planctl.model import figure, to_plan
path, repeat = sys.argv[1], int(sys.argv[2])
best = {}
def keep(key, start):
    best[key] = min(best.get(key, 1e9), time.perf_counter() - start)
for _ in range(repeat):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    start = time.perf_counter(); yaml.load(text, Loader=yaml.CSafeLoader); keep("c", start)
    gc.collect(); gc.disable()
    # Each phase as in a run over one file: the cache of parsed figures starts empty.
    start = time.perf_counter(); document = load(path); keep("load", start)
    figure.parse.cache_clear()
    start = time.perf_counter(); to_plan(document); keep("model", start)
    figure.parse.cache_clear()
    start = time.perf_counter(); check_document(document, path, Options()); keep("all", start)
    gc.enable(); del document; gc.collect()
    figure.parse.cache_clear()
    start = time.perf_counter(); check_files([path], Options(), 1); keep("planctl", start)
    gc.collect()
print(best["c"], best["load"], best["model"], best["all"] - best["model"], best["planctl"])
"""


def in_process(repeat: int) -> dict[str, list[float]]:
    """C loader and planctl's phases in one process (start-up excluded), best of `repeat`."""
    rows: dict[str, list[float]] = {}
    for name in ["county.yaml", "province-10k.yaml", "province-100k.yaml"]:
        progress(f"in process: {name}")
        runs = "1" if "100k" in name else str(repeat)
        out = subprocess.run(
            [sys.executable, "-c", IN_PROCESS, str(DATA / name), runs],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        rows[name] = [float(value) for value in out]
    return rows


def progress(text: str) -> None:
    print(f"  … {text}", file=sys.stderr, flush=True)


def report(rows: dict[str, dict[str, Timing]], phases: dict[str, list[float]]) -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"
    )
    print()
    print("End to end (each command a new process, start-up included; best of runs):")
    print()
    names = ["planctl", "C loader", "yamllint", "check-jsonschema"]
    header = f"| {'data':<24} | {'size':>9} | " + " | ".join(f"{n:>17}" for n in names)
    print(header + " | planctl/C loader | check-jsonschema/planctl |")
    print("|" + "---|" * (len(names) + 4))
    notes = []
    for data, row in rows.items():
        path = DATA / data.split(" ")[0]
        cells = []
        for tool in names:
            timing = row.get(tool)
            if timing is None:
                cells.append(f"{'skipped':>17}")
                continue
            mark = "*" if timing.scale > 1 else ""
            cells.append(f"{mark + seconds(timing.total):>17}")
        ratio_c = row["planctl"].total / row["C loader"].total
        check = row.get("check-jsonschema")
        ratio_s = f"{check.total / row['planctl'].total:.1f}x" if check else "-"
        print(
            f"| {data:<24} | {size(path) / 1e6:>6.2f} MB | "
            + " | ".join(cells)
            + f" | {ratio_c:>15.2f}x | {ratio_s:>24} |"
        )
        if "planctl --jobs 1" in row:
            files = int(data.split("(")[1].split()[0])
            parallel, serial = row["planctl"].total, row["planctl --jobs 1"].total
            notes.append(
                f"{data}: planctl {seconds(parallel)} with one process per CPU "
                f"({seconds(parallel / files)} per file), {seconds(serial)} with --jobs 1 "
                f"({seconds(serial / files)} per file); peak memory "
                f"{row['planctl'].max_rss_kib / 1024:.0f} MiB"
            )
            scale = next(t.scale for t in row.values() if t.scale > 1)
            notes.append(
                f"* yamllint and check-jsonschema timed on every {SAMPLE_EVERY}th file "
                f"({files / scale:.0f} files) and multiplied by {scale:.0f}"
            )
    for note in notes:
        print(note)
    ten, hundred = rows["province-10k.yaml"], rows["province-100k.yaml"]
    print(
        f"scaling 10k → 100k items (linear is 10x): planctl "
        f"{hundred['planctl'].total / ten['planctl'].total:.1f}x, C loader "
        f"{hundred['C loader'].total / ten['C loader'].total:.1f}x; planctl peak memory "
        f"{ten['planctl'].max_rss_kib / 1024:.0f} MiB → "
        f"{hundred['planctl'].max_rss_kib / 1024:.0f} MiB"
    )
    print()
    print("In one process (start-up excluded; planctl's collector paused per file, as it runs):")
    print()
    print(
        "| data | C loader | planctl read | model | checks | planctl total "
        "| planctl/C loader | (model + checks)/read |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for data, (c_loader, load, model, checks, total) in phases.items():
        print(
            f"| {data} | {seconds(c_loader)} | {seconds(load)} | {seconds(model)} "
            f"| {seconds(checks)} | {seconds(total)} | {total / c_loader:.2f}x "
            f"| {(model + checks) / load:.2f} |"
        )
    c10, c100 = phases["province-10k.yaml"][0], phases["province-100k.yaml"][0]
    p10, p100 = phases["province-10k.yaml"][4], phases["province-100k.yaml"][4]
    print(
        f"scaling 10k → 100k items in process: planctl {p100 / p10:.1f}x, C loader "
        f"{c100 / c10:.1f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per small file (best kept)")
    parser.add_argument(
        "--skip-slow",
        action="store_true",
        help="do not run yamllint and check-jsonschema on the 100,000-item plan (minutes)",
    )
    args = parser.parse_args(argv)
    if not (DATA / "counties").is_dir():
        print("no data: run `python benchmarks/generate.py` first", file=sys.stderr)
        return 2
    started = time.perf_counter()
    import startup  # this folder's module, beside this script

    startup.report(startup.ratios(max(args.repeat, 11)))
    rows = end_to_end(args.repeat, args.skip_slow)
    phases = in_process(args.repeat)
    report(rows, phases)
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
