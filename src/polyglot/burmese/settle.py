# cython: boundscheck=False, wraparound=False
# (for Cython: every index below is within a run found in ``text``, or checked first)
"""Settle the certain runs of a block in one compiled pass, so that only the rest is judged.

Almost all Burmese a user feeds polyglot is certain: a sentence of clean Unicode, or a
sentence of Zawgyi the model scores at its clip. For such a run every step of the
pipeline ends the same way whatever the rest of the document says (its verdict, its
vote for the document's encoding, no repair, its words through the memo), yet the full
pipeline builds a ``Segment``, a ``Detection``, weighs phrases and plans repairs for it
in Python. ``settle`` reads a block's runs once, in compiled code, and for each run
either **settles** it (its encoding, its vote, its output from the word memo) or leaves
it **open** for the pipeline to judge (``pipeline._read``). Nothing is decided here that
the pipeline would not decide: each condition below is a pre-filter that stands for one
step of the pipeline, named with the step, and a run that fails any of them is open.
``tests/burmese/test_settle.py`` checks every output and diagnostic against the
pipeline with the shortcut switched off (``shortcuts.switched_off``), and that a
mutated condition fails that check.

A run is settled as **Unicode** or **Zawgyi** where all of these hold:

* **Its characters** are letters and marks of the Myanmar block, ASCII spaces and, in a
  Unicode run, zero-width spaces (typed between words: a gap like a space below, and a
  character the word rules decide in its word): tabs, other invisible characters, odd
  whitespace and lost glyphs are where repairs work, so those runs are open, and so is
  a Zawgyi run with a zero-width space (``convert.spaced_zwsp_edits`` looks across it).
  It does not end in a virama (``detect._truncated_unicode`` weighs such a run without it).
* **Its language** is Burmese: where it holds a code point Burmese Unicode never uses
  (``_OTHER``, from ``language.LANGUAGE_OF``), ``language.run_language`` is asked, as
  ``detect_segments`` asks it, unless fewer than half its words could vote for another
  language (``language._too_few_to_outvote``, counted here in the same reading: most
  Zawgyi words begin with a pre-base mark, which Unicode never does).
* **Its evidence is certain**, beyond ``certainty``: with the document's lean capped at
  ``detect.DOCUMENT_PRIOR_CAP`` and the outside prior added, the verdict stays beyond
  ``detect.CONFIDENT`` on the same side and no reading is put in doubt (``prior_tips``
  and ``words_disagree`` speak only nearer the middle), so ``detect_segments`` decides
  it so in every document, and it votes with its length. The model's log-odds for the
  whole run (scaled for a short run as ``detect.weigh`` scales them) at
  ``detect.MARKOV_CLIP`` are such evidence without asking ``weigh``, which returns the
  clipped score alone there (for Unicode, once ``diagnose.misreading_score`` finds
  nothing ill-formed); short of the clip, ``weigh`` is asked for the whole evidence (a
  short word the model cannot judge, which the structure, the dictionary and the round
  trip can; memoized, as detection asks the same). The shortcut needs a consonant
  (``_LETTER``), without which ``weigh`` finds no encoding to tell (``detect.no_encoding``).
  A run that reads the same in both encodings (``Evidence.identical``: digits and
  punctuation alone, or identical readings) is settled as Unicode with no vote, as
  ``detect_segments`` decides it.
* **No phrase leans the other way** by ``detect.CONFIDENT``: ``detect.split_mixed``
  cuts a run only where phrases lean both ways, so such a run is never cut.
* **No gap before a mark** (a space or zero-width space before a mark that needs a
  letter in the run's encoding, ``_BASE_U`` or ``_BASE_Z``; in Zawgyi, before a pre-base
  vowel E or medial RA with no letter after it in its word): ``detect.weigh`` would join
  such a typed gap, and ``repair._damage_sites`` looks for damage only there. **No competing vowels**
  (two upper or two lower vowels in a row, ``repair._COMPETING``): the vowel repairs
  look only there. So the run has no repair to plan (its text is still evidence for the
  open runs' repairs: ``Settlement.context``).
* **Its words** are decided by the word memo (``pipeline.WordTable``) without a
  problem. A run with a word to report is **decided** instead: its verdict and vote
  stand, and the pipeline writes its words to place the report (``Settlement.decided``).

A settled Unicode run that is clean (``clean.is_clean``) is copied; any other settled
run is its words through the memo, exactly as ``pipeline._word_pass`` puts them back.

The conditions are sound, not complete: a run they do not settle costs what it always
did. With the shortcut switched off nothing is settled.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from polyglot.burmese.chars import (
    CONSONANTS,
    DIGITS,
    SHAN_DIGITS,
    ZAWGYI_LETTERS,
    ZAWGYI_PREBASE,
    needs_base,
)
from polyglot.burmese.clean import is_clean
from polyglot.burmese.detect import (
    CONFIDENT,
    DOCUMENT_PRIOR_CAP,
    MARKOV_CLIP,
    MIN_VOTING_PHRASE,
    SHORT_RUN,
    SHORT_RUN_MODEL_SCALE,
    WORDS_OVERRULED,
    weigh,
)
from polyglot.burmese.diagnose import misreading_score
from polyglot.burmese.language import LANGUAGE_OF, run_language
from polyglot.burmese.markov import markov_model, pair_sum
from polyglot.burmese.memo import MEMO_CHARS
from polyglot.burmese.normalize import clean_form
from polyglot.burmese.segment import MYANMAR_RUN
from polyglot.burmese.shortcuts import _ON

if TYPE_CHECKING:
    from array import array

__all__ = ["COMPILED", "Settlement", "WordLookup", "certainty", "settle"]

COMPILED = not __file__.endswith(".py")
"""Whether this module was loaded from the extension Cython built (see ``setup.py``)."""

_FIRST, _LAST = 0x1000, 0x109F
"""The Myanmar block: every other character leaves a run open."""

_LETTER, _BASE_U, _BASE_Z, _PREBASE, _ZAWGYI_LETTER, _UPPER, _LOWER, _OTHER = 1, 2, 4, 8, 16, 32, 64, 128

_UPPER_VOWELS = "\u102d\u102e"
_LOWER_VOWELS = "\u102f\u1030\u1033\u1034"
"""``repair._COMPETING``'s two classes: two of one class in a row compete."""


