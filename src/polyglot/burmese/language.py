"""Which language a run of Myanmar script is written in: Burmese, or Shan, Mon, Karen, Pali.

The Myanmar block serves many languages. Burmese uses its core letters and marks; Shan,
Mon, the Karen languages and Pali/Sanskrit add letters, vowel signs, medials and tone
marks of their own (named for their language in the Unicode Standard: MYANMAR LETTER
SHAN KA ၵ, MON MEDIAL NA ၞ, SGAW KAREN EU ၢ …), and write their syllables in their own
order (Mon ``လှာဲ``, S'gaw Karen ``ခရံာ်``). Every Burmese rule of polyglot (Zawgyi
conversion, UTN #11 reordering, repairs, the well-formedness checks) would damage such
text, so a run gets its language first, and only Burmese runs go on.

The hard part is Zawgyi, which reuses many of these code points for Burmese glyph
variants: U+1060–U+1097 are its stacked consonants, medial and vowel variants and
ligatures, U+1033/U+1034 its short and long U, U+105A its ``ါ်``. The same code point
is then a *letter* in Shan (``ႁ``, ``ၵ``) and a *mark that follows a consonant* (or, for
the medial RA variants U+107E–U+1084, one that precedes it) in Zawgyi. So the evidence
is each word's two readings:

* **Unicode, in the other language**: the word is well-formed in the script's own model
  (a syllable begins with a letter; marks follow it; digits stand apart from letters);
* **Zawgyi Burmese**: the word is impossible there: it holds a code point Zawgyi never
  uses (``NEVER_ZAWGYI``), a mark that must follow a letter begins it, a medial RA has
  no letter after it, Zawgyi's ဿ carries a tone, or ICU's reading of it leaves a mark
  or a stacker with no letter (weaker: it stacks outside the Pali grid, or begins
  with a stack or a kinzi).

A word with a non-Burmese code point that is well-formed as Unicode and impossible as
Zawgyi speaks for that language; one that is impossible as Unicode and possible as
Zawgyi speaks for Zawgyi. A run is in another language when such words outvote Zawgyi's
and make up at least half the words that carry these code points: one odd word in a
Zawgyi sentence never turns the sentence into Shan.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from polyglot.burmese.chars import (
    DIGITS,
    SHAN_DIGITS,
    ZAWGYI_LETTERS,
    ZAWGYI_PREBASE,
    char_class,
    is_mark,
    is_myanmar,
    zawgyi_needs_base,
)
from polyglot.burmese.memo import short_texts
from polyglot.burmese.shortcuts import shortcuts_on
from polyglot.patterns import lazy_compile

Language = Literal["burmese", "shan", "mon", "karen", "pali", "other"]


def _range(lo: int, hi: int) -> list[str]:
    return [chr(cp) for cp in range(lo, hi + 1)]


_OWNERS: dict[str, Language] = {}
for _ch in ["\u1022", *_range(0x1075, 0x108D), *_range(0x1090, 0x1099), "\u109e", "\u109f"]:
    _OWNERS[_ch] = "shan"
for _ch in ["\u1028", "\u1033", "\u1034", "\u1035", *_range(0x105A, 0x1060)]:
    _OWNERS[_ch] = "mon"
for _ch in _range(0x1061, 0x1074):
    _OWNERS[_ch] = "karen"
for _ch in _range(0x1050, 0x1059):
    _OWNERS[_ch] = "pali"
for _ch in ["\u108e", "\u108f", *_range(0x109A, 0x109D), *_range(0xA9E0, 0xA9FF), *_range(0xAA60, 0xAA7F)]:
    _OWNERS[_ch] = "other"
LANGUAGE_OF: dict[str, Language] = dict(_OWNERS)
"""The code points of the Myanmar blocks that Burmese does not use, and whose they are,
after their names in the Unicode Standard: Shan (U+1022 SHAN A, the SHAN letters, medial,
vowels, tones and digits), Mon (MON E, II, O, the E ABOVE that Mon and Shan share, MON
NGA … MON MEDIAL LA), the Karen languages (S'gaw, Western and Eastern Pwo, Geba, Kayah:
U+1061–U+1074), Pali and Sanskrit (U+1050–U+1059), and the rest (Rumai Palaung, Khamti,
Aiton, the Extended-A and -B blocks)."""

NEVER_ZAWGYI = frozenset(
    [
        "\u1022",
        "\u1028",
        "\u1035",
        "\u103e",
        "\u103f",
        *_range(0x1050, 0x1059),
        *_range(0x105B, 0x105F),
        *_range(0x1098, 0x109F),
        *_range(0xA9E0, 0xA9FF),
        *_range(0xAA60, 0xAA7F),
    ]
)
"""Code points Zawgyi has no glyph for: the non-Burmese ones it does not reuse (it reuses
only U+1033, U+1034, U+105A and U+1060–U+1097), and Unicode's medial HA and great SA
(U+103E, U+103F), which Zawgyi writes at U+103D and U+1086. ICU's ``Zawgyi-my`` passes
all of them through unchanged."""

_TONES = frozenset("\u1037\u1038\u1039\u1094\u1095\u103a\u103c\u103d\u1087\u1088\u1089\u108a")
"""Zawgyi's dot below (and its variants), visarga, asat (U+1039) and the medials that follow
their consonant (YA U+103A, WA U+103C, HA U+103D and its variants U+1087–U+108A): none can
follow Zawgyi's great SA ဿ (U+1086), which carries no vowel of its own and is no consonant
a medial joins; Shan's final-Y vowel sign ႆ at the same code point takes a tone all the
time (``ထႆး``, ``ၼႆႉ``, ``ပႆႇ``)."""

_MISREAD_CODES = frozenset({"orphan-mark", "dangling-virama"})
"""Problems of ICU's Zawgyi reading that Zawgyi Burmese cannot have: a mark with no letter,
a stacker with nothing stacked under it (a Zawgyi stacked consonant or kinzi where no
consonant can carry it). A stack outside the Pali grid is not counted: Zawgyi typists
stack whatever a foreign name needs (``အစၢဘို``)."""


def _unicode_well_formed(word: str) -> bool:
    """Is ``word`` well-formed in the Myanmar script's own model, whatever the language?

    It begins with a letter (a mark always follows the letter it belongs to), and a digit
    touches no letter or mark (digits stand in numbers, apart from words).
    """
    if is_mark(word[0]):
        return False
    for i, ch in enumerate(word):
        if ch in DIGITS or ch in SHAN_DIGITS:
            for j in (i - 1, i + 1):
                if 0 <= j < len(word) and (_is_letter(word[j]) or is_mark(word[j])):
                    return False
    return True


def _is_letter(ch: str) -> bool:
    return is_myanmar(ch) and unicodedata.category(ch) == "Lo"


def _zawgyi_impossible(word: str) -> bool:
    """Can ``word`` not be Zawgyi Burmese? (See the module docstring for the four reasons.)"""
    if any(ch in NEVER_ZAWGYI for ch in word):
        return True
    if zawgyi_needs_base(word[0]) and word[0] not in ZAWGYI_PREBASE:
        return True
    for i, ch in enumerate(word):
        if ch in ZAWGYI_PREBASE and ch != "\u1031":
            rest = word[i + 1 :].lstrip("".join(ZAWGYI_PREBASE))
            if not rest or rest[0] not in ZAWGYI_LETTERS:
                return True
        if ch == "\u1086" and i + 1 < len(word) and word[i + 1] in _TONES:
            return True
        if ch == "\u105a" and i + 1 < len(word) and word[i + 1] in "\u1039\u103a":
            return True  # Zawgyi's ၚ is ါ် and ends its syllable; Mon's ၚ takes an asat (ၚ်)
    return bool(_zawgyi_reading_problems(word) & _MISREAD_CODES)


def _zawgyi_reading_problems(word: str) -> frozenset[str]:
    """The well-formedness problems of ICU's reading of ``word`` as Zawgyi, plus
    ``word-initial-kinzi`` where that reading begins with a kinzi: a kinzi is the final
    nasal of the syllable before, so no word begins with one (Zawgyi draws it over the
    next consonant, which Karen's tone ၤ after a word's first letter imitates), and
    ``word-initial-stack`` where it begins with a stacked pair, whose upper consonant
    would close a syllable that is not there (no word of ICU's dictionary begins so);
    Mon's medial LA reads so (``ကၠ``), and so do a few of Zawgyi's own test strings."""
    from polyglot.burmese.convert import zawgyi_to_unicode
    from polyglot.burmese.diagnose import problems
    from polyglot.burmese.normalize import canonical

    reading = canonical(zawgyi_to_unicode(word))
    found = {p.code for p in problems(reading)}
    if reading.startswith("\u1004\u103a\u1039"):
        found.add("word-initial-kinzi")
    elif reading[1:2] == "\u1039":
        found.add("word-initial-stack")
    return frozenset(found)


_WEAK_CODES = frozenset({"implausible-stack", "word-initial-stack", "word-initial-kinzi"})
"""Readings Burmese text does not have but isolated syllables, foreign names and test
strings typed in Zawgyi do: evidence, but weak."""

Vote = tuple[str, bool]
"""(``zawgyi`` or a language, whether the evidence is strong)."""


@short_texts(maxsize=1 << 15)
def word_vote(word: str) -> Vote | None:
    """What one space-free word says: another language or Zawgyi, and how strongly (None: nothing).

    The language is that of the word's own letters where it has some (``ၵၢင်`` is Shan by its
    ၵ, though Karen's ၢ serves Shan too), else of its marks. A Zawgyi reading that stacks a
    consonant outside the Pali grid, or begins with a
    stack or a kinzi, is weak evidence against Zawgyi (``_WEAK_CODES``): Karen's vowel ၢ after any consonant reads so
    (``တၢ်``), but so does a foreign name typed in Zawgyi (``အစၢဘို``).
    """
    owners = [LANGUAGE_OF[ch] for ch in word if ch in LANGUAGE_OF]
    if not owners:
        return None
    letters = [LANGUAGE_OF[ch] for ch in word if ch in LANGUAGE_OF and _is_letter(ch)]
    if letters:
        owners = letters  # a letter belongs to one language; vowels like ၢ serve Shan and Karen alike
    language = max(sorted(set(owners)), key=owners.count)
    unicode_ok = _unicode_well_formed(word)
    zawgyi_ok = not _zawgyi_impossible(word)
    if unicode_ok and not zawgyi_ok:
        return language, True
    if zawgyi_ok and not unicode_ok:
        return "zawgyi", True
    if unicode_ok and _WEAK_CODES & _zawgyi_reading_problems(word):
        return language, False
    return None


_WORD = re.compile(r"[^ \t]+")
OTHER_LANGUAGE_CHAR = lazy_compile(f"[{char_class(LANGUAGE_OF)}]")
"""Any code point of ``LANGUAGE_OF`` (one Burmese never uses): one regex search instead of a
lookup per character, since most runs (all of typed Unicode Burmese) hold none."""
_DAMAGED = lazy_compile(r"[^\S \t]|[\ufffd\ue000-\uf8ff]")
"""Whitespace other than the typed space, or a lost glyph: a word holding one is damaged
(PDF stand-ins for lost letters) and says nothing about its language."""


def run_language(text: str) -> Language:
    """The language of one Myanmar run (``burmese`` unless another clearly outvotes Zawgyi)."""
    if not OTHER_LANGUAGE_CHAR.search(text):
        return "burmese"
    return _run_language(text)


def cut_keeps_language(left: str, right: str) -> bool:
    """Would cutting a run into ``left`` and ``right`` (its spaces between them included)
    leave each piece in the language of the whole?

    A run's language is decided by all its words together (``run_language``): ``က၀ ကၿ``
    is Shan by its second word, while ``က၀`` alone has nothing that is not Burmese, and
    Burmese rules would convert it. A place where the text is cut into pieces judged
    apart (``batch.pieces``) is only clean where every piece keeps the whole's language.
    """
    if not (OTHER_LANGUAGE_CHAR.search(left) or OTHER_LANGUAGE_CHAR.search(right)):
        return True  # every piece, and the whole, is Burmese
    whole = run_language(left + right)
    return run_language(left) == whole == run_language(right.lstrip(" \t"))


def _too_few_to_outvote(words: list[str]) -> bool:
    """Can these words not make their run another language, whatever they read as in Zawgyi?

    Only a word well-formed as Unicode can vote for another language (``word_vote``), and
    another language needs half the words: so the run is Burmese without reading any word as
    Zawgyi, the costly part. Most Zawgyi runs end here: their words begin with the vowel E or
    a medial, which Unicode stores after the letter.
    """
    return 2 * sum(map(_unicode_well_formed, words)) < len(words)


@short_texts(maxsize=1 << 14)
def _run_language(text: str) -> Language:
    # A lone character is a list's item, not a syllable of any language.
    words = [w for w in _WORD.findall(text) if len(w) > 1 and not _DAMAGED.search(w) and OTHER_LANGUAGE_CHAR.search(w)]
    carriers = len(words)
    if shortcuts_on() and _too_few_to_outvote(words):
        return "burmese"
    votes: dict[str, int] = {}
    strong = 0
    for word in words:
        vote = word_vote(word)
        if vote is not None:
            votes[vote[0]] = votes.get(vote[0], 0) + 1
            strong += vote[1] and vote[0] != "zawgyi"
    zawgyi = votes.pop("zawgyi", 0)
    if not votes or not (strong or sum(votes.values()) >= 2):
        return "burmese"  # one weak word (a foreign name with an odd stack) is not a language
    language = max(sorted(votes), key=votes.__getitem__)
    others = sum(votes.values())
    if others > zawgyi and 2 * others >= carriers:
        return language  # type: ignore[return-value]
    return "burmese"
