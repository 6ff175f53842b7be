"""``make bench``, catalogs: ``polyglot update`` against GNU ``msgmerge`` on the same catalogs.

A translated catalog of ``BASE`` paragraphs (English msgids made of the bench's English
words, Burmese msgstrs) meets a template in which some paragraphs were reworded (one
word changed: each must come back fuzzy with its old translation, the work fuzzy
matching does) or added (new, untranslated). Both programs run as subprocesses from
the same files, interleaved; ``msgmerge --previous`` is GNU's reference for the same
merge. The figures are medians of the rounds.
"""

from __future__ import annotations

import math
import random
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import _ENGLISH, Zipf, burmese_sentence, vocabulary

BASE = 2_000
"""Translated paragraphs in the catalog before the template changes."""

CASES = (("reworded", 250), ("reworded", 500), ("reworded", 1_000), ("new", 50_000))
"""What changes in the template: so many paragraphs reworded, or so many added."""

PYPROJECT = '[project]\nname = "bench"\nversion = "0"\n\n[tool.polyglot]\nlanguages = ["en", "my"]\n'


def english_words(size: int = 20_000, seed: int = 3) -> Zipf:
    """The bench's common English words first, then made-up ones: a vocabulary by Zipf rank,
    so that paragraphs share their common words as real ones do, and little else."""
    rng = random.Random(seed)
    words = list(dict.fromkeys(_ENGLISH))
    while len(words) < size:
        words.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 10))))
    return Zipf(words)


ENGLISH = english_words()


def paragraph(rng: random.Random) -> str:
    """Two to four sentences: a paragraph of an announcement."""
    sentences = []
    for _ in range(rng.randint(2, 4)):
        words = [ENGLISH.draw(rng) for _ in range(rng.randint(8, 20))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def reword(text: str, rng: random.Random) -> str:
    """``text`` with one word replaced by another: the edit that makes a message fuzzy."""
    words = text.split(" ")
    index = rng.randrange(len(words))
    words[index] = ENGLISH.draw(rng)
    return " ".join(words)


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_po(path: Path, entries: list[tuple[str, str]], language: str = "") -> None:
    """A PO file as msgmerge and polyglot both read it (one line per string, no wrapping)."""
    header = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Content-Transfer-Encoding: 8bit\\n"\n'
        f'"Language: {language}\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n'
    )
    body = "".join(
        f"\n#: corpus/p{i // 20}.md:{i % 20 * 4 + 1}\nmsgid {quote(msgid)}\nmsgstr {quote(msgstr)}\n"
        for i, (msgid, msgstr) in enumerate(entries)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + body, encoding="utf-8")


@dataclass
class Case:
    kind: str
    count: int
    polyglot_s: float
    msgmerge_s: float
    fuzzy: int

    @property
    def ratio(self) -> float:
        return self.polyglot_s / self.msgmerge_s

    @property
    def label(self) -> str:
        return f"{self.count:,} paragraphs {self.kind}"


def prepare(folder: Path, kind: str, count: int, seed: int = 5) -> None:
    """The project in ``folder``: its catalog of ``BASE`` translated paragraphs and the new template."""
    rng = random.Random(seed)
    words = Zipf(vocabulary(4_000))
    base = list(dict.fromkeys(paragraph(rng) for _ in range(BASE)))
    translated = [(p, burmese_sentence(words, rng)) for p in base]
    if kind == "reworded":
        chosen = set(rng.sample(range(len(base)), count))
        template = [reword(p, rng) if i in chosen else p for i, p in enumerate(base)]
    else:
        template = base + [paragraph(rng) for _ in range(count)]
    template = list(dict.fromkeys(template))
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "pyproject.toml").parent.mkdir(parents=True)
    (folder / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    write_po(folder / "old.po", translated, "my")
    write_po(folder / "locales" / "announcements.pot", [(p, "") for p in template])


LIMIT_S = 300.0
"""A run that takes longer is stopped and reported as not finished (msgmerge on 50,000 new
paragraphs compares each with every old message)."""


def timed(command: list[str], cwd: Path) -> float:
    """Wall seconds of ``command``; infinity when it did not finish within ``LIMIT_S``."""
    start = time.perf_counter()
    try:
        subprocess.run(
            command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=LIMIT_S
        )
    except subprocess.TimeoutExpired:
        return math.inf
    return time.perf_counter() - start


def measure(folder: Path, polyglot: str, kind: str, count: int, rounds: int) -> Case:
    """Median wall time of each program on the same merge, interleaved; and the fuzzy count."""
    folder = folder.resolve()
    prepare(folder, kind, count)
    catalog = folder / "locales" / "my" / "LC_MESSAGES" / "announcements.po"
    template = folder / "locales" / "announcements.pot"
    ours, theirs = [], []
    for _ in range(rounds):
        catalog.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / "old.po", catalog)
        ours.append(timed([polyglot, "update", "-q"], folder))
        fuzzy = catalog.read_text(encoding="utf-8").count("#, fuzzy")
        out = folder / "msgmerge.po"
        theirs.append(
            timed(["msgmerge", "-q", "--previous", "-o", str(out), str(folder / "old.po"), str(template)], folder)
        )
    return Case(kind, count, statistics.median(ours), statistics.median(theirs), fuzzy)


def run_all(data: Path, polyglot: str, rounds: int = 3, cases: tuple[tuple[str, int], ...] = CASES) -> list[Case]:
    results = []
    for kind, count in cases:
        print(f"catalog update: {count:,} paragraphs {kind} ({rounds} rounds, interleaved with msgmerge)", flush=True)
        results.append(
            measure(data / f"catalog-{kind}-{count}", polyglot, kind, count, 1 if count > 10_000 else rounds)
        )
    return results
