"""``normalize_text``: incoming text in, clean standard Unicode Burmese out, every change explained.

This is the one function the CLI, the catalog checks and batch jobs call, and the only
implementation of the pipeline's decisions. It is a pure function of its input (no I/O,
no global state beyond caches), so it is safe to run in worker processes and on a
distributed engine.

Every rule declares its **scope** (``changes.Scope``), and the pipeline gives each rule
exactly the text its scope names:

0. **language**: a run of Shan, Mon, Karen or Pali (``language``) is left exactly as it
   is, and reported so by ``detect``; every step below is for Burmese runs only;
1. **document**: detect each run's encoding with the document as context
   (``detect``), and plan the repairs of PDF damage with the document's evidence
   (``repair``);
2. **run**, for each run of Myanmar script (everything else is copied through
   untouched): apply the planned repairs, and the one conversion rule that looks across
   a space (``convert.spaced_zwsp_edits``); a run that is clean Unicode and stays
   Unicode is done (``clean.is_clean``);
3. **word**, for each whitespace-free piece of the run: convert Zawgyi to Unicode
   (``convert``), apply the word rules of ``normalize.RULES``, diagnose what is still
   ill-formed (``diagnose``), and convert back to Zawgyi if asked (``target="zawgyi"``).
   This is decided once per distinct (word, encoding, target) and kept in ``MEMO``,
   with the word's edits and problems relative to the word; the run is the words put
   back between its spaces;
4. **run** again: the run rules of ``normalize.RULES`` (none yet), after which the run's
   words go through step 3 once more, as Unicode.

With ``explain=False`` the words are put back without building change records (what
the batch writer wants: the text and the diagnostics); with ``explain=True`` the memo's
edits are placed in the document, so the changes are the same ones, found once.

A run whose encoding stays ``ambiguous`` (weak evidence, no document context) is
treated by its lean, and a diagnostic says so: no silent guesses.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from polyglot.burmese.changes import Change, Rule, TrackedText
from polyglot.burmese.clean import is_clean
from polyglot.burmese.convert import (
    UNICODE_TO_ZAWGYI,
    ZAWGYI_TO_UNICODE,
    conversion_edits,
    spaced_zwsp_edits,
    unicode_to_zawgyi,
    zawgyi_to_unicode,
)
from polyglot.burmese.diagnose import Diagnostic, Problem, misreading_score, problems, reordered_still_ill_formed
from polyglot.burmese.normalize import canonical_words, rules_by_scope
from polyglot.burmese.segment import Locator, Segment, has_myanmar, myanmar_segments
from polyglot.burmese.shortcuts import shortcuts_on

if TYPE_CHECKING:
    from polyglot.burmese.detect import Detection, Prior
    from polyglot.burmese.repair import RepairEdit
    from polyglot.burmese.settle import Settlement

Target = Literal["unicode", "zawgyi"]
Source = Literal["auto", "unicode", "zawgyi"]


@dataclass(frozen=True)
class Result:
    """The normalized text, what changed and why, and what is still wrong.

    ``changes`` is empty when the pipeline was asked not to explain (``explain=False``);
    ``changed`` says whether the text differs from the input either way.
    """

    text: str
    changes: list[Change] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    detections: list[Detection] = field(default_factory=list)
    """Every run's detection with ``explain=True``; without it, only the runs the settle
    pass left to detection (``settle``: a settled run is decided without one)."""
    changed: bool = False


def ambiguous_encoding(det: Detection, line: int, column: int) -> Diagnostic:
    """The report of a run whose encoding had to be guessed: both readings, what was done, and how sure."""
    from polyglot.burmese.detect import both_readings  # loaded with detection, for Burmese only

    done = "converted it as Zawgyi" if det.treat_as == "zawgyi" else "left it as typed"
    if det.evidence.endswith(_REDECIDED):
        done += f", {_REDECIDED}"
        odds = f"P(Zawgyi) = {1.0 - det.probability:.2f} by its first reading"
    else:
        odds = f"P(Zawgyi) = {det.probability:.2f}"
    unicode, zawgyi = both_readings(det.text)
    readings = f"as Unicode {unicode!r}, as Zawgyi {zawgyi!r}"
    return Diagnostic(
        line,
        column,
        "ambiguous-encoding",
        f"weak evidence for the encoding of {det.text!r} ({odds}; it reads {readings}); {done}",
        "check it; `polyglot normalize --from` / `detect` show the readings",
    )


# --- word scope: the memo -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One change a rule made inside a word: ``offset`` is into the word as read."""

    step: int
    """The rule's place in the pipeline's order (changes are reported in that order)."""
    offset: int
    before: str
    after: str
    rule: Rule


