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
from functools import lru_cache

from polyglot.burmese.chars import ASAT, BASE_CLASS, BASES, MARK_CLASS, MARK_SLOTS, VIRAMA, Slot
from polyglot.burmese.memo import short_texts
from polyglot.patterns import lazy_compile


@dataclass(frozen=True, slots=True)
class Cluster:
    """A base (``head``) and its dependent marks, at ``start`` in the text it came from.

    ``raw`` is the cluster as stored; ``head + marks`` is the same characters with any
    stacked consonant moved next to the consonant it stacks under (see ``clusters``).
    """

    start: int
    head: str
    marks: str
    raw: str

    @property
    def text(self) -> str:
        return self.raw

    @property
    def end(self) -> int:
        return self.start + len(self.raw)

    @property
    def is_orphan(self) -> bool:
        return not self.head


def clusters(text: str) -> Iterator[Cluster]:
    """Yield the clusters of ``text``; characters outside any cluster are skipped.

    Parsed once per distinct text and remembered (clusters are immutable): detection,
    normalization and the diagnostics all ask for the clusters of the same words.
    """
    return iter(_parsed(text))


@short_texts(maxsize=1 << 12)
def _parsed(text: str) -> tuple[Cluster, ...]:
    # Small: the reuse is of the text just parsed (each step of the pipeline asks again),
    # and a parsed text costs far more memory than the text.
    return tuple(_parse(text))


_B, _M = BASE_CLASS, MARK_CLASS
CLUSTER = lazy_compile(f"[{_B}](?:[{_M}]*{VIRAMA}[{_B}])*[{_M}]*|[{_M}]+")
"""One cluster: a base, any stacked consonants (a virama then a base; marks typed in
between stay in the cluster), then its marks; or marks with no base (an orphan)."""


def _parse(text: str) -> Iterator[Cluster]:
    """The clusters of ``text``: spans found by one regular expression, each split once.

    A cluster's head and marks depend only on its own characters, so they are computed
    once per distinct cluster (a few thousand in a language), not once per occurrence.
    """
    for m in CLUSTER.finditer(text):
        raw = m.group()
        head, marks = _split(raw)
        yield Cluster(m.start(), head, marks, raw)


@lru_cache(maxsize=1 << 14)
def _split(raw: str) -> tuple[str, str]:
    """Split one cluster into its head and its marks.

    A base after a virama (U+1039) is stacked under the base before it, so the head
    grows (``က္ခ``, and the kinzi ``င်္`` + consonant). A stacked consonant belongs right
    after the consonant it stacks under, so marks typed between them (``နြေ္ဒ``, as ICU
    converts the Zawgyi Pali ``ေႁႏၵ``) stay marks of the cluster, to be put in order
    after the stack (``န္ဒြေ``). The kinzi's asat is part of the kinzi, never moved.
    """
    head: list[str] = []
    marks: list[str] = []
    for ch in raw:
        if ch in BASES and head:
            marks.pop()  # the virama that stacks this base
            if head[-1] == "\u1004" and marks == [ASAT]:  # kinzi
                head.extend(marks)
                marks.clear()
            head.extend((VIRAMA, ch))
        elif ch in BASES:
            head.append(ch)
        else:
            marks.append(ch)
    return "".join(head), "".join(marks)


@lru_cache(maxsize=1 << 14)
def mark_slot(mark: str, marks: str) -> Slot | None:
    """The canonical slot of ``mark`` among ``marks`` (None for a mark we do not order).

    The asat is late (after the A vowel, as in ``ော်``) when the cluster has an A vowel,
    and early (right after the medials W and H, killing the consonant: ``ရှ်``) otherwise.
    """
    slot = MARK_SLOTS.get(mark)
    if slot is Slot.ASAT and any(MARK_SLOTS.get(m) is Slot.VOWEL_A for m in marks):
        return Slot.LATE_ASAT
    return slot


_VOWEL_SLOTS = (Slot.VOWEL_E, Slot.UPPER, Slot.LOWER, Slot.VOWEL_A)


def _is_contraction(marks: str) -> bool:
    """An asat before medial Y or R, with a vowel after: the contraction ``ယောက်ျား``.

    There the asat kills the consonant and the medial begins the vowel that follows, so
    the typed order is the meaning and is kept. With no vowel in the cluster, the asat
    kills the whole cluster and canonically follows the medial: loanwords such as
    ``ဇူးရစ်ချ်`` (which ICU's ``Zawgyi-my`` turns into ``ချ်``'s misordered twin).
    """
    if ASAT not in marks or not ("\u103b" in marks or "\u103c" in marks):
        return False
    return any(MARK_SLOTS.get(m) in _VOWEL_SLOTS for m in marks)


@lru_cache(maxsize=1 << 14)
def canonical_marks(marks: str) -> str:
    """Put a cluster's marks in UTN #11 storage order; unknown marks leave them as they are.

    The sort is stable, so two marks of one slot keep their relative order (and are
    reported by the diagnostics, not silently resolved here). The result is then put in
    NFC's canonical order, which puts a dot below (combining class 7) before an asat
    (class 9) that ends up next to it (``ယ့်``): normalization must agree with NFC or
    the two would undo each other forever.
    """
    slots = [slot for slot in (mark_slot(m, marks) for m in marks) if slot is not None]
    if len(slots) != len(marks) or _is_contraction(marks):
        return marks
    ordered = "".join(m for _, m in sorted(zip(slots, marks, strict=True), key=lambda p: p[0]))
    return unicodedata.normalize("NFC", ordered)
