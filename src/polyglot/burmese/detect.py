"""Is a run of Burmese text Zawgyi or Unicode? Segment by segment, with evidence.

Zawgyi reuses Unicode's code points with other meanings, so the same bytes have two
readings and only evidence can choose. polyglot weighs four kinds:

1. **The myanmar-tools model.** Google's Markov model of character pairs, the de-facto
   standard detector, read from the ``myanmartools`` package's own model file. It is
   near perfect on sentences and weak on short strings.
2. **Structure.** Each reading is parsed into syllables (UTN #11). Zawgyi read as
   Unicode is usually ill-formed (a vowel E or medial RA stored before its consonant,
   a mark after a space); Unicode read as Zawgyi converts into ill-formed text as often.
3. **Words.** ICU's Burmese dictionary counts the real words in each reading
   (``lexicon.word_joins``); the right reading has more.
4. **Context.** A document is usually in one encoding: a segment too short to judge on
   its own takes the encoding of the document's clear segments.

A segment whose two readings are identical is ``unicode`` with nothing to do. Where the
evidence stays weak and the document gives no context, the answer is ``ambiguous``,
never a silent guess: the pipeline follows the evidence's lean and says that it guessed.

The model's arithmetic, and how polyglot reads the model file more correctly than
myanmartools 1.2.1 does, is in ``markov``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from polyglot.burmese.chars import (
    CONSONANTS,
    INDEPENDENT_VOWELS,
    MARK_IN_BOTH_CLASS,
    VIRAMA,
    ZAWGYI_LETTERS,
    char_class,
    myanmar_chars,
    zawgyi_needs_base,
)
from polyglot.burmese.clean import clean_shape, is_clean
from polyglot.burmese.convert import unicode_to_zawgyi, zawgyi_to_unicode
from polyglot.burmese.diagnose import has_repeated_vowels, misreading_score, problems
from polyglot.burmese.language import OTHER_LANGUAGE_CHAR, run_language
from polyglot.burmese.lexicon import all_words, is_word, word_joins
from polyglot.burmese.markov import markov_model, sigmoid
from polyglot.burmese.memo import short_texts
from polyglot.burmese.normalize import canonical
from polyglot.burmese.segment import Segment, myanmar_segments
from polyglot.patterns import lazy_compile

Encoding = Literal["zawgyi", "unicode", "ambiguous", "neutral"]
"""``neutral``: the run has no encoding to find (digits, punctuation, marks with no letter),
so there is nothing to convert and no probability to give (``no_encoding``)."""

CONFIDENT = 2.0
"""Log-odds beyond which a segment is decided on its own evidence (P ≈ 0.88 / 0.12)."""

WORD_WEIGHT = 3.0
"""Log-odds per dictionary word boundary one reading has more than the other: two
syllables joined into a word ICU's dictionary knows rarely happen by accident."""

DOCUMENT_PRIOR_CAP = 4.0
"""The document's encoding is a prior on each of its segments, worth at most this many
log-odds: enough to overrule a short segment's weak model score, never a pasted
sentence's clear evidence (which reaches the 12 of ``MARKOV_CLIP`` alone)."""

ROUND_TRIP_UNSTABLE = 4.0
ROUND_TRIP_STABLE = -1.5
"""Evidence from ``survives_round_trip`` (log-odds), rounded down from likelihood ratios
measured on labelled data: real Unicode nearly always survives, Zawgyi read as Unicode
rarely does. The measurements are in ``docs/DECISIONS.md``."""

SHORT_RUN = 24
SHORT_RUN_MODEL_SCALE = 0.6
"""The model's log-odds on a run shorter than ``SHORT_RUN`` characters are multiplied by
this: a handful of characters gives the model few transitions to judge, so a rare one
moves its score a long way, and the score must be calibrated before it is added to the
other evidence (honest likelihood ratios). The fit behind the value is in
``docs/DECISIONS.md``."""

