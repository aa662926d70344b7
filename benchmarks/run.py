"""Time planctl against PyYAML's C loader, yamllint and check-jsonschema on the same files.

Run it with `bash benchmarks/run.sh`, which makes the virtual environment and the data first;
this script expects `planctl`, `yamllint` and `check-jsonschema` next to the Python running it
and the generated plans in benchmarks/data/.

Each command runs as a separate process and is timed from start to end (start-up included).
The commands compared on a data set run interleaved (a, b, c, a, b, c, ...), so that a busy
machine slows them alike, and the best run of each is kept; wall time, CPU time (user + system)
and peak memory are recorded. On the folder of county plans, yamllint and check-jsonschema take
minutes, so they run on every 20th file (50 of 1,000) and their time is multiplied by 20.

The comparisons are like for like. "C loader" is a script running `yaml.load(CSafeLoader)` over
the files with Python's defaults; "C loader, collector paused" the same with `gc.disable()`
first; "planctl --jobs 1, collector paused" runs planctl with the collector off for the whole
run (planctl itself pauses it during each file and collects between files). The second table
times the same work inside one Python process, without start-up, the collector paused for both:
the C loader alone in a process of its own (so its collections do not walk planctl's modules),
and each of planctl's phases. The last lines give every ratio planctl promises, met or not.
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
PAUSED = "import gc; gc.disable()\n"
PLANCTL_PAUSED = (
    PAUSED + "import sys; sys.argv[0] = 'planctl'\nfrom planctl.entry import main\nmain()\n"
)
MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "seconds = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
)


@dataclass(frozen=True, slots=True)
class Timing:
    seconds: float
    cpu: float
    max_rss_kib: int
    scale: float = 1.0  # > 1 when a sample was timed and the time extrapolated

    @property
    def total(self) -> float:
        return self.seconds * self.scale

    @property
    def total_cpu(self) -> float:
        return self.cpu * self.scale


def once(command: Sequence[str]) -> Timing:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    return Timing(float(out[0]), float(out[1]), int(out[2]))


def interleaved(commands: dict[str, list[str]], repeat: int, label: str) -> dict[str, Timing]:
    """Each command `repeat` times, in turns; the best wall time (and its CPU) of each."""
    best: dict[str, Timing] = {}
    for turn in range(repeat):
        for tool, command in commands.items():
            progress(f"{label}: {tool} ({turn + 1}/{repeat})")
            timing = once(command)
            if tool not in best or timing.seconds < best[tool].seconds:
                best[tool] = timing
    return best


def tools(files: list[str], jobs: int | None) -> dict[str, list[str]]:
    options = ["validate", "--format", "text", "--max-size", "20", *files]
    planctl = [str(BIN / "planctl"), *options]
    return {
        "planctl": planctl + (["--jobs", str(jobs)] if jobs else []),
        "C loader": [sys.executable, "-c", C_LOADER, *files],
        "yamllint": [str(BIN / "yamllint"), "-d", "relaxed", *files],
        "check-jsonschema": [str(BIN / "check-jsonschema"), "--schemafile", str(SCHEMA), *files],
    }


def paused(files: list[str]) -> dict[str, list[str]]:
    return {
        "planctl --jobs 1, collector paused": [
            sys.executable,
            "-c",
            PLANCTL_PAUSED,
            *["validate", "--format", "text", "--max-size", "20", "--jobs", "1", *files],
        ],
        "C loader, collector paused": [sys.executable, "-c", PAUSED + C_LOADER, *files],
    }


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def size(path: Path) -> int:
    if path.is_dir():
        return sum(file.stat().st_size for file in path.glob("*.yaml"))
    return path.stat().st_size


SINGLES = ["county.yaml", "province-10k.yaml", "province-100k.yaml"]


def end_to_end(repeat: int, skip_slow: bool) -> dict[str, dict[str, Timing]]:
    """Every tool on every data set, each run as its own process."""
    rows: dict[str, dict[str, Timing]] = {}
    for name in SINGLES:
        big = "100k" in name
        commands = tools([str(DATA / name)], None)
        if big and skip_slow:
            del commands["yamllint"], commands["check-jsonschema"]
        rows[name] = interleaved(commands, 1 if big else repeat, name)
    folder = sorted(str(path) for path in (DATA / "counties").glob("*.yaml"))
    sample = folder[::SAMPLE_EVERY]
    label = f"counties/ ({len(folder)} files)"
    everything = tools(folder, None)
    commands = {tool: everything[tool] for tool in ("planctl", "C loader")}
    commands["planctl --jobs 1"] = tools(folder, 1)["planctl"]
    commands.update(paused(folder))
    row = interleaved(commands, 1, "counties/")
    for tool in ("yamllint", "check-jsonschema"):
        timing = interleaved({tool: tools(sample, None)[tool]}, 1, "counties/ every 20th")[tool]
        row[tool] = Timing(
            timing.seconds, timing.cpu, timing.max_rss_kib, len(folder) / len(sample)
        )
    rows[label] = row
    return rows


IN_PROCESS_C = """
import gc, sys, time, yaml
path, repeat = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as handle:
    text = handle.read()