def _flags() -> bytes:
    """One byte of flags per code point of the Myanmar block, from the sets the rules use.

    A mark of both encodings (``chars.MARK_IN_BOTH_CLASS``, where ``weigh`` joins a typed
    gap) needs a base in each, so ``_BASE_U`` and ``_BASE_Z`` cover it.
    """
    out = bytearray()
    for cp in range(_FIRST, _LAST + 1):
        ch = chr(cp)
        f = _LETTER if ch in CONSONANTS else 0
        f |= _BASE_U if needs_base(ch, "unicode") else 0
        f |= _BASE_Z if needs_base(ch, "zawgyi") else 0
        f |= _PREBASE if ch in ZAWGYI_PREBASE else 0
        f |= _ZAWGYI_LETTER if ch in ZAWGYI_LETTERS else 0
        f |= _UPPER if ch in _UPPER_VOWELS else 0
        f |= _LOWER if ch in _LOWER_VOWELS else 0
        f |= _OTHER if ch in LANGUAGE_OF else 0
        out.append(f)
    return bytes(out)


_FLAGS = _flags()

_DIGIT, _LETTER_LO = 1, 2


def _language_flags() -> bytes:
    """Per code point of the block, what ``language._unicode_well_formed`` asks of a word:
    digits (Burmese and Shan) and letters (category Lo); its marks are ``_BASE_U``."""
    out = bytearray()
    for cp in range(_FIRST, _LAST + 1):
        ch = chr(cp)
        f = _DIGIT if ch in DIGITS or ch in SHAN_DIGITS else 0
        f |= _LETTER_LO if unicodedata.category(ch) == "Lo" else 0
        out.append(f)
    return bytes(out)


_LANGUAGE_FLAGS = _language_flags()

