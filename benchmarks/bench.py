"""``make bench``: polyglot against the naive loop, in the same run, on the same machine.

What is measured, and how:

* **Throughput.** Each command runs as a subprocess reading a corpus file and writing
  the result to a file: the naive loop (``benchmarks.naive``), ``polyglot normalize``
  with default settings (one process), and with ``--jobs 2``. The runs are
  interleaved (naive, polyglot, polyglot -j2, naive, …) for several rounds, so a
  machine that slows down or speeds up affects all alike; the medians are reported,
  with MB/s (10^6 bytes of input per second) and ratios.
* **Peak memory.** The peak resident set size of each subprocess, from ``wait4``.
* **Start-up.** Wall time of ``polyglot normalize`` on a one-line file, Zawgyi, Unicode
  and English (median of 15 each, interleaved; the target is on the slowest), with
  polyglot's bytecode compiled as a pip install leaves it.
* **Correctness.** What ``polyglot normalize`` writes (``explain=False``: the word
  memo's words spliced in, compiled modules) must equal the explained path's text
  (``explain=True``, every change record built, as ``--diff`` and ``--explain`` use,
  with the compiled modules run from their ``.py`` source) on the whole corpus,
  byte for byte, for one process and for two; and every output has as many lines as
  its input.

Results go to ``benchmarks/RESULTS.md`` with the machine's details.

    python -m benchmarks.bench [--sizes 1,10] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import catalogs, shapes
from benchmarks.corpus import MB, generate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "build" / "bench"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
PYTHON = sys.executable
POLYGLOT = str(Path(sys.executable).with_name("polyglot"))

TARGETS = {
    "speed-up": 5.0,
    "memory_mib": 200.0,
    "startup_s": 0.21,
    "jobs2": 1.7,
    "unicode_speed-up": 6.0,
    "typed_speed-up": 6.0,
    "update_vs_msgmerge": 10.0,
}
"""The throughput targets of the performance issue (mixed ≥ 5x and Unicode, as generated
and as typed, ≥ 6x the naive loop; start-up, peak memory and ``--jobs 2`` no worse than at
e322b63, where start-up measured 0.206 s), and ``polyglot update`` on 1,000 reworded paragraphs against GNU
msgmerge (``benchmarks/catalogs.py``); the shapes' targets are in ``benchmarks.shapes``."""


@dataclass
class Run:
    seconds: float
    peak_mib: float


def run(command: list[str], stdout: Path | None = None) -> Run:
    """Run ``command`` to completion; its wall time and its peak RSS (from ``wait4``)."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed with exit code {proc.returncode}")
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


STARTUP_LINES = {
    "Zawgyi": "ကိုယ္ Burmese in Zawgyi\n",
    "Unicode": "မြန်မာစာ ကို ယူနီကုဒ်ဖြင့် ရေးသည်။\n",
    "English": "An announcement in English only.\n",
}
"""One line of each kind: they load different parts of polyglot (English needs no detector,
Unicode that the model is sure of needs no ICU, Zawgyi needs both)."""

STARTUP_ROUNDS = 15


def startup_times(out: Path) -> dict[str, float]:
    """Median wall time of ``polyglot normalize`` on each of ``STARTUP_LINES``, interleaved.

    polyglot's sources are compiled to bytecode first (``compileall``), as a pip install
    does: where ``PYTHONDONTWRITEBYTECODE`` is set, an editable install would otherwise
    recompile every module on every run, which no installed copy does.
    """
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "src")], check=True, cwd=ROOT)
    files = {}
    for name, line in STARTUP_LINES.items():
        files[name] = DATA / f"one-line-{name.lower()}.txt"
        files[name].write_text(line, encoding="utf-8")
    times: dict[str, list[float]] = {name: [] for name in files}
    for _ in range(STARTUP_ROUNDS):
        for name, path in files.items():
            times[name].append(run(polyglot(path), out / "one.txt").seconds)
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def naive(source: Path, out: Path) -> list[str]:
    return [PYTHON, "-m", "benchmarks.naive", str(source), str(out)]


def polyglot(source: Path, *extra: str) -> list[str]:
    return [POLYGLOT, "normalize", *extra, str(source)]


def corpus(kind: str, size: float) -> Path:
    path = DATA / f"{kind}-{size:g}MB.txt"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        generate(path, size, kind)
    return path


@dataclass
class Series:
    """Several rounds of one command on one input."""

    name: str
    runs: list[Run]
    size: int

    @property
    def median_s(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def mbps(self) -> float:
        return self.size / MB / self.median_s

    @property
    def peak_mib(self) -> float:
        return max(r.peak_mib for r in self.runs)


def interleaved(source: Path, rounds: int, commands: dict[str, list[str]], outputs: dict[str, Path]) -> list[Series]:
    size = source.stat().st_size
    series = {name: Series(name, [], size) for name in commands}
    for i in range(rounds):
        for name, command in commands.items():
            result = run(command, outputs.get(name) if name.startswith("polyglot") else None)
            series[name].runs.append(result)
            print(f"  round {i + 1}: {name:<18} {result.seconds:8.2f} s  {result.peak_mib:7.1f} MiB", flush=True)
    return list(series.values())


EXPLAINED = """
import importlib.machinery, importlib.util, sys
from pathlib import Path

