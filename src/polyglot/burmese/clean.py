# cython: boundscheck=False, wraparound=False
# (for Cython: every index below is checked against the length, or known to be in range, first)
"""Recognise Burmese that is already clean, in one pass over its characters.

Most Unicode Burmese a user feeds polyglot is fine: every syllable stored in UTN #11
order, no look-alike digit, no stray invisible character, nothing ill-formed. For such
text the normalization rules change nothing and the diagnostics find nothing, but
finding that out costs a cluster parse, six rules and a well-formedness check per word.

``is_clean`` answers the question with one left-to-right reading of the text against
the common shapes of a clean Burmese syllable (UTN #11's storage order, written out),
compiled by Cython from this file (``clean.pxd`` gives the C types). It is
**sound, not complete**: whatever it accepts, ``normalize.canonical`` leaves unchanged
and ``diagnose.problems`` finds nothing in (property-tested on random strings); what it
rejects (Pali stacks outside the grid, Mon or Shan letters, zero-width characters,
rarer mark combinations) simply takes the full path. ``tests/burmese/test_prefilters.py``
checks it with the shortcut switched off, and that a wrong grammar fails the check. Each
function below reads one slot of the grammar, so a reader can check it against the rules
it stands for:

* a syllable starts with a consonant, which may carry a Pali stack from the grid of
  ``chars.plausible_stack`` or follow a kinzi (``င်္``);
* then the medials in their order (Y, R, W, H), each at most once;
* then one of: a killed consonant (asat, a dot below stored before it, as NFC wants,
  and a visarga); an asat then a lower vowel (``ကျွန်ုပ်``); vowels with a tall or
  short A (``ော``, ``ို``), the A's own asat (``ော်``), anusvara, dot below, visarga; or
  vowels without an A. The vowel E never shares a syllable with an upper or lower
  vowel (``diagnose`` calls that impossible), so those are alternatives; nor does a
  dot below or a visarga sit on a consonant with no vowel sign or anusvara;
* independent vowels (``ဥ``, ``ဦ``, ``ဧ`` …) carry at most an anusvara, a dot below
  and a visarga: ``ဥ`` with an asat or a medial is the consonant ``ဉ`` mistyped;
* a number is a run of digits; it may touch a word (``၁၂ကျပ်``), but not where a digit
  may be a look-alike the rules decide by its neighbours: a zero or a four touching a
  letter or a mark (``၀`` for ``ဝ``, ``၄`` for ``၎``), or any digit beside the letter wa
  (``fix_zero_for_wa``, ``fix_wa_in_numbers``);
* punctuation stands alone; tokens are separated by nothing, by ASCII spaces, or by one
  zero-width space (the line-break hint typed between words, which
  ``normalize.remove_stray_zero_width`` keeps between two syllables: never beside a
  space, at an edge, doubled, or before a mark, since no token begins with one).

Each token is read once and never re-read (where a slot offers alternatives, the first
that fits is taken), so the reading is linear in the text.
"""

from __future__ import annotations

from polyglot.burmese.chars import BASES, CONSONANTS, is_mark, myanmar_chars, plausible_stack
from polyglot.burmese.shortcuts import _ON, shortcuts_on

__all__ = ["clean_shape", "is_clean", "shortcuts_on"]

COMPILED = not __file__.endswith(".py")
"""Whether this module was loaded from the extension Cython built (see ``setup.py``)."""

_STACKS = frozenset(upper + lower for upper in CONSONANTS for lower in CONSONANTS if plausible_stack(upper, lower))
"""The consonant pairs the grid lets stack (``upper`` + virama + ``lower``)."""

_LETTER_OR_MARK = BASES | frozenset(myanmar_chars(is_mark))
"""What a number may not touch: next to a letter or a mark a digit may be a look-alike."""

_KA, _ATHA = 0x1000, 0x1021  # the consonants, U+1000–U+1021
_NGA, _ASAT, _VIRAMA = 0x1004, 0x103A, 0x1039
_E, _ANUSVARA, _DOT_BELOW, _VISARGA = 0x1031, 0x1036, 0x1037, 0x1038
_TALL_A, _AA = 0x102B, 0x102C
_I, _II, _AI = 0x102D, 0x102E, 0x1032  # the upper vowels
_U, _UU = 0x102F, 0x1030  # the lower vowels
_Y, _R, _W, _H = 0x103B, 0x103C, 0x103D, 0x103E  # the medials
_INDEPENDENTS = frozenset((0x1023, 0x1024, 0x1025, 0x1026, 0x1027, 0x1029, 0x102A, 0x103F, 0x104E))
_PUNCTUATION = frozenset((0x104A, 0x104B, 0x104C, 0x104D, 0x104F))
_ZERO, _FOUR, _NINE, _WA = 0x1040, 0x1044, 0x1049, 0x101D
_BREAK = "\u200b"


def is_clean(text: str) -> bool:
    """Is ``text`` Burmese that normalization leaves alone and the diagnostics accept?

    >>> is_clean("မြန်မာနိုင်ငံ ကမ္ဘာ့ ၂၀၂၆ ခုနှစ်။")
    True
    >>> is_clean("ကေျာင်း")  # vowel E typed before the medial: reordering moves it
    False

    False means only "not known to be clean": look closer. A pre-filter of the
    normalization rules and the diagnostics (always False with ``shortcuts.switched_off``).
    Tokens follow each other directly, after ASCII spaces or after one zero-width space;
    the text neither begins nor ends with either.
    """
    return _ON[0] and clean_shape(text)