best = 1e9
for _ in range(repeat):
    gc.collect(); gc.disable()
    start = time.perf_counter(); data = yaml.load(text, Loader=yaml.CSafeLoader)
    best = min(best, time.perf_counter() - start)
    del data; gc.enable()
print(best)
"""

IN_PROCESS = """
import gc, sys, time
from planctl.engine import Options, check_document
from planctl.parallel import check_files
from planctl.loader import load
from planctl.model import figure, to_plan
path, repeat = sys.argv[1], int(sys.argv[2])
options = Options(max_bytes=20 * 1024 * 1024)
best = {}
def keep(key, start):
    best[key] = min(best.get(key, 1e9), time.perf_counter() - start)
for _ in range(repeat):
    # Each phase as in a run over one file: the cache of parsed figures starts empty.
    gc.collect(); gc.disable()
    start = time.perf_counter(); document = load(path, options.max_bytes); keep("load", start)
    figure.parse.cache_clear()
    start = time.perf_counter(); to_plan(document); keep("model", start)
    figure.parse.cache_clear()
    start = time.perf_counter(); check_document(document, path, options); keep("all", start)
    del document; gc.enable(); gc.collect()
    figure.parse.cache_clear()
    start = time.perf_counter(); check_files([path], options, 1); keep("planctl", start)
