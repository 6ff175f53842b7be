"""``normalize_text``: incoming text in, clean standard Unicode Burmese out, every change explained.

This is the one function the CLI, the catalog checks and batch jobs call. It is a pure
function of its input (no I/O, no global state beyond caches), so it is safe to run
in worker processes and on a distributed engine.

For each run of Myanmar script (everything else is copied through untouched):

0. find its **language** (``language``): a run of Shan, Mon, Karen or Pali is left
   exactly as it is, and reported so by ``detect``;
1. **detect** its encoding, with the document as context;
2. **repair** damage from PDF extraction, in the run's own encoding (``repair``);
3. **convert** Zawgyi to Unicode with ICU, chunk by chunk (``convert``);
4. **normalize** to canonical Unicode (``normalize``);
5. **diagnose** what is still ill-formed (``diagnose``);
6. optionally **convert back** to Zawgyi for a legacy audience (``target="zawgyi"``).

A run whose encoding stays ``ambiguous`` (weak evidence, no document context) is
treated by its lean, and a diagnostic says so: no silent guesses.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal

from polyglot.burmese.changes import Change, TrackedText
from polyglot.burmese.convert import conversion_edits
from polyglot.burmese.detect import Detection, assume_encoding, detect_segments
from polyglot.burmese.diagnose import Diagnostic, problems
from polyglot.burmese.normalize import RULES
from polyglot.burmese.repair import plan_repairs
from polyglot.burmese.segment import has_myanmar, myanmar_segments, replace_segments

Target = Literal["unicode", "zawgyi"]
Source = Literal["auto", "unicode", "zawgyi"]


@dataclass(frozen=True)
class Result:
    """The normalized text, what changed and why, and what is still wrong."""

    text: str
    changes: list[Change] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    detections: list[Detection] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)


class _Locator:
    """Offsets → (line, column), 1-based."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def ambiguous_encoding(det: Detection, line: int, column: int) -> Diagnostic:
    """The report of a run whose encoding had to be guessed: what was done, and how sure."""
    done = "converted it as Zawgyi" if det.treat_as == "zawgyi" else "left it as Unicode"
    return Diagnostic(
        line,
        column,
        "ambiguous-encoding",
        f"weak evidence for the encoding of {det.text!r} (P(Zawgyi) = {det.probability:.2f}); {done}",
        "check it; `polyglot normalize --from` / `detect` show the readings",
    )


def normalize_text(text: str, *, target: Target = "unicode", repair: bool = True, source: Source = "auto") -> Result:
    """Detect, repair, convert and normalize every Burmese run of ``text``.

    ``source`` skips detection when the caller knows the input's encoding.

    >>> normalize_text("Asia Catalyst မွ Human Rights").text
    'Asia Catalyst မှ Human Rights'
    """
    if not has_myanmar(text):
        return Result(text)
    if source == "auto":
        detections = detect_segments(myanmar_segments(text))
    else:
        detections = assume_encoding(myanmar_segments(text), source)
    segments = [d.segment for d in detections]
    runs = [(d.text if d.is_burmese else "", d.treat_as) for d in detections]  # other languages: no repair
    plans = plan_repairs(runs) if repair else [[] for _ in detections]
    locate = _Locator(text)
    changes: list[Change] = []
    diagnostics: list[Diagnostic] = []
    replacements: dict[int, str] = {}

    def record(kind: str, rule: str, offset: int, before: str, after: str, reason: str, evidence: str = "") -> None:
        line, column = locate(offset)
        changes.append(Change(kind, rule, line, column, before, after, reason, evidence))

    for seg, det, plan in zip(segments, detections, plans, strict=True):
        if not det.is_burmese:
            continue  # Shan, Mon, Karen, Pali: Burmese rules would damage it (``language``)
        if det.encoding == "ambiguous":
            diagnostics.append(ambiguous_encoding(det, *locate(seg.start)))
        tracked = TrackedText.at(seg.text, seg.start)
        for src, before, after, edit in tracked.apply_tagged((e.start, e.end, e.after, e) for e in plan):
            record("repair", edit.rule, src, before, after, edit.reason, edit.evidence)
        if det.treat_as == "zawgyi":
            before = tracked.text
            tracked.apply(conversion_edits(tracked.text, "unicode"))
            record(
                "convert",
                "zawgyi_to_unicode",
                seg.start,
                before,
                tracked.text,
                "This text is in the legacy Zawgyi encoding, which only displays correctly with a Zawgyi font.",
                f"P(Zawgyi) = {det.probability:.3f}: {det.evidence}",
            )
        for rule in RULES:
            for src, before, after in tracked.apply(rule.find(tracked.text)):
                record(rule.kind, rule.name, src, before, after, rule.reason)
        for problem in problems(tracked.text):
            line, column = locate(tracked.source_offset(problem.offset))
            diagnostics.append(Diagnostic(line, column, problem.code, problem.message, problem.suggestion))
        if target == "zawgyi":
            before = tracked.text
            tracked.apply(conversion_edits(tracked.text, "zawgyi"))
            record(
                "convert",
                "unicode_to_zawgyi",
                seg.start,
                before,
                tracked.text,
                "Zawgyi was requested for a legacy audience.",
            )
        if tracked.text != seg.text:
            replacements[seg.start] = tracked.text
    return Result(replace_segments(text, replacements, segments), changes, diagnostics, detections)