@dataclass(frozen=True, slots=True)
class Word:
    """A word after every word-scope step, as the memo holds it."""

    text: str
    """The word as written out (in the target encoding)."""
    problems: tuple[Problem, ...]
    """What is ill-formed in it; offsets into the word as read."""
    unicode: str
    """After conversion and normalization, before any conversion back."""
    converted: str
    """After conversion to Unicode only."""
    edits: tuple[WordEdit, ...] | None = None
    """The normalization changes (None: not built yet, nobody asked for an explanation)."""
    origin: tuple[int, ...] | None = None
    """For each character of ``unicode``, the offset in the word it came from (with ``edits``)."""


def decide_word(
    word: str, treat_as: str, target: str, rules: tuple[Rule, ...], *, explain: bool = False, judge: bool = True
) -> Word:
    """One whitespace-free piece of a run through the word-scope steps.

    Convert if Zawgyi, apply the word ``rules``, find the problems (placed in the word as
    it was read), convert back if Zawgyi is wanted. Where the result is clean and no
    explanation is asked for, nothing needs placing, so the bookkeeping is skipped.
    """
    back = unicode_to_zawgyi if target == "zawgyi" else _same
    normalized: str | None = None
    if not explain:
        converted = zawgyi_to_unicode(word) if treat_as == "zawgyi" else word
        if is_clean(converted):
            return Word(back(converted), (), converted, converted)
        normalized = canonical_words(converted)
        if is_clean(normalized):
            return Word(back(normalized), (), normalized, converted)
    if judge and treat_as == "unicode":
        from polyglot.burmese.detect import zawgyi_reading  # loaded with detection, for Burmese only

        reading = zawgyi_reading(word)
        if reading is not None:
            return _left_as_typed(word, reading)
    if normalized is not None and shortcuts_on() and not problems(normalized):
        # Nothing to place (no edits asked for, no problem found): the rules' text is
        # ``normalized`` either way, so it needs no tracking (a phrase with a zero-width
        # space, a bracket or a digit is not ``is_clean`` but is often well-formed).
        return Word(back(normalized), (), normalized, converted)
    tracked = TrackedText.at(word, 0)
    if treat_as == "zawgyi":
        tracked.apply(conversion_edits(word, "unicode"))
    converted = tracked.text
    edits = [
        WordEdit(step, src, before, after, rule)
        for step, rule in enumerate(rules, start=1)
        for src, before, after in tracked.apply(rule.edits(tracked.text))
    ]
    if treat_as == "unicode" and reordered_still_ill_formed(word, tracked.text):
        tracked, edits = TrackedText.at(word, 0), []  # the typed order, reported (see the function)
    found = tuple(
        Problem(tracked.source_offset(p.offset), p.code, p.message, p.suggestion) for p in problems(tracked.text)
    )
    return Word(back(tracked.text), found, tracked.text, converted, tuple(edits), tuple(tracked.origin))


def _left_as_typed(word: str, reading: str) -> Word:
    """A Zawgyi word in a run treated as Unicode (``detect.zawgyi_reading``): unchanged, in
    either target (it is Zawgyi already), and reported with what it would read as."""
    problem = Problem(
        0,
        "zawgyi-word",
        f"{word} reads as Zawgyi for {reading} in text taken for Unicode; left as typed",
        "if it is Zawgyi, replace it with its Unicode reading (or normalize it alone)",
    )
    return Word(word, (problem,), word, word, (), tuple(range(len(word))))


def _same(text: str) -> str:
    return text


WORD_MEMO_LIMIT = 1 << 16
"""Distinct words remembered per (encoding, target): a few megabytes."""

WORD_MEMO_CHARS = 1 << 21
"""Characters of words remembered per (encoding, target): far more than ``WORD_MEMO_LIMIT``
words hold, but a "word" of a line without spaces can be a whole piece of it."""

_EMPTY = Word("", (), "", "", (), ())


