"""Zawgyi ⇄ Unicode conversion with ICU's CLDR transforms.

ICU's ``Zawgyi-my`` (and ``my-Zawgyi`` for the reverse) is the reference converter:
it is what Android, Chrome and CLDR ship. polyglot adds two things around it:

* **Chunking.** ICU's rules reorder marks within a match window that can span a
  space: on damaged text a vowel such as ``ို`` jumps into the previous word. Zawgyi
  stores text in visual order and never moves a mark across a space, so neither may
  the conversion: each maximal run of Myanmar characters (no whitespace, no
  zero-width or foreign characters inside) is converted on its own.
* **Memoization.** Real text repeats its syllables, so a Zawgyi chunk is cut into
  syllables where ICU's rules cannot see across (``zawgyi_syllables``) and each
  distinct piece is converted once per process. A piece's conversion depends only on
  the piece, and the cut conversion equals ICU's on the whole chunk (tested on every
  labelled Zawgyi string and on random strings), so this is exact.
* **Two fixes to ``my-Zawgyi``** (Unicode to Zawgyi, for a legacy audience): it is run
  syllable by syllable, because ICU moves a medial RA into the syllable before
  (``unicode_syllables``), and the vowel E of a syllable with a stack or kinzi is put
  first where ICU's own reader needs it there (``_unicode_syllable``). Both are kept only
  where the result reads back through ``Zawgyi-my`` (measured in ``docs/DECISIONS.md``).

The transliterators are created once per process, on first use (building one from its
rules costs far more than a short text's conversion, and a text with nothing to convert
never loads ICU at all), which also makes these functions safe in worker processes.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from polyglot.burmese.changes import declare
from polyglot.burmese.chars import MYANMAR_BLOCKS, ZAWGYI_PREBASE, ZAWGYI_PREBASE_CLASS, char_class
from polyglot.burmese.memo import short_texts
from polyglot.patterns import lazy_compile

ZAWGYI_TO_UNICODE = declare(
    "convert",
    "zawgyi_to_unicode",
    "word",
    "This text is in the legacy Zawgyi encoding, which only displays correctly with a Zawgyi font.",
)
"""Word scope: chunks never cross whitespace; its one rule that looks across a space
(``spaced_zwsp_edits``) is applied to the whole run before the run is cut into words."""
UNICODE_TO_ZAWGYI = declare("convert", "unicode_to_zawgyi", "word", "Zawgyi was requested for a legacy audience.")

_CHUNK = lazy_compile("[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in MYANMAR_BLOCKS) + "]+")

_CACHE_SIZE = 1 << 16

if TYPE_CHECKING:
    import icu


@cache
def icu_transliterator(name: str) -> icu.Transliterator:
    """ICU's transform ``name``, created on first use: a run with no Burmese to convert
    never loads ICU."""
    import icu

    return icu.Transliterator.createInstance(name)


_DIGITS_ONLY = re.compile("[\u1040-\u1049]+")
_NUMBER_WITH_WA = re.compile("(?=.*[\u1041-\u1049])[\u1040-\u1049\u101d]+")
"""Digits and the letter wa only, with a true digit among them: a number (wa is the look-alike of zero)."""


@short_texts(maxsize=_CACHE_SIZE)
def _zawgyi_chunk(chunk: str) -> str:
    # Digits mean the same in both encodings. Alone, ICU reads ၀ and ၄ as the letters
    # ဝ and ၎, which is right inside a word but wrong for a number standing by itself;
    # so is a number typed with the letter wa for zero (``၂ဝဝ၄``), which normalization
    # then writes with the digit (``normalize.fix_wa_in_numbers``).
    digits = _DIGIT.search(chunk) is not None  # (most chunks have none: the number rules are skipped)
    if digits and (_DIGITS_ONLY.fullmatch(chunk) or _NUMBER_WITH_WA.fullmatch(chunk)):
        return chunk
    if "\u1044" in chunk:
        parts = _FOUR_AS_DIGIT.split(chunk)
        if len(parts) > 1:
            return "".join(part if part == "\u1044" else _zawgyi_chunk(part) for part in parts if part)
    if _REPEATED_MARK.search(chunk):
        chunk = _REPEATED_MARK.sub(_MARK_KEPT, chunk)
    return "".join(map(_zawgyi_icu, zawgyi_syllables(chunk)))


_SELF_COLLAPSING = "\u102d\u102e\u102f\u1030\u1032\u1033\u1034\u1037\u1039\u103b\u103d\u107e-\u1084\u1087\u1094\u1095"
"""Zawgyi signs that ``Zawgyi-my`` writes once however often they are typed in a row (its
rules drop a sign repeated on its own letter: a vowel, a tone, a medial typed twice)."""
_REPEATED_MARK = re.compile(f"([{_SELF_COLLAPSING}])\\1{{3,}}")
_MARK_KEPT = r"\1\1\1"
"""Such a sign four times or more is given to ICU three times: the transform's output is
the same (tested on random strings), and its cost is not. ICU's rules rescan a run of
marks from its start at every match, so one letter with 40,000 copies of a vowel sign (a
broken keyboard, a hostile file) would take a minute there; shortened, it takes no time."""


_FOUR_AS_DIGIT = re.compile("((?<![\u1040-\u1049])\u1044(?=[\u1000-\u1003\u1005-\u102a\u103f]))")
"""The digit four where it is a digit: ``၄`` stands for ``၎`` only in ``၎င်း`` and its
spellings (``၄င္း``: four before nga), but ICU's ``Zawgyi-my`` makes any four that no
digit touches a ``၎``, so a time or a count written against its word (``၄နာရီ``, four
o'clock; ``၄ခု``, four things) would become a letter no Burmese word begins with. Before
any other letter the four stays a digit. (Elsewhere, at a chunk's end or before a mark,
ICU's reading is kept: there the text alone does not say which was meant.)"""


@lru_cache(maxsize=_CACHE_SIZE)
def _zawgyi_icu(text: str) -> str:
    return str(icu_transliterator("Zawgyi-my").transliterate(text))


_MEDIAL_RA = char_class(ZAWGYI_PREBASE - {"\u1031"})
_STARTS = "\u1000-\u1021\u106a\u106b\u108f\u1090"
_ONSET = f"\u1031?[{_MEDIAL_RA}]?[{_STARTS}]"
"""How Zawgyi begins a syllable: the vowel E, then a medial RA, then the consonant,
each pre-base mark at most once (ICU moves exactly these behind their consonant)."""
_CLOSING = "\u1039\u105a\u1037\u1094\u1095\u1064\u108b-\u108d"
_ZAWGYI_SYLLABLE = lazy_compile(f"{_ONSET}(?:[^{_STARTS}{ZAWGYI_PREBASE_CLASS}]|(?<=[{_CLOSING}]){_ONSET})*")
_DIGIT = re.compile("[\u1040-\u1049]")


def zawgyi_syllables(chunk: str) -> list[str]:
    """Cut a Zawgyi chunk where ICU's ``Zawgyi-my`` rules cannot see across, or return [chunk].

    Text repeats its syllables far more than its phrases (a Burmese phrase is written
    without spaces, so a chunk is usually a whole phrase, seen once), so converting
    syllables lets memoization work. Each piece is what Zawgyi stores for one syllable:
    its pre-base marks (vowel E, medial RA), its consonant, and the marks after it.

    The cut is safe because every rule of the transform (``toRules()``) that moves a
    character past a consonant moves a pre-base mark past *its own* consonant, which is
    in the same piece; the one rule that reaches from a syllable into the next consonant
    (consonant, mark, asat, consonant: the contraction ``ယောက်ျား``) and the rules that
    complete a virama produced by a kinzi need a piece ending in an asat, a kinzi or a
    dot below, and those pieces are not cut. Digits (their rules look at both
    neighbours and the ends of the string), letters other than consonants starting a
    syllable, and pre-base marks other than one E then one RA right before a consonant
    (a RA typed before the E, or twice, stays where ICU found it, at the edge of its
    piece, and a rule can then reach across) are not cut at all: the whole chunk goes
    to ICU. A test compares the cut conversion with ICU's whole-chunk
    conversion on every labelled Zawgyi string and on random strings.
    """
    return _cut(chunk, _ZAWGYI_SYLLABLE)


def _cut(chunk: str, syllable: re.Pattern[str]) -> list[str]:
    """``chunk`` as the consecutive matches of ``syllable``; [chunk] where they do not
    cover it or where it holds digits (ICU's rules for digits look at both neighbours)."""
    if _DIGIT.search(chunk):
        return [chunk]
    pieces = syllable.findall(chunk)
    return pieces if sum(map(len, pieces)) == len(chunk) else [chunk]


_SYLLABLE_START = "(?<!\u1039)(?:[\u1000-\u1021](?!\u1037?\u103a(?!\u1039))|[\u1023-\u102a\u103f])"
_UNICODE_SYLLABLE = lazy_compile(f"{_SYLLABLE_START}(?:(?!{_SYLLABLE_START}).)*", re.DOTALL)
"""A Unicode syllable as Zawgyi draws it: a consonant or independent vowel that is not
stacked under another (no virama before it) and is not a final (no asat after it, or
a dot below and an asat, their canonical order, unless the asat begins a kinzi, which
Zawgyi draws over the next consonant), with everything up to the next such letter:
the stack it heads, its marks, its finals."""


def unicode_syllables(chunk: str) -> list[str]:
    """Cut a Unicode chunk into the syllables Zawgyi stores each in visual order, or return [chunk].

    ICU's ``my-Zawgyi`` reorders marks across syllables: a medial RA, which Zawgyi
    stores before its consonant, is put before the medial WA or HA of the syllable
    *before* (``မှဖြစ်`` becomes ``မျွဖစ္``, which reads back as ``မြှဖစ်``).
    Zawgyi's visual order never reaches across a syllable, so neither may the
    conversion. Chunks with digits, or that do not begin with a letter, are not cut
    (as in ``zawgyi_syllables``).
    """
    return _cut(chunk, _UNICODE_SYLLABLE)


@short_texts(maxsize=_CACHE_SIZE)
def _unicode_chunk(chunk: str) -> str:
    pieces = unicode_syllables(chunk)
    if len(pieces) == 1 and not _UNICODE_SYLLABLE.fullmatch(chunk):
        return _unicode_icu(chunk)
    return "".join(map(_unicode_syllable, pieces))


@lru_cache(maxsize=_CACHE_SIZE)
def _unicode_syllable(syllable: str) -> str:
    """One syllable in Zawgyi, with its vowel E first where ICU leaves it after a stack.

    Zawgyi stores a syllable in visual order, and the vowel E is drawn left of
    everything, a stacked pair included: ``ပစ္စေက`` is ``ပေစၥက`` (as the Myanmar Spelling
    Book's Zawgyi writes it). ICU's ``my-Zawgyi`` leaves the E after a stack
    (``ပစၥေက``) or a kinzi with a medial (``သခ်ၤေ``), and a Zawgyi E belongs to the
    consonant after it, so a reader takes it for the next syllable's: ``ပစ္စကေ``,
    ``သင်္ချပေင်``. The E is moved to the front where that is what ICU's own
    ``Zawgyi-my`` reads back, with a consonant following, and ICU's order is not; where
    neither or both read back (a kinzi with medial RA and E, which that reader handles
    only in ICU's order), ICU's output stands.
    """
    zawgyi = _unicode_icu(syllable)
    if "\u1039" not in syllable or "\u1031" not in zawgyi[1:]:
        return zawgyi
    e_first = "\u1031" + zawgyi.replace("\u1031", "", 1)
    if _reads_back(e_first, syllable) and not _reads_back(zawgyi, syllable):
        return e_first
    return zawgyi


def _reads_back(zawgyi: str, syllable: str) -> bool:
    """Does ICU's ``Zawgyi-my`` read ``zawgyi`` as ``syllable``, with a consonant after each?"""
    from polyglot.burmese.normalize import canonical  # normalize does not need convert: no cycle

    return canonical(_zawgyi_icu(zawgyi + "\u1000")) == canonical(syllable + "\u1000")


@lru_cache(maxsize=_CACHE_SIZE)
def _unicode_icu(text: str) -> str:
    return str(icu_transliterator("my-Zawgyi").transliterate(text))


_INVISIBLE_OR_SPACE = "[ \u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]"
SPACED_ZWSP = lazy_compile(f"{_INVISIBLE_OR_SPACE}*\u200b{_INVISIBLE_OR_SPACE}*")
"""A zero-width space with spaces or other invisible characters around it."""


def spaced_zwsp_edits(text: str) -> list[tuple[int, int, str]]:
    """ICU's last ``Zawgyi-my`` rule, which chunking keeps ICU from seeing: a zero-width
    space with spaces beside it becomes the zero-width space alone.

    Zawgyi was typed with zero-width spaces as word breaks and converters, then and now,
    left visible spaces beside them; the transform's own convention (and the expected
    output of myanmar-tools' test pairs) keeps the break and drops the doubled space.
    """
    if "\u200b" not in text:
        return []
    return [(m.start(), m.end(), "\u200b") for m in SPACED_ZWSP.finditer(text) if m.group() != "\u200b"]


def zawgyi_to_unicode(text: str) -> str:
    """Convert Zawgyi text to Unicode, one whitespace-free Myanmar chunk at a time.

    >>> zawgyi_to_unicode("ေျမာက္ ျမန္မာ")
    'မြောက် မြန်မာ'

    The result is ICU's reading, not yet in canonical order: see ``normalize``.
    """
    whole = _CHUNK.fullmatch(text)  # one chunk: a word, as the pipeline's word memo asks
    converted = _zawgyi_chunk(text) if whole else _CHUNK.sub(lambda m: _zawgyi_chunk(m.group()), text)
    return SPACED_ZWSP.sub("\u200b", converted) if "\u200b" in converted else converted


def unicode_to_zawgyi(text: str) -> str:
    """Convert Unicode Burmese to Zawgyi for a legacy audience, chunk by chunk.

    >>> unicode_to_zawgyi("မြန်မာ")
    'ျမန္မာ'
    """
    return _CHUNK.sub(lambda m: _unicode_chunk(m.group()), text)


def conversion_edits(text: str, target: str) -> list[tuple[int, int, str]]:
    """The conversion of ``text`` to ``target`` (``"unicode"`` or ``"zawgyi"``) as one edit per chunk.

    The pipeline applies these to text that tracks where each character came from, so
    later changes still point at the right place in the input.
    """
    convert = _zawgyi_chunk if target == "unicode" else _unicode_chunk
    edits = [(m.start(), m.end(), convert(m.group())) for m in _CHUNK.finditer(text)]
    if target == "unicode":
        edits += spaced_zwsp_edits(text)  # never inside a chunk: chunks hold no space
    return edits


def cache_info() -> dict[str, object]:
    """How well memoization is working (for benchmarks)."""
    return {"zawgyi_to_unicode": _zawgyi_chunk.cache_info(), "unicode_to_zawgyi": _unicode_chunk.cache_info()}
