"""Repair of damage that is not an encoding matter: what PDF extraction does to Burmese.

Text copied out of a PDF loses and invents characters. Two faults are common, and both
leave the same trace: whitespace directly before a dependent mark, where no whitespace
can be, because a mark always attaches to the letter before it.

* **Inserted space.** The extractor guesses word gaps from glyph positions, and a
  medial or vowel drawn far from its letter gets a space in front (``လ ွ်ာ``). The
  repair is to delete the space.
* **Lost letter.** A glyph the font's character map does not cover comes out as some
  other character, often a space such as U+2002 EN SPACE, while the marks around it
  survive (``ၾ␣ား`` for ``ၾကား``). The repair is to restore the letter.

Which repair applies is decided per *whitespace character* for the whole document,
because a font's broken mapping is the same everywhere in a document: every U+2002
before a mark stands for the same letter. Each hypothesis (delete, or restore letter
X for each consonant X) is scored by the real words the repaired text contains, read
from ICU's Burmese dictionary and from the document's own undamaged words; the letter
is restored only when it clearly beats deletion. A third repair settles two vowel signs
that compete for one place (``လုူ``), which ICU would silently drop one of, by the same
word evidence.

Clean text has no whitespace before a mark and no competing vowels, so these repairs
never fire on it (property-tested on every clean data set).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from polyglot.burmese.changes import declare
from polyglot.burmese.chars import (
    BASES,
    CONSONANTS,
    LOST_GLYPHS,
    REPLACEMENT,
    ZAWGYI_LETTERS,
    ZAWGYI_PREBASE,
    ZAWGYI_PREBASE_CLASS,
    ZERO_WIDTH,
    char_class,
    in_burmese_word,
    is_lost_glyph,
    myanmar_chars,
    needs_base,
)
from polyglot.burmese.convert import zawgyi_to_unicode
from polyglot.burmese.lexicon import stranded_finals, syllables, word_joins
from polyglot.burmese.shortcuts import shortcuts_on
from polyglot.patterns import lazy_compile

RESTORE_MARGIN = 2
"""How many more dictionary word boundaries restoring a letter must produce than deleting
the whitespace: two, so that one lucky word never decides."""

_GAP = f"(?:[^\\S\\n\\r]|[{ZERO_WIDTH}{LOST_GLYPHS}])+"
_SPACE_BEFORE = lazy_compile(f"{_GAP}(?=[^\\s{ZERO_WIDTH}{LOST_GLYPHS}])")
"""A gap before a visible character: whitespace, invisible format characters and the
characters that stand for a lost glyph (``chars.LOST_GLYPHS``), all just as impossible
between a mark and its letter."""


_PREBASE = f"[{ZAWGYI_PREBASE_CLASS}]"
_MAY_HAVE_SITES = {
    "unicode": lazy_compile(f"{_GAP}(?={[{char_class(myanmar_chars(lambda ch: needs_base(ch, 'unicode')))}]})"),
    "zawgyi": lazy_compile(
        f"{_GAP}(?={[{char_class(myanmar_chars(lambda ch: needs_base(ch, 'zawgyi')))}]})"
        f"|(?<={_PREBASE})(?=[^\\x00-\\x7f]){_GAP}"
        f"|{_GAP}(?={_PREBASE}[^{char_class(ZAWGYI_LETTERS)} \\t]*(?:[ \\t]|$))"
    ),
}
"""Where a damage site can be at all, per encoding: the three conditions of
``_damage_sites`` as one search (a gap before a mark that needs a base; in Zawgyi, a
gap of non-ASCII whitespace after a pre-base mark, or a gap before a pre-base mark
whose word has no letter). A run with none of these, which is what most runs are, is
skipped at the cost of one search."""


@dataclass(frozen=True, slots=True)
class RepairEdit:
    """A decided repair: replace ``run[start:end]`` with ``after``."""

    start: int
    end: int
    after: str
    rule: str
    reason: str
    evidence: str


RESTORE_LOST_LETTER = declare(
    "repair",
    "restore_lost_letter",
    "document",
    "Nothing can stand between a dependent mark and its letter; this whitespace or replacement "
    "character stands for a letter the PDF font could not map, and the same letter restores "
    "real words throughout the document.",
)
REMOVE_INSERTED_SPACE = declare(
    "repair",
    "remove_inserted_space",
    "document",
    "A space cannot stand before a dependent mark, which always attaches to the letter "
    "before it: typed there out of habit or inserted by PDF extraction, it splits one syllable in two.",
)
MOVE_SPACE_AFTER_TONE_MARK = declare(
    "repair",
    "move_space_after_tone_mark",
    "document",
    "A tone mark ends its syllable; the space typed before it belongs after it, between this word and the next.",
)
RESOLVE_COMPETING_VOWELS = declare(
    "repair",
    "resolve_competing_vowels",
    "document",
    "Two vowel signs cannot share one place in a syllable; the one kept is the one that makes a real word.",
)


class Vocabulary:
    """The syllables a document's text contains, as evidence for its damaged places.

    A syllable that appears intact elsewhere in the same document is one its author
    writes; that settles choices a dictionary cannot, such as which of two competing
    vowels a one-syllable word carries (``လူ့`` vs ``လု့``).
    """

    def __init__(self, unicode_runs: Sequence[str]) -> None:
        self.counts: Counter[str] = Counter(s for run in unicode_runs for s in syllables(run))

    def score(self, unicode_text: str) -> float:
        """Dictionary word boundaries, plus half a point per syllable the document knows."""
        seen = sum(1 for s in syllables(unicode_text) if self.counts[s] > 0)
        return word_joins(unicode_text) + 0.5 * seen


def _to_unicode(text: str, encoding: str) -> str:
    from polyglot.burmese.normalize import canonical

    return canonical(zawgyi_to_unicode(text) if encoding == "zawgyi" else text)


@dataclass(frozen=True, slots=True)
class _Site:
    run: int
    offset: int
    space: str
    start: int
    """Where the whole whitespace run starts (all of it goes when the space was inserted)."""
    deletable: bool = True
    """False after a Zawgyi pre-base mark: a space there separates two words unless a lost
    letter explains it, so the only repair is restoring that letter."""


def _damage_sites(runs: Sequence[tuple[str, str]]) -> list[_Site]:
    """Gaps where none can be, in the run's encoding.

    * Before a mark that needs a base (in either encoding).
    * In Zawgyi, right after a vowel E or medial RA, which Zawgyi stores before the
      consonant they belong to (only a lost letter can explain such a gap).
    * In Zawgyi, before a vowel E or medial RA that has no letter after it in its word:
      it cannot be written before anything, so it belongs to the letter before the gap.

    A gap of joiners alone (ZWNJ, ZWJ, word joiner) is no space: normalization moves
    such characters out of a syllable instead (``remove_stray_zero_width``).
    """
    sites = []
    for i, (text, encoding) in enumerate(runs):
        if shortcuts_on() and not _MAY_HAVE_SITES[encoding].search(text):
            continue
        for m in _SPACE_BEFORE.finditer(text):
            gap = m.group()
            if not any(ch.isspace() or ch == "\u200b" or is_lost_glyph(ch) for ch in gap):
                continue
            lost = any(map(is_lost_glyph, gap))  # a lost glyph stands for something: never deleted
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()]
            if in_character_list(text, m.start(), m.end()):
                continue
            if needs_base(after, encoding):
                # With no letter before the gap (start of a run, or only marks), deleting it
                # gives the mark nothing to join: only a lost letter can explain the gap.
                deletable = _letter_before(text, m.start(), encoding) and not lost
                sites.append(_Site(i, m.end() - 1, text[m.end() - 1], m.start(), deletable=deletable))
            elif encoding != "zawgyi":
                continue
            elif before in ZAWGYI_PREBASE and not text[m.start()].isascii():
                sites.append(_Site(i, m.start(), text[m.start()], m.start(), deletable=False))
            elif after in ZAWGYI_PREBASE and before and not before.isspace() and _no_letter_follows(text, m.end()):
                sites.append(_Site(i, m.end() - 1, text[m.end() - 1], m.start(), deletable=not lost))
    return sites


def _letter_before(text: str, end: int, encoding: str) -> bool:
    """Does the word ending at ``end`` hold a letter that a following mark could join?

    A gap that itself stands before a mark is no word boundary (it is damage too), so the
    search goes on past it: in ``ကြ ေ ာင်း`` both gaps go, and ာ joins ကြေ.
    """
    letters = ZAWGYI_LETTERS if encoding == "zawgyi" else BASES
    pos = end - 1
    while pos >= 0:
        if text[pos] in letters:
            return True
        if text[pos].isspace() and not needs_base(text[pos + 1], encoding):
            return False
        pos -= 1
    return False


def in_character_list(text: str, start: int, end: int) -> bool:
    """Is the gap ``text[start:end]`` inside a list of single characters (``ါ ာ ိ ီ``)?

    Alphabet tables and exemplar sets list the marks one by one, separated by spaces:
    there a mark stands alone on purpose, and nothing was lost or inserted. A list is
    at least three single characters in a row, so two stray ones are still repaired.
    The gap before a list's first member is part of the list too: the list stands
    apart from the word before it, and joining its first member to that word would
    leave two members, which are no longer a list (a second run would join them too).
    """
    if text[start:end].strip(" "):
        return False
    # Count the one-character tokens (split at single spaces) on each side of the gap,
    # walking out from it, and stop at three: a long list costs no more than a short one.
    left = 0
    pos = start - 1  # the last character of the token before the gap
    while left < 3 and pos >= 0 and text[pos] != " " and (pos == 0 or text[pos - 1] == " "):
        left, pos = left + 1, pos - 2
    right = 0
    pos = end  # the first character of the token after the gap
    while right < 3 and pos < len(text) and text[pos] != " " and (pos + 1 == len(text) or text[pos + 1] == " "):
        right, pos = right + 1, pos + 2
    return right >= 3 or (left > 0 and right > 0 and left + right >= 3)


def _no_letter_follows(text: str, start: int) -> bool:
    """Does the word starting at ``start`` hold no Zawgyi letter (only marks)?

    Words end at ordinary spaces: other whitespace inside Burmese is more often damage,
    a stand-in for a lost letter (as a lost glyph always is), so it counts as a letter that
    may have been there.
    """
    end = start
    while end < len(text) and text[end] not in " \t":
        if text[end] in ZAWGYI_LETTERS or text[end].isspace() or is_lost_glyph(text[end]):
            return False
        end += 1
    return True


def _score_hypothesis(runs: Sequence[tuple[str, str]], sites: Sequence[_Site], replacement: str) -> int:
    """Dictionary word boundaries in the words around the sites, ``replacement`` at every site.

    Only the dictionary counts here, not the document's own words: every occurrence of
    the lost letter's words is damaged, so the document's intact text is biased
    against the right letter and towards letters of words that happen to be intact.
    """
    by_run: dict[int, list[int]] = {}
    for site in sites:
        by_run.setdefault(site.run, []).append(site.offset)
    total = 0
    for run, offsets in by_run.items():
        text, encoding = runs[run]
        for lo, hi, inside in _word_spans(text, sorted(offsets)):
            pieces, pos = [], lo
            for offset in inside:
                pieces += [text[pos:offset], replacement]
                pos = offset + 1
            pieces.append(text[pos:hi])
            total += word_joins(_to_unicode("".join(pieces), encoding))
    return total


def _word_spans(text: str, offsets: list[int]) -> list[tuple[int, int, list[int]]]:
    """The words around each of the sorted ``offsets``, overlapping ones merged: (start,
    end, the offsets inside). Word boundaries and conversion both stop at ordinary spaces,
    so scoring these spans ranks hypotheses exactly as scoring whole runs, in time that
    does not grow with the run."""
    spans: list[tuple[int, int, list[int]]] = []
    for offset in offsets:
        lo, hi = _window(text, offset, offset + 1)
        if spans and lo < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]), [*spans[-1][2], offset])
        else:
            spans.append((lo, hi, [offset]))
    return spans


def plan_space_repairs(
    runs: Sequence[tuple[str, str]], context: Iterable[tuple[str, str]] = ()
) -> list[list[RepairEdit]]:
    """Decide, per whitespace character, whether it is an inserted space or a lost letter.

    ``context``: runs with no damage site, whose text is evidence (``plan_repairs``).
    """
    sites = _damage_sites(runs)
    if not sites:
        return [[] for _ in runs]
    count = len(runs)
    runs = [*runs, *context]  # sites index ``runs``; the context only adds evidence
    plans: list[list[RepairEdit]] = [[] for _ in runs]
    by_space: dict[str, list[_Site]] = {}
    for site in sites:
        by_space.setdefault(site.space, []).append(site)
    restored: list[tuple[list[_Site], str]] = []
    for space in _TYPED_SPACES & by_space.keys():
        # A typed space before a mark that joins the letter before it is a typing habit,
        # never a lost letter: only the ones nothing else explains are weighed below.
        habit = [site for site in by_space[space] if _typing_habit(runs, site)]
        if habit:
            by_space[space] = [site for site in by_space[space] if site not in habit]
            evidence = (
                f"U+{ord(space):04X} before a mark that joins the letter before it into a well-formed "
                "syllable: a space typed or inserted there, never a lost letter"
            )
            # (the document's spacing is counted only here, where a habit needs it: most have none)
            tones = all(runs[s.run][0][s.offset + 1] in _TONE_MARKS for s in habit)
            typed = tones and _tone_marks_end_words(runs) is not False
            for site in habit:
                plans[site.run].append(_space_removal(*runs[site.run], site, evidence, typed=typed))
    for space, group in by_space.items():
        if not group:
            continue
        delete = _score_hypothesis(runs, group, "")
        best_letter, best = "", delete
        for letter in sorted(CONSONANTS):
            score = _score_hypothesis(runs, group, letter)
            if score > best:
                best_letter, best = letter, score
        name = f"U+{ord(space):04X}"
        if best_letter and best >= delete + RESTORE_MARGIN:
            evidence = (
                f"{len(group)} × {name} before a mark in this document; in the words around them, restoring "
                f"{best_letter} makes {best} dictionary word boundaries, deleting makes {delete}"
            )
            for site in group:
                plans[site.run].append(
                    RepairEdit(
                        site.offset,
                        site.offset + 1,
                        best_letter,
                        RESTORE_LOST_LETTER.name,
                        RESTORE_LOST_LETTER.reason,
                        evidence,
                    )
                )
            if space not in _WORD_SEPARATORS:
                restored.append((group, best_letter))
            continue
        evidence = f"{len(group)} × {name} before a mark; no letter restores more words than deleting"
        # Where the same space also stands before marks inside syllables, the document's
        # spaces are an extractor's, not a typist's: none of them is a word gap typed too
        # early. (An invisible break is never an extractor's: it was typed.)
        typed = not space.isspace() or all(runs[site.run][0][site.offset + 1] in _TONE_MARKS for site in group)
        for site in group:
            if site.deletable:
                plans[site.run].append(_space_removal(*runs[site.run], site, evidence, typed=typed))
    # What an edit already covers (a restored site, a deleted or moved gap) is not judged again;
    # a second stand-in in a site's gap is (နန်း lost as ⎵⎵်း: the first ⎵ is န too).
    judged = {(run, o) for run, edits in enumerate(plans) for e in edits for o in range(e.start, e.end)}
    for group, letter in restored:
        for run, edit in _restore_elsewhere(runs, group, letter, judged):
            plans[run].append(edit)
    return plans[:count]


_TYPED_SPACES = frozenset(" \t")
"""What a keyboard's space bar and tab key type. Typists put these before marks by habit
(``ရဲ ႔``, ``မွဴ း``: some Zawgyi fonts draw a mark better that way, and the mark still
shows beside its letter), so there one is a stand-in for a lost letter only where the mark
cannot join the letter before it (``_typing_habit``). PDF stand-ins are other characters:
U+FFFD, private-use glyphs, typographic spaces."""


def _typing_habit(runs: Sequence[tuple[str, str]], site: _Site) -> bool:
    """Does the mark after this typed space join the letter before it into a well-formed syllable?

    Then the space is explained by how people type (the mark belongs to the letter before
    the space, and the text reads the same without it) and no letter may be inserted. A
    mark with no letter before it in its word, or one that would make the syllable before
    ill-formed (a second vowel in its slot, a tone on a bare consonant), is not explained
    by the habit and is left to the lost-letter evidence.
    """
    text, encoding = runs[site.run]
    if not site.deletable:
        return False
    # The word around the site: a gap before a mark is no word boundary (``ခွင ့ ်``), so
    # the word reaches past such gaps, and they are left out when the pieces are judged.
    # (As far as ``REPAIR_CONTEXT`` reaches: a line without spaces has no word edge.)
    lo, floor = site.start, max(site.start - REPAIR_CONTEXT, 0)
    while lo > floor and not (text[lo - 1].isspace() and not needs_base(text[lo], encoding)):
        lo -= 1
    hi, ceiling = site.offset + 1, min(site.offset + 1 + REPAIR_CONTEXT, len(text))
    while hi < ceiling and not (text[hi].isspace() and not needs_base(_after_gap(text, hi), encoding)):
        hi += 1
    left = "".join(text[lo : site.start].split())
    right = "".join(text[site.offset + 1 : hi].split())
    return _ill_formed(left + right, encoding) <= _ill_formed(left, encoding) + _ill_formed(right, encoding)


def _after_gap(text: str, pos: int) -> str:
    """The first character after the whitespace starting at ``pos`` ("" at the end)."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return text[pos] if pos < len(text) else ""


