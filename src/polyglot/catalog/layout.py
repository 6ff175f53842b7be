"""GNU gettext's line layout for PO strings: display width and line-break opportunities.

Translators' tools (Poedit, Lokalize, Weblate, ``msgmerge``, ``msgcat``) wrap strings the
way GNU gettext does, so a catalog written any other way is rewritten by the first tool
that saves it. GNU measures *display* width (a CJK character takes two columns, a
combining mark none) and breaks where Unicode's line-breaking algorithm (UAX #14, as
gnulib's ``unilbrk`` implements it) allows, not only at spaces. This module restates
those rules in Python; ``tests/catalog/test_layout.py`` checks them against ``msgcat``.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import icu

# --------------------------------------------------------------------------- width

_ZERO_WIDTH_LETTERS = ((0xD7B0, 0xD7FF),)
"""Hangul Jamo Extended-B: medial vowels and final consonants that join the syllable
before them, so they take no column of their own (as the medial Jamo U+1160..U+11FF)."""

_SPACING_MARKS = frozenset({0x0CBF, 0x0CC6, 0x11A07, 0x11A08, 0x11C3F})
"""Non-spacing marks that gnulib's width table counts as one column: GNU measures with its
table, not with the general category."""


@cache
def char_width(char: str) -> int:
    """Columns ``char`` takes in a terminal, as gnulib's ``uc_width`` says for UTF-8.

    Control characters count as nothing (GNU skips them when it measures a line), marks
    and format characters as 0, East Asian wide and full-width characters as 2.
    """
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Cc":
        return 0
    if code in _SPACING_MARKS:
        return 1
    if category in ("Mn", "Me", "Cf") or 0x1160 <= code <= 0x11FF or code == 0x200B:
        return 0
    if any(low <= code <= high for low, high in _ZERO_WIDTH_LETTERS):
        return 0
    if category != "Cn" and unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


# --------------------------------------------------------------------------- line breaks

# UAX #14's pair table (before × after) as GNU gettext 0.21 applies it (libunistring 1.0):
# D = a break is allowed, I = only if spaces come between, P = prohibited. One row per
# "before" class, one letter per "after" class in the order of the rows.
_PAIRS = """
WJ PIIIIIPPPIIIIPIIIPIIIIIIIIIII
GL PIIIIIPPPIIIIPIIIPIIIIIIIIIII
B2 PIPIDIPPPIIDIPDDDPDDDDDDDDDDD
BA PDDIDIPPPIIDIPDDDPDDDDDDDDDDD
BB PIIIIIPPPIIIIPIIIPIIIIIIIIIII
HY PDDIDIPPPIIDIPIDDPDDDDDDDDDDD
CL PIDIDIPPPIPDIPDIIPDDDDDDDDDDD
CP PIDIDIPPPIIDIPIIIPIDDDDDDIDDD
EX PIDIDIPPPIIDIPDDDPDDDDDDDDDDD
IN PIDIDIPPPIIDIPDDDPDDDDDDDDDDD
NS PIDIDIPPPIIDIPDDDPDDDDDDDDDDD
OP PPPPPPPPPPPPPPPPPPPPPPPPPPPPP
QU PIIIIIPPPIIPIPIIIPIIIIIIIIIII
IS PIDIDIPPPIIDIPIDDPDDDDDDDDDDD
NU PIDIDIPPPIIIIPIIIPIDDDDDDIDDD
PO PIDIDIPPPIIIIPIDDPIDDDDDDIDDD
PR PIDIDIPPPIIIIPIDDPIIIIIIIIDII
SY PIDIDIPPPIIDIPIDDPDDDDDDDIDDD
AL PIDIDIPPPIIIIPIIIPIDDDDDDIDDD
H2 PIDIDIPPPIIDIPDIDPDDDDDIIDDDD
H3 PIDIDIPPPIIDIPDIDPDDDDDDIDDDD
ID PIDIDIPPPIIDIPDIDPDDDDDDDDDDD
JL PIDIDIPPPIIDIPDIDPDIIDIIDDDDD
JV PIDIDIPPPIIDIPDIDPDDDDDIIDDDD
JT PIDIDIPPPIIDIPDIDPDDDDDDIDDDD
HL PIDIDIPPPIIIIPIIIPIDDDDDDIDDD
RI PIDIDIPPPIIDIPDDDPDDDDDDDDIDD
EB PIDIDIPPPIIDIPDIDPDDDDDDDDDDI
EM PIDIDIPPPIIDIPDIDPDDDDDDDDDDD
"""
_TABLE_CLASSES = [row.split()[0] for row in _PAIRS.strip().splitlines()]
_TABLE = {row.split()[0]: dict(zip(_TABLE_CLASSES, row.split()[1], strict=True)) for row in _PAIRS.strip().splitlines()}

_RESOLVED = {
    # Complex-context scripts (Burmese, Thai, ...) need a dictionary to find word
    # boundaries; gnulib has none, so it treats them as alphabetic: no break inside a run.
    "SA": "AL",
    "XX": "AL",
    "SG": "AL",
    "AI": "AL",  # ambiguous width resolves as alphabetic outside CJK legacy encodings
    "CB": "ID",
    "CJ": "NS",
    "CR": "BK",
    "LF": "BK",
    "NL": "BK",
}
_NAME = icu.UPropertyNameChoice.SHORT_PROPERTY_NAME


@cache
def break_class(char: str) -> str:
    """The UAX #14 line-break class of ``char`` after gnulib's resolutions."""
    value = icu.Char.getIntPropertyValue(ord(char), icu.UProperty.LINE_BREAK)
    name = icu.Char.getPropertyValueName(icu.UProperty.LINE_BREAK, value, _NAME)
    name = _RESOLVED.get(name, name)
    return name if name in _TABLE or name in ("BK", "SP", "ZW", "CM", "ZWJ") else "AL"


def break_opportunities(text: str) -> list[bool]:
    """For each character, whether a line may break just before it.

    UAX #14 as gnulib applies it: never before a space; a combining mark belongs to
    the character before it, except after a space (where the break goes before the
    mark, which then counts as a letter); a break before ``<`` after ``.`` so that
    an HTML tag can start a line; never right after a zero width joiner.
    """
    breaks = [False] * len(text)
    last = "BK"  # the class of the last character that was not a space
    space = False  # whether spaces came after it
    joiner = False  # whether the character just before was a zero width joiner
    for index, char in enumerate(text):
        cls = break_class(char)
        after_joiner, joiner = joiner, cls == "ZWJ"
        if cls == "ZWJ":
            cls = "CM"
        if cls == "BK":
            breaks[index] = True
            last, space = "BK", False
        elif cls == "SP":
            space = True
        elif cls == "ZW":
            last, space = "ZW", False
        elif cls == "CM":
            if last == "BK":
                last, space = "AL", False
            elif last == "ZW" or space:
                breaks[index] = True
                last, space = "AL", False
        else:
            if last == "ZW" or (last == "IS" and char == "<"):
                breaks[index] = True
            elif last != "BK" and not after_joiner:
                rule = _TABLE[last][cls]
                if cls == "OP" and last in ("AL", "HL", "NU") and char_width(char) == 2:
                    rule = "D"  # UAX #14 LB30 keeps "f(x)" together, not a full-width bracket
                breaks[index] = rule == "D" or (rule == "I" and space)
            last, space = cls, False
    return breaks