_OPEN, _UNICODE, _ZAWGYI, _SAME, _AT_CLIP = 0, 1, 2, 3, 4
"""``_SAME``: the run reads the same in both encodings (``detect.no_encoding``, or
identical readings): Unicode with nothing to convert, and no vote. ``_AT_CLIP`` marks a
Unicode verdict taken from the model at its clip, which stands only where no word
betrays a misreading (``_words``)."""

_PLACE = "\x00"
"""What ``_words`` says of a run with a word whose problem must be placed and reported:
its verdict stands, its words go through the pipeline (``Settlement.decided``). (A run
never holds a NUL, so no run's words are this.)"""


def certainty(outside: float) -> float:
    """The log-odds beyond which a run's own evidence decides it in any document read with
    the outside prior ``outside``: the document's lean (at most ``DOCUMENT_PRIOR_CAP``)
    and the prior together leave it beyond ``CONFIDENT`` on its side, and it is beyond
    ``WORDS_OVERRULED``, where disagreeing words are not asked (``detect_segments``)."""
    return max(CONFIDENT + DOCUMENT_PRIOR_CAP + abs(outside), WORDS_OVERRULED)


class WordLookup(Protocol):
    """What ``settle`` needs of a word memo (``pipeline.WordTable``)."""

    text: dict[str, str]
    flagged: set[str]
    betraying: set[str]

    def fill(self, words: list[str], explain: bool) -> None: ...


class Settlement:
    """A block's runs: the open ones for the pipeline, what the settled ones give."""

    def __init__(self, certain: float) -> None:
        self.certain = certain
        """The evidence a run needed to be settled (``certainty``)."""
        self.unchanged: dict[str, int] = {}
        """The settled runs that come out as they are, by their text, with their verdict:
        reading the output again (``pipeline._changed_again``), they are settled alike."""
        self.open: list[tuple[int, int]] = []
        """(start, end) of each run left to the pipeline, in order."""
        self.changed: list[tuple[int, int, str]] = []
        """(start, end, output) of each settled run whose output differs from its text."""
        self.context: list[tuple[int, int, str]] = []
        """(start, end, encoding) of every settled run: evidence for the open runs' repairs."""
        self.decided: list[tuple[int, int, str]] = []
        """(start, end, encoding) of each run whose verdict is certain but whose words have
        problems to place and report: the pipeline writes them, with no detection asked."""
        self.zawgyi_votes = 0
        self.unicode_votes = 0
        """The settled runs' votes for the document's encoding (``detect._votes``)."""


def settle(
    text: str,
    target: str,
    tables: Mapping[str, WordLookup],
    clean_copies: bool,
    outside: float = 0.0,
    known: Settlement | None = None,
) -> Settlement:
    """Every Myanmar run of ``text`` (``segment.MYANMAR_RUN``), settled or left open.

    ``tables`` holds the word memo for each encoding a run may be settled in, writing
    ``target``; ``clean_copies`` says a clean Unicode run is its own output (the word
    rules change nothing in it and no run rule follows: ``pipeline._normalize_run``).
    ``outside`` is the document's outside prior (``detect.Prior``): the stronger it is,
    the more evidence a run needs to be settled (``certainty``).

    ``known`` is the settlement of the text this one was normalized from: a run it settled
    and left as it was is settled again by its text alone, since everything settling looks
    at is the run itself (and the evidence it needed is no less than ``certain``). This is
    what makes the second reading of a normalized document cost little for its settled
    runs: only the runs that changed, and the open ones, are read again.
    """
    certain = certainty(outside)
    out = Settlement(certain)
    model = markov_model()
    states, table, size = model._states, model._table, model._size
    on = _ON[0]
    again = known is not None and known.certain >= certain
    for match in MYANMAR_RUN.finditer(text):
        start, end = match.span()
        if again:
            verdict = known.unchanged.get(text[start:end], _OPEN)  # type: ignore[union-attr]
            if verdict != _OPEN:
                _count(out, start, end, verdict)
                continue
        verdict = _verdict(text, start, end, certain, states, table, size) if on else _OPEN
        if verdict == _OPEN:
            out.open.append((start, end))
            continue
        at_clip = (verdict & _AT_CLIP) != 0
        verdict &= ~_AT_CLIP
        unicode = verdict != _ZAWGYI
        encoding = "unicode" if unicode else "zawgyi"
        run = text[start:end]
        copies = unicode and clean_copies
        written = run if copies and is_clean(run) else _words(run, tables[encoding], unicode and at_clip, copies)
        if written is None:
            out.open.append((start, end))
            continue
        if written is _PLACE:
            _count(out, start, end, verdict, evidence=False)
            out.decided.append((start, end, encoding))
        elif written != run:
            _count(out, start, end, verdict)
            out.changed.append((start, end, written))
        else:
            _count(out, start, end, verdict)
            out.unchanged[run] = verdict
    return out