def _ill_formed(text: str, encoding: str) -> int:
    """How many well-formedness problems ``text`` has in Unicode, not counting marks with no
    letter (a piece cut at a gap begins with one)."""
    from polyglot.burmese.diagnose import problems

    return sum(p.code != "orphan-mark" for p in problems(_to_unicode(text, encoding)))


MIN_SPACING_EVIDENCE = 4
"""Tone marks a document must hold before its own spacing after them is believed."""


def _tone_marks_end_words(runs: Sequence[tuple[str, str]]) -> bool | None:
    """Does this document put a space after its tone marks (None: too few to say)?

    Counted over the tone marks typed against their letter with text after them. Burmese
    writes spaces between phrases, not after every syllable, so in running text most tone
    marks are followed by the next syllable (``အဖွဲ့အစည်း``): there a space typed before a
    tone mark is no word gap and goes. Where the document does space after its tone marks,
    or holds too few to tell, the space typed before one is taken for a gap typed too early
    and moved after it, the convention of ICU's ``Zawgyi-my`` (``ေန ့စဥ္`` → ``နေ့ စဉ်``).
    """
    total = sum(len(_TONE_AFTER_LETTER.findall(text)) for text, _ in runs)
    spaced = sum(len(_TONE_BEFORE_SPACE.findall(text)) for text, _ in runs)
    if total < MIN_SPACING_EVIDENCE:
        return None
    return 2 * spaced >= total


