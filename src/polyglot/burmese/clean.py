"""Recognise Burmese that is already clean, at the speed of one regular expression.

Most Unicode Burmese a user feeds polyglot is fine: every syllable stored in UTN #11
order, no look-alike digit, no stray invisible character, nothing ill-formed. For such
text the normalization rules change nothing and the diagnostics find nothing, but
finding that out costs a cluster parse, six rules and a well-formedness check per word.

``is_clean`` answers the question with one compiled expression that describes the
common shapes of a clean Burmese syllable (UTN #11's storage order, written out). It is
**sound, not complete**: whatever it accepts, ``normalize.canonical`` leaves unchanged
and ``diagnose.problems`` finds nothing in (property-tested on random strings); what it
rejects (Pali stacks outside the grid, Mon or Shan letters, zero-width characters,
rarer mark combinations) simply takes the full path. ``tests/burmese/test_prefilters.py``
checks it with the shortcut switched off, and that a wrong grammar fails the check. Each piece of the expression is
the grammar of one slot, so a reader can check it against the rules it stands for:

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
* a number is a run of digits with no letter or mark touching it, because a digit
  next to a letter may be a look-alike (``၀`` for ``ဝ``, ``၄`` for ``၎``);
* punctuation stands alone; tokens are separated by nothing or by ASCII spaces.
"""

from __future__ import annotations

from polyglot.burmese.chars import BASE_CLASS, CONSONANTS, MARK_CLASS, plausible_stack
from polyglot.burmese.shortcuts import _ON, shortcuts_on
from polyglot.patterns import lazy_compile

__all__ = ["CLEAN", "is_clean", "shortcuts_on"]

_CONSONANTS = "".join(sorted(CONSONANTS))

_STACKED = "|".join(
    f"(?<={upper}\u1039)[{lowers}]"
    for upper in _CONSONANTS
    if (lowers := "".join(lower for lower in _CONSONANTS if plausible_stack(upper, lower)))
)
"""The consonant under a virama, if the grid lets it stack under the one before."""
_HEAD = f"(?:\u1004\u103a\u1039)?[{_CONSONANTS}](?:\u1039(?:{_STACKED}))?"
"""A consonant, after a kinzi or with a Pali stack (the stack's row is only looked up
when there is a virama, so a plain consonant costs one character-class test)."""

_MEDIALS = "\u103b?\u103c?\u103d?\u103e?"
_NO_A_VOWELS = "(?:\u1031|[\u102d\u102e\u1032]?[\u102f\u1030]?)"
"""The vowel E alone, or an upper then a lower vowel: never E with either."""
_SOME_NO_A_VOWEL = "(?:\u1031|[\u102d\u102e\u1032][\u102f\u1030]?|[\u102f\u1030])"

_CONSONANT_MARKS = (
    "(?:"
    "\u103a[\u102f\u1030]\u1037?\u1038?"  # asat, then a lower vowel: ကျွန်ုပ်
    "|\u1037?\u103a\u1038?"  # a killed consonant: န့်, င်း
    "|\u1031?[\u102b\u102c]\u1037?\u103a\u1038?"  # A with its asat: ော်, ေါ့်; no other vowel, no anusvara
    f"|{_NO_A_VOWELS}[\u102b\u102c]\u1036?\u1037?\u1038?"  # with A: ော, ာ့, ား
    f"|{_SOME_NO_A_VOWEL}\u1036?\u1037?\u1038?"  # without A: ို့, ေး, ုံ
    "|(?:\u1036\u1037?\u1038?)?"  # no vowel sign: ံ, ကံ့; never a dot below or visarga alone
    ")"
)

_INDEPENDENT = "[\u1023\u1024\u1025\u1026\u1027\u1029\u102a\u103f\u104e]\u1036?\u1037?\u1038?"

_LETTER_OR_MARK_CLASS = f"[{BASE_CLASS}{MARK_CLASS}]"
_NUMBER = f"(?<!{_LETTER_OR_MARK_CLASS})[\u1040-\u1049]+(?!{_LETTER_OR_MARK_CLASS})"

_PUNCTUATION = "[\u104a\u104b\u104c\u104d\u104f]"

_TOKEN = f"(?>{_HEAD}{_MEDIALS}{_CONSONANT_MARKS}|{_INDEPENDENT}|{_NUMBER}|{_PUNCTUATION})"
"""One syllable, number or punctuation mark; atomic, so that a failing match never
re-parses the syllables before it (the expression stays linear in the text)."""

CLEAN = lazy_compile(f"{_TOKEN}(?: *{_TOKEN})*")


def is_clean(text: str) -> bool:
    """Is ``text`` Burmese that normalization leaves alone and the diagnostics accept?

    >>> is_clean("မြန်မာနိုင်ငံ ကမ္ဘာ့ ၂၀၂၆ ခုနှစ်။")
    True
    >>> is_clean("ကေျာင်း")  # vowel E typed before the medial: reordering moves it
    False

    False means only "not known to be clean": look closer. A pre-filter of the
    normalization rules and the diagnostics (always False with ``shortcuts.switched_off``).
    """
    return _ON[0] and CLEAN.fullmatch(text) is not None
