"""Cost in every input shape: the hostile inputs whose cost once grew faster than their size.

Three shapes, each measured at two sizes four times apart (a cost linear in the input
takes about 4x the time; the target allows 5x), in one process, interleaved:

* **the competing-vowel line**: one line without spaces, every consonant carrying two
  vowel signs that compete for its one place (every one a repair site), through
  ``normalize_text``; 8,192 characters must take under a second;
* **the mark storm**: one letter followed by thousands of copies of one vowel sign, a
  broken keyboard's or a hostile file's; 8,192 characters under a second too;
* **the damaged line without whitespace**: the benchmark's damaged Zawgyi sentences
  (``benchmarks.longline``: inserted spaces, ``က`` lost to U+2002) with their spaces
  taken out and no line breaks, against the same sentences as ordinary lines, through
  ``polyglot normalize`` (which reads a long line in pieces): at most 3x the time of the
  lines, and 4x the line at most 5x the time.

    python -m benchmarks.shapes
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.longline import sentences

LINEAR = 5.0
"""4x the input may cost at most this many times the time."""

SMALL_INPUT_SECONDS = 1.0
"""What 8,192 characters of a hostile line may cost."""

NO_WHITESPACE_RATIO = 3.0
"""What a damaged line without whitespace may cost against the same text as lines."""


def competing_vowel_line(size: int) -> str:
    """One line without spaces, every consonant carrying two vowel signs that compete."""
    letters, vowels = "ကခဂစတနပမလသ", ["ို", "ုူ", "ိီ", "ူု", "ီိ"]
    return "".join(letters[i % len(letters)] + vowels[(i * 7) % len(vowels)] for i in range(size // 3))[:size]


def mark_storm(size: int) -> str:
    """One letter and ``size - 1`` copies of the vowel sign I."""
    return "က" + "\u102d" * (size - 1)


@dataclass
class Scaling:
    name: str
    sizes: tuple[int, int]
    seconds: tuple[float, float]
    unit: str = "characters"

    @property
    def factor(self) -> float:
        return self.seconds[1] / max(self.seconds[0], 1e-6)

    @property
    def linear(self) -> bool:
        return self.factor <= LINEAR


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def in_process(name: str, make: Callable[[int], str], sizes: tuple[int, int], rounds: int) -> Scaling:
    """Median time of ``normalize_text(explain=False)`` on ``make(size)``, sizes interleaved.

    Each round's text is new to the process (a different letter leads it), so no memo of an
    earlier round answers for it."""
    from polyglot.burmese.pipeline import normalize_text

    normalize_text("ကို", explain=False)  # load the models outside the timing
    times: dict[int, list[float]] = {size: [] for size in sizes}
    for r in range(rounds):
        for size in sizes:
            text = "ကခဂဃငစဆဇ"[r % 8] + make(size)[1:]
            times[size].append(_timed(lambda text=text: normalize_text(text, explain=False)))  # type: ignore[misc]
    return Scaling(name, sizes, (_median(times[sizes[0]]), _median(times[sizes[1]])))


def damaged_text(megabytes: float) -> list[str]:
    """About ``megabytes`` MB of the benchmark's damaged Zawgyi sentences."""
    out, size = [], 0
    for sentence in sentences():
        out.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
        if size >= megabytes * 1_000_000:
            return out
    return out


def without_whitespace(data: Path, megabytes: tuple[float, float], rounds: int) -> tuple[Scaling, float]:
    """``polyglot normalize`` on the damaged sentences as lines and as one line without
    spaces, at two sizes: the line's scaling, and its time against the lines' (larger size)."""
    from benchmarks.bench import polyglot, run

    files: dict[tuple[str, float], Path] = {}
    for mb in megabytes:
        text = damaged_text(mb)
        files["lines", mb] = data / f"damaged-lines-{mb:g}MB.txt"
        files["lines", mb].write_text("\n".join(text) + "\n", encoding="utf-8")
        files["line", mb] = data / f"damaged-nospace-{mb:g}MB.txt"
        files["line", mb].write_text("".join(s.replace(" ", "") for s in text) + "\n", encoding="utf-8")
    times: dict[tuple[str, float], list[float]] = {key: [] for key in files}
    for _ in range(rounds):
        for key, path in files.items():
            times[key].append(run(polyglot(path, "-q"), path.with_suffix(".out")).seconds)
    line = Scaling(
        "damaged line without whitespace",
        (int(megabytes[0] * 1000), int(megabytes[1] * 1000)),
        (_median(times["line", megabytes[0]]), _median(times["line", megabytes[1]])),
        "KB",
    )
    return line, line.seconds[1] / _median(times["lines", megabytes[1]])


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def measure(data: Path, rounds: int = 3) -> tuple[list[Scaling], float, list[tuple[str, bool, str]]]:
    """Every shape; and the targets as (name, met, figure)."""
    competing = in_process("competing-vowel line", competing_vowel_line, (2048, 8192), rounds)
    storm = in_process("mark storm", mark_storm, (40_000, 160_000), rounds)  # 8,192: a few ms, noise
    line, ratio = without_whitespace(data, (0.25, 1.0), max(1, rounds - 2))
    shapes = [competing, storm, line]
    targets = [
        (f"{s.name}: 4x the input", s.linear, f"{s.factor:.1f}x the time (target ≤ {LINEAR:g}x)") for s in shapes
    ]
    for s, make in ((competing, competing_vowel_line), (storm, mark_storm)):
        seconds = s.seconds[1] if s.sizes[1] == 8192 else in_process(s.name, make, (8192, 8192), rounds).seconds[0]
        ok = seconds < SMALL_INPUT_SECONDS
        targets.append((f"{s.name}: 8,192 characters", ok, f"{seconds:.2f} s (target < {SMALL_INPUT_SECONDS:g} s)"))
    targets.append(
        (
            "damaged line without whitespace vs the same text as lines",
            ratio <= NO_WHITESPACE_RATIO,
            f"{ratio:.2f}x the time (target ≤ {NO_WHITESPACE_RATIO:g}x)",
        )
    )
    return shapes, ratio, targets


def main() -> None:
    from benchmarks.bench import DATA

    DATA.mkdir(parents=True, exist_ok=True)
    shapes, _, targets = measure(DATA)
    for s in shapes:
        print(f"{s.name}: {s.sizes[0]} → {s.sizes[1]} {s.unit}: {s.seconds[0]:.3f} s → {s.seconds[1]:.3f} s")
    for name, ok, figure in targets:
        print(f"{'met    ' if ok else 'NOT MET'} {name}: {figure}")


if __name__ == "__main__":
    main()