_TONE_AFTER_LETTER = re.compile("(?<=\\S)[\u1037\u1038\u1094\u1095](?=.)")
_TONE_BEFORE_SPACE = re.compile("(?<=\\S)[\u1037\u1038\u1094\u1095](?=[ \t])")
"""The same tone marks, where a space or a tab follows."""


_WORD_SEPARATORS = frozenset(" \t\u200b\u00a0\u202f\u3000")
"""Characters that separate words in clean text (the space, tab, zero-width space, the
no-break spaces word processors put in, the ideographic space of CJK text): where one of
them stands for a lost letter, its other occurrences are still mostly word gaps, so only
the places before a mark are repaired. Typographic spaces (U+2002 …) and lost glyphs
(U+FFFD, private-use characters) are not used between Burmese words."""


_NEEDS_WORD_GAIN = _WORD_SEPARATORS | {REPLACEMENT}
"""Stand-ins restored away from marks only where the letter makes more words (see below)."""


def _restore_elsewhere(
    runs: Sequence[tuple[str, str]], sites: Sequence[_Site], letter: str, judged: set[tuple[int, int]]
) -> Iterator[tuple[int, RepairEdit]]:
    """The lost letter's stand-in where no mark betrays it: before a consonant, at a word's end.

    The font lost the letter's glyph everywhere, so once the places before a mark have
    shown what the stand-in means, its other occurrences in Burmese are that letter too;
    but a place with no mark after it is also where a real space could be, so each one is
    restored only where the letter makes more dictionary words of the words around it than
    the gap does (``ဘေး⎵ယ်ဆယ်`` → ``ဘေးကယ်ဆယ်``, rescue), or as many and the gap leaves a
    killed consonant with no syllable to close (``ရှိ⎵ည်`` → ``ရှိသည်``).

    A stand-in Burmese never puts between words (an en space, a private-use glyph: not
    one of ``_WORD_SEPARATORS``) needs no more than that inside Burmese words: as many
    words with the letter as with the gap (``သူတို့⎵ ပြော`` → ``သူတို့က ပြော``, where the
    one-syllable particle makes no dictionary word either way), since the document has
    shown what it stands for and no Burmese text uses it as a gap (``_within_words``).
    Next to anything else (the edge of a line, ။, a digit, another gap) it could be
    layout, an indent or a bullet's space, so there the words must still gain; and so
    must U+FFFD everywhere, which an extractor writes for *every* glyph it lost, so that
    two of them may stand for two different letters.
    """
    space = sites[0].space
    evidence_sites = f"{len(sites)} × U+{ord(space):04X} before a mark in this document stand for {letter}"
    for run, (text, encoding) in enumerate(runs):
        if space not in text:
            continue
        chars = list(text)
        for site in sites:
            if site.run == run:
                chars[site.offset] = letter  # the places before a mark, already restored
        for offset in (o for o, ch in enumerate(text) if ch == space and (run, o) not in judged):
            lo, hi = _window(text, offset, offset + 1)  # the stand-in is never a space: same words
            with_gap = _to_unicode("".join(chars[lo:hi]), encoding)
            chars[offset] = letter
            with_letter = _to_unicode("".join(chars[lo:hi]), encoding)
            gap, restored = word_joins(with_gap), word_joins(with_letter)
            stranded = stranded_finals(with_gap) - stranded_finals(with_letter)
            if restored > gap:
                why = f"here {letter} makes {restored} dictionary word boundaries, the gap {gap}"
            elif restored == gap and stranded > 0:
                why = f"here the gap leaves a final consonant with no syllable to close, {letter} gives it one"
            elif restored == gap and space not in _NEEDS_WORD_GAIN and _within_words(chars, offset):
                why = f"Burmese puts no U+{ord(space):04X} between words, and {letter} makes as many words as the gap"
            else:
                chars[offset] = space
                continue
            yield (
                run,
                RepairEdit(
                    offset,
                    offset + 1,
                    letter,
                    RESTORE_LOST_LETTER.name,
                    RESTORE_LOST_LETTER.reason,
                    f"{evidence_sites}; {why}",
                ),
            )