def clean_shape(text: str) -> bool:
    """Is ``text`` made of the shapes above (what ``is_clean`` answers with the shortcuts on)?

    For a caller to whom the shape itself is the question (``detect._truncated_unicode``:
    a word cut off after clean Unicode), not a pre-filter of the rules.
    """
    n = len(text)
    i = _token(text, 0, n)
    while 0 < i < n:
        if text[i] == _BREAK:
            i += 1  # one zero-width space between two tokens: a line-break hint, kept as typed
        else:
            while i < n and text[i] == " ":
                i += 1
        i = _token(text, i, n) if i < n else -1
    return i == n and n > 0


def _at(text: str, i: int, n: int) -> int:
    """The code point at ``i``, or -1 past the end."""
    return ord(text[i]) if i < n else -1


def _token(text: str, i: int, n: int) -> int:
    """Where the syllable, number or punctuation mark at ``i`` ends, or -1: none fits."""
    c = _at(text, i, n)
    if _KA <= c <= _ATHA:
        return _consonant_marks(text, _medials(text, _head(text, i, n), n), n)
    if c in _INDEPENDENTS:  # ဥ, ဦ, ဧ …: an anusvara, a dot below, a visarga at most
        return _tones(text, i + 1, n)
    if _ZERO <= c <= _NINE:
        return _number(text, i, n)
    if c in _PUNCTUATION:
        return i + 1
    return -1


def _optional(text: str, i: int, n: int, c: int) -> int:
    """Past ``c`` if it is at ``i``, else ``i``."""
    return i + 1 if _at(text, i, n) == c else i


def _head(text: str, i: int, n: int) -> int:
    """A consonant, after a kinzi (``င်္``) or with a consonant stacked under it by a
    virama, where the grid lets them stack (``chars.plausible_stack``)."""
    kinzi = _at(text, i, n) == _NGA and _at(text, i + 1, n) == _ASAT and _at(text, i + 2, n) == _VIRAMA
    if kinzi and _KA <= _at(text, i + 3, n) <= _ATHA:
        i += 3  # the kinzi, then its consonant
    if _at(text, i + 1, n) == _VIRAMA and _KA <= _at(text, i + 2, n) <= _ATHA and text[i] + text[i + 2] in _STACKS:
        return i + 3
    return i + 1


def _medials(text: str, i: int, n: int) -> int:
    """The medials Y, R, W, H, each at most once, in that order."""
    return _optional(text, _optional(text, _optional(text, _optional(text, i, n, _Y), n, _R), n, _W), n, _H)


def _consonant_marks(text: str, i: int, n: int) -> int:
    """The marks after a consonant and its medials: the first of these shapes that fits.

    An asat then a lower vowel (``ကျွန်ုပ်``); a killed consonant (``န့်``, ``င်း``: a dot
    below stored before the asat, as NFC wants); the A with its asat (``ော်``, ``ေါ့်``:
    no other vowel, no anusvara); vowels with A (``ော``, ``ာ့``, ``ား``: the vowel E, or
    an upper then a lower vowel, never E with either); vowels without A (``ို့``, ``ေး``,
    ``ုံ``); or no vowel sign (``ံ``, ``ကံ့``: never a dot below or visarga alone).
    """
    c = _at(text, i, n)
    if c == _ASAT and _at(text, i + 1, n) in (_U, _UU):
        return _optional(text, _optional(text, i + 2, n, _DOT_BELOW), n, _VISARGA)
    killed = _optional(text, i, n, _DOT_BELOW)
    if _at(text, killed, n) == _ASAT:
        return _optional(text, killed + 1, n, _VISARGA)
    a = _optional(text, i, n, _E)
    if _at(text, a, n) in (_TALL_A, _AA):
        killed = _optional(text, a + 1, n, _DOT_BELOW)
        if _at(text, killed, n) == _ASAT:
            return _optional(text, killed + 1, n, _VISARGA)
    a = _before_a(text, i, n)
    if a >= 0:
        return _tones(text, a + 1, n)
    if c in (_E, _U, _UU):
        return _tones(text, i + 1, n)
    if c in (_I, _II, _AI):
        return _tones(text, _lower(text, i + 1, n), n)
    if c == _ANUSVARA:
        return _optional(text, _optional(text, i + 1, n, _DOT_BELOW), n, _VISARGA)
    return i


def _lower(text: str, i: int, n: int) -> int:
    """Past one lower vowel if there is one at ``i``."""
    return i + 1 if _at(text, i, n) in (_U, _UU) else i


def _before_a(text: str, i: int, n: int) -> int:
    """Where the A is, when the vowel E, or an upper then a lower vowel (either may be
    missing), stand before it at ``i``; else -1."""
    c = _at(text, i, n)
    a = i + 1 if c == _E else _lower(text, i + 1 if c in (_I, _II, _AI) else i, n)
    return a if _at(text, a, n) in (_TALL_A, _AA) else -1


def _tones(text: str, i: int, n: int) -> int:
    """An anusvara, a dot below and a visarga, each optional, in that order."""
    return _optional(text, _optional(text, _optional(text, i, n, _ANUSVARA), n, _DOT_BELOW), n, _VISARGA)


def _number(text: str, i: int, n: int) -> int:
    """A run of digits, or -1 where one of them may be a look-alike: a zero or a four
    touching a letter or a mark, or any digit touching the letter wa."""
    j = i
    look_alike = False
    while _ZERO <= _at(text, j, n) <= _NINE:
        look_alike = look_alike or _at(text, j, n) in (_ZERO, _FOUR)
        j += 1
    before = _at(text, i - 1, n) if i > 0 else -1
    after = _at(text, j, n)
    if before == _WA or after == _WA:
        return -1
    if look_alike and ((i > 0 and text[i - 1] in _LETTER_OR_MARK) or (j < n and text[j] in _LETTER_OR_MARK)):
        return -1
    return j