class Source:
    # polyglot's compiled modules loaded from their .py source: the interpreted path
    @staticmethod
    def find_spec(name, path=None, target=None):
        if not name.startswith("polyglot."):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.origin is None or spec.origin.endswith(".py"):
            return spec
        origin = Path(spec.origin)
        return importlib.util.spec_from_file_location(name, origin.with_name(origin.name.split(".")[0] + ".py"))

sys.meta_path.insert(0, Source)
from polyglot.batch.stream import stream_blocks
from polyglot.burmese import clean, markov
assert not (clean.COMPILED or markov.COMPILED), "the reference must run interpreted"
with open(sys.argv[1], "rb") as handle, open(sys.argv[2], "wb") as out:
    bom, results = stream_blocks(handle, sys.argv[1], jobs=2, explain=True)
    out.write(b"\\xef\\xbb\\xbf" if bom else b"")
    for block in results:
        out.write(block.text.encode("utf-8"))
"""


def explained_output(source: Path, out: Path) -> None:
    """The reference output: every block through ``normalize_text(explain=True)``, on two processes,
    with the compiled modules run from their ``.py`` source (the interpreted path)."""
    subprocess.run(
        [PYTHON, "-c", EXPLAINED, str(source), str(out)],
        check=True,
        cwd=ROOT,
    )


PROFILE = """
import cProfile, json, pstats, sys
from polyglot.batch.block import blocks, normalize_block
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    texts = list(blocks(line for _, line in zip(range(int(sys.argv[2])), handle)))
profile = cProfile.Profile()
profile.runcall(lambda: [normalize_block(t) for t in texts])
stats = pstats.Stats(profile).stats
def cumulative(module, function):
    return sum(v[3] for (f, _, name), v in stats.items() if f.endswith(module) and name == function)
def own(module, function):
    return sum(v[2] for (f, _, name), v in stats.items() if f.endswith(module) and name == function)
