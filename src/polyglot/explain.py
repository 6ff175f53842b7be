"""Changes as a person reads them: word by word, in reading order, where a cursor counts.

The pipeline reports each step it took (``Change``): a conversion covers a whole run of
Burmese, which on a news paragraph is a line of two thousand characters, and its
"before" is Zawgyi, which looks garbled in a Unicode font. A person checking the result
wants the words that differ, each where it stands in the line, with the reasons of the
steps that touched it. So the input and output of each line (normalizing never adds or
removes a line) are aligned word by word (whitespace separates the tokens, as it
separates what a reader sees as words and phrases), and every stretch that differs is
one ``WordChange`` carrying the changes whose place falls inside it. ``--explain`` and
``polyglot serve`` both show these, so they say the same thing.

A column here counts grapheme clusters (ICU's: what the arrow keys step over in an
editor, so a person can count to it), not code points: ``ကြောင်း`` is four clusters
(``ကြေ ာ င် း``) but seven code points.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from polyglot.burmese.changes import Change

if TYPE_CHECKING:
    import icu

CONTEXT_WORDS = 2
"""Words shown on each side of a changed word: enough to find it, short enough to read."""


@dataclass(frozen=True)
class WordChange:
    """One stretch of a line that reads differently after normalizing, with why."""

    line: int
    column: int
    """1-based, in grapheme clusters of the input line."""
    offset: int
    """0-based code-point offset of the stretch in the input line (for a program)."""
    before: str
    after: str
    after_offset: int
    """0-based code-point offset of ``after`` in the output line."""
    context: tuple[str, str]
    """The output's words just before and just after ``after`` on the same line."""
    changes: tuple[Change, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.rule for c in self.changes))


@cache
def _character_breaks() -> icu.BreakIterator:
    import icu

    return icu.BreakIterator.createCharacterInstance(icu.Locale.getRoot())


def grapheme_column(line: str, offset: int) -> int:
    """The 1-based column of ``line[offset]`` counted in grapheme clusters.

    >>> grapheme_column("ကြောင်း ကို", 8)  # ကြေ ာ င် း ⎵ | ကို
    6
    """
    if line[:offset].isascii():
        return offset + 1
    units = len(line[:offset].encode("utf-16-le")) // 2  # ICU counts UTF-16 code units
    breaks = _character_breaks()
    breaks.setText(line)
    started = 0
    boundary = breaks.first()
    while 0 <= boundary < units:
        started += 1
        boundary = breaks.nextBoundary()
    return started + 1 if boundary == units else started


def _overlaps(change: Change, start: int, end: int) -> bool:
    """Does the change, placed at its column in the input line, touch ``[start, end)``?"""
    first = change.column - 1
    last = first + len(change.before)
    if first == last:
        return start <= first <= end
    return first < end and last > start


def _words(line: str, inside: Set[int] = frozenset()) -> list[tuple[int, int]]:
    """Spans of the line's words: text between whitespace, except whitespace at ``inside``
    offsets (a space or lost letter a repair took out belongs to the word around it)."""
    spans: list[tuple[int, int]] = []
    start = None
    for at, char in enumerate(line):
        if char.isspace() and at not in inside:
            if start is not None:
                spans.append((start, at))
                start = None
        elif start is None:
            start = at
    if start is not None:
        spans.append((start, len(line)))
    return spans


def _pairs(source: str, text: str, repaired: set[int]) -> list[tuple[int, int, int, int]]:
    """Aligned stretches that differ: (start, end) in ``source`` and in ``text``.

    Conversion and normalization change words, never the spaces between them, so once the
    spaces a repair removed are counted inside their word, the words pair up one to one;
    where they do not (a space moved), the words are aligned by ``difflib``.
    """
    old, new = _words(source, repaired), _words(text)
    if len(old) == len(new):
        return [(a, b, c, d) for (a, b), (c, d) in zip(old, new, strict=True) if source[a:b] != text[c:d]]
    found = []
    matcher = difflib.SequenceMatcher(None, [source[a:b] for a, b in old], [text[c:d] for c, d in new], False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start = old[i1][0] if i1 < len(old) else len(source)
        end = old[i2 - 1][1] if i2 > i1 else start
        out_start = new[j1][0] if j1 < len(new) else len(text)
        out_end = new[j2 - 1][1] if j2 > j1 else out_start
        found.append((start, end, out_start, out_end))
    return found


def line_changes(number: int, source: str, text: str, changes: Sequence[Change], shift: int = 0) -> list[WordChange]:
    """The stretches of one line that differ between ``source`` and ``text``, in reading order.

    ``changes`` are the pipeline's changes on this line (columns in code points of the input
    line, ``shift`` of them before ``source`` begins); each stretch carries those that touch it.
    """
    if source == text:
        return []
    repaired = {
        c.column - 1 - shift + k for c in changes if c.kind == "repair" for k in range(len(c.before))
    }  # a repair is the first step, so its "before" is the input's own text
    found = []
    for start, end, out_start, out_end in _pairs(source, text, repaired):
        touching = tuple(c for c in changes if _overlaps(c, start + shift, end + shift))
        left = " ".join(text[:out_start].split()[-CONTEXT_WORDS:])
        right = " ".join(text[out_end:].split()[:CONTEXT_WORDS])
        found.append(
            WordChange(
                number,
                grapheme_column(source, start) + shift,
                start + shift,
                source[start:end],
                text[out_start:out_end],
                out_start + shift,
                (left, right),
                touching,
            )
        )
    return found


def word_changes(
    source: str, text: str, changes: Iterable[Change], first_line: int = 0, first_column: int = 0
) -> list[WordChange]:
    """Every changed stretch of a block (``source`` → ``text``, same lines), in reading order.

    ``first_line`` lines come before the block, and ``first_column`` characters of its first
    line (a piece of a long line): the changes' lines and columns count in the whole input.
    On such a piece, grapheme columns are counted from the piece's start plus ``first_column``.
    """
    by_line: dict[int, list[Change]] = {}
    for change in changes:
        by_line.setdefault(change.line, []).append(change)
    found: list[WordChange] = []
    for index, (old, new) in enumerate(zip(source.split("\n"), text.split("\n"), strict=True)):
        number = first_line + index + 1
        shift = first_column if index == 0 else 0
        found += line_changes(number, old, new, by_line.get(number, ()), shift)
    return found


def unplaced(changes: Iterable[Change], words: Iterable[WordChange]) -> list[Change]:
    """The changes no stretch carries: steps that a later step undid (the line reads the same)."""
    placed = {id(c) for word in words for c in word.changes}
    return [c for c in changes if id(c) not in placed]
