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
from dataclasses import asdict, dataclass
from functools import lru_cache

from polyglot.burmese.chars import (
    AA_VOWELS,
    ASAT,
    BASE_CLASS,
    BASES,
    CONSONANTS,
    DOT_BELOW,
    LOST_GLYPHS,
    MARK_CLASS,
    MEDIALS,
    REPLACEMENT,
    VIRAMA,
    VISARGA,
    Slot,
    char_class,
    in_burmese_word,
    is_lost_glyph,
    plausible_stack,
)
from polyglot.burmese.clean import is_clean
from polyglot.burmese.clusters import Cluster, clusters, mark_slot
from polyglot.burmese.shortcuts import shortcuts_on
from polyglot.patterns import lazy_compile


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem in the text at (1-based) ``line`` and ``column``."""

    line: int
    column: int
    code: str
    message: str
    suggestion: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


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


_IMPOSSIBLE_WITH_E = frozenset("\u102d\u102e\u1032\u102f\u1030")
_KILLED_BY_ASAT = frozenset("\u102d\u102e\u1032\u1036")
"""Upper vowels and the anusvara, which never share a syllable with an asat (0 times in
real Unicode and ICU's dictionary; 999 labelled Zawgyi strings read as Unicode, where
U+103A is Zawgyi's medial YA: ``ကိ်`` is ကျိ)."""

_TONES = {DOT_BELOW: "creaky", VISARGA: "high"}
_TONES_AND_MEDIALS = MEDIALS | set(_TONES)
"""A consonant whose only marks are these carries a tone mark on its inherent vowel.
That vowel is short and creaky by itself, so Burmese writes no dot below on it, and its
high-tone form is written with A (``ား``), never with the visarga alone. Neither occurs in
the real Unicode of the public evaluation data; the dictionary's few (``အေဝး``) are
entries typed in Zawgyi's order. Zawgyi read as Unicode leaves them all the time: Zawgyi
types the vowel E before its consonant, so ``ေန့`` (နေ့, day) leaves ``န့`` and ``ေဝး``
(ဝေး, far) leaves ``ဝး``."""


def cluster_problems(cluster: Cluster) -> Iterator[Problem]:
    """What is ill-formed in one cluster (nothing, for a well-formed syllable).

    A cluster's problems depend only on its characters, so they are worked out once per
    distinct cluster and moved to where this one stands.
    """
    for p in _problems_of(cluster.head, cluster.marks, cluster.raw):
        yield Problem(cluster.start + p.offset, p.code, p.message, p.suggestion)


@lru_cache(maxsize=1 << 14)
def _problems_of(head: str, marks: str, raw: str) -> tuple[Problem, ...]:
    return tuple(_find_problems(Cluster(0, head, marks, raw)))


def _find_problems(cluster: Cluster) -> Iterator[Problem]:
    if cluster.is_orphan:
        yield Problem(
            cluster.start,
            "orphan-mark",
            f"{_name(cluster.marks[0])} has no letter to attach to",
            "remove the space or character before it, or restore the lost letter",
        )
        return
    if VIRAMA in cluster.marks:  # a virama that stacks a consonant is part of the head
        raw = cluster.raw
        dangling = next(
            (i for i, ch in enumerate(raw) if ch == VIRAMA and raw[i + 1 : i + 2] not in CONSONANTS),
            raw.rindex(VIRAMA),
        )
        yield Problem(
            cluster.start + dangling,
            "dangling-virama",
            "U+1039 Myanmar Sign Virama stacks a consonant under this one, but none follows",
            "an asat (U+103A) was probably meant",
        )
    head = cluster.head
    for i, ch in enumerate(head):
        stacked = ch == VIRAMA and 0 < i < len(head) - 1 and head[i - 1] != ASAT
        if stacked and not plausible_stack(head[i - 1], head[i + 1]):
            yield Problem(
                cluster.start + i,
                "implausible-stack",
                f"{head[i - 1]} cannot carry {head[i + 1]} stacked under it in Burmese or Pali",
                "an asat (U+103A) after the first consonant was probably meant",
            )
    if head[-1] in CONSONANTS and set(cluster.marks) <= _TONES_AND_MEDIALS:
        for i, mark in enumerate(cluster.marks):
            if mark in _TONES:
                yield Problem(
                    cluster.start + len(head) + i,
                    "tone-without-vowel",
                    f"{_name(mark)} marks a vowel's {_TONES[mark]} tone, but this consonant has no vowel sign: "
                    "its own short vowel is creaky, and Burmese writes neither mark on it",
                    "a vowel or an asat is probably missing (in Zawgyi, ေန့ is နေ့ and ေဝး is ဝေး)",
                )
    if "\u1031" in cluster.marks and _IMPOSSIBLE_WITH_E & set(cluster.marks):
        other = next(m for m in cluster.marks if m in _IMPOSSIBLE_WITH_E)
        yield Problem(
            cluster.start + len(head),
            "impossible-vowels",
            f"the vowel E cannot combine with {_name(other)} in one Burmese syllable",
        )
    elif "\u1031" in cluster.marks and ASAT in cluster.marks and not AA_VOWELS & set(cluster.marks):
        yield Problem(
            cluster.start + len(head),
            "impossible-vowels",
            "the vowel E cannot carry an asat: only its long forms with A do (ော်, ေါ်)",
        )
    elif ASAT in cluster.marks and _KILLED_BY_ASAT & set(cluster.marks):
        other = next(m for m in cluster.marks if m in _KILLED_BY_ASAT)
        yield Problem(
            cluster.start + len(head),
            "impossible-vowels",
            f"an asat kills the vowel of its syllable, so it cannot share one with {_name(other)}",
        )
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
    """Every well-formedness problem in ``text`` (Unicode Burmese), in text order."""
    if is_clean(text):
        return []
    found = [p for c in clusters(text) for p in cluster_problems(c)]
    if _LOST_GLYPH.search(text):
        found += lost_characters(text)
    # Sorted, so that text checked word by word (``batch``) reports in the same order:
    # a cluster's own problems are found in the order of the checks, not of the text.
    return sorted(found, key=lambda p: p.offset)


def lost_characters(text: str) -> list[Problem]:
    """The lost glyphs left in ``text``: each stands for a character that was lost.

    Text extraction writes U+FFFD, or the font's own private-use number, for a glyph it
    could not map to a character (``chars.LOST_GLYPHS``). Repair restores one where the
    document shows which letter it stands for; one that remains is a hole in the text,
    and is reported rather than passed on in silence. A private-use character with
    spaces on both sides is left alone: word processors put symbol-font bullets there
    (U+F0B7), and a lost letter is written inside a word.
    """
    return [
        Problem(
            i,
            "lost-character",
            f"{_lost_glyph_name(ch)} stands for a character lost when the text was extracted",
            "restore the character from the original document",
        )
        for i, ch in enumerate(text)
        if ch == REPLACEMENT or (is_lost_glyph(ch) and _touches_burmese(text, i))
    ]


def _touches_burmese(text: str, i: int) -> bool:
    return (i > 0 and in_burmese_word(text[i - 1])) or (i + 1 < len(text) and in_burmese_word(text[i + 1]))


_LOST_GLYPH = lazy_compile(f"[{LOST_GLYPHS}]")


def _lost_glyph_name(ch: str) -> str:
    return _name(ch) if unicodedata.name(ch, "") else f"U+{ord(ch):04X}, a private-use character,"


ENCODING_EVIDENCE: dict[str, float] = {
    "dangling-virama": 6.0,
    "orphan-mark": 6.0,
    "implausible-stack": 5.0,
    "impossible-vowels": 5.0,
    "medial-without-consonant": 5.0,
    "tone-without-vowel": 4.0,
}
"""Problems that betray a misread encoding, with their weight as evidence (log-odds).

Each weight is a rounded-down log-likelihood ratio of the problem in Zawgyi read as
Unicode against real Unicode (the counts are in ``docs/DECISIONS.md``); a dangling
virama, for one, is how Zawgyi's asat (U+1039) reads in Unicode. Duplicated or competing
vowels are not evidence: the vowel code points mean the same in Zawgyi and Unicode (and
ICU's conversion silently drops one, which would make the Zawgyi reading look better)."""


def has_repeated_vowels(text: str) -> bool:
    """Does ``text`` carry a duplicated mark or two competing vowels in one syllable?"""
    return any(p.code in ("duplicate-mark", "conflicting-marks") for p in problems(text))


def misreading_score(text: str) -> float:
    """How strongly the ill-formed places of ``text`` say it is not Unicode (log-odds).

    A cluster never spans whitespace, so the score is the sum over the text's
    whitespace-separated pieces; each piece's score is memoized, because detection asks
    this of every run of a document and real text repeats its words. Clean text
    (``clean.is_clean``, one compiled pass) has no problem at all, so no score.
    """
    if shortcuts_on() and (is_clean(text) or not _MAY_BETRAY.search(text)):
        return 0.0
    return sum(_piece_score(piece) for piece in text.split())


_B, _M = BASE_CLASS, MARK_CLASS
_NOT_WITH_E = char_class(_IMPOSSIBLE_WITH_E | {ASAT})
_NOT_WITH_ASAT = char_class(_KILLED_BY_ASAT)
_TONE_OR_MEDIAL = char_class(_TONES_AND_MEDIALS)
_MAY_BETRAY = lazy_compile(
    "\u1039"  # a dangling virama or a stack
    f"|(?<![{_B}{_M}])[{_M}]"  # a mark with no letter before it
    f"|\u1031[{_M}]*[{_NOT_WITH_E}]|[{_NOT_WITH_E}][{_M}]*\u1031"  # E with I, II, AI, U, UU or an asat
    f"|\u103a[{_M}]*[{_NOT_WITH_ASAT}]|[{_NOT_WITH_ASAT}][{_M}]*\u103a"  # an asat with I, II, AI or anusvara
    f"|[{char_class(BASES - CONSONANTS)}][{_M}]*[{char_class(MEDIALS)}]"  # a medial on a letter that is no consonant
    f"|[{char_class(CONSONANTS)}][{_TONE_OR_MEDIAL}]*[\u1037\u1038][{_TONE_OR_MEDIAL}]*(?![{_M}])"  # tone, no vowel
)
"""Where a problem of ``ENCODING_EVIDENCE`` can be at all: one search, so that text with
none (nearly all real Unicode, clean or merely misordered) is not parsed for them."""


@lru_cache(maxsize=1 << 16)
def _piece_score(piece: str) -> float:
    if is_clean(piece):
        return 0.0
    return sum(ENCODING_EVIDENCE.get(p.code, 0.0) for c in clusters(piece) for p in cluster_problems(c))