print(json.dumps({
    "total": cumulative("batch/block.py", "normalize_block"),
    # cProfile does not see into Cython's functions: the settle pass is ``_read``'s own time
    "the settle pass (compiled)": own("pipeline.py", "_read"),
    "detection of open runs": cumulative("detect.py", "detect_segments"),
    "the second reading": cumulative("pipeline.py", "_changed_again"),
    "repair planning": cumulative("repair.py", "plan_repairs"),
    "normalizing words": cumulative("pipeline.py", "decide_word"),
}))
"""


def breakdown(source: Path, lines: int = 6000) -> dict[str, float]:
    """Where one process spends its time on the first ``lines`` lines (cProfile, in a subprocess)."""
    proc = subprocess.run(
        [PYTHON, "-c", PROFILE, str(source), str(lines)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    shares: dict[str, float] = json.loads(proc.stdout)
    return shares


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def machine() -> list[str]:
    cpu = platform.processor() or "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        mem_kib = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    import icu
    import myanmartools  # noqa: F401

    from polyglot.burmese import markov

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; memory {mem_kib / 1024 / 1024:.1f} GiB",
        f"- {platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"ICU {icu.ICU_VERSION} (PyICU {icu.VERSION}); myanmartools 1.2.1; "
        f"compiled modules {'built' if markov.COMPILED else 'NOT BUILT (interpreted)'}",
        f"- polyglot at commit {commit.stdout.strip() or '?'}; load average before the run "
        f"{os.getloadavg()[0]:.2f} (other work on the machine slows every command alike)",
    ]


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def main() -> None:
    parser = argparse.ArgumentParser(description="polyglot vs the naive loop")
    parser.add_argument("--sizes", default="1,10", help="mixed corpus sizes in MB (the last is the target's)")
    parser.add_argument("--unicode-size", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--memory-size",
        type=float,
        default=0,
        help="also run polyglot once on a mixed corpus this large (MB) for its peak memory",
    )
    parser.add_argument(
        "--catalogs-only", action="store_true", help="only polyglot update against msgmerge; print, write nothing"
    )
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    if not shutil.which(POLYGLOT):
        raise SystemExit(f"bench: {POLYGLOT} not found (run make install)")
    if args.catalogs_only:
        print("\n".join(catalog_table(catalogs.run_all(DATA, POLYGLOT, args.rounds))))
        return
    details = machine()
    out = DATA / "out"
    out.mkdir(parents=True, exist_ok=True)

    print("start-up (one-line inputs)")
    startup = startup_times(out)
    python_bare = [run([PYTHON, "-c", "pass"]) for _ in range(STARTUP_ROUNDS)]
    startup_s = max(startup.values())

    rows: list[tuple[float, list[Series]]] = []
    checks: list[str] = []
    for size in sizes:
        source = corpus("mixed", size)
        print(f"mixed corpus, {size:g} MB ({args.rounds} rounds, interleaved)")
        outputs = {"polyglot": out / f"mixed-{size:g}.j1.txt", "polyglot --jobs 2": out / f"mixed-{size:g}.j2.txt"}
        commands = {
            "naive loop": naive(source, out / f"mixed-{size:g}.naive.txt"),
            "polyglot": polyglot(source),
            "polyglot --jobs 2": polyglot(source, "--jobs", "2"),
        }
        rows.append((size, interleaved(source, args.rounds, commands, outputs)))
        checks.append(check(source, outputs))

    uni = corpus("unicode", args.unicode_size)
    print(f"Unicode-only Burmese, {args.unicode_size:g} MB")
    uni_outputs = {"polyglot": out / "unicode.j1.txt"}
    uni_series = interleaved(
        uni, args.rounds, {"naive loop": naive(uni, out / "unicode.naive.txt"), "polyglot": polyglot(uni)}, uni_outputs
    )
    checks.append(check(uni, uni_outputs))

    typed = corpus("typed", args.unicode_size)
    print(f"Unicode Burmese as people type it, {args.unicode_size:g} MB")
    typed_outputs = {"polyglot": out / "typed.j1.txt"}
    typed_series = interleaved(
        typed,
        args.rounds,
        {"naive loop": naive(typed, out / "typed.naive.txt"), "polyglot": polyglot(typed)},
        typed_outputs,
    )
    checks.append(check(typed, typed_outputs))

    print("cost in every input shape (benchmarks.shapes)", flush=True)
    shape_series, _, shape_targets = shapes.measure(DATA, args.rounds)

    big: Series | None = None
    if args.memory_size:
        source = corpus("mixed", args.memory_size)
        print(f"mixed corpus, {args.memory_size:g} MB: one run for peak memory", flush=True)
        big = Series(
            "polyglot", [run(polyglot(source), out / f"mixed-{args.memory_size:g}.j1.txt")], source.stat().st_size
        )
    print("profile of one process on the target corpus", flush=True)
    profile = breakdown(corpus("mixed", sizes[-1]))

    size, target_series = rows[-1]
    by_name = {s.name: s for s in target_series}
    speedup = by_name["naive loop"].median_s / by_name["polyglot"].median_s
    jobs2 = by_name["polyglot"].median_s / by_name["polyglot --jobs 2"].median_s
    peak = max(s.peak_mib for _, series in rows for s in series if s.name == "polyglot")
    if big is not None:
        peak = max(peak, big.peak_mib)
    uni_mbps = next(s for s in uni_series if s.name == "polyglot").mbps
    uni_by_name = {s.name: s for s in uni_series}
    uni_ratio = uni_by_name["naive loop"].median_s / uni_by_name["polyglot"].median_s
    typed_mbps = next(s for s in typed_series if s.name == "polyglot").mbps
    typed_by_name = {s.name: s for s in typed_series}
    typed_ratio = typed_by_name["naive loop"].median_s / typed_by_name["polyglot"].median_s
    results = {
        "speed-up": (
            speedup,
            speedup >= TARGETS["speed-up"],
            f"{speedup:.2f}x the naive loop (target ≥ {TARGETS['speed-up']:g}x)",
        ),
        "memory": (
            peak,
            peak <= TARGETS["memory_mib"],
            f"{peak:.0f} MiB peak RSS, one process (target ≤ {TARGETS['memory_mib']:g} MiB)",
        ),
        "start-up": (
            startup_s,
            startup_s <= TARGETS["startup_s"],
            f"{startup_s:.3f} s, the slowest line (target ≤ {TARGETS['startup_s']:g} s)",
        ),
        "jobs": (jobs2, jobs2 >= TARGETS["jobs2"], f"{jobs2:.2f}x one process (target ≥ {TARGETS['jobs2']:g}x)"),
        "unicode": (
            uni_ratio,
            uni_ratio >= TARGETS["unicode_speed-up"],
            f"{uni_ratio:.2f}x the naive loop, {uni_mbps:.2f} MB/s (target ≥ {TARGETS['unicode_speed-up']:g}x)",
        ),
        "typed": (
            typed_ratio,
            typed_ratio >= TARGETS["typed_speed-up"],
            f"{typed_ratio:.2f}x the naive loop, {typed_mbps:.2f} MB/s (target ≥ {TARGETS['typed_speed-up']:g}x)",
        ),
    }
    for name, ok, figure in shape_targets:
        results[name] = (0.0, ok, figure)
    updates = catalogs.run_all(DATA, POLYGLOT, args.rounds)
    reworded = next(case for case in updates if case.kind == "reworded" and case.count == 1_000)
    results["update"] = (
        reworded.ratio,
        reworded.ratio <= TARGETS["update_vs_msgmerge"],
        f"{reworded.ratio:.1f}x msgmerge (target ≤ {TARGETS['update_vs_msgmerge']:g}x)",
    )
    write_results(
        args, details, startup, python_bare, rows, uni_series + typed_series, results, checks, size, big, profile
    )
    shapes_table(args.output, shape_series)
    with args.output.open("a", encoding="utf-8") as results_file:
        results_file.write("\n".join(["", *catalog_table(updates), ""]))
    print(args.output.read_text(encoding="utf-8"))
    if any("DIFFERS" in c for c in checks):
        raise SystemExit("bench: the written output differs from the explained path's")


def catalog_table(cases: list[catalogs.Case]) -> list[str]:
    """``polyglot update`` against ``msgmerge --previous`` on the same catalogs, as Markdown."""
    lines = [
        "## Catalog update",
        "",
        f"A translated catalog of {catalogs.BASE:,} paragraphs, its template changed as named; median wall time",
        "of each program (a subprocess, start-up included), interleaved.",
        "",
        "| template change | polyglot update s | msgmerge --previous s | ratio | fuzzy |",
        "|---|---|---|---|---|",
    ]
    for case in cases:
        ours, theirs = (
            f"{s:.2f}" if s < math.inf else f"> {catalogs.LIMIT_S:g}" for s in (case.polyglot_s, case.msgmerge_s)
        )
        ratio = f"{case.ratio:.1f}x" if case.msgmerge_s < math.inf else "msgmerge did not finish"
        lines.append(f"| {case.label} | {ours} | {theirs} | {ratio} | {case.fuzzy:,} |")
    return lines


def shapes_table(path: Path, series: list[shapes.Scaling]) -> None:
    """Add the input shapes' times to the results (before the correctness section)."""
    rows = [
        "## Cost in every input shape",
        "",
        "`benchmarks/shapes.py`: each shape at two sizes four times apart, medians of interleaved rounds.",
        "",
        "| shape | sizes | median s | 4x the input costs |",
        "|---|---|---|---|",
        *[
            f"| {s.name} | {s.sizes[0]:,} → {s.sizes[1]:,} {s.unit} | {s.seconds[0]:.3f} → {s.seconds[1]:.3f} | "
            f"{s.factor:.1f}x |"
            for s in series
        ],
        "",
    ]
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition("## Correctness")
    path.write_text(head + "\n".join(rows) + "\n## Correctness" + tail, encoding="utf-8")


