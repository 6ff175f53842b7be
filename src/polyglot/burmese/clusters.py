"""Syllable clusters of Unicode Myanmar text: a base letter and the marks it carries.

A cluster is the unit in which canonical storage order is defined and in which a
sequence can be well- or ill-formed. Its ``head`` is the part whose order is fixed
(the base letter, a kinzi and any stacked consonants: ``င်္ဂ``, ``က္ခ``); its ``marks``
follow in any order the typist happened to use. A cluster with no head is an orphan:
its marks follow a space, punctuation or the start of the text, where no mark can be.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from polyglot.burmese.chars import BASES, MARK_SLOTS, VIRAMA, Slot, is_mark


@dataclass(frozen=True, slots=True)
class Cluster:
    """A base (``head``) and its dependent marks, at ``start`` in the text it came from."""

    start: int
    head: str
    marks: str

    @property
    def text(self) -> str:
        return self.head + self.marks

    @property
    def end(self) -> int:
        return self.start + len(self.head) + len(self.marks)

    @property
    def is_orphan(self) -> bool:
        return not self.head


def clusters(text: str) -> Iterator[Cluster]:
    """Yield the clusters of ``text``; characters outside any cluster are skipped.

    A base after a virama (U+1039) is stacked under the cluster before it, so the head
    grows (``က္ခ``, and the kinzi ``င်္`` + consonant); any other base starts a cluster.
    """
    start = -1
    head: list[str] = []
    marks: list[str] = []
    for i, ch in enumerate(text):
        if ch in BASES:
            if (marks and marks[-1] == VIRAMA) and head:
                head.extend(marks)
                head.append(ch)
                marks.clear()
                continue
            if start >= 0:
                yield Cluster(start, "".join(head), "".join(marks))
            start, head, marks = i, [ch], []
        elif is_mark(ch):
            if start < 0:
                start = i
            marks.append(ch)
        else:
            if start >= 0:
                yield Cluster(start, "".join(head), "".join(marks))
            start, head, marks = -1, [], []
    if start >= 0:
        yield Cluster(start, "".join(head), "".join(marks))


def mark_slot(mark: str, marks: str) -> Slot | None:
    """The canonical slot of ``mark`` among ``marks`` (None for a mark we do not order).

    The asat is late (after the A vowel, as in ``ော်``) when the cluster has an A vowel,
    and early (right after the medials, killing the consonant) otherwise.
    """
    slot = MARK_SLOTS.get(mark)
    if slot is Slot.ASAT and any(MARK_SLOTS.get(m) is Slot.VOWEL_A for m in marks):
        return Slot.LATE_ASAT
    return slot


def canonical_marks(marks: str) -> str:
    """Put a cluster's marks in UTN #11 storage order; unknown marks leave them as they are.

    The sort is stable, so two marks of one slot keep their relative order (and are
    reported by the diagnostics, not silently resolved here). The result is then put in
    NFC's canonical order, which puts a dot below (combining class 7) before an asat
    (class 9) that ends up next to it (``ယ့်``): normalization must agree with NFC or
    the two would undo each other forever.
    """
    slots = [mark_slot(m, marks) for m in marks]
    if any(slot is None for slot in slots):
        return marks
    ordered = "".join(m for _, m in sorted(zip(slots, marks, strict=True), key=lambda p: p[0]))
    return unicodedata.normalize("NFC", ordered)
