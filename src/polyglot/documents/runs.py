"""A paragraph judged as one string, mapped back onto the pieces (runs) it was stored in.

Word and LibreOffice cut a paragraph into runs wherever the formatting changes, often
inside a syllable (a bold consonant, its vowel sign in the next run). Burmese can only
be judged and converted a syllable at a time, so the paragraph's text is normalized as
one string and the result is cut back into pieces here. The cut keeps formatting on
the characters it covered:

* where the text is unchanged around a boundary, the boundary stays exactly where it was;
* inside a changed stretch (a Zawgyi syllable rewritten in Unicode order), a boundary
  is placed by **letters**: a letter carries its marks, so a boundary that had ``k``
  letters of the stretch before it goes before the ``k+1``-th letter of the result. A
  Zawgyi pre-base vowel or medial typed in one run before its consonant in the next has
  no letter before the boundary, so it goes, behind its consonant, into the
  consonant's run; marks after the last letter stay with that letter's run;
* where the stretch has a different number of letters in and out (a stack written with
  a virama, a letter restored by a repair), the boundary is placed in proportion.

Any such cut is lossless by construction: the pieces' texts, joined, are exactly the
paragraph's result. A **fixed** piece (a tab, a line break, a space element: markup, not
text) must come out as it went in; when the result would move or change one, the
mapping is impossible and the paragraph is left as it was, with a diagnostic.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from polyglot.burmese.chars import BASES, MYANMAR_BLOCKS, ZAWGYI_LETTERS
from polyglot.burmese.shortcuts import shortcuts_on


@dataclass(frozen=True)
class Piece:
    """A piece of a paragraph as stored: its text and whether it is markup standing for text."""

    text: str
    fixed: bool = False


def _letters(text: str, zawgyi: bool) -> list[int]:
    """Offsets of the letters of ``text``: in Zawgyi every letter code point (its letter
    variants too; a stacked letter is a mark of its own there); in Unicode every base but
    one stacked under a virama."""
    if zawgyi:
        return [i for i, ch in enumerate(text) if ch in ZAWGYI_LETTERS]
    return [i for i, ch in enumerate(text) if ch in BASES and (i == 0 or text[i - 1] != "\u1039")]


def _letter_counts(before: str, after: str) -> tuple[list[int], list[int]]:
    """The letters of both sides, each counted in its encoding: Zawgyi converted to Unicode,
    Unicode normalized, or Unicode converted to Zawgyi, whichever makes the counts agree
    (the first, when none does)."""
    readings = ((True, False), (False, False), (False, True))
    counted = [(_letters(before, a), _letters(after, b)) for a, b in readings]
    return next((c for c in counted if len(c[0]) == len(c[1])), counted[0])


def _place(before: str, after: str, cut: int) -> int:
    """Where a boundary ``cut`` characters into the changed stretch ``before`` goes in ``after``."""
    have, get = _letter_counts(before, after)
    k = sum(1 for i in have if i < cut)
    if len(have) == len(get):
        if k == 0:
            return 0
        if k == len(have):
            return len(after)
        return get[k]
    return round(cut * len(after) / len(before)) if before else 0


_MYANMAR = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in MYANMAR_BLOCKS)
_TOKEN = re.compile(f"[{_MYANMAR}]+|.", re.S)
_MYANMAR_WORD = re.compile(f"[{_MYANMAR}]+")
"""A Myanmar word (a stretch of the script without spaces: the unit conversion rewrites) or one other character."""


def _tokens(text: str) -> tuple[list[str], list[int]]:
    found = list(_TOKEN.finditer(text))
    return [m.group() for m in found], [m.start() for m in found] + [len(text)]


def _align(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes (as ``difflib``'s) pairing the tokens of ``old`` with those of ``new``: the
    longest common stretches, found by ``difflib``, unless ``_paired`` can say at once."""
    paired = _paired(old, new) if shortcuts_on() else None
    if paired is not None:
        return paired
    return list(difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes())


def _paired(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]] | None:
    """A shortcut: word i became word i.

    Conversion and normalization rewrite words in place and leave everything between them,
    so when both texts have the same number of tokens and the same tokens outside Myanmar
    words, the i-th word became the i-th word and nothing needs searching (a repair that
    removes a space or joins words changes the tokens between them, and goes to ``difflib``).
    """
    if len(old) != len(new):
        return None
    if not all(a == b or (_is_word(a) and _is_word(b)) for a, b in zip(old, new, strict=True)):
        return None
    return [
        ("equal" if a == b else "replace", i, i + 1, i, i + 1) for i, (a, b) in enumerate(zip(old, new, strict=True))
    ]


def _is_word(token: str) -> bool:
    return _MYANMAR_WORD.fullmatch(token) is not None


def map_boundaries(source: str, result: str, cuts: Sequence[int]) -> list[int]:
    """Each boundary offset in ``source`` (sorted) mapped to an offset in ``result`` (never decreasing).

    The texts are compared word by word (a Myanmar word is rewritten whole by conversion,
    so comparing its characters would pair unrelated letters); a boundary in an unchanged
    word keeps its offset, one in a changed stretch is placed by letters (``_place``).
    """
    if source == result:
        return list(cuts)
    old, old_at = _tokens(source)
    new, new_at = _tokens(result)
    ops = [(tag, old_at[i1], old_at[i2], new_at[j1], new_at[j2]) for tag, i1, i2, j1, j2 in _align(old, new)]
    mapped: list[int] = []
    op = 0
    for cut in cuts:
        while op < len(ops) - 1 and ops[op][2] < cut:
            op += 1
        tag, i1, i2, j1, j2 = ops[op]
        if cut <= i1:
            place = j1
        elif cut >= i2:
            place = j2
        elif tag == "equal":
            place = j1 + cut - i1
        else:
            place = j1 + _place(source[i1:i2], result[j1:j2], cut - i1)
        mapped.append(max(place, mapped[-1]) if mapped else place)
    return mapped


def split_result(pieces: Sequence[Piece], result: str) -> list[str] | None:
    """``result`` (the normalized joined text of ``pieces``) cut into one text per piece.

    None when a fixed piece would not come out as it went in (the mapping is impossible).
    """
    source = "".join(p.text for p in pieces)
    if source == result:
        return [p.text for p in pieces]
    cuts: list[int] = []
    at = 0
    for p in pieces[:-1]:
        at += len(p.text)
        cuts.append(at)
    places = [0, *map_boundaries(source, result, cuts), len(result)]
    texts = [result[places[i] : places[i + 1]] for i in range(len(pieces))]
    if any(p.fixed and t != p.text for p, t in zip(pieces, texts, strict=True)):
        return None
    return texts