def check(source: Path, outputs: dict[str, Path]) -> str:
    """Compare every timed polyglot output (compiled) with the explained, interpreted path's output."""
    reference = DATA / "out" / source.with_suffix(".explained.txt").name
    print(f"  checking {source.name}: the explained path (explain=True, compiled modules interpreted)", flush=True)
    explained_output(source, reference)
    expected = reference.read_bytes()
    lines = count_lines(source)
    verdicts = []
    for name, path in outputs.items():
        same = path.read_bytes() == expected
        verdicts.append(f"{name}: {'identical' if same else 'DIFFERS'}")
        if count_lines(path) != lines:
            verdicts.append(f"{name}: LINE COUNT DIFFERS")
    return f"{source.name} ({lines} lines): written (compiled) vs explained (interpreted) — " + "; ".join(verdicts)


def write_results(
    args: argparse.Namespace,
    details: list[str],
    startup: dict[str, float],
    python_bare: list[Run],
    rows: list[tuple[float, list[Series]]],
    uni_series: list[Series],
    results: dict[str, tuple[float, bool, str]],
    checks: list[str],
    target_size: float,
    big: Series | None,
    profile: dict[str, float],
) -> None:
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`benchmarks/bench.py`); rerun it to refresh. Corpora are generated",
        "by `benchmarks/corpus.py` (seeded): mixed lines are 60% Burmese (half of them Zawgyi), 25%",
        "English, 15% Chinese, a few blank; Burmese sentences draw words from a 40,000-word generated",
        "vocabulary by Zipf rank. Each figure is the median of interleaved rounds; MB = 10^6 bytes.",
        "",
        "## Machine",
        "",
        *details,
        "",
        "## Targets",
        "",
        "| target | result | |",
        "|---|---|---|",
    ]
    names = {
        "speed-up": f"speed-up on the {target_size:g} MB mixed corpus, one process",
        "memory": "peak memory, any input size",
        "start-up": "start-up, one-line input",
        "jobs": "`--jobs 2` vs one process",
        "unicode": "Unicode-only Burmese throughput",
        "typed": "Unicode typed as people type it (`corpus.typed_paragraph`)",
        "update": "`polyglot update`, 1,000 reworded paragraphs",
    }
    for key, (_, ok, text) in results.items():
        lines.append(f"| {names.get(key, key)} | {text} | {verdict(ok)} |")
    lines += [
        "",
        "## Throughput",
        "",
        "| corpus | command | median s | MB/s | vs naive | peak RSS MiB |",
        "|---|---|---|---|---|---|",
    ]
    table = [
        *[(f"mixed {s:g} MB", x) for s, x in rows],
        (f"Unicode {args.unicode_size:g} MB", uni_series[:2]),
        (f"typed Unicode {args.unicode_size:g} MB", uni_series[2:]),
    ]
    for label, series in table:
        base = next(s for s in series if s.name == "naive loop").median_s
        for s in series:
            ratio = base / s.median_s
            lines.append(f"| {label} | {s.name} | {s.median_s:.2f} | {s.mbps:.2f} | {ratio:.2f}x | {s.peak_mib:.0f} |")
    if big is not None:
        lines.append(
            f"| mixed {big.size / MB:g} MB | polyglot (one run, for memory) | {big.median_s:.2f} | "
            f"{big.mbps:.2f} | | {big.peak_mib:.0f} |"
        )
    bare = statistics.median(r.seconds for r in python_bare)
    total = profile.pop("total") or 1.0
    shares = ", ".join(f"{name} {100 * value / total:.0f}%" for name, value in profile.items())
    lines += [
        "",
        "## Where the time goes",
        "",
        f"cProfile of one process on the first 6,000 lines of the {target_size:g} MB mixed corpus (shares of "
        f"`normalize_block`, overlapping where one calls the other): {shares}. See `benchmarks/README.md`.",
    ]
    lines += [
        "",
        "Start-up: `polyglot normalize` on a one-line file takes "
        + ", ".join(f"{seconds:.3f} s ({name})" for name, seconds in startup.items())
        + f" (median of {STARTUP_ROUNDS} each, bytecode compiled), of which {bare:.3f} s is starting Python itself.",
        "",
        "## Correctness",
        "",
        *[f"- {c}" for c in checks],
        "",
    ]
    args.output.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
