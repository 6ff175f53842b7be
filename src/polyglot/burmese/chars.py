"""What the Myanmar code points are, in standard Unicode and in Zawgyi.

Every other module asks these questions ("is this a letter that can carry marks?",
"which slot of a syllable does this mark occupy?") here, so the knowledge of the script
lives in one place.

The slots follow Unicode Technical Note #11 (Representing Myanmar in Unicode, v4), the
canonical storage order of a Burmese syllable:

    kinzi, consonant, stacked consonant (U+1039 + consonant), medial Y, R, W, H,
    asat, vowel E, upper vowel (I, II, AI), lower vowel (U, UU), vowel A (tall or
    short), anusvara, dot below, visarga

An asat (U+103A) has two positions: directly after the medials when it kills the
consonant (``တှ်``), and after the A vowel in ``ော်``/``ါ်``. NFC fixes the relative
order of the dot below (canonical combining class 7) and the asat (class 9), so the dot
below always precedes a following asat (``င့်``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from enum import Enum

MYANMAR_BLOCKS = ((0x1000, 0x109F), (0xAA60, 0xAA7F), (0xA9E0, 0xA9FF))
MYANMAR_RANGES = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in MYANMAR_BLOCKS)
"""The Myanmar blocks as a regular-expression class, without brackets."""


_MYANMAR = frozenset(chr(cp) for lo, hi in MYANMAR_BLOCKS for cp in range(lo, hi + 1))


def char_class(chars: Iterable[str]) -> str:
    """The inside of a regular-expression character class matching exactly ``chars``.

    Three or more consecutive code points are written as a range: the same class, which
    Python's ``re`` parses (in Python, at every start) in far fewer steps.

    >>> char_class("ကခဂဃ၊")
    'က-ဃ၊'
    """
    points = sorted({ord(ch) for ch in chars})
    parts: list[str] = []
    start = 0
    for end in range(len(points)):
        if end + 1 < len(points) and points[end + 1] == points[end] + 1:
            continue  # the run goes on
        if end - start >= 2:
            parts.append(f"{re.escape(chr(points[start]))}-{re.escape(chr(points[end]))}")
        else:
            parts.extend(re.escape(chr(cp)) for cp in points[start : end + 1])
        start = end + 1
    return "".join(parts)


def myanmar_chars(keep: Callable[[str], bool]) -> list[str]:
    """The characters of the three Myanmar blocks for which ``keep`` is true."""
    return [ch for ch in sorted(_MYANMAR) if keep(ch)]


def is_myanmar(ch: str) -> bool:
    """Is ``ch`` in one of the three Myanmar blocks (main, Extended-A, Extended-B)?

    A set look-up: this is asked of every character of every run.
    """
    return ch in _MYANMAR


# --- standard Unicode ----------------------------------------------------------------

CONSONANTS = frozenset(chr(cp) for cp in range(0x1000, 0x1022))  # က .. အ
"""The 33 Burmese consonants, U+1000–U+1021."""

INDEPENDENT_VOWELS = frozenset("\u1023\u1024\u1025\u1026\u1027\u1029\u102a\u103f\u104e")
"""Letters that stand alone but can still carry some marks (ဥ, ဦ, ဧ, ဩ, ဿ, ၎ …)."""

OTHER_LETTERS = frozenset(
    [chr(cp) for cp in (0x1050, 0x1051, 0x1052, 0x1053, 0x1054, 0x1055)]
    + [chr(cp) for cp in range(0x105A, 0x105E)]
    + [chr(0x1061), chr(0x1065), chr(0x1066)]
    + [chr(cp) for cp in range(0x106E, 0x1071)]
    + [chr(cp) for cp in range(0x1075, 0x1082)]
    + [chr(0x108E)]
    + [chr(cp) for cp in range(0xAA60, 0xAA70)]
    + [chr(cp) for cp in range(0xAA71, 0xAA77)]
    + [chr(0xAA7A), chr(0xAA7E), chr(0xAA7F)]
    + [chr(cp) for cp in range(0xA9E0, 0xA9E5)]
    + [chr(cp) for cp in range(0xA9E7, 0xA9F0)]
    + [chr(cp) for cp in range(0xA9FA, 0xA9FF)]
)
"""Letters of Mon, Shan, Karen, Pali and the other languages written in Myanmar script."""

BASES = CONSONANTS | INDEPENDENT_VOWELS | OTHER_LETTERS
"""Everything that starts a syllable cluster and can carry dependent marks."""

DIGITS = frozenset(chr(cp) for cp in range(0x1040, 0x104A))
SHAN_DIGITS = frozenset(chr(cp) for cp in range(0x1090, 0x109A))
PUNCTUATION = frozenset("\u104a\u104b\u104c\u104d\u104f")  # ၊ ။ ၌ ၍ ၏
AA_VOWELS = frozenset("\u102b\u102c")  # ါ ာ: the vowel sign AA, tall and round

VIRAMA = "\u1039"  # invisible stacker: ္
ASAT = "\u103a"  # visible killer: ်
DOT_BELOW = "\u1037"  # ့
VISARGA = "\u1038"  # း
KINZI = "\u1004\u103a\u1039"  # င်္


class Slot(float, Enum):
    """Positions of dependent marks in a syllable, in canonical storage order (UTN #11)."""

    STACKED = 4
    MEDIAL_Y = 5
    MEDIAL_R = 6
    MEDIAL_W = 7
    MEDIAL_H = 8
    ASAT = 9
    VOWEL_E = 10
    UPPER = 11
    LOWER = 12
    VOWEL_A = 13
    ANUSVARA = 14
    LATE_ASAT = 15
    DOT_BELOW = 16
    VISARGA = 17


MARK_SLOTS: dict[str, Slot] = {
    "\u103b": Slot.MEDIAL_Y,
    "\u103c": Slot.MEDIAL_R,
    "\u103d": Slot.MEDIAL_W,
    "\u103e": Slot.MEDIAL_H,
    ASAT: Slot.ASAT,
    "\u1031": Slot.VOWEL_E,
    "\u102d": Slot.UPPER,
    "\u102e": Slot.UPPER,
    "\u1032": Slot.UPPER,
    "\u102f": Slot.LOWER,
    "\u1030": Slot.LOWER,
    "\u102b": Slot.VOWEL_A,
    "\u102c": Slot.VOWEL_A,
    "\u1036": Slot.ANUSVARA,
    DOT_BELOW: Slot.DOT_BELOW,
    "\u1038": Slot.VISARGA,
}
"""The Burmese dependent marks whose order polyglot knows. Others are left alone."""

MEDIALS = frozenset(ch for ch, slot in MARK_SLOTS.items() if Slot.MEDIAL_Y <= slot <= Slot.MEDIAL_H)


def is_mark(ch: str) -> bool:
    """Is ``ch`` a Myanmar dependent sign that must follow a base in Unicode?

    Derived from the Unicode general category (Mn, Mc), so the Mon, Shan and Karen
    signs count too, plus the stacker U+1039.
    """
    return ch in _MARKS


_MARKS = frozenset(ch for ch in _MYANMAR if unicodedata.category(ch) in ("Mn", "Mc"))
"""The answer to ``is_mark`` for every character, computed once (it is asked per character)."""

BASE_CLASS = char_class(BASES)
MARK_CLASS = char_class(_MARKS)
"""``BASES`` and the marks as regular-expression character classes (without brackets)."""


_VARGA_ROWS = ("ကခဂဃင", "စဆဇဈဉ", "ဋဌဍဎဏ", "တထဒဓန", "ပဖဗဘမ")
"""The Pali consonant grid: five rows of stops, unaspirated, aspirated, voiced,
voiced aspirated, nasal."""
_ROW_OF = {ch: (row, col) for row, letters in enumerate(_VARGA_ROWS) for col, ch in enumerate(letters)}
_OTHER_STACKS = frozenset({"လလ", "သသ", "ဠဠ", "ယယ", "ဝဝ", "ညည", "ညစ", "ညဆ", "ညဇ", "ညဈ", "ဟမ"})


def plausible_stack(upper: str, lower: str) -> bool:
    """Can ``lower`` be stacked under ``upper`` (``upper`` + U+1039 + ``lower``)?

    Pali and Sanskrit stacks, the only ones Burmese writes, join consonants of one row
    of the grid: a stop doubled or followed by its aspirate (က္က, က္ခ, ဒ္ဓ), or a nasal
    before a stop of its row (န္တ, မ္ဘ); plus the doubled liquids and sibilant (လ္လ,
    ဿ), ည before the palatals, and ဟ over မ, the *hm* of Pali and Sanskrit *brahma-*
    (ဗြဟ္မာ Brahma, ဗြာဟ္မဏ brahmin, ဗြဟ္မီ the Brahmi script). Zawgyi's asat is U+1039 too, so Zawgyi read as
    Unicode "stacks" whatever follows a killed consonant (ဟက္တ, မြန္ဂ).
    """
    if upper + lower in _OTHER_STACKS:
        return True
    if upper not in _ROW_OF or lower not in _ROW_OF:
        return False
    (row_u, col_u), (row_l, col_l) = _ROW_OF[upper], _ROW_OF[lower]
    if row_u != row_l:
        return False
    if col_u == 4:  # a nasal stacks over any stop of its row
        return col_l < 4 or col_l == 4
    return col_l in (col_u, col_u + 1) and col_u in (0, 2)


# --- Zawgyi ------------------------------------------------------------------------

REPLACEMENT = "\ufffd"
"""U+FFFD REPLACEMENT CHARACTER: what text extraction writes for a glyph it cannot map
to a character (pdftotext does). In Burmese it stands for a lost letter, as the seed's
U+2002 does, so runs take it in and repair treats it as a stand-in that is never deleted."""

LOST_GLYPHS = "\ufffd\ue000-\uf8ff"
"""The characters that stand for a glyph text extraction could not map (a regular
expression class, without brackets): U+FFFD, and the Private Use Area U+E000–U+F8FF,
where a PDF whose font has no usable character map leaves its glyphs' own numbers.
A private-use code point means nothing outside the font that chose it, so inside
Burmese it is a lost character, like U+FFFD; each distinct one is its own stand-in."""


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
"""The invisible characters a run of Myanmar script may hold (a string that is also a
regular-expression class): zero-width space (Burmese text's word-break hint),
non-joiner, joiner, word joiner, and U+FEFF (a byte-order mark inside text). They carry
no letter, so a run goes on across them, and repairs look through them as through a gap."""


def in_burmese_word(ch: str) -> bool:
    """Can ``ch`` be part of a Burmese word, in either encoding: a Myanmar character other
    than the digits ၀–၉ and the punctuation ၊ ။ that ends a phrase or sentence? (Shan's
    digits count: Zawgyi draws its glyph variants there, ႔ is its dot below.)"""
    return ch in _WORD_CHARS


_WORD_CHARS = frozenset(myanmar_chars(lambda ch: ch not in DIGITS and ch not in "\u104a\u104b"))


def is_lost_glyph(ch: str) -> bool:
    """Does ``ch`` stand for a character that text extraction lost (see ``LOST_GLYPHS``)?"""
    return ch == REPLACEMENT or "\ue000" <= ch <= "\uf8ff"


ZAWGYI_PREBASE = frozenset("\u1031\u103b" + "".join(chr(cp) for cp in range(0x107E, 0x1085)))
"""Zawgyi stores the vowel E and the medial RA (all its glyph variants) *before* the
consonant, in visual order. These are the only Zawgyi marks that may follow a space."""
ZAWGYI_PREBASE_CLASS = char_class(ZAWGYI_PREBASE)

ZAWGYI_LETTERS = frozenset(
    list(CONSONANTS)
    + list("\u1023\u1024\u1025\u1027\u1029\u102a\u103f\u104e")
    + [chr(cp) for cp in (0x106A, 0x106B, 0x106E, 0x106F, 0x1086, 0x108F, 0x1090, 0x1091)]
    + [chr(0x1092), chr(0x1097)]
)
"""Zawgyi code points that are a whole letter: the consonants and Zawgyi's letter
variants (U+106A/B ဉ/ည, U+108F a short န, U+1090 a ရ, U+1086 ဿ, and the ligatures
U+106E/F ဍ္ဍ/ဍ္ဎ, U+1091 ဏ္ဍ, U+1092 ဋ္ဌ, U+1097 ဋ္ဋ)."""


def zawgyi_needs_base(ch: str) -> bool:
    """Would this Zawgyi code point be an orphan right after a space?

    Everything in the Myanmar block that is neither a letter, a digit, punctuation nor
    a pre-base mark attaches to the letter before it.
    """
    return (
        is_myanmar(ch)
        and ch not in ZAWGYI_LETTERS
        and ch not in ZAWGYI_PREBASE
        and ch not in DIGITS
        and ch not in PUNCTUATION
        and ch not in "\u104c\u104d\u104e\u104f\u1026"
    )


def needs_base(ch: str, encoding: str) -> bool:
    """Can ``ch`` not begin a syllable in ``encoding`` (``"unicode"`` or ``"zawgyi"``)?"""
    return zawgyi_needs_base(ch) if encoding == "zawgyi" else is_mark(ch)


MARK_IN_BOTH_CLASS = char_class(myanmar_chars(lambda ch: needs_base(ch, "unicode") and needs_base(ch, "zawgyi")))
"""Marks that cannot begin a syllable in either encoding, as a regular-expression class
(so not Zawgyi's pre-base vowel E and medial RA, which legitimately follow a space)."""
