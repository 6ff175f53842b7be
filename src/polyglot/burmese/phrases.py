"""Is a line break inside Burmese text a space, or nothing? Decided from the words around it.

Burmese is written without spaces between words; a space separates *phrases* (a noun
phrase with the particle that closes it, a clause with its connective), and where a writer
puts one is partly a matter of taste. A line break in Burmese text says nothing either
way: a PDF breaks lines between any two words (ICU's line breaker, like every typesetter
that knows Burmese, breaks between dictionary words whether or not a space is there), and
a person wrapping a Markdown file breaks at a space. So turning a break back into text
asks what stood there, and the words on both sides are the evidence:

- Burmese punctuation (``၊`` ``။``) and the one-character particles (``၌`` ``၍`` ``၏``) end a
  phrase, and a space follows them: a space.
- a dictionary word of ICU's (``lexicon.word_joins``) that runs across the break means the
  break fell inside a word: nothing.
- the word after the break is a bound particle (a postposition, a verb particle, a
  nominalizer): it attaches to what precedes it and never opens a phrase, so the break is
  inside a phrase: nothing. (``မြှင့်တင်လို⏎သည့်`` → ``မြှင့်တင်လိုသည့်``)
- a number on either side: a space (numerals stand apart from words, as Latin words do).
- the word before the break is, or ends with, a particle that closes a phrase (a case
  marker, a clause connective, an adverb's or a quotation's closing particle, a
  sentence-final particle), and a content word follows: a phrase boundary, a space.
  (``ခေါ်ယူလျှက်ရှိရာ⏎လျှောက်လွှာ`` → ``… ရှိရာ လျှောက်လွှာ``)
- otherwise nothing: two content words with no particle between them are inside one
  phrase (a phrase ends with its particle), and word boundaries within phrases far
  outnumber phrase boundaries, so a break with no sign of a boundary is taken to be inside.

The particles are closed grammatical classes, listed from the grammars (Okell & Allott,
*Burmese/Myanmar Dictionary of Grammatical Forms*): only forms that are not also common
content words standing alone are listed, so a particle list never splits a noun.
The rule is for Burmese; other languages of the Myanmar script have other particles and
fall through to "nothing" unless a dictionary word or punctuation says otherwise.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from polyglot.burmese.chars import DIGITS, PUNCTUATION, is_myanmar
from polyglot.burmese.lexicon import is_possessive, is_word, syllables, word_joins

BOUND = frozenset(
    {
        # postpositions (case markers) and noun-phrase particles
        "က",
        "ကို",
        "၏",
        "ရဲ့",
        "မှ",
        "မှာ",
        "တွင်",
        "၌",
        "သို့",
        "ထံ",
        "နှင့်",
        "နဲ့",
        "ဖြင့်",
        "အား",
        "လို",
        "ကဲ့သို့",
        "ထက်",
        "လောက်",
        "ကြောင့်",
        "အတွက်",
        "အဖြစ်",
        "အထိ",
        "ဆီသို့",
        "များ",
        "တို့",
        "လည်း",
        "သာ",
        "ဟု",
        # verb particles, auxiliaries and nominalizers
        "သည်",
        "သည့်",
        "သော",
        "မည်",
        "မည့်",
        "တယ်",
        "မယ်",
        "မယ့်",
        "ပြီ",
        "ပြီး",
        "ခဲ့",
        "လိုက်",
        "ကြ",
        "နိုင်",
        "ချင်",
        "ရန်",
        "ဖို့",
        "အောင်",
        "ကြောင်း",
        "ခြင်း",
        "မှု",
        "ချက်",
        "လျှင်",
        "ရင်",
        "သော်",
        "၍",
        "လျက်",
        "စဉ်",
        "တုန်း",
        "ဘူး",
        "ပါ",
        "သေး",
        "တော့",
        "စွာ",
    }
)
"""Particles that attach to the word before them: a phrase never begins with one."""

PHRASE_FINAL = frozenset(
    {
        # a noun phrase closed by its case marker
        "က",
        "ကို",
        "၏",
        "မှ",
        "မှာ",
        "တွင်",
        "၌",
        "သို့",
        "ထံ",
        "နှင့်",
        "နဲ့",
        "ဖြင့်",
        "အား",
        "အတွက်",
        "ကြောင့်",
        "အဖြစ်",
        "အထိ",
        "လည်း",
        "များ",
        "တို့",
        # an adverb closed by its suffix, a quotation by its quotative particle
        "စွာ",
        "ဟု",
        # a clause closed by its connective or relative marker
        "ရာ",
        "၍",
        "ကာ",
        "လျက်",
        "မီ",
        "ပြီး",
        "လျှင်",
        "ရင်",
        "သော်လည်း",
        "သဖြင့်",
        "သောကြောင့်",
        "စဉ်",
        "ရန်",
        "ဖို့",
        "အောင်",
        "ကြောင်း",
        "သည့်",
        "သော",
        "မည့်",
        # a sentence closed by its final particle
        "သည်",
        "တယ်",
        "မည်",
        "မယ်",
        "ပြီ",
        "ဘူး",
    }
)
"""Particles that close a phrase: a space commonly follows them."""

_LONGEST_PARTICLE = max(len(syllables(p)) or 1 for p in BOUND | PHRASE_FINAL)


def _known(candidate: str) -> bool:
    return candidate in BOUND or candidate in PHRASE_FINAL or is_word(candidate) or is_possessive(candidate)


@lru_cache(maxsize=1 << 12)
def last_word(run: str) -> str:
    """The word ``run`` ends with: its longest final stretch of syllables that is a word of
    the dictionary or a particle (the last syllable when none is)."""
    parts = syllables(run)
    for start in range(len(parts)):
        candidate = "".join(parts[start:])
        if _known(candidate) and run.endswith(candidate):
            return candidate
    return parts[-1] if parts else ""


@lru_cache(maxsize=1 << 12)
def first_word(run: str) -> str:
    """The word ``run`` begins with: its longest first stretch of syllables that is a word
    of the dictionary or a particle (the first syllable when none is)."""
    parts = syllables(run)
    for end in range(len(parts), 0, -1):
        candidate = "".join(parts[:end])
        if _known(candidate) and run.startswith(candidate):
            return candidate
    return parts[0] if parts else ""


_WINDOW = 64
"""Characters of context on each side of a break: twice ICU's longest Burmese word, so
every word that could touch the break is seen, and a long unspaced run costs no more."""


def _edge_runs(before: str, after: str) -> tuple[str, str]:
    """The unspaced stretches of text touching the break on each side (at most
    ``_WINDOW`` characters each)."""
    left = before[-_WINDOW * 2 :].rstrip()
    left = left.rsplit(None, 1)[-1] if left else ""
    right = after[: _WINDOW * 2].lstrip()
    right = right.split(None, 1)[0] if right else ""
    if len(left) > _WINDOW:
        cut = len(left) - _WINDOW
        while cut < len(left) - 1 and unicodedata.category(left[cut]).startswith("M"):
            cut += 1  # never start on a mark cut off its letter
        left = left[cut:]
    return left, right[:_WINDOW]


def break_is_space(before: str, after: str) -> bool:
    """Whether a line break between Burmese ``before`` and ``after`` stood for a space.

    ``before`` is the text up to the break and ``after`` the text from it (a line each is
    enough); both must end and begin with Myanmar characters for the rule to apply.
    """
    left, right = _edge_runs(before, after)
    if not left or not right or not is_myanmar(left[-1]) or not is_myanmar(right[0]):
        return True
    if left[-1] in PUNCTUATION:  # ၊ ။ and the particles ၌ ၍ ၏: a space always follows them
        return True
    if right[0] in PUNCTUATION:
        return False  # punctuation and the one-character particles close what precedes them
    if word_joins(left + right) > word_joins(left) + word_joins(right):
        return False  # a dictionary word runs across the break
    if first_word(right) in BOUND:
        return False
    if left[-1] in DIGITS or right[0] in DIGITS:
        return True  # a number stands apart from the words around it, as a Latin word does
    return ends_with_particle(last_word(left))


def ends_with_particle(word: str) -> bool:
    """Whether ``word`` is a phrase-final particle or ends with one (the dictionary lists
    particle compounds such as ``များသည်`` and ``ရာတွင်`` as words of their own)."""
    parts = syllables(word)
    return any("".join(parts[start:]) in PHRASE_FINAL for start in range(len(parts))) or word in PHRASE_FINAL