def _within_words(chars: list[str], offset: int) -> bool:
    """Is the stand-in at ``offset`` touching Burmese on one side, and Burmese or a space on
    the other (``တို့⎵ မိမိ``), so that it can only be a letter of a word?"""
    sides = [chars[offset - 1] if offset else "", chars[offset + 1] if offset + 1 < len(chars) else ""]
    return all(in_burmese_word(ch) or ch == " " for ch in sides) and any(map(in_burmese_word, sides))


_TONE_MARKS = frozenset("\u1037\u1038\u1094\u1095")
"""The dot below and visarga (and Zawgyi's dot-below variants): they end a syllable."""


def _space_removal(text: str, encoding: str, site: _Site, evidence: str, *, typed: bool) -> RepairEdit:
    """Delete the whitespace before a mark, or move it after a tone mark.

    A tone mark ends its syllable, so a space *typed* before one was meant after it, as
    the separator from the next word (``တာ ့မိမိ`` is ``တာ့ မိမိ``, as myanmar-tools' own
    test pairs have it); any other mark sits inside its syllable and the space was simply
    inserted. So the move is made only where the document's gaps look typed (``typed``:
    every one stands before a tone mark, where an extractor's also stand before vowels
    and medials) and a new syllable follows the tone mark (a space moved before an asat,
    ``ြင ့်``, would strand it).
    """
    end = site.offset + 1
    deletion = RepairEdit(site.start, end, "", REMOVE_INSERTED_SPACE.name, REMOVE_INSERTED_SPACE.reason, evidence)
    marks_end = end
    while marks_end < len(text) and text[marks_end] in _TONE_MARKS:
        marks_end += 1
    if not typed or marks_end == end or marks_end == len(text):
        return deletion
    if text[marks_end].isspace() or needs_base(text[marks_end], encoding):
        return deletion
    marks = text[end:marks_end]
    gap = text[site.start : end]
    return RepairEdit(
        site.start, marks_end, marks + gap, MOVE_SPACE_AFTER_TONE_MARK.name, MOVE_SPACE_AFTER_TONE_MARK.reason, evidence
    )