def _count(out: Settlement, start: int, end: int, verdict: int, evidence: bool = True) -> None:
    """A settled run's vote (``detect._votes``) and, with ``evidence`` (its words need no
    placing), its text as evidence for the open runs' repairs."""
    if verdict == _UNICODE:
        out.unicode_votes += end - start
    elif verdict == _ZAWGYI:
        out.zawgyi_votes += end - start
    if evidence:
        out.context.append((start, end, "zawgyi" if verdict == _ZAWGYI else "unicode"))


def _verdict(
    text: str, start: int, end: int, certain: float, states: array[int], table: array[float], size: int
) -> int:
    """``_UNICODE`` (with ``_AT_CLIP`` where the model alone decided), ``_ZAWGYI`` or ``_SAME``
    where ``text[start:end]`` is certain (see the module), else ``_OPEN``."""
    flags, language_flags = _FLAGS, _LANGUAGE_FLAGS
    seen = 0
    gap_u = gap_z = competing = zero_width = False
    after_space = False
    prebase_after_gap = False  # a pre-base mark after a gap, no letter after it yet in its word
    previous = 0
    phrases = 1
    # ``language._too_few_to_outvote``, word by word: words of two or more characters with
    # a code point of another language, and how many of them are well-formed as Unicode.
    carriers = well_formed = word_length = 0
    word_other = word_ok = False
    previous_kind = 0  # the previous character's digit / letter-or-mark kind
    for i in range(start, end + 1):
        c = ord(text[i]) if i < end else 0x20
        if c == 0x20 or c == 0x200B:
            zero_width = zero_width or c == 0x200B
            gap_z = gap_z or prebase_after_gap
            prebase_after_gap = False
            after_space = True
            previous = 0
            if c == 0x20:
                if word_length > 1 and word_other:
                    carriers += 1
                    well_formed += word_ok
                word_length = 0
            else:
                word_length += 1
                previous_kind = 0
            continue
        if c < _FIRST or c > _LAST:
            return _OPEN
        f = flags[c - _FIRST]
        kind = (language_flags[c - _FIRST] & _DIGIT) | (
            4 if f & _BASE_U or language_flags[c - _FIRST] & _LETTER_LO else 0
        )
        if word_length == 0:
            word_other, word_ok = False, not f & _BASE_U
        elif (kind & _DIGIT and previous_kind & 4) or (kind & 4 and previous_kind & _DIGIT):
            word_ok = False  # a digit touching a letter or a mark
        word_other = word_other or (f & _OTHER) != 0
        word_length += 1
        previous_kind = kind
        if after_space:
            phrases += 1
            gap_u = gap_u or (f & _BASE_U) != 0
            gap_z = gap_z or (f & _BASE_Z) != 0
            prebase_after_gap = (f & _PREBASE) != 0
            after_space = False
        elif f & _ZAWGYI_LETTER:
            prebase_after_gap = False
        competing = competing or (previous & f & (_UPPER | _LOWER)) != 0
        previous = f
        seen |= f
    if competing or ord(text[end - 1]) == 0x1039 or (gap_u and gap_z):
        return _OPEN
    verdict = _OPEN
    if seen & _LETTER and certain <= MARKOV_CLIP:  # (a letter: ``weigh`` would not call it letterless)
        total = pair_sum(text, start, end, states, table, size)
        lean = -total if total is not None else 0.0
        if end - start < SHORT_RUN:
            lean *= SHORT_RUN_MODEL_SCALE
        if lean <= -MARKOV_CLIP and not gap_u:
            verdict = _UNICODE | _AT_CLIP  # (``weigh`` also asks that no word betray a misreading)
        elif lean >= MARKOV_CLIP and not gap_z and not zero_width:
            verdict = _ZAWGYI
    if verdict == _OPEN:
        # Short of the clip, the run's whole evidence can be as certain, or show there is
        # nothing to tell. ``weigh`` remembers it for detection, which asks the same of an
        # open run; a run too long to remember is left to detection, to be weighed once.
        if end - start > MEMO_CHARS:
            return _OPEN
        evidence = weigh(text[start:end])
        own = evidence.total
        if evidence.identical:
            verdict = _OPEN if gap_u else _SAME
        elif own <= -certain and not gap_u:
            verdict = _UNICODE
        elif own >= certain and not gap_z and not zero_width:
            verdict = _ZAWGYI
        else:
            return _OPEN
    if phrases > 1 and _phrase_leans_other_way(text, start, end, (verdict & 3) != _ZAWGYI, states, table, size):
        return _OPEN
    if seen & _OTHER and (zero_width or 2 * well_formed >= carriers) and run_language(text[start:end]) != "burmese":
        return _OPEN  # (where too few words could vote for another language, it is Burmese unasked)
    return verdict