class WordTable:
    """The memo for one (encoding, target): every word seen, decided once.

    Plain dictionaries rather than ``lru_cache``, so that a run's words are looked up in
    one list comprehension: ``text`` holds every word's result; ``words`` the whole
    ``Word`` only where there is more to know (problems, or edits someone asked for), so
    that the memo of a writer costs little more than the words themselves; ``flagged``
    the words with problems, so that a run with none is known at once. When the table
    grows past ``WORD_MEMO_LIMIT`` words or ``WORD_MEMO_CHARS`` characters it starts
    afresh, so memory stays bounded on any input.
    """

    def __init__(self, treat_as: str, target: str, rules: tuple[Rule, ...], judge: bool = True) -> None:
        self.treat_as, self.target, self.rules, self.judge = treat_as, target, rules, judge
        self._reset()

    def _reset(self) -> None:
        self.text: dict[str, str] = {"": ""}
        self.words: dict[str, Word] = {"": _EMPTY}
        self.flagged: set[str] = set()
        self.betraying: set[str] = set()
        """Words read as Unicode that betray a misreading (``diagnose.misreading_score``):
        detection's evidence, which ``settle`` needs of each word of a run."""
        self.chars = 0

    def fill(self, words: list[str], explain: bool) -> None:
        """Decide every word of ``words`` not yet known (with its edits, if ``explain``)."""
        missing = set(words).difference(self.text)
        size = sum(map(len, missing))
        if len(self.text) + len(missing) > WORD_MEMO_LIMIT or self.chars + size > WORD_MEMO_CHARS:
            self._reset()
            missing = set(words).difference(self.text)
            size = sum(map(len, missing))
        self.chars += size
        if explain:
            missing.update(w for w in words if w not in self.words or self.words[w].edits is None)
        for word in missing:
            entry = decide_word(word, self.treat_as, self.target, self.rules, explain=explain, judge=self.judge)
            self.text[word] = entry.text
            if explain or entry.problems:
                self.words[word] = entry
            if entry.problems:
                self.flagged.add(word)
            if self.treat_as == "unicode" and misreading_score(word):
                self.betraying.add(word)


class WordMemo:
    """(word, encoding, target) → ``Word``, one table per (encoding, target), per process.

    The memo belongs to the rules it was filled with: replace ``normalize.RULES`` and it
    starts afresh.
    """

    def __init__(self) -> None:
        self.tables: dict[tuple[str, str, bool], WordTable] = {}
        self.rules: tuple[Rule, ...] = ()

    def table(self, treat_as: str, target: str, rules: tuple[Rule, ...], judge: bool = True) -> WordTable:
        if rules != self.rules:
            self.tables, self.rules = {}, rules
        key = (treat_as, target, judge)
        found = self.tables.get(key)
        if found is None:
            found = self.tables[key] = WordTable(treat_as, target, rules, judge)
        return found


MEMO = WordMemo()

_WORD = re.compile(r"\S+")
_OTHER_WHITESPACE = re.compile(r"[^\S ]")


@dataclass
class _Pass:
    """A run after the word-scope steps."""

    text: str
    problems: list[tuple[int, Problem]]
    """(offset in the document, problem)."""
    edits: list[tuple[int, int, WordEdit]]
    """(step, offset in the document, edit), in text order."""
    unicode: str = ""
    converted: str = ""
    origin: list[int] | None = None


def _word_pass(text: str, origin: Callable[[int], int], table: WordTable, explain: bool, track: bool) -> _Pass:
    """``text`` cut into words, each decided by ``table``, put back between the same spaces.

    ``origin`` maps an offset in ``text`` to one in the document. With ``explain`` the
    words' edits are placed; with ``track`` the Unicode text's origins are kept (for run
    rules, which work on the whole run).
    """
    detail = explain or track
    if _OTHER_WHITESPACE.search(text):  # tabs, no-break spaces: cut where ``\S+`` cuts
        words = _WORD.findall(text)
        table.fill(words, detail)
        new = _WORD.sub(lambda m: table.text[m.group()], text)
    else:
        words = text.split(" ")
        table.fill(words, detail)
        new = " ".join([table.text[w] for w in words])
    if not detail and table.flagged.isdisjoint(words):
        return _Pass(new, [], [])
    found: list[tuple[int, Problem]] = []
    edits: list[tuple[int, int, WordEdit]] = []
    unicode: list[str] = []
    converted: list[str] = []
    origins: list[int] = []
    pos = 0
    for m in _WORD.finditer(text):
        entry = table.words.get(m.group())
        if entry is None:  # nothing to place (only when no detail is asked for)
            continue
        start = m.start()
        found.extend((origin(start + p.offset), p) for p in entry.problems)
        if detail:
            gap = text[pos:start]
            unicode += (gap, entry.unicode)
            converted += (gap, entry.converted)
            edits.extend((e.step, origin(start + e.offset), e) for e in entry.edits or ())
            if track:
                origins.extend(origin(i) for i in range(pos, start))
                origins.extend(origin(start + o) for o in entry.origin or ())
        pos = m.end()
    if not detail:
        return _Pass(new, found, [])
    unicode.append(text[pos:])
    converted.append(text[pos:])
    origins.extend(origin(i) for i in range(pos, len(text)))
    return _Pass(new, found, edits, "".join(unicode), "".join(converted), origins if track else None)


