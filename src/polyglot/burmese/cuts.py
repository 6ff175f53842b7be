"""Where a long line is cut into pieces (``batch.block.pieces``) without changing anything but the context.

These are Burmese rules (what no rule looks across), so they live beside the rules they
protect; ``tests/test_long_lines.py`` checks them against the pipeline.

A cut is made, in the second half of the piece's room, at the last of these places
(``clean_cut``):

* after a line separator other than ``\n`` (``\f``, U+2028 …): no run crosses one;
* between two characters no Myanmar run can hold (letters of other scripts,
  punctuation, digits): both sides are outside every run, which nothing changes;
* before the spaces between two Burmese phrases: a space is a phrase boundary in
  Burmese, every word is whole on its side, and no rule looks across such a space
  when the letter before it ends a syllable and the one after it begins one (not a
  mark, not Zawgyi's pre-base vowel E or medial RA, no zero-width or lost-glyph
  character on either side: those are the places repairs and the zero-width-space
  rule look across).

So the words, conversions and repairs on each side of a clean cut are exactly those
of the whole line; what may differ is only what a document decides (the encoding prior
of unclear runs, the repair evidence), now taken from the piece's tens of thousands of
characters rather than the line's millions. A stretch of half a piece with none of
these places is not text anyone wrote (Burmese puts a space between phrases every few
dozen characters); it is cut at the last Myanmar syllable boundary, or failing that at
the piece's end, and the cut is reported (``line-cut``, at its line and column) because
there the two sides may be normalized differently than the whole would be.
"""

from __future__ import annotations

from polyglot.burmese.chars import (
    BASES,
    LOST_GLYPHS,
    MYANMAR_RANGES,
    ZAWGYI_PREBASE_CLASS,
    ZERO_WIDTH,
    char_class,
    myanmar_chars,
    needs_base,
)
from polyglot.patterns import lazy_compile

_MARK = char_class(myanmar_chars(lambda ch: needs_base(ch, "unicode") or needs_base(ch, "zawgyi")))
_ENDS_SYLLABLE = f"[^\\s{ZERO_WIDTH}{LOST_GLYPHS}{ZAWGYI_PREBASE_CLASS}\u1039]"
"""May end a piece before a space: not whitespace, a zero-width or lost-glyph character,
Zawgyi's pre-base E or medial RA, or a virama (which stacks the letter after it)."""
_BEGINS_SYLLABLE = f"[^\\s{ZERO_WIDTH}{LOST_GLYPHS}{ZAWGYI_PREBASE_CLASS}{_MARK}]"
"""May begin the piece after the spaces: not a mark in either encoding, nor a pre-base."""
_OUTSIDE_RUNS = f"[^\\s{MYANMAR_RANGES}{ZERO_WIDTH}{LOST_GLYPHS}]"
"""A character no Myanmar run holds (``segment.MYANMAR_RUN``)."""
_CUTS = (
    "(?<=[\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029])(?=[^\\n])"
    f"|(?<={_OUTSIDE_RUNS})(?={_OUTSIDE_RUNS})"
    f"|(?<={_ENDS_SYLLABLE})(?=[ \\t]{{1,64}}{_BEGINS_SYLLABLE})"
)
_CLEAN_CUT = lazy_compile(_CUTS)
_LAST_CLEAN_CUT = lazy_compile(f"(?s:.*)(?:{_CUTS})")
_LAST_SYLLABLE_START = lazy_compile(
    f"(?s:.*)(?<=[^\\s{ZAWGYI_PREBASE_CLASS}\u1039])(?=[{char_class(BASES)}][^\u1039\u103a])"
)
"""Before a letter that is not killed (its syllable's first letter), not after a virama
or a Zawgyi pre-base mark: a syllable boundary in either encoding."""


def clean_cut(before: str, after: str) -> bool:
    """Is the place between ``before`` and ``after`` one of ``block.pieces``' clean cuts?"""
    return _CLEAN_CUT.match(before[-1:] + after[:66], min(len(before), 1)) is not None


def cut_line(text: str, start: int, end: int) -> int:
    """Where to cut ``text`` in ``(start, end]``: at the last clean cut (``clean_cut``),
    else at the last syllable boundary, else at ``end``."""
    found = _LAST_CLEAN_CUT.match(text, start + 1, end + 1)
    if found is None:
        found = _LAST_SYLLABLE_START.match(text, start + 1, end + 1)
    return found.end() if found is not None else end
