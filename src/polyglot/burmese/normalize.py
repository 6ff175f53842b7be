"""Normalization of Unicode Burmese: one storage form for text that looks the same.

Burmese typed in Unicode often *renders* correctly while being stored in a form that
search, sorting, spell-checking and comparison do not recognise: marks typed in another
order, a digit that looks like a letter, a stray zero-width character. Each rule below
fixes one such habit, is named, and says in its docstring why the fix is right. Rules
propose edits; the pipeline applies and reports them.

Every rule is conservative: it only fires where the stored form cannot be what the
writer meant (a digit carrying a vowel sign, a mark split from its letter), so
canonical text is never changed (property-tested).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from polyglot.burmese.changes import Edit, Rule, rule
from polyglot.burmese.chars import (
    AA_VOWELS,
    ASAT,
    BASE_CLASS,
    BASES,
    DIGITS,
    DOT_BELOW,
    MARK_CLASS,
    MARK_SLOTS,
    MEDIALS,
    VIRAMA,
    ZERO_WIDTH,
    char_class,
    is_mark,
)
from polyglot.burmese.clean import is_clean
from polyglot.burmese.clusters import CLUSTER, canonical_marks, clusters
from polyglot.burmese.shortcuts import shortcuts_on
from polyglot.patterns import lazy_compile

_HAS_ZW = lazy_compile(f"[{ZERO_WIDTH}]")
_ZW_RUN = re.compile(f"[{ZERO_WIDTH}]+")


@rule("normalize")
def remove_stray_zero_width(text: str) -> Iterator[Edit]:
    """Invisible characters never split a syllable; zero-width spaces never repeat or double a space.

    A zero-width space is a legitimate line-break hint between Burmese words, so one
    between two clusters is kept. But one before a dependent mark cuts the syllable in
    two (the mark then renders on a dotted circle), a run of them means no more than
    one, and one next to a real space or at the edge of a run adds nothing. A dot below
    is the exception: typed last, after the syllable's other marks, it moves in front
    of invisible characters typed before it, which stay between the syllables. Joiners
    (ZWNJ, ZWJ, the word joiner, a BOM inside text) may be meant between syllables and
    stay there; inside a syllable they are removed like the zero-width space.
    """
    if not _HAS_ZW.search(text):
        return
    for m in _ZW_RUN.finditer(text):
        start, end = m.span()
        run = m.group()
        nxt = text[end] if end < len(text) else ""
        prev = text[start - 1] if start else ""
        after = text[end + 1] if end + 1 < len(text) else ""
        visible_after = after and not after.isspace() and after not in ZERO_WIDTH  # not the edge of a break
        if nxt == DOT_BELOW and _is_letter_or_mark(prev) and not is_mark(after) and visible_after:
            # The dot below is typed last in a syllable: the break was typed just before
            # it and belongs after it (ICU's ``Zawgyi-my`` moves it the same way).
            yield start, end + 1, DOT_BELOW + ("\u200b" if "\u200b" in run else run)
        elif (nxt and is_mark(nxt)) or prev.isspace() or nxt.isspace() or not prev or not nxt:
            yield start, end, ""
        elif "\u200b" in run and run != "\u200b":
            yield start, end, "\u200b"


def _is_letter_or_mark(ch: str) -> bool:
    return ch in BASES or is_mark(ch)


@rule("normalize", context="\u1040")
def fix_zero_for_wa(text: str) -> Iterator[Edit]:
    """The digit zero ၀ (U+1040) inside a word is the letter wa ဝ (U+101D); wa among digits is zero.

    The two look identical in most fonts, so typists use whichever is nearer. A digit
    never carries a vowel sign or asat, never precedes a final consonant (one killed
    by asat, as in ``၀န်``) and never sits between two letters; a letter never sits
    between two digits or ends a number. Only those unambiguous positions change.
    """
    if "\u1040" not in text and "\u101d" not in text:
        return
    for i, ch in enumerate(text):
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch == "\u1040":
            if prev in DIGITS or nxt in DIGITS:
                continue
            final_follows = nxt in BASES and ASAT in _marks_after(text, i + 1)
            if is_mark(nxt) or final_follows or (_is_letter_or_mark(prev) and nxt in BASES):
                yield i, i + 1, "\u101d"
        elif ch == "\u101d" and prev in DIGITS and (nxt in DIGITS or not _is_letter_or_mark(nxt)):
            yield i, i + 1, "\u1040"


def _marks_after(text: str, base: int) -> str:
    """The marks that follow the letter at ``base``, in whatever order they were typed
    (so that the rule above gives the same answer before and after ``reorder_marks``)."""
    end = base + 1
    while end < len(text) and is_mark(text[end]):
        end += 1
    return text[base + 1 : end]


@rule("normalize", context="".join(sorted(DIGITS)))
def fix_wa_in_numbers(text: str) -> Iterator[Edit]:
    """In a number typed with the letter wa for zero (``၂ဝဝ၄``), every wa is the digit ၀.

    A run of digits and wa standing alone (nothing but a space, punctuation or the edge of
    the text on either side) with a true digit among them is a number: wa and zero look
    alike, so typists type whichever is nearer, and a word never consists of digits and
    wa only. ``fix_zero_for_wa`` settles one wa between two digits; this settles a run of
    them (``၂ဝဝ၄``, where each wa has another wa beside it).
    """
    if "\u101d" not in text:
        return
    for m in _NUMBER_WITH_WA.finditer(text):
        for i in range(m.start(), m.end()):
            if text[i] == "\u101d":
                yield i, i + 1, "\u1040"


_NUMBER_WITH_WA = lazy_compile(
    f"(?<![{BASE_CLASS}{MARK_CLASS}])(?=[\u1040-\u1049\u101d]*[\u1041-\u1049])[\u1040-\u1049\u101d]*\u101d"
    f"[\u1040-\u1049\u101d]*(?![{BASE_CLASS}{MARK_CLASS}\u1040-\u1049\u101d])"
)


@rule("normalize")
def remove_doubled_marks(text: str) -> Iterator[Edit]:
    """A vowel sign or other Burmese mark typed twice in a row (``ုု``, ``ာာ``) is one mark.

    A syllable has one place for each mark, and a second copy draws on top of the first,
    so the typist never sees that a key was pressed twice (or a keyboard repeated it).
    One rule for Zawgyi and Unicode input alike: ICU's ``Zawgyi-my`` drops some doubles
    (``ုု``) and keeps others (``ာာ``). Two *different* marks in one slot are not touched:
    which one the word needs is a question for repair or the diagnostics.
    """
    for m in _DOUBLED.finditer(text):
        yield m.start() + 1, m.end(), ""


_DOUBLED = lazy_compile(f"([{char_class(MARK_SLOTS)}])\\1+")


@rule("normalize", context="\u1044")
def fix_four_for_nyi(text: str) -> Iterator[Edit]:
    """The digit four ၄ followed by ``င်း`` is the abbreviation ၎င်း ("the said"), U+104E.

    ၎ (U+104E) is written only in ၎င်း, and a digit is never followed by a letter
    carrying asat and visarga, so ``၄င်း`` is always a look-alike typed for ``၎င်း``.
    """
    for m in re.finditer("\u1044(?=\u1004\u103a\u1038)", text):
        if not (m.start() and text[m.start() - 1] in DIGITS):
            yield m.start(), m.end(), "\u104e"


@rule("normalize")
def fix_u_for_nya(text: str) -> Iterator[Edit]:
    """The vowel ဥ (U+1025) carrying asat or a medial is the consonant ဉ (U+1009).

    ဥ is an independent vowel: it takes no asat, no medial and no vowel sign A. ဉ is
    the consonant that ends syllables like ``ဉ်`` and takes medials and vowels (``ဉာဏ်``,
    wisdom). They look alike, and Zawgyi keyboards produce U+1025 for both, so the mark
    decides.
    """
    if "\u1025" not in text:
        return
    for cluster in clusters(text):
        if cluster.head == "\u1025" and (ASAT in cluster.marks or (MEDIALS | AA_VOWELS) & set(cluster.marks)):
            yield cluster.start, cluster.start + 1, "\u1009"


@rule("normalize")
def reorder_marks(text: str) -> Iterator[Edit]:
    """Marks are stored in the canonical order of Unicode Technical Note #11.

    Fonts draw ``ရေှ`` and ``ရှေ`` the same, but only the UTN #11 order (stacked
    consonant, medials, asat, vowel E, upper, lower and A vowels, anusvara, dot below,
    visarga) is found by search and accepted by spell-checkers. Clusters with marks
    polyglot does not order (Mon, Shan, Karen signs) are left alone.
    """
    for cluster in clusters(text):
        if cluster.head and not _foreign_marks(cluster.marks):
            ordered = cluster.head + canonical_marks(cluster.marks)
            if ordered.endswith(VIRAMA) and not cluster.raw.endswith(VIRAMA):
                continue  # a stray virama moved last would stack the next letter: left as typed
            if ordered != cluster.raw:
                yield cluster.start, cluster.end, ordered


def _foreign_marks(marks: str) -> bool:
    """Does a cluster carry marks that no syllable UTN #11 orders combines?

    The vowel AI with any other vowel sign (Mon ``လှာဲ``, ``ဟှုဲ``), or the anusvara with
    an A vowel and an asat (S'gaw Karen ``ခရံာ်``, Christ): Burmese writes AI alone and
    never kills a nasalised A, so the syllable is of another language written in the same
    script, whose order is the writer's. (An anusvara with an A and no asat, Mon's ``ာံ``,
    is in UTN #11's order and is ordered.)
    """
    present = set(marks)
    if "\u1032" in present and present & _OTHER_VOWELS:
        return True
    return "\u1036" in present and ASAT in present and bool(present & AA_VOWELS)


_OTHER_VOWELS = frozenset("\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1036")


@rule("normalize", context="\u1025")  # ဥ + ီ compose into ဦ, a letter of its own: a new cluster
def compose_nfc(text: str) -> Iterator[Edit]:
    """Text is stored in Unicode Normalization Form C.

    For Burmese this composes ဥ + ီ into ဦ (U+1026) and puts the dot below before an
    asat (their canonical combining classes are 7 and 9), the order every converter and
    keyboard is expected to produce.
    """
    if unicodedata.is_normalized("NFC", text):
        return
    for m in re.finditer(r"\S+", text):
        word = m.group()
        if not unicodedata.is_normalized("NFC", word):
            yield m.start(), m.end(), unicodedata.normalize("NFC", word)


RULES: tuple[Rule, ...] = (
    compose_nfc,  # first: clusters are read from marks in canonical combining order
    remove_stray_zero_width,
    fix_zero_for_wa,
    fix_wa_in_numbers,
    fix_four_for_nyi,
    fix_u_for_nya,
    reorder_marks,
    remove_doubled_marks,  # after reordering, which puts a syllable's two copies of a mark side by side
    compose_nfc,  # last: compose what reordering brought together (ဥ + ီ → ဦ)
)
"""The normalization rules, in the order they run (later rules see earlier results).

Word rules run first, in this order, then run rules (those that look across a space);
where a run rule changes something, the word rules run again on its result. That is
the order of ``canonical`` and of the pipeline alike."""


def by_scope(rules: tuple[Rule, ...]) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """``rules`` split into the word rules and the run rules, each in its order."""
    return tuple(r for r in rules if r.scope == "word"), tuple(r for r in rules if r.scope != "word")


def canonical(text: str) -> str:
    """``text`` with every normalization rule applied, without bookkeeping.

    Used where only the result matters (comparing readings, scoring repairs) and by the
    pipeline's word memo. Text already clean (``clean.is_clean``) is returned at once;
    text the word rules can only change cluster by cluster is done cluster by cluster,
    each distinct cluster once (see ``_CLUSTER_LOCAL``).
    """
    words, runs = _rules()
    out = _canonical_words(text, words)
    if runs:
        after = apply_rules(out, runs)
        if after != out:
            out = _canonical_words(after, words)
    return out


def canonical_words(text: str) -> str:
    """``text`` with the word rules applied (what the pipeline's word memo applies to a word)."""
    return _canonical_words(text, _rules()[0])


_CACHED_FOR: list[tuple[Rule, ...]] = [RULES]
_SPLIT: list[tuple[tuple[Rule, ...], tuple[Rule, ...]]] = [by_scope(RULES)]


def _rules() -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
    """The current rules by scope; the cluster cache is dropped when ``RULES`` is replaced."""
    global _CLUSTER_LOCAL
    if RULES is not _CACHED_FOR[0]:
        _CACHED_FOR[0] = RULES
        _SPLIT[0] = by_scope(RULES)
        _CLUSTER_LOCAL = cluster_local(_SPLIT[0][0])
        _canonical_alone.cache_clear()
    return _SPLIT[0]


rules_by_scope = _rules
"""``RULES`` split into (word rules, run rules), as the pipeline applies them."""


_BREAK = "\u200b"


def _canonical_words(text: str, words: tuple[Rule, ...]) -> str:
    if is_clean(text):
        return text
    quick = _clean_form(text, words)
    if quick is not None:
        return quick
    if shortcuts_on() and _CLUSTER_LOCAL.fullmatch(text):
        # NFC first, as in RULES: it can move a dot below out of the way of a stack,
        # which changes where clusters begin.
        return CLUSTER.sub(_canonical_cluster, unicodedata.normalize("NFC", text))
    return apply_rules(text, words)


def clean_form(text: str) -> str | None:
    """What the word rules make of ``text`` (not itself clean), where one cheap reading shows
    the result is clean (``clean.is_clean``); else None: apply the rules to know.

    The rules begin with NFC, and clean text is a fixed point of all of them: where the
    composed text is clean, it is the result. That is the commonest typing habit, the
    asat typed before the dot below (``င့််`` for ``င့်``). And a zero-width space at a
    word's edge is removed (``remove_stray_zero_width``, the second rule: it stands by a
    real space or at the edge of the text); it composes with nothing, so where the rest
    is clean the rest is the result. A pre-filter of the rules (None with the shortcuts
    switched off), used by the word memo and by ``settle`` for a word it meets first.
    """
    return _clean_form(text, _rules()[0])


def _clean_form(text: str, words: tuple[Rule, ...]) -> str | None:
    if not shortcuts_on() or words[:1] != (compose_nfc,) or not text:
        return None
    composed = unicodedata.normalize("NFC", text)
    if composed is not text and composed != text and is_clean(composed):
        return composed
    if (text[0] == _BREAK or text[-1] == _BREAK) and words[1:2] == (remove_stray_zero_width,):
        inner = composed.strip(_BREAK)
        if inner and is_clean(inner):
            return inner
    return None


def cluster_local(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """Text in which every one of ``rules`` is local to one cluster: Myanmar characters and
    spaces only, without the characters at which a rule declares it looks past its cluster
    (``Rule.context``: the ၀/ဝ and ၄/၎ rules look at a digit's neighbours; NFC makes the
    letter ဦ of ဥ and ီ, which changes where clusters begin). Otherwise NFC's reordering
    and composition never cross a letter, which starts every cluster, nor a space;
    zero-width characters are outside the Myanmar block. So applying the rules to each
    cluster alone gives what applying them to the whole text gives (a pre-filter of
    ``canonical``: ``tests/burmese/test_prefilters.py`` checks it with the shortcut off,
    and with a new rule that declares its context and one that does not)."""
    context = {ch for r in rules for ch in r.context}
    local = [chr(cp) for cp in range(0x1000, 0x10A0) if chr(cp) not in context]
    return re.compile(f"[{char_class(local)} ]*")


_CLUSTER_LOCAL = cluster_local(by_scope(RULES)[0])
"""``cluster_local`` of the current word rules (derived again when ``RULES`` is replaced)."""


def _canonical_cluster(match: re.Match[str]) -> str:
    return _canonical_alone(match.group())


@lru_cache(maxsize=1 << 14)
def _canonical_alone(cluster: str) -> str:
    """One cluster through the rules (a language has a few thousand distinct clusters)."""
    return apply_rules(cluster, _rules()[0])


def apply_rules(text: str, rules: tuple[Rule, ...]) -> str:
    """``rules`` applied one after another to ``text``, without bookkeeping."""
    for r in rules:
        edits = sorted(r.edits(text))
        for start, end, after in reversed(edits):
            text = text[:start] + after + text[end:]
    return text
