"""Split text into runs of Myanmar script and everything else.

Only Myanmar runs are ever examined or changed; every other character comes out exactly
as it went in, in place. A run holds the Myanmar characters of one line together with
the spaces and zero-width characters *between* them, because Burmese uses spaces
between phrases, not words, and a phrase is the unit the encodings must agree on.

A run never crosses a line break, nor any other character ``str.splitlines`` ends a
line at (``\\f``, ``\\v``, NEL, U+2028, U+2029, the file, group and record separators:
``LINE_SEPARATORS``), so lines are never joined or split. Whitespace right before a
Myanmar dependent mark is part of the run too: a mark cannot begin a syllable, so that
whitespace is either damage (a space a PDF extractor inserted, or a character that
stands in for a lost letter) or it is nothing, and only the Burmese core can tell. So
is unusual whitespace (an en space, a no-break space) touching a run: it may stand for
a lost letter at a word's edge.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from polyglot.burmese.chars import LOST_GLYPHS, MARK_IN_BOTH_CLASS, MYANMAR_RANGES, ZERO_WIDTH
from polyglot.patterns import lazy_compile

LINE_SEPARATORS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character ``str.splitlines`` ends a line at: a run never holds one, so it is never
taken for a space (and removed as one) nor joins what it separates."""
_SEPARATORS = "\\n\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029"
_SPACE = f"[^\\S{_SEPARATORS}]"  # whitespace within a line
_ODD_SPACE = f"(?:[^\\S{_SEPARATORS} \\t]|[{LOST_GLYPHS}])"  # whitespace other than space and tab; lost glyphs
MYANMAR_RUN = lazy_compile(
    f"[{ZERO_WIDTH}]*(?:{_SPACE}+(?=[{MARK_IN_BOTH_CLASS}])|{_ODD_SPACE}+(?=[{MYANMAR_RANGES}]))?[{MYANMAR_RANGES}][{MYANMAR_RANGES}{ZERO_WIDTH}]*"
    f"(?:(?:{_SPACE}|[{ZERO_WIDTH}{LOST_GLYPHS}])+[{MYANMAR_RANGES}][{MYANMAR_RANGES}{ZERO_WIDTH}]*)*"
    f"(?:(?>{_ODD_SPACE}+)(?![^\\s{LOST_GLYPHS}]))?"  # atomic: all of them or none
)
"""A run of Myanmar script: Myanmar characters, with spaces and invisible format
characters allowed between them, invisible characters at its edges (they belong to
the Burmese text they touch), whitespace in front of a leading dependent mark, and
unusual whitespace (anything but the space and tab) or a lost glyph (U+FFFD, a
private-use character: ``chars.LOST_GLYPHS``) inside or touching either edge: a PDF font's
stand-in for a letter it lost (U+2002 for က in the seed) can begin or end a word, and
only the Burmese it touches can say whether it is a letter."""

_HAS_MYANMAR = re.compile(f"[{MYANMAR_RANGES}]")


@dataclass(frozen=True, slots=True)
class Segment:
    """One run of Myanmar script, located in its text.

    ``start``/``end`` are offsets into the whole text; ``line`` and ``column`` are
    1-based (columns count code points, as editors do for Burmese).
    """

    start: int
    end: int
    line: int
    column: int
    text: str

    @property
    def end_column(self) -> int:
        """The column just past the run's last character."""
        return self.column + len(self.text)


def has_myanmar(text: str) -> bool:
    """Does ``text`` contain any Myanmar character at all? (The cheap first question.)"""
    return _HAS_MYANMAR.search(text) is not None


def myanmar_segments(text: str) -> Iterator[Segment]:
    """Yield every Myanmar run of ``text`` with its position, in order."""
    locate: Locator | None = None
    for match in MYANMAR_RUN.finditer(text):
        if locate is None:
            locate = Locator(text)
        start = match.start()
        yield Segment(start, match.end(), *locate(start), match.group())


class Locator:
    """Offsets into a text → (line, column), both 1-based: the one place lines are counted.

    Lines end at ``\n`` only (so ``\r\n`` too), as everywhere in polyglot.
    """

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1