# --- run scope ----------------------------------------------------------------------------


class _Report:
    """Where a document's changes and diagnostics are collected, placed by line and column."""

    def __init__(self, text: str, explain: bool) -> None:
        self.text = text
        self.explain = explain
        self.changes: list[Change] = []
        self.diagnostics: list[Diagnostic] = []
        self._locate: Locator | None = None

    def locate(self, offset: int) -> tuple[int, int]:
        if self._locate is None:
            self._locate = Locator(self.text)
        return self._locate(offset)

    def change(self, rule: Rule, offset: int, before: str, after: str, reason: str = "", evidence: str = "") -> None:
        line, column = self.locate(offset)
        self.changes.append(Change(rule.kind, rule.name, line, column, before, after, reason or rule.reason, evidence))

    def problem(self, offset: int, p: Problem) -> None:
        line, column = self.locate(offset)
        self.diagnostics.append(Diagnostic(line, column, p.code, p.message, p.suggestion))


def _normalize_run(
    det: Detection,
    plan: list[RepairEdit],
    target: str,
    rules: tuple[tuple[Rule, ...], tuple[Rule, ...]],
    report: _Report,
) -> str:
    """One run through its run-scope and word-scope steps; changes and problems go to ``report``."""
    seg = det.segment
    text = seg.text
    tracked: TrackedText | None = None
    if plan and det.treat_as == "unicode" and not det.given:
        plan = _spare_zawgyi_words(text, plan)
    if plan:
        tracked = TrackedText.at(text, seg.start)
        for src, before, after, edit in tracked.apply_tagged((e.start, e.end, e.after, e) for e in plan):
            if report.explain:
                line, column = report.locate(src)
                report.changes.append(
                    Change("repair", edit.rule, line, column, before, after, edit.reason, edit.evidence)
                )
        text = tracked.text
    read = text
    if det.treat_as == "zawgyi" and "\u200b" in text:
        spaced = spaced_zwsp_edits(text)
        if spaced:
            tracked = tracked if tracked is not None else TrackedText.at(text, seg.start)
            tracked.apply(spaced)
            text = tracked.text
    word_rules, run_rules = rules
    if det.treat_as == "unicode" and target == "unicode" and not run_rules and is_clean(text):
        return text  # a pre-filter of the word steps (sound: see ``clean``)
    origin = tracked.source_offset if tracked is not None else (lambda i: seg.start + i)
    first = _word_pass(
        text,
        origin,
        MEMO.table(det.treat_as, "unicode" if run_rules else target, word_rules, not det.given),
        report.explain,
        bool(run_rules),
    )
    if report.explain and det.treat_as == "zawgyi" and first.converted != read:
        evidence = f"P(Zawgyi) = {det.probability:.3f}: {det.evidence}"
        report.change(ZAWGYI_TO_UNICODE, seg.start, read, first.converted, evidence=evidence)
    done, edits = first, first.edits
    if run_rules:
        whole = TrackedText(first.unicode, first.origin or [])
        steps = len(word_rules)
        for step, rule in enumerate(run_rules, start=steps + 1):
            for src, before, after in whole.apply(rule.edits(whole.text)):
                edits.append((step, src, WordEdit(step, 0, before, after, rule)))
        done = _word_pass(
            whole.text,
            whole.source_offset,
            MEMO.table("unicode", target, word_rules, not det.given),
            report.explain,
            False,
        )
        edits += [(step + steps + len(run_rules), src, e) for step, src, e in done.edits]
    for offset, p in done.problems:
        report.problem(offset, p)
    if report.explain:
        for _, src, e in sorted(edits, key=lambda x: x[0]):  # stable: text order within a step
            report.change(e.rule, src, e.before, e.after)
        if target == "zawgyi":
            report.change(UNICODE_TO_ZAWGYI, seg.start, done.unicode, done.text)
    return done.text


