"""One very long line of damaged Zawgyi, for measuring memory and speed on long lines.

Text pasted out of a PDF or a web page, or a dump written without line breaks, can put
megabytes on one line. This writes such a line from the benchmark corpus's Zawgyi
sentences (``benchmarks.corpus``: generated words, never copied data) with the damage
PDF extraction does to Burmese (``repair``): a space inserted before a dependent mark
now and then, and every ``က`` of some sentences lost to U+2002 EN SPACE, as a PDF font
without that glyph in its map writes it. Sentences are joined by spaces
(``--spaces``), or with no whitespace at all (``--no-spaces``: the hard case for a
reader that cuts long lines at whitespace). One newline ends the file.

    python -m benchmarks.longline --size 50 -o /tmp/line-50.txt [--no-spaces]
    python -m benchmarks.longline --size 50 --measure [--no-spaces] [-- --jobs 2]

``--measure`` writes the line to ``build/bench/`` (once) and runs ``polyglot normalize``
on it as ``make bench`` runs it (a subprocess writing to a file), printing its time,
MB/s and peak RSS (from ``wait4``).
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from pathlib import Path

from benchmarks.corpus import MB, lines

_MARK_AFTER_LETTER = re.compile("(?<=[\u1000-\u1021])(?=[\u102b-\u1030\u1032\u1036\u1037\u1038])")
"""Between a consonant and a mark that follows it in both encodings: where a PDF
extractor inserts a space it took for a word gap."""

LOST = "\u2002"
"""The stand-in a PDF font without a glyph for ``က`` gives it (``chars.LOST_GLYPHS``)."""


def damaged(sentence: str, rng: random.Random) -> str:
    """A Zawgyi sentence as PDF extraction leaves it: an inserted space (one sentence in
    three), every ``က`` lost (one in ten)."""
    if rng.random() < 1 / 3:
        sites = [m.start() for m in _MARK_AFTER_LETTER.finditer(sentence)]
        if sites:
            at = rng.choice(sites)
            sentence = sentence[:at] + " " + sentence[at:]
    if rng.random() < 1 / 10:
        sentence = sentence.replace("\u1000", LOST)
    return sentence


def sentences(seed: int = 11) -> Iterator[str]:
    """An endless stream of damaged Zawgyi sentences (deterministic)."""
    rng = random.Random(seed)
    for sentence in lines("zawgyi", seed):
        yield damaged(sentence, rng)


def generate_line(path: str | Path, megabytes: float, *, spaces: bool = True, seed: int = 11) -> Path:
    """Write one line of about ``megabytes`` MB (10^6 bytes) of damaged Zawgyi and a newline."""
    target = int(megabytes * MB)
    written = 0
    out = Path(path)
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for sentence in sentences(seed):
            data = (sentence + " ") if spaces else "".join(sentence.split())
            handle.write(data)
            written += len(data.encode("utf-8"))
            if written >= target:
                break
        handle.write("\n")
    return out


def measure(size: float, *, spaces: bool = True, extra: tuple[str, ...] = ()) -> str:
    """Normalize a generated line of ``size`` MB in a subprocess; its time, MB/s and peak RSS."""
    from benchmarks.bench import DATA, polyglot, run

    path = DATA / f"longline-{'spaced' if spaces else 'nospace'}-{size:g}MB.txt"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        generate_line(path, size, spaces=spaces)
    done = run(polyglot(path, "-q", *extra), stdout=path.with_suffix(".out"))
    mbps = path.stat().st_size / MB / done.seconds
    return f"{path.name} {' '.join(extra)}: {done.seconds:.1f} s, {mbps:.3f} MB/s, peak RSS {done.peak_mib:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=50, help="megabytes")
    parser.add_argument("--no-spaces", action="store_true", help="no whitespace at all in the line")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--measure", action="store_true", help="time polyglot normalize on it")
    parser.add_argument("-o", "--output")
    parser.add_argument("extra", nargs="*", help="options for polyglot normalize (after --)")
    args = parser.parse_args()
    if args.measure:
        print(measure(args.size, spaces=not args.no_spaces, extra=tuple(args.extra)))
    elif args.output:
        generate_line(args.output, args.size, spaces=not args.no_spaces, seed=args.seed)
    else:
        parser.error("give -o FILE or --measure")


if __name__ == "__main__":
    main()