REPAIR_CONTEXT = 40
"""How far, in characters, the context a repair is judged in reaches on each side of its
site, at most. The longest word of the dictionary has 33 characters, so every word that
could hold the site is in view; text beyond it scores every hypothesis alike. Bounding it
keeps a line without spaces (a PDF's text layer, a dump) linear: its "words" would
otherwise be the whole line, read again for every site."""


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """The words on both sides of ``text[start:end]``, at most ``REPAIR_CONTEXT`` characters
    each way (cut where a syllable begins): the context a repair is judged in."""
    left = text.rfind(" ", max(start - REPAIR_CONTEXT - 2, 0), max(start - 1, 0))
    right = text.find(" ", end + 1, end + REPAIR_CONTEXT + 1)
    lo = left + 1 if left >= 0 or start <= REPAIR_CONTEXT + 1 else _syllable_edge(text, start - REPAIR_CONTEXT)
    hi = right if right >= 0 else _syllable_edge(text, end + REPAIR_CONTEXT)
    return lo, hi


_SYLLABLE_EDGE = re.compile(f"(?:{_PREBASE}{{0,2}})[\u1000-\u1021](?![\u1039\u103a])")
"""Where a syllable begins in either encoding: a consonant that no asat or virama follows
(one would make it a final, or stack the next letter under it), with Zawgyi's pre-base
marks before it."""