def _spare_zawgyi_words(text: str, plan: list[RepairEdit]) -> list[RepairEdit]:
    """``plan`` without the repairs inside a Zawgyi word of a Unicode run.

    Such a word is left as typed (``detect.zawgyi_reading``), and that includes its
    damage: a repair judged in the Unicode reading (two competing vowels) would change
    the word into something neither reading meant. A gap before the word is another
    matter: a mark after a gap is damage in either reading (a space inserted, a letter
    lost), and the word the repair makes is judged on its own.
    """
    from polyglot.burmese.detect import zawgyi_reading  # loaded with detection, for Burmese only

    spans = [m.span() for m in _WORD.finditer(text) if zawgyi_reading(m.group()) is not None]
    if not spans:
        return plan
    return [e for e in plan if not any(lo <= e.start and e.end <= hi for lo, hi in spans)]


# --- document scope -----------------------------------------------------------------------


def normalize_text(
    text: str,
    *,
    target: Target = "unicode",
    repair: bool = True,
    source: Source = "auto",
    explain: bool = True,
    prior: Prior | None = None,
) -> Result:
    """Detect, repair, convert and normalize every Burmese run of ``text``.

    ``source`` skips detection when the caller knows the input's encoding; with
    ``explain=False`` no change records are built (the text and diagnostics are the same);
    ``prior`` is evidence about the document's encoding from outside its text (a Word
    document's fonts: ``detect.Prior``).

    The result is a fixed point: normalizing it again changes nothing, so ``--check``
    agrees with ``-i`` on its own output. Each run is decided on the whole document, and
    the output is another document (a Zawgyi run converted, a space repaired, moves the
    evidence every other run is judged by); so the output is read once more, and where
    that would change a run's result again, the first result was a guess the pipeline
    itself does not stand by: the run is left as typed, with a diagnostic (never half
    changed). That choice is checked the same way (``_stands``); where it would not stand,
    the runs that then move are left as typed too (``FALLBACK_ROUNDS``), and where the
    unstable runs are ambiguous ones, they are read the other way, as the document reads
    once normalized (``_redecided``), each candidate kept only where it stands. Only where
    none does is every changed run left as typed. Text that comes out unchanged, or with
    ``source`` given, needs no second reading.

    >>> normalize_text("Asia Catalyst မွ Human Rights").text
    'Asia Catalyst မှ Human Rights'
    """
    if not has_myanmar(text):
        return Result(text)
    doc = _read(text, source, repair, prior, None if explain else target)
    result, spans = _write(doc, target, explain)
    if source != "auto" or not result.changed:
        return result  # with ``--from`` the caller decides, and its output is not its input's kind
    moved = _changed_again(result.text, target, repair, doc.settled)
    if not moved:
        return result
    keep = _overlapping(spans, moved)
    for _ in range(FALLBACK_ROUNDS):
        candidate, kept_spans = _write(doc, target, explain, keep)
        if not candidate.changed or _stands(candidate.text, target, repair):
            return candidate
        # Leaving runs as typed moved the evidence again: leave the runs that move now as
        # typed too, rather than every changed run of the document.
        grown = keep | _overlapping(kept_spans, _changed_again(candidate.text, target, repair))
        if grown == keep:
            break
        keep = grown
    other = _redecided(doc, keep, repair)
    if other is not None:
        candidate = _write(other, target, explain)[0]
        if not candidate.changed or _stands(candidate.text, target, repair):
            return candidate
    return _write(doc, target, explain, frozenset(s.start for s in spans if s.changed))[0]


FALLBACK_ROUNDS = 4
"""How many times the set of runs left as typed may grow before every changed run is.

Each candidate is returned only where it stands (``_stands``: normalizing it gives it
back), so the result is a fixed point whichever round ends it; the rounds only spare the
runs whose result does stand, where one unstable run used to leave a whole document as
typed. Each round reads the document twice more, and only documents with an unstable
run pay for it."""


@dataclass(frozen=True, slots=True)
class _Document:
    """A text with its decisions made: each run's detection and planned repairs."""

    text: str
    detections: list[Detection]
    """The open runs' detections (every run's, where nothing was settled)."""
    plans: list[list[RepairEdit]]
    settled: Settlement | None = None
    """The runs ``settle`` decided without a detection, and what they give."""