def _phrase_leans_other_way(
    text: str, start: int, end: int, unicode: bool, states: array[int], table: array[float], size: int
) -> bool:
    """Does a phrase of ``MIN_VOTING_PHRASE`` characters or more lean, by ``CONFIDENT``, to the
    encoding the run is not (``detect.split_mixed`` weighs phrases only then)?"""
    i = start
    while i < end:
        j = i
        while j < end and text[j] != " ":
            j += 1
        if j - i >= MIN_VOTING_PHRASE:
            total = pair_sum(text, i, j, states, table, size)
            lean = -total if total is not None else 0.0
            if (lean >= CONFIDENT) if unicode else (lean <= -CONFIDENT):
                return True
        i = j + 1
    return False


def _words(run: str, table: WordLookup, betrayal_open: bool, copies: bool) -> str | None:
    """``run``'s words through the memo, put back between its spaces, as
    ``pipeline._word_pass`` puts them; ``_PLACE`` where a word has a problem to report
    (the pipeline places it); None where the run is not settled after all.

    ``betrayal_open``: the run's Unicode verdict stands only where no word betrays a
    misreading (``diagnose.misreading_score`` is the sum over its words: ``detect.weigh``
    asks it of the run at the model's clip; the memo knows it of each word,
    ``WordTable.betraying``, and a clean word betrays nothing). ``copies``: Unicode is read
    and written, where ``pipeline.decide_word`` returns a clean word unchanged, and a word
    whose ``normalize.clean_form`` is known as that form: neither needs a memo entry.
    """
    words = run.split(" ")
    out: list[str] = []
    pending: list[str] = []
    slots: list[int] = []
    for i in range(len(words)):
        word = words[i]
        if copies:
            if is_clean(word):
                out.append(word)
                continue
            quick = clean_form(word)  # what ``decide_word`` makes of it, found without the memo
            if quick is not None:
                if betrayal_open and misreading_score(word):
                    return None
                out.append(quick)
                continue
        out.append("")  # filled from the memo below
        pending.append(word)
        slots.append(i)
    if not pending:
        return " ".join(out)
    known = table.text
    for word in pending:
        if word not in known:
            table.fill(pending, False)
            known = table.text
            break
    if betrayal_open and table.betraying and not table.betraying.isdisjoint(pending):
        return None
    flagged = table.flagged
    if flagged and not flagged.isdisjoint(pending):
        return _PLACE
    for k in range(len(slots)):
        out[slots[k]] = known[pending[k]]
    return " ".join(out)