def _syllable_edge(text: str, pos: int) -> int:
    """The first place at or after ``pos`` (a few characters on at most) where a syllable
    begins, so that a cut context holds whole syllables; the end of ``text`` past its end."""
    if pos >= len(text):
        return len(text)
    found = _SYLLABLE_EDGE.search(text, pos, pos + 12)
    while found is not None and found.start() > pos and text[found.start() - 1] == "\u1039":
        found = _SYLLABLE_EDGE.search(text, found.start() + 1, pos + 12)
    return found.start() if found is not None else pos


_COMPETING = re.compile("[\u102f\u1030\u1033\u1034]{2}|[\u102d\u102e]{2}")
"""Two lower vowel signs (U, UU, and Zawgyi's short and long variants) or two upper
ones (I, II) in a row: each slot holds one vowel."""

_COMPETING_WORD = re.compile(r"\S*(?:" + _COMPETING.pattern + r")\S*")
"""A word with competing vowels: left out of the vocabulary that judges it."""


def plan_vowel_repairs(text: str, encoding: str, vocabulary: Vocabulary) -> list[RepairEdit]:
    """Keep the one of two competing vowel signs that makes a word the document knows."""
    edits = []
    for m in _COMPETING.finditer(text):
        if m.group()[0] == m.group()[1]:
            continue  # a plain duplicate: the diagnostics report it, conversion collapses it
        lo, hi = _window(text, m.start(), m.end())
        options = []
        for keep in m.group():
            candidate = text[lo : m.start()] + keep + text[m.end() : hi]
            options.append((vocabulary.score(_to_unicode(candidate, encoding)), keep))
        (best, keep), (other, _) = sorted(options, reverse=True)
        if best > other:
            edits.append(
                RepairEdit(
                    m.start(),
                    m.end(),
                    keep,
                    RESOLVE_COMPETING_VOWELS.name,
                    RESOLVE_COMPETING_VOWELS.reason,
                    f"keeping {keep} scores {best:g} word points, the other {other:g}",
                )
            )
    return edits


def plan_repairs(runs: Sequence[tuple[str, str]], context: Iterable[tuple[str, str]] = ()) -> list[list[RepairEdit]]:
    """All repairs for a document's Myanmar runs, given as ``(text, encoding)`` pairs.

    Returns one list of edits per run, positions relative to that run. ``context`` is
    the document's other runs, in which no repair can be (``settle``: no gap before a
    mark, no competing vowels) but whose words and spacing are evidence for the repairs
    of ``runs``: every count of evidence is over the whole document, in any order. It is
    read only where ``runs`` has a place to repair.
    """
    readable = list(runs)
    if shortcuts_on() and not any(_SPACE_BEFORE.search(t) or _COMPETING.search(t) for t, _ in readable):
        return [[] for _ in runs]
    if not any(_COMPETING.search(t) for t, _ in readable):
        return plan_space_repairs(readable, context)  # no competing vowels: no vocabulary needed
    others = list(context)
    plans = plan_space_repairs(readable, others)
    vocabulary = Vocabulary([_to_unicode(_COMPETING_WORD.sub(" ", t), e) for t, e in readable + others])
    for i, (text, encoding) in enumerate(readable):
        plans[i].extend(plan_vowel_repairs(text, encoding, vocabulary))
    return plans
