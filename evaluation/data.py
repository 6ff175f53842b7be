"""The public labelled data as the evaluation reads it, and what every row of it shares.

One reader for the ``.tsv`` files, the data sets as (Zawgyi, Unicode) pairs, the table's
``Row``, and the anchor: myanmar-tools' detector at 0.5 gating ICU's ``Zawgyi-my``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from polyglot.burmese.convert import icu_transliterator
from polyglot.burmese.markov import markov_model


@dataclass(frozen=True)
class Pair:
    zawgyi: str
    unicode: str


def unescape(field: str) -> str:
    return json.loads(field) if field.startswith('"') else field


def read_tsv(path: Path) -> Iterator[list[str]]:
    """The tab-separated fields of each line of ``path``; blank lines and ``#`` comments skipped.

    The one reader of every ``.tsv`` file of the data: they share this form and differ only in
    their columns, which the callers name.
    """
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def pairs_tsv(path: Path, zawgyi_first: bool, escaped: bool = False) -> list[Pair]:
    pairs = []
    for fields in read_tsv(path):
        a, b = fields[:2]
        if escaped:
            a, b = unescape(a), unescape(b)
        pairs.append(Pair(a, b) if zawgyi_first else Pair(b, a))
    return pairs


def parallel(zawgyi: Path, unicode: Path) -> list[Pair]:
    zs = zawgyi.read_text(encoding="utf-8").split("\n")
    us = unicode.read_text(encoding="utf-8").split("\n")
    return [Pair(z, u) for z, u in zip(zs, us, strict=True) if z.strip() and not z.startswith("#")]


def datasets(root: Path) -> Iterator[tuple[str, list[Pair]]]:
    mt = root / "myanmar-tools"
    yield "myanmar-tools unit pairs", pairs_tsv(mt / "transliterate_test_pairs_z_u.tsv", True, escaped=True)
    yield "CLDR UI strings", pairs_tsv(root / "cldr-ui" / "cldr_my_uni_qaaz_pairs.tsv", False)
    yield "mmgov news", parallel(mt / "mmgov_zawgyi_src.txt", mt / "mmgov_unicode_out.txt")
    yield "UDHR", parallel(mt / "udhr_mya_zawgyi_out.txt", mt / "udhr_mya_unicode_src.txt")
    yield "Rabbit sentences", pairs_tsv(root / "rabbit" / "rabbit_sample_pairs.tsv", True)
    yield "Spelling Book words", pairs_tsv(root / "dagonmetric" / "spelling_book_uni_zg_pairs.tsv", False)


DAMAGED = ("mmgov news", "UDHR")
"""The data sets whose Zawgyi is damaged for ``evaluate_damage``: running text, as the
seed's is (one human-typed, one machine-made)."""


def anchor_is_zawgyi(text: str) -> bool:
    return markov_model().probability(text) > 0.5


@dataclass
class Row:
    dataset: str
    metric: str
    anchor: float | None
    polyglot: float
    n: int


def pct(hits: int, n: int) -> float:
    return 100.0 * hits / n if n else float("nan")


def anchor_reading(text: str) -> str:
    """What the anchor makes of ``text``: ICU's ``Zawgyi-my`` where myanmar-tools says Zawgyi."""
    return icu_transliterator("Zawgyi-my").transliterate(text) if anchor_is_zawgyi(text) else text