def _read(
    text: str,
    source: Source,
    repair: bool,
    prior: Prior | None = None,
    target: str | None = None,
    known: Settlement | None = None,
) -> _Document:
    """The document-scope steps: detect each run's encoding (or take ``source``), plan repairs.

    Given the ``target``, the runs whose outcome is certain are settled first, in one
    compiled pass (``settle``), and only the others are detected here; without it (an
    explanation is wanted: every change is recorded) every run is.
    """
    # Imported here: text without Burmese never loads the detector's model or the dictionary.
    from polyglot.burmese.detect import assume_encoding, detect_segments

    if source != "auto":
        return _planned(text, assume_encoding(list(myanmar_segments(text)), source), repair)
    word_rules, run_rules = rules_by_scope()
    if target is None or run_rules:
        return _planned(text, detect_segments(list(myanmar_segments(text)), prior), repair)
    from polyglot.burmese.settle import settle

    tables = {encoding: MEMO.table(encoding, target, word_rules) for encoding in ("unicode", "zawgyi")}
    outside = prior.log_odds if prior is not None else 0.0
    settled = settle(text, target, tables, target == "unicode", outside, known)
    locate = Locator(text) if settled.open or settled.decided else None
    segments = [Segment(start, end, *locate(start), text[start:end]) for start, end in settled.open] if locate else []
    detections = detect_segments(segments, prior, (settled.zawgyi_votes, settled.unicode_votes))
    if settled.decided and locate is not None:
        detections = sorted(detections + [_decided(text, *run, locate) for run in settled.decided], key=_start)
    return _planned(text, detections, repair, settled)


def _decided(text: str, start: int, end: int, encoding: str, locate: Locator) -> Detection:
    """The detection of a run ``settle`` decided (its words have problems to report)."""
    from polyglot.burmese.detect import Detection
    from polyglot.burmese.markov import markov_model

    run = text[start:end]
    zawgyi = encoding == "zawgyi"
    why = "certain in any document (settle): its own evidence is beyond what the document's lean can move"
    return Detection(
        Segment(start, end, *locate(start), run),
        "zawgyi" if zawgyi else "unicode",
        1.0 if zawgyi else 0.0,
        markov_model().probability(run),
        why,
    )


def _start(det: Detection) -> int:
    return det.segment.start


def _planned(text: str, detections: list[Detection], repair: bool, settled: Settlement | None = None) -> _Document:
    """The document with its repairs planned for these detections (the settled runs have none)."""
    from polyglot.burmese.repair import plan_repairs

    runs = [(d.text if d.is_burmese else "", d.treat_as) for d in detections]  # other languages: no repair
    if not repair:
        return _Document(text, detections, [[] for _ in detections], settled)
    context = ((text[start:end], encoding) for start, end, encoding in (settled.context if settled else ()))
    return _Document(text, detections, plan_repairs(runs, context), settled)


def _redecided(doc: _Document, starts: frozenset[int], repair: bool) -> _Document | None:
    """``doc`` with its ambiguous runs among ``starts`` read in the other encoding, or None.

    An ambiguous run follows the document's lean (``detect``); where converting the
    document's clear runs moves that lean, the run's first reading does not stand, and
    neither may its text as typed (a Unicode run with damage is repaired once the lean is
    Unicode). Read the other way, it agrees with the document as normalized.
    """
    if not any(d.segment.start in starts and d.encoding == "ambiguous" for d in doc.detections):
        return None
    detections = [
        dataclasses.replace(d, probability=1.0 - d.probability, evidence=f"{d.evidence}; {_REDECIDED}")
        if d.segment.start in starts and d.encoding == "ambiguous"
        else d
        for d in doc.detections
    ]
    return _planned(doc.text, detections, repair, doc.settled)


_REDECIDED = "read as the document reads once its clear runs are normalized (its first reading would not stand)"


@dataclass(frozen=True, slots=True)
class _Span:
    """Where a run of the input went in the output, and whether it changed."""

    start: int
    """The run's offset in the input (its key)."""
    end: int
    out_start: int
    out_end: int
    changed: bool


