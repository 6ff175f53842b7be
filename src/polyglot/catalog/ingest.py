"""Seed a catalog from a translation that already exists as a document (po4a-gettextize).

The organisation has translations that were made before there were catalogs, often in
Zawgyi and damaged by PDF extraction. Ingesting one:

1. normalizes it through the Burmese core (Zawgyi → Unicode, evidence-based repairs),
   reporting every change;
2. cuts it into blocks the way the source is cut (same parser, same folding);
3. aligns translation blocks with source blocks: in order (translations keep the order
   of their source), scoring each pair by kind (a heading with a heading), by length
   (relative to the language's usual length ratio) and by anchors both sides must share
   (numbers in any script, URLs, e-mail addresses, Latin-script names);
4. fills the msgstrs of the aligned messages and reports every block on either side it
   could not align, and every weak pair.

A machine alignment is not a translator's judgement, so ingested translations are fuzzy
(as po4a-gettextize makes them) unless ``trusted`` is set: they are in the catalog for a
translator to confirm, and not published before. A translator's msgstr is never
overwritten unless ``force`` is set; an earlier, still fuzzy ingest of the same file is
not a translator's, and is refreshed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from polyglot.burmese.pipeline import normalize_text
from polyglot.catalog import tokens
from polyglot.catalog.locales import Locale
from polyglot.catalog.pofile import Catalog, Message
from polyglot.content.document import Block, Document, parse_document

MIN_SCORE = 0.0
"""Pairs scoring below this are not aligned: their blocks are reported instead."""
GAP = -0.6
"""The score of leaving a block unaligned. A pair must be plausible on its own (score at
least MIN_SCORE); the gap cost then decides between competing plausible pairings."""

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


@dataclass(frozen=True)
class Pair:
    source: Block
    translation: Block
    score: float
    notes: tuple[str, ...] = ()


@dataclass
class IngestReport:
    """Everything ingest did and could not do, for the user to review."""

    changes: list[str] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    unaligned_source: list[Block] = field(default_factory=list)
    unaligned_translation: list[Block] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _anchors(text: str) -> set[str]:
    """What a translation keeps from its source: numbers, links, addresses, names."""
    found = {format(value, "f") for value in tokens.numbers(text)}
    found |= tokens.urls(text) | tokens.emails(text)
    masked = tokens.mask(text, tokens.URL, tokens.EMAIL)
    found |= {word.casefold() for word in _LATIN_WORD.findall(masked)}
    return found


def _is_heading(block: Block) -> bool:
    return block.kind in ("title", "heading")


def _looks_like_heading(block: Block) -> bool:
    """A one-line paragraph with no final punctuation reads as a heading in plain text."""
    return _is_heading(block) or (block.line == block.end_line and not block.text.rstrip().endswith((".", "။", "。")))


def score(source: Block, translation: Block, locale: Locale) -> tuple[float, tuple[str, ...]]:
    """How plausible it is that ``translation`` translates ``source``, with the reasons
    a plausible pair is still doubtful."""
    notes: list[str] = []
    expected = max(1.0, len(source.text) * locale.length_ratio)
    length = -abs(math.log(max(1, len(translation.text)) / expected))
    value = 1.0 + length
    if _is_heading(source) != _looks_like_heading(translation):
        value -= 0.8
    source_anchors, translation_anchors = _anchors(source.text), _anchors(translation.text)
    shared = source_anchors & translation_anchors
    if translation_anchors:
        value += 0.5 * len(shared) / len(translation_anchors)
    source_numbers = {format(n, "f") for n in tokens.numbers(source.text)}
    target_numbers = {format(n, "f") for n in tokens.numbers(translation.text)}
    if source_numbers != target_numbers:
        notes.append(
            f"numbers differ ({', '.join(sorted(source_numbers)) or 'none'} vs "
            f"{', '.join(sorted(target_numbers)) or 'none'})"
        )
    if length < -0.7:
        notes.append(f"lengths differ ({len(source.text)} vs {len(translation.text)} characters)")
    return value, tuple(notes)


def align(source: list[Block], translation: list[Block], locale: Locale) -> list[Pair]:
    """The best order-preserving alignment (Needleman-Wunsch over the pair scores)."""
    rows, cols = len(source), len(translation)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    move = [[""] * (cols + 1) for _ in range(rows + 1)]
    scores: dict[tuple[int, int], tuple[float, tuple[str, ...]]] = {}
    for i in range(rows + 1):
        for j in range(cols + 1):
            if i == 0 and j == 0:
                continue
            options = []
            if i and j:
                scores[i, j] = score(source[i - 1], translation[j - 1], locale)
                if scores[i, j][0] >= MIN_SCORE:
                    options.append((best[i - 1][j - 1] + scores[i, j][0], "pair"))
            if i:
                options.append((best[i - 1][j] + GAP, "skip source"))
            if j:
                options.append((best[i][j - 1] + GAP, "skip translation"))
            best[i][j], move[i][j] = max(options)
    pairs: list[Pair] = []
    i, j = rows, cols
    while i or j:
        step = move[i][j]
        if step == "pair":
            value, notes = scores[i, j]
            pairs.append(Pair(source[i - 1], translation[j - 1], round(value, 3), notes))
            i, j = i - 1, j - 1
        elif step == "skip source":
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


INGESTED = "ingested from "


def _unreviewed_ingest(message: Message, path: str) -> bool:
    """Whether the msgstr is our own earlier ingest of the same file, still fuzzy: that is
    no translator's work yet, so ingesting again (after the core improved) may refresh it."""
    return message.fuzzy and any(comment.startswith(f"{INGESTED}{path}:") for comment in message.translator_comments)


