"""Well-formedness of Unicode Burmese, syllable by syllable.

What normalization and repair could not settle is reported here, never silently
dropped: a mark with no letter to sit on, a mark typed twice, two marks that compete
for one place in the syllable. Each diagnostic names the place, says what is wrong in
words a translator understands, and suggests a fix where one exists.

These are facts of the script (UTN #11's syllable structure), not of a dictionary:
they hold for any Burmese text, which is why detection can use them as evidence too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from polyglot.burmese.chars import CONSONANTS, MEDIALS, Slot
from polyglot.burmese.clusters import Cluster, clusters, mark_slot


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem in the text at (1-based) ``line`` and ``column``."""

    line: int
    column: int
    code: str
    message: str
    suggestion: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """A diagnostic before it is placed in a file: ``offset`` is into the checked text."""

    offset: int
    code: str
    message: str
    suggestion: str = ""


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '?').title()} ({ch})"


_SINGLE_SLOTS = {
    Slot.UPPER: "upper vowel signs",
    Slot.LOWER: "lower vowel signs",
    Slot.VOWEL_A: "A vowel signs",
}


def cluster_problems(cluster: Cluster) -> Iterator[Problem]:
    """What is ill-formed in one cluster (nothing, for a well-formed syllable)."""
    if cluster.is_orphan:
        yield Problem(
            cluster.start,
            "orphan-mark",
            f"{_name(cluster.marks[0])} has no letter to attach to",
            "remove the space or character before it, or restore the lost letter",
        )
        return
    seen: dict[Slot, str] = {}
    for i, mark in enumerate(cluster.marks):
        offset = cluster.start + len(cluster.head) + i
        if mark in cluster.marks[:i]:
            yield Problem(offset, "duplicate-mark", f"{_name(mark)} appears twice in one syllable", "delete one")
            continue
        slot = mark_slot(mark, cluster.marks)
        if slot in _SINGLE_SLOTS and slot in seen:
            yield Problem(
                offset,
                "conflicting-marks",
                f"two {_SINGLE_SLOTS[slot]} in one syllable: {_name(seen[slot])} and {_name(mark)}",
                "keep the one the word needs",
            )
        if slot is not None:
            seen.setdefault(slot, mark)
        if mark in MEDIALS and cluster.head[-1] not in CONSONANTS:
            yield Problem(
                offset,
                "medial-without-consonant",
                f"{_name(mark)} can only follow a consonant, not {_name(cluster.head[-1])}",
            )


def problems(text: str) -> list[Problem]:
    """Every well-formedness problem in ``text`` (Unicode Burmese)."""
    return [p for c in clusters(text) for p in cluster_problems(c)]


ENCODING_EVIDENCE = frozenset({"orphan-mark", "medial-without-consonant"})
"""Problems that betray a misread encoding. Duplicated or competing vowels are not among
them: the vowel code points mean the same in Zawgyi and Unicode (and ICU's conversion
silently drops one of them, which would make the Zawgyi reading look better formed)."""


def count_problems(text: str) -> int:
    """How many places betray ``text`` as not being Unicode (detection evidence)."""
    return sum(1 for c in clusters(text) for p in cluster_problems(c) if p.code in ENCODING_EVIDENCE)