def _write(
    doc: _Document, target: str, explain: bool, keep: frozenset[int] = frozenset()
) -> tuple[Result, list[_Span]]:
    """Every Burmese run through its steps, except the runs starting at an offset in ``keep``,
    which are left as typed (see ``normalize_text``); and where each run went in the output."""
    text, detections, plans = doc.text, doc.detections, doc.plans
    rules = rules_by_scope()
    report = _Report(text, explain)
    settled = doc.settled.changed if doc.settled is not None else []
    kept = [(start, end) for start, end, _ in settled if start in keep] if keep else []
    if kept:  # settled runs left as typed too: reported in their place among the others
        settled = [run for run in settled if run[0] not in keep]
    written: list[tuple[int, int, str]] = []
    for det, plan in zip(detections, plans, strict=True):
        seg = det.segment
        while kept and kept[0][0] < seg.start:
            start, end = kept.pop(0)
            report.diagnostics.append(unstable_run(text[start:end], *report.locate(start)))
        if not det.is_burmese:
            continue  # Shan, Mon, Karen, Pali: Burmese rules would damage it (``language``)
        if seg.start in keep:
            report.diagnostics.append(unstable_run(det.text, *report.locate(seg.start)))
            continue
        if det.encoding == "ambiguous":
            report.diagnostics.append(ambiguous_encoding(det, *report.locate(seg.start)))
        written.append((seg.start, seg.end, _normalize_run(det, plan, target, rules, report)))
    for start, end in kept:
        report.diagnostics.append(unstable_run(text[start:end], *report.locate(start)))
    if settled:
        written = sorted(written + settled)  # runs never overlap: sorted by start
    pieces: list[str] = []
    spans: list[_Span] = []
    pos = shift = 0
    for start, end, new in written:
        changed = new != text[start:end]
        if changed:
            pieces += (text[pos:start], new)
            pos = end
        spans.append(_Span(start, end, start + shift, start + shift + len(new), changed))
        shift += len(new) - (end - start)
    out = "".join([*pieces, text[pos:]]) if pieces else text
    return Result(out, report.changes, report.diagnostics, detections, bool(pieces)), spans


def _changed_again(text: str, target: str, repair: bool, known: Settlement | None = None) -> list[tuple[int, int]]:
    """Where normalizing ``text`` changes it: the runs that change, as (start, end) in ``text``.

    ``known``: how the text ``text`` was normalized from was settled (``settle``)."""
    doc = _read(text, "auto", repair, target=target, known=known)
    return [(s.start, s.end) for s in _write(doc, target, False)[1] if s.changed]


def _overlapping(spans: list[_Span], moved: list[tuple[int, int]]) -> frozenset[int]:
    """The changed runs whose output touches one of the ``moved`` places of the output."""
    return frozenset(
        s.start for s in spans if s.changed and any(s.out_start <= hi and s.out_end >= lo for lo, hi in moved)
    )


def _stands(text: str, target: str, repair: bool) -> bool:
    """Would ``normalize_text`` give ``text`` back, by the steps it took to make it?

    Either normalizing changes nothing, or what it changes is unstable and exactly the
    runs it would leave as typed are the ones that changed.
    """
    doc = _read(text, "auto", repair, target=target)
    result, spans = _write(doc, target, False)
    if not result.changed:
        return True
    moved = _changed_again(result.text, target, repair)
    return bool(moved) and _write(doc, target, False, _overlapping(spans, moved))[0].text == text


def unstable_run(run: str, line: int, column: int) -> Diagnostic:
    """The report of a run left as typed because its normalized form would not be stable."""
    return Diagnostic(
        line,
        column,
        "unstable-run",
        f"{run!r} is left as typed: its normalized form would be normalized differently again",
        "check its encoding and damage: `polyglot detect` shows the readings, `--from` settles the encoding",
    )


def rules_digest() -> str:
    """A digest of every rule ``normalize_text`` may apply (names, kinds, scopes, reasons) and
    of the ICU it converts and segments with: what a record of finished work must match.

    A change to a rule's code alone goes unseen here; a release changes the version, which
    such records hold too (``batch.tree.Ledger``). The repair rules register when repair is
    first needed, so they are loaded first: the digest must not depend on what ran before.
    """
    import hashlib

    import icu

    from polyglot.burmese import changes, repair  # noqa: F401  (repair registers its rules)

    rules = sorted((r.name, r.kind, r.scope, r.reason) for r in changes.REGISTRY.values())
    text = "\n".join("\t".join(fields) for fields in rules) + f"\nICU {icu.ICU_VERSION}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