MARKOV_CLIP = 12.0
"""The Markov score is capped so that clear structural or lexical evidence can overrule
it (it was trained on typical text and is overconfident on damaged or unusual text)."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """The separate signals for one segment, in log-odds of Zawgyi."""

    markov: float
    structure: float
    words: float
    identical: bool
    round_trip: float = 0.0
    letterless: bool = False
    """No letter in either reading, or only a number (``no_encoding``): nothing to weigh,
    treated as ``identical``."""

    @property
    def total(self) -> float:
        return self.markov + self.structure + self.words + self.round_trip

    def describe(self) -> str:
        if self.letterless:
            return "no letter in either encoding (digits, punctuation or marks alone): no encoding to tell"
        if self.identical:
            return "same text in both encodings"
        parts = [f"model {self.markov:+.1f}"]
        if self.structure:
            parts.append(f"syllable structure {self.structure:+.1f}")
        if self.words:
            parts.append(f"dictionary words {self.words:+.1f}")
        if self.round_trip:
            parts.append(f"round trip {self.round_trip:+.1f}")
        return ", ".join(parts) + " (log-odds of Zawgyi)"


@short_texts(maxsize=1 << 15)
def weigh(text: str) -> Evidence:
    """Gather the evidence for one Myanmar run. Pure and memoized: runs repeat.

    A run with no letter in either reading carries no evidence (``no_letter``). Spaces
    typed before marks are left out (``_TYPED_GAP_BEFORE_MARK``). A run that
    ends in a virama after clean Unicode, and whose Zawgyi reading is ill-formed, is
    weighed without that virama: it is a word cut off before the
    consonant the virama stacks (``အခန်းကဏ္`` for ``အခန်းကဏ္ဍ``), and a cut says nothing
    about the encoding of the text before it.
    """
    if no_encoding(text):
        return Evidence(0.0, 0.0, 0.0, identical=True, letterless=True)
    if _truncated_unicode(text):
        return weigh(text[:-1])
    if " " in text or "\t" in text:
        joined = _join_typed_gaps(text)
        if joined != text:
            return weigh(joined)
    llr = -(markov_model().unicode_log_ratio(text) or 0.0)
    if len(text) < SHORT_RUN:
        llr *= SHORT_RUN_MODEL_SCALE
    markov = max(-MARKOV_CLIP, min(MARKOV_CLIP, llr))
    if llr >= MARKOV_CLIP or (llr <= -MARKOV_CLIP and not misreading_score(text)):
        # The model alone is at its clip: a likelihood ratio above 160,000, which it
        # reaches on sentences, where it is near perfect. The costlier evidence exists
        # for short, unclear strings. Nor is the run converted to see whether both
        # readings are the same (ICU costs about a microsecond per character, more
        # than everything else here): if they are,
        # treating the run as either encoding gives the same text, and a run long
        # enough for the model to be this sure shows how its writer types either way.
        # A Unicode verdict is first checked against the run's own syllables, which
        # costs nothing: Zawgyi read as Unicode (an asat that "stacks", a vowel on a
        # Shan digit) can fool the model, never the structure.
        return Evidence(markov, 0.0, 0.0, identical=False)
    converted = zawgyi_to_unicode(text)
    if converted == text:
        return Evidence(0.0, 0.0, 0.0, identical=True)
    structure = misreading_score(text) - misreading_score(converted)
    words = round_trip = 0.0
    if abs(markov + structure) < 2 * CONFIDENT + WORD_WEIGHT * 4:
        words = WORD_WEIGHT * (word_joins(converted) - word_joins(text))
        if not has_repeated_vowels(text):  # ICU collapses those both ways: no evidence
            round_trip = ROUND_TRIP_UNSTABLE if not survives_round_trip(text) else ROUND_TRIP_STABLE
    return Evidence(markov, structure, words, identical=False, round_trip=round_trip)


_ZERO = "\u1040"
_LETTER = re.compile(f"[{char_class(CONSONANTS | INDEPENDENT_VOWELS | ZAWGYI_LETTERS | {_ZERO})}]")


def no_letter(text: str) -> bool:
    """Does ``text`` hold no Burmese letter in either reading (only marks, digits, punctuation)?

    The two encodings differ in how they store the marks *around a letter* (Zawgyi puts
    the vowel E and medial RA before it, and draws variants of the others), so text
    without a letter has no syllable either reading could make well-formed: a lone
    ``ြ`` is Zawgyi's WA or Unicode's RA with nothing to tell them apart, and guessing
    would convert it again each time it is normalized (``ြ`` → ``ွ`` → ``ှ``). Such text
    is left as typed, and the diagnostics report its marks with no letter. The digit
    zero counts as a letter: it is the look-alike typed for wa (``ေ၀့`` is Zawgyi ဝေ့).
    """
    return _LETTER.search(text) is None


_TYPED_GAP_BEFORE_MARK = lazy_compile(f"(?<=\\S)[ \t]+(?=[{MARK_IN_BOTH_CLASS}])")
"""Spaces typed between a letter and a mark that follows a letter in both encodings: a
typing habit of Zawgyi and Unicode typists alike (``ရဲ ႔``, ``ဖွင့ ်``), so no evidence of
either encoding. The run is weighed as if they were not there; what ``repair`` does with
them is its own decision."""


_NUMBERS_AND_PUNCTUATION = re.compile("[\u1040-\u1049\u104a\u104b\\s\u200b]+")


def no_encoding(text: str) -> bool:
    """Is ``text`` neither Zawgyi nor Unicode, but the same thing in both?

    Digits and the section marks ``၊ ။`` are the same code points with the same meaning in
    both encodings, and text with no letter at all (``no_letter``) has no syllable either
    reading could make; such a run is not evidence of anything, and calling it ``unicode``
    with P(Zawgyi) = 0 would claim a certainty nobody has. (The digit zero alone is such a
    number; beside marks it is the look-alike typed for wa, and then a letter.)
    """
    return no_letter(text) or _NUMBERS_AND_PUNCTUATION.fullmatch(text) is not None


def _join_typed_gaps(text: str) -> str:
    """``text`` without the spaces typed before marks, except in a list of single
    characters (``ါ ာ ိ``), where each mark stands alone on purpose."""
    from polyglot.burmese.repair import in_character_list

    gaps = [m for m in _TYPED_GAP_BEFORE_MARK.finditer(text) if not in_character_list(text, m.start(), m.end())]
    for m in reversed(gaps):
        text = text[: m.start()] + text[m.end() :]
    return text


def well_formed_unicode(text: str) -> bool:
    """Is ``text`` Unicode Burmese in canonical order with nothing ill-formed?

    ``clean.is_clean`` answers yes to most such text in one compiled pass, and is only
    its pre-filter: what it does not recognise is normalized and checked here, so the
    answer is the same with the shortcut switched off.
    """
    return is_clean(text) or (canonical(text) == text and not problems(text))


def _truncated_unicode(text: str) -> bool:
    if len(text) < 2 or not text.endswith(VIRAMA) or not clean_shape(text[:-1]):
        return False
    return misreading_score(canonical(zawgyi_to_unicode(text))) > 0


def clearly_unicode(text: str, evidence: Evidence) -> bool:
    """Does a run's own evidence say Unicode so clearly that no document prior may overrule it?

    Its evidence is decided on its own (beyond ``CONFIDENT``), and the run is well-formed
    Unicode in canonical order made entirely of dictionary words (``lexicon.all_words``;
    a word cut off after a virama counts by what precedes the cut). A short Unicode
    phrase pasted into a Zawgyi document (``တစ်ဦး``) is exactly that, and its Zawgyi
    reading (``တဈဦး``) is not Burmese anyone typed. Where the Zawgyi reading makes as
    many words (``zawgyi_words_as_good``), the words do not make it clear.
    """
    if evidence.total > -CONFIDENT or evidence.identical:
        return False
    if _truncated_unicode(text):
        text = text[:-1]
    return well_formed_unicode(text) and all_words(text) and not zawgyi_words_as_good(text)


def zawgyi_words_as_good(text: str) -> bool:
    """Does ``text`` stack a consonant (U+1039) and its Zawgyi reading, well-formed, make
    as many dictionary words as the stacked reading?

    Zawgyi writes a killed consonant with U+1039, its asat, which Unicode reads as the
    virama of a stack; loanwords are spelled both ways, and both spellings of a month
    name are in the dictionary (``ဇန္နဝါရီ``: Unicode's stacked spelling, or Zawgyi for
    ``ဇန်နဝါရီ``). There the words cannot say which was meant, however sure the model
    is: the word is not clearly Unicode, the document decides, and an unclear verdict is
    reported.
    """
    if VIRAMA not in text:
        return False
    read = canonical(zawgyi_to_unicode(text))
    return read != text and not problems(read) and word_score(read) >= word_score(text)


@short_texts(maxsize=1 << 14)
def zawgyi_reading(word: str) -> str | None:
    """What a word of a run treated as Unicode says if it is Zawgyi typed there, else None.

    Only evidence the Unicode rules cannot explain away counts: read as Unicode the word
    betrays a misreading (``diagnose.misreading_score``: a virama with nothing under it,
    a mark with no letter, the vowel E with an asat …) or holds a code point Burmese
    Unicode never uses (Zawgyi's glyph variants, ``language.LANGUAGE_OF``); the Unicode
    word rules leave it so; and read as Zawgyi it is well-formed Burmese. The run's
    encoding stands (one word is no evidence against a sentence), but such a word is a
    paste or a Zawgyi keyboard's word: reordering its marks as Unicode half-converts it
    (``တိုးျမွင့္`` → ``တျိုးမွင့္``), which is neither what was typed nor what was meant,
    and the next run reads the result differently. So the pipeline leaves it as typed
    and says what it would read as.
    """
    if not (OTHER_LANGUAGE_CHAR.search(word) or misreading_score(word) > 0):
        return None
    unicode = canonical(word)
    if not problems(unicode) and not OTHER_LANGUAGE_CHAR.search(unicode):
        return None  # the Unicode rules make it well-formed: a Unicode typist's slip
    reading = canonical(zawgyi_to_unicode(word))
    if reading == unicode or problems(reading) or OTHER_LANGUAGE_CHAR.search(reading):
        return None
    return reading


def survives_round_trip(text: str) -> bool:
    """Does ``text``, read as Unicode, come back unchanged through Zawgyi and back?

    ICU's two transforms are built to invert each other on real Unicode Burmese. Zawgyi
    misread as Unicode is not Burmese ICU knows how to write in Zawgyi, so the round trip
    rewrites it. (Only this direction is used: on machine-made Zawgyi the other round
    trip is stable by construction and would prove nothing.)

    What ``Zawgyi-my`` changes on purpose in any text is not counted: it drops the
    spaces around a zero-width space and reads the digit zero between letters as wa
    (``၀တ္ထု``), look-alikes that real Unicode has as often as Zawgyi. So the comparison
    leaves out all whitespace and zero-width spaces and reads every ၀ as ဝ: the evidence
    is in the letters and marks, and a misreading changes those.
    """
    return _round_trip_key(zawgyi_to_unicode(unicode_to_zawgyi(text))) == _round_trip_key(text)


_SPACES_AND_BREAKS = re.compile("[\\s\u200b]+")


def _round_trip_key(text: str) -> str:
    return _SPACES_AND_BREAKS.sub("", canonical(text)).replace("\u1040", "\u101d")


@dataclass(frozen=True, slots=True)
class Detection:
    """The verdict on one Myanmar segment."""

    segment: Segment
    encoding: Encoding
    probability: float
    """P(Zawgyi) after all evidence, including context."""
    detector_probability: float
    """P(Zawgyi) from the myanmar-tools model alone (for comparison)."""
    evidence: str
    language: str = "burmese"
    """The run's language: ``burmese``, or ``shan``, ``mon``, ``karen``, ``pali``, ``other``
    (``language.run_language``), which polyglot leaves exactly as it is."""
    given: bool = False
    """The caller gave the encoding (``--from``): nothing is guessed, not even word by word
    (``zawgyi_reading``)."""

    @property
    def is_burmese(self) -> bool:
        return self.language == "burmese"

    @property
    def treat_as(self) -> Literal["zawgyi", "unicode"]:
        """What the pipeline does with the segment: an ambiguous one follows its lean
        (and the pipeline reports that it guessed)."""
        if self.encoding == "ambiguous":
            return "zawgyi" if self.probability > 0.5 else "unicode"
        if self.encoding == "neutral":
            return "unicode"  # the same text either way: nothing to convert
        return self.encoding

    @property
    def line(self) -> int:
        return self.segment.line

    @property
    def column(self) -> int:
        return self.segment.column

    @property
    def end_column(self) -> int:
        return self.segment.end_column

    @property
    def text(self) -> str:
        return self.segment.text

    def to_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "column": self.column,
            "end_column": self.end_column,
            "encoding": self.encoding,
            "probability": round(self.probability, 6),
            "detector_probability": _finite(self.detector_probability),
            "text": self.text,
            "evidence": self.evidence,
            "language": self.language,
        }


def _finite(p: float) -> float | None:
    return None if math.isinf(p) else round(p, 6)


def _votes(seg: Segment, ev: Evidence) -> tuple[int, int]:
    """A confident segment's vote for its document's encoding: its length, per side."""
    if ev.identical:
        return 0, 0
    if ev.total >= CONFIDENT:
        return len(seg.text), 0
    if ev.total <= -CONFIDENT:
        return 0, len(seg.text)
    return 0, 0


def _prior(zawgyi: int, unicode: int) -> float:
    """The document's encoding as capped log-odds, from the confident segments' votes."""
    if zawgyi + unicode == 0:
        return 0.0
    lean = math.log((zawgyi + 1) / (unicode + 1))
    return max(-DOCUMENT_PRIOR_CAP, min(DOCUMENT_PRIOR_CAP, lean))


_PHRASE = re.compile(r"[^ \t]+")
"""Phrases are separated by ordinary spaces: other whitespace inside Burmese is more
often damage (a stand-in for a lost letter) than a boundary."""

_SPACE = re.compile(r"\s")
_OTHER_SPACE = re.compile(r"[^\S \t]")
"""Whitespace other than the ordinary space (tabs, no-break and other spaces)."""

SWITCH_COST = 4 * CONFIDENT
"""Log-odds against an encoding switch between two phrases of one run.

A paste from the other encoding, with nothing but a space between it and the text
around it, is far rarer than a phrase the model misjudges (a Pali verse or a loanword
is unusual text in either encoding), so a switch costs four times the evidence a whole
run needs to be decided (4 × ``CONFIDENT``). One clear phrase at the end of a run can
still split it (a Zawgyi sentence appended to a Unicode one reaches the model's clip of
12), while a phrase in the middle must pay for two switches: an island needs evidence
above 16, which a misjudged word does not reach and a pasted sentence does."""

MIN_VOTING_PHRASE = 3
"""Shorter fragments carry too little evidence to weigh on their own."""


def _cheapest_labels(evidence: list[float], switch_cost: float) -> list[bool]:
    """Label each phrase Zawgyi (True) or Unicode so that agreeing with each phrase's
    evidence, minus ``switch_cost`` per change of label, scores best (Viterbi over two
    states). Ties keep the earlier label: a switch needs evidence that pays for it, and
    phrases with no evidence stay with the phrases before them."""
    best = {True: 0.0, False: 0.0}
    back: list[dict[bool, bool]] = []
    for e in evidence:
        step, choices = {}, {}
        for label in (True, False):
            stay, switch = best[label], best[not label] - switch_cost
            choices[label] = label if stay > switch else not label  # on a tie, switch as late as possible
            step[label] = max(stay, switch) + (e if label else -e) / 2
        best = step
        back.append(choices)
    label = best[True] >= best[False]
    labels = []
    for choices in reversed(back):
        labels.append(label)
        label = choices[label]
    return labels[::-1]


def split_mixed(seg: Segment) -> list[Segment]:
    """Split a run where text pasted in one encoding meets text in the other.

    Burmese separates phrases with spaces, and a paste boundary falls between phrases.
    Each phrase is weighed on its own, and the run is cut where the labelling that best
    agrees with the phrases, at ``SWITCH_COST`` per change, changes encoding: a whole
    pasted sentence splits off, a word the model misjudges stays with its run. Phrases
    are weighed only when the model itself leans to both encodings within the run: a
    pasted phrase is what it sees best, and this keeps the cost of detection near one
    evaluation per run.
    """
    text = seg.text
    words = _PHRASE.findall(text)
    if len(words) < 2:
        return [seg]
    damaged = _OTHER_SPACE.search(text) is not None  # only then can a phrase hold whitespace
    model = markov_model()
    leans = {
        p: -(model.unicode_log_ratio(p) or 0.0)
        for p in words
        if len(p) >= MIN_VOTING_PHRASE and not (damaged and _SPACE.search(p))
    }
    if not (max(leans.values(), default=0) >= CONFIDENT and min(leans.values(), default=0) <= -CONFIDENT):
        return [seg]  # the model sees one encoding throughout: no paste boundary to find
    phrases = list(_PHRASE.finditer(text))
    # Too short or damaged phrases (whitespace inside) have no say: evidence 0.
    evidence = [weigh(m.group()).total if m.group() in leans else 0.0 for m in phrases]
    labels = _cheapest_labels(evidence, SWITCH_COST)
    cuts = [phrases[i].start() for i in range(1, len(phrases)) if labels[i] != labels[i - 1]]
    if not cuts:
        return [seg]
    out, start = [], 0
    for cut in [*cuts, len(seg.text)]:
        piece = seg.text[start:cut].rstrip(" \t")  # other whitespace may stand for a lost letter
        out.append(Segment(seg.start + start, seg.start + start + len(piece), seg.line, seg.column + start, piece))
        start = cut
    return out


@dataclass(frozen=True)
class Prior:
    """Evidence about a whole document's encoding from outside its text (its fonts), as
    log-odds of Zawgyi, with what it is for ``--explain``. It is added to the lean the
    document's own clear runs give, so, like that lean, it tips unclear runs and is never
    allowed to overrule a run whose own evidence clearly says Unicode."""

    log_odds: float
    reason: str


def detect_segments(
    segments: Iterable[Segment], prior: Prior | None = None, votes: tuple[int, int] = (0, 0)
) -> list[Detection]:
    """Decide each segment, letting the document's clear segments (and ``prior``) inform unclear ones.

    The detections' segments may be finer than the ones given (see ``split_mixed``).
    ``votes`` are (Zawgyi, Unicode) votes of the document's other runs, decided without
    a detection (``settle``): they count as the given segments' own votes do.
    """
    model = markov_model()
    segments = list(segments)
    scored: list[tuple[Segment, Evidence | str]] = []
    for seg in segments:
        language = run_language(seg.text)
        if language != "burmese":
            scored.append((seg, language))  # another language: no encoding question, no vote
        else:
            scored += [(part, weigh(part.text)) for part in split_mixed(seg)]
    own_votes = [_votes(seg, ev) if isinstance(ev, Evidence) else (0, 0) for seg, ev in scored]
    zawgyi_votes = votes[0] + sum(z for z, _ in own_votes)
    unicode_votes = votes[1] + sum(u for _, u in own_votes)
    out = []
    for (seg, ev), (own_z, own_u) in zip(scored, own_votes, strict=True):
        lean = _prior(zawgyi_votes - own_z, unicode_votes - own_u)  # the rest of the document
        outside = prior.log_odds if prior is not None else 0.0
        detector_p = model.probability(seg.text)
        if isinstance(ev, str):
            out.append(other_language(seg, ev, detector_p))
            continue
        if ev.identical:
            if ev.letterless:  # digits, punctuation: no encoding to find, no probability to give
                out.append(Detection(seg, "neutral", 0.5, detector_p, ev.describe()))
            else:
                out.append(Detection(seg, "unicode", 0.0, detector_p, ev.describe()))
            continue
        if lean + outside > 0 and clearly_unicode(seg.text, ev):
            lean = outside = 0.0  # the prior may tip an unclear run, never overrule clear evidence
        total, doubt = prior_tips(seg.text, ev, lean + outside)
        if not doubt and abs(total) >= CONFIDENT and abs(ev.total) < WORDS_OVERRULED:
            doubt = words_disagree(seg.text, total)
        encoding: Encoding
        evidence = ev.describe()
        if abs(lean) >= 1.0:
            evidence += f"; document prior {lean:+.1f}"
        if outside and prior is not None:
            evidence += f"; {prior.reason} {outside:+.1f}"
        if doubt:
            encoding = "ambiguous"
            evidence += f"; {doubt}"
        elif total >= CONFIDENT:
            encoding = "zawgyi"
        elif total <= -CONFIDENT:
            encoding = "unicode"
        else:
            encoding = "ambiguous"
            evidence += "; unclear"
        out.append(Detection(seg, encoding, sigmoid(total), detector_p, evidence))
    return out


def prior_tips(text: str, ev: Evidence, lean: float) -> tuple[float, str]:
    """The run's log-odds with the document's ``lean``, and why the verdict must stay
    ``ambiguous`` where the prior alone would decide it ("" where it may).

    The prior is a fact about the other runs, not about this one, so where it alone
    would decide, the two readings are compared (each in canonical order): their
    syllables (``diagnose.problems``), then their words (``word_score``).

    * Converting changes what was typed, so it takes evidence of the run's own where it
      would make well-formed text ill-formed, or dictionary words fewer words (a Unicode
      phrase pasted into a Zawgyi document, ``တစ်ဦး`` → ``တဈဦး``): the prior is not
      counted, and the run is left as typed, reported.
    * Where both readings are well-formed and the Zawgyi reading makes more dictionary
      words (``မွာ``: Unicode mwa, no word, or Zawgyi for the word မှာ) in a Unicode
      document, the prior is not counted: the run's own evidence leans, and the verdict
      is reported as ambiguous with both readings.
    * Where both readings are well-formed and the words do not settle it (``မွ`` and
      ``မှ``, both words), the run follows the prior but is reported with both readings:
      a short Zawgyi word in a Unicode document is exactly this, and a silent choice
      would be a silent error.
    * Where the words agree with the prior, or the typed text is ill-formed as Unicode
      (the structure evidence has spoken, and ``zawgyi_reading`` guards its words), the
      prior decides.
    """
    total = ev.total + lean
    if not _prior_decides(ev.total, total):
        return total, ""
    typed, read = both_readings(text)
    if problems(typed):
        return total, ""  # ill-formed as Unicode: the structure has spoken (and see ``zawgyi_reading``)
    readings = f"{typed!r} as Unicode, {read!r} as Zawgyi"
    if problems(read):
        if lean > 0:
            return min(ev.total, 0.0), f"converting would make well-formed text ill-formed ({readings}): left as typed"
        return total, ""
    typed_words, read_words = word_score(typed), word_score(read)
    if (typed_words > read_words and lean < 0) or (read_words > typed_words and lean > 0):
        return total, ""  # the words agree with the prior
    if lean > 0 and typed_words > read_words:
        return min(ev.total, 0.0), f"converting would make fewer dictionary words ({readings}): left as typed"
    if lean < 0 and read_words > typed_words:
        return ev.total, f"the Zawgyi reading makes more dictionary words ({readings}): the prior not counted"
    return total, f"both readings well-formed ({readings}), the words do not settle it: the document prior chose"


WORDS_OVERRULED = 2 * CONFIDENT
"""Own evidence below this (twice what decides a run) does not silence words that disagree
with it (``words_disagree``): on a word or two, the model and the round trip can be that
sure and still be wrong."""


def words_disagree(text: str, total: float) -> str:
    """Why a decided verdict must be reported as ``ambiguous``: the reading it rejects is
    well-formed and makes more dictionary words than the one it keeps ("" when not).

    Zawgyi ``က်`` is the word ကျ; read as Unicode it is a lone killed ka, which the model
    and the round trip take for Unicode. The verdict stands (real Unicode is never
    changed on a guess), but a choice the words contradict is not made in silence.
    """
    typed, read = both_readings(text)
    kept, rejected = (read, typed) if total > 0 else (typed, read)
    if kept == rejected or problems(rejected) or word_score(rejected) <= word_score(kept):
        return ""
    return f"the other reading makes more dictionary words ({typed!r} as Unicode, {read!r} as Zawgyi)"


def _prior_decides(own: float, total: float) -> bool:
    """Does adding the prior turn the run's own log-odds ``own`` into another verdict or lean?"""
    if (own > 0) != (total > 0):
        return True  # the lean changes side
    return abs(own) < CONFIDENT <= abs(total)  # an unclear run becomes a decided one


_GAP_BEFORE_ZAWGYI_MARK = lazy_compile(f"[ \t]+(?=[{char_class(myanmar_chars(zawgyi_needs_base))}])")


def both_readings(text: str) -> tuple[str, str]:
    """``text`` read as Unicode and as Zawgyi, in canonical order, to be compared as words.

    The Zawgyi reading leaves out the spaces a Zawgyi typist puts before a mark (``သူ ႔``:
    ႔ is a Shan digit in Unicode, so ``weigh`` does not join it): without them the reading
    is the word meant, with them a mark with no letter.
    """
    return canonical(text), canonical(zawgyi_to_unicode(_GAP_BEFORE_ZAWGYI_MARK.sub("", text)))


def word_score(text: str) -> tuple[bool, int, int]:
    """How much of ``text`` reads as dictionary words, to compare two readings of it:
    whether every syllable belongs to a word (``lexicon.all_words``), then how many
    syllable boundaries fall inside words (``lexicon.word_joins``), then how many of its
    space-separated pieces are each one word (``lexicon.is_word``: ``မှာ`` is, ``မွာ`` is not)."""
    return all_words(text), word_joins(text), sum(map(is_word, text.split()))


def other_language(seg: Segment, language: str, detector_p: float) -> Detection:
    """The detection of a run in another language than Burmese: Unicode, left as it is."""
    why = f"{language.title()} in Myanmar script (language.run_language): not Burmese, left exactly as it is"
    return Detection(seg, "unicode", 0.0, detector_p, why, language)


def assume_encoding(segments: Iterable[Segment], encoding: Literal["zawgyi", "unicode"]) -> list[Detection]:
    """Detections for a caller who knows the encoding (``--from``): no guessing at all.

    The language is still found: Shan, Mon or Karen text in a Zawgyi document is Unicode
    (Zawgyi has no way to write it), and Burmese rules would damage it.
    """
    model = markov_model()
    p = 1.0 if encoding == "zawgyi" else 0.0
    out = []
    for seg in segments:
        language = run_language(seg.text)
        if language != "burmese":
            out.append(other_language(seg, language, model.probability(seg.text)))
        else:
            out.append(
                Detection(seg, encoding, p, model.probability(seg.text), "encoding given by the user", given=True)
            )
    return out


def detect_text(text: str) -> list[Detection]:
    """Detect the encoding of every Myanmar segment of ``text``."""
    return detect_segments(myanmar_segments(text))