def ingest(
    source: Document,
    text: str,
    path: str,
    catalog: Catalog,
    locale: Locale,
    *,
    force: bool = False,
    trusted: bool = False,
) -> IngestReport:
    """Fill ``catalog`` (in place) from the translation ``text`` of ``source``."""
    report = IngestReport()
    if locale.script == "Mymr":
        result = normalize_text(text)
        text = result.text
        report.changes = [
            f"{path}:{c.line}:{c.column}: [{c.kind}] {c.rule}: {c.before!r} → {c.after!r}" for c in result.changes
        ]
    translated = parse_document(text, path)
    source_blocks = list(source.blocks)
    translation_blocks = list(translated.blocks)
    # A translation with front matter aligns field by field; without, its blocks align
    # with the source's title and body (the summary is rarely in a plain-text version).
    for name, block in translated.front_blocks.items():
        counterpart = source.front_blocks.get(name)
        if counterpart is not None:
            value, notes = score(counterpart, block, locale)
            report.pairs.append(Pair(counterpart, block, round(value, 3), notes))
            source_blocks.remove(counterpart)
            translation_blocks.remove(block)
    if not translated.front_blocks and "summary" in source.front_blocks:
        source_blocks.remove(source.front_blocks["summary"])
        report.unaligned_source.append(source.front_blocks["summary"])
    report.pairs += align(source_blocks, translation_blocks, locale)
    paired_source = {id(pair.source) for pair in report.pairs}
    paired_translation = {id(pair.translation) for pair in report.pairs}
    report.unaligned_source += [b for b in source_blocks if id(b) not in paired_source]
    report.unaligned_translation += [b for b in translation_blocks if id(b) not in paired_translation]
    for pair in report.pairs:
        message = catalog.find(pair.source.text)
        if message is None:
            report.missing.append(pair.source.text)
            continue
        if message.msgstr == pair.translation.text:
            report.unchanged.append(pair.source.text)
            continue
        if message.msgstr and not force and not _unreviewed_ingest(message, path):
            report.kept.append(pair.source.text)
            continue
        note = f"{INGESTED}{path}:{pair.translation.line}; review before publishing"
        comments = [c for c in message.translator_comments if not c.startswith(INGESTED)]
        updated = replace(message, msgstr=pair.translation.text, translator_comments=[*comments, note])
        updated.fuzzy = not trusted
        catalog.messages[catalog.messages.index(message)] = updated
        report.filled.append(pair.source.text)
    return report