print(best["load"], best["model"], best["all"] - best["model"], best["planctl"])
"""


def in_process(repeat: int) -> dict[str, list[float]]:
    """C loader and planctl's phases, start-up excluded, collector paused, best of `repeat`."""
    rows: dict[str, list[float]] = {}
    for name in SINGLES:
        progress(f"in process: {name}")
        runs = "1" if "100k" in name else str(repeat)
        values: list[float] = []
        for script in (IN_PROCESS_C, IN_PROCESS):
            out = subprocess.run(
                [sys.executable, "-c", script, str(DATA / name), runs],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
            values.extend(float(value) for value in out)
        rows[name] = values
    return rows


def reader() -> str:
    """Which reader the planctl under test has: the C one is optional in its build."""
    built = subprocess.run(
        [sys.executable, "-c", "import planctl.loader._native"], capture_output=True, check=False
    )
    if built.returncode == 0:
        return "the C reader (planctl.loader._native)"
    return "the Python reader only (the C reader was not built: no libyaml headers?)"


def progress(text: str) -> None:
    print(f"  … {text}", file=sys.stderr, flush=True)


NAMES = ["planctl", "C loader", "yamllint", "check-jsonschema"]


def report(rows: dict[str, dict[str, Timing]], phases: dict[str, list[float]]) -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"
    )
    print(f"planctl reads plans with {reader()}")
    print()
    print("End to end (each command a new process, start-up included; interleaved, best run):")
    print()
    header = f"| {'data':<24} | {'size':>9} | " + " | ".join(f"{n:>17}" for n in NAMES)
    print(header + " | planctl/C loader | check-jsonschema/planctl |")
    print("|" + "---|" * (len(NAMES) + 4))
    for data, row in rows.items():
        path = DATA / data.split(" ")[0]
        cells = []
        for tool in NAMES:
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
    print(f"* timed on every {SAMPLE_EVERY}th file and multiplied by {SAMPLE_EVERY}")
    print()
    print("Peak memory (MiB) and CPU time (user + system):")
    print()
    for data, row in rows.items():
        usage = ", ".join(
            f"{tool} {timing.max_rss_kib / 1024:.0f} MiB / {seconds(timing.total_cpu)} CPU"
            for tool, timing in row.items()
        )
        print(f"- {data}: {usage}")
    print()
    print("In one process (start-up excluded; the collector paused in both):")
    print()
    print(
        "| data | C loader | planctl read | model | checks | planctl total "
        "| planctl/C loader | read/C loader |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for data, (c_loader, load, model, checks, total) in phases.items():
        print(
            f"| {data} | {seconds(c_loader)} | {seconds(load)} | {seconds(model)} "
            f"| {seconds(checks)} | {seconds(total)} | {total / c_loader:.2f}x "
            f"| {load / c_loader:.2f}x |"
        )
    print()
    targets(rows)


def targets(rows: dict[str, dict[str, Timing]]) -> None:
    """Every ratio planctl promises, wall time (CPU time in brackets), met or not."""
    folder = next(row for data, row in rows.items() if data.startswith("counties"))
    ten, hundred = rows["province-10k.yaml"], rows["province-100k.yaml"]

    def ratio(a: Timing, b: Timing, scale: float = 1.0) -> tuple[float, float]:
        return a.total / (b.total * scale), a.total_cpu / (b.total_cpu * scale)

    lines = [
        (
            "counties/, --jobs 1 vs C loader (defaults)",
            ratio(folder["planctl --jobs 1"], folder["C loader"]),
            1.0,
        ),
        (
            "counties/, --jobs 1 vs C loader, collector paused in both",
            ratio(
                folder["planctl --jobs 1, collector paused"], folder["C loader, collector paused"]
            ),
            1.5,
        ),
        ("province-100k, planctl vs C loader", ratio(hundred["planctl"], hundred["C loader"]), 1.0),
        (
            "province-100k vs 10 x province-10k (planctl)",
            ratio(hundred["planctl"], ten["planctl"], 10),
            1.2,
        ),
    ]
    print("Targets (wall time; CPU time in brackets):")
    for name, (wall, cpu), target in lines:
        verdict = "met" if wall <= target else "NOT met"
        print(f"  {name:<60} {wall:5.2f}x ({cpu:.2f}x)  target <= {target}: {verdict}")
    memory = hundred["planctl"].max_rss_kib / hundred["C loader"].max_rss_kib
    print(
        f"  {'province-100k peak memory, planctl vs C loader':<60} {memory:5.2f}x"
        f"           target <= 2.0: {'met' if memory <= 2 else 'NOT met'}"
    )
    others = {tool: row.total for tool, row in folder.items() if not tool.startswith("planctl")}
    fastest = min(others, key=others.__getitem__)
    share = folder["planctl"].total / others[fastest]
    name = f"counties/, default jobs vs the fastest other tool ({fastest})"
    print(f"  {name:<60} {share:5.2f}x           target < 1: {'met' if share < 1 else 'NOT met'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per small file (best kept)")
    parser.add_argument(
        "--skip-slow",
        action="store_true",
        help="do not run yamllint and check-jsonschema on the 100,000-item plan (minutes)",
    )
    parser.add_argument("--no-startup", action="store_true", help="leave out the start-up ratios")
    args = parser.parse_args(argv)
    if not (DATA / "counties").is_dir():
        print("no data: run `python benchmarks/generate.py` first", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if not args.no_startup:
        import startup  # this folder's module, beside this script

        startup.report(startup.ratios(max(args.repeat, 11)))
    rows = end_to_end(args.repeat, args.skip_slow)
    phases = in_process(args.repeat)
    report(rows, phases)
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
