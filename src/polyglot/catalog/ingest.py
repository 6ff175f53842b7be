"""Seed a catalog from a translation that already exists as a document (po4a-gettextize).

The organisation has translations that were made before there were catalogs, often in
Zawgyi and damaged by PDF extraction. Ingesting one:

1. normalizes it through the Burmese core (Zawgyi → Unicode, evidence-based repairs),
   reporting every change;
2. cuts it into blocks the way the source is cut (same parser, same line joining), and
   a plain-text file's paragraphs also where a short line ends a sentence (PDF text has
   lost its blank lines);
3. aligns translation blocks with source blocks in order (translations keep the order
   of their source), one to one, or one block for two on the other side, scoring each
   pair by kind (a heading with a heading), by the length of its prose (relative to the
   language's usual ratio) and by anchors both sides share (numbers in any script, URLs,
   e-mail addresses, Latin-script names);
4. fills the msgstrs of the aligned messages, and reports every pair with its evidence
   and doubts, and every block on either side it could not align, with its line and why.
   Nothing is invented and no translated text is left out unreported.

A machine alignment is not a translator's judgement, so ingested translations are fuzzy
(as po4a-gettextize makes them) unless ``trusted`` is set: they are in the catalog for a
translator to confirm, and not published before. A translator's msgstr is never
overwritten unless ``force`` is set; an earlier, still fuzzy ingest of the same file is
not a translator's, and is refreshed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace

from polyglot.burmese.pipeline import normalize_text
from polyglot.catalog import tokens
from polyglot.catalog.model import Catalog, Message
from polyglot.catalog.scripts import wrong_script
from polyglot.content.document import Block, Document, fold, line_break, parse_document
from polyglot.files import InputError
from polyglot.locales import Locale

MIN_SCORE = 0.0
"""Pairs scoring below this are not aligned: their blocks are reported instead."""
GAP = -0.6
"""The score of leaving a block unaligned. A pair must be plausible on its own (score at
least MIN_SCORE); the gap cost then decides between competing plausible pairings."""
MERGE = -0.3
"""What one block standing for two on the other side costs beside a one-to-one pair: such
pairs are about ten times rarer in real translations than one-to-one pairs (Gale & Church
1993), about half a gap on this scale."""
SHORT_LINE = 2 / 3
"""A plain-text line that ends a sentence and stops short of the paragraph's longest line
by more than a third ends its paragraph (see ``split_paragraphs``)."""

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_SENTENCE_END = (".", "။", "。", "!", "?", "！", "？", ":", "：")


@dataclass(frozen=True)
class Pair:
    """Source blocks and the translation blocks that translate them (one or two each)."""

    sources: tuple[Block, ...]
    translations: tuple[Block, ...]
    score: float
    notes: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    """What speaks for the pair: shared numbers, addresses and names; lengths."""

    @property
    def source(self) -> Block:
        return self.sources[0]

    @property
    def translation(self) -> Block:
        return self.translations[0]

    @property
    def text(self) -> str:
        """The translation, its blocks joined (``join_blocks``)."""
        return join_blocks(self.translations)


def join_blocks(blocks: tuple[Block, ...]) -> str:
    """Blocks that together stand for one message, joined as a line break between them
    is joined (``line_break``): a space after ``။`` or ``.``, nothing between Chinese."""
    text = blocks[0].text
    for block in blocks[1:]:
        text += line_break(text, block.text) + block.text
    return text


@dataclass(frozen=True)
class Unaligned:
    """A block nothing on the other side was aligned with, and why."""

    block: Block
    reason: str


@dataclass
class IngestReport:
    """Everything ingest did and could not do, for the user to review."""

    changes: list[str] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    unaligned_source: list[Unaligned] = field(default_factory=list)
    unaligned_translation: list[Unaligned] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    covered: list[tuple[Block, Block]] = field(default_factory=list)
    """(source block left untranslated, the source block whose msgstr covers it too)."""


def _anchors(text: str) -> set[str]:
    """What a translation keeps from its source: numbers, links, addresses, names."""
    found = {format(value, "f") for value in tokens.numbers(text)}
    found |= tokens.urls(text) | tokens.emails(text)
    masked = tokens.mask(text, tokens.URL, tokens.EMAIL)
    found |= {word.casefold() for word in _LATIN_WORD.findall(masked)}
    return found


def _prose_length(text: str, shared: set[str]) -> int:
    """The length of ``text`` that translating changes: without the addresses and Latin
    names both sides share, which are copied as they are whatever the language's ratio."""
    masked = tokens.mask(text, tokens.URL, tokens.EMAIL)
    copied = sum(len(m.group()) for m in tokens.URL.finditer(text) if m.group().rstrip(".,;:!?)") in shared)
    copied += sum(len(m.group()) for m in tokens.EMAIL.finditer(text) if m.group().rstrip(".").lower() in shared)
    copied += sum(len(m.group()) for m in _LATIN_WORD.finditer(masked) if m.group().casefold() in shared)
    return max(0, len(text) - copied)


def _is_heading(block: Block) -> bool:
    return block.kind in ("title", "heading")


def _looks_like_heading(block: Block) -> bool:
    """A one-line paragraph with no final punctuation reads as a heading in plain text."""
    return _is_heading(block) or (block.line == block.end_line and not block.text.rstrip().endswith((".", "။", "。")))


def _width(line: str) -> int:
    """How wide a line is set: its characters, less the marks that stack on a letter."""
    return sum(1 for char in line if unicodedata.category(char) not in ("Mn", "Me"))


def split_paragraphs(block: Block) -> list[Block]:
    """A plain-text paragraph cut where a line ends a sentence well short of the margin.

    Text copied out of a PDF loses the blank lines between paragraphs: every line of a
    page comes out one after another. What still shows a paragraph's end is its last
    line, which ends a sentence and stops short, while the lines inside a paragraph run
    to the margin. Lines that end a sentence at the margin cannot be told apart from a
    paragraph's inside and are left together. Markdown translations are never cut: their
    blank lines say where paragraphs end.
    """
    lines = block.raw.split("\n")
    if block.kind != "paragraph" or len(lines) < 2:
        return [block]
    margin = max(_width(line) for line in lines)
    cuts = [
        index + 1
        for index, line in enumerate(lines[:-1])
        if line.rstrip().endswith(_SENTENCE_END) and _width(line) < SHORT_LINE * margin
    ]
    pieces: list[Block] = []
    for start, end in zip([0, *cuts], [*cuts, len(lines)], strict=True):
        raw = "\n".join(lines[start:end])
        pieces.append(replace(block, text=fold(raw), line=block.line + start, end_line=block.line + end - 1, raw=raw))
    return pieces


def _where(blocks: tuple[Block, ...]) -> str:
    """``3`` for a block on line 3, ``3-5`` for lines 3 to 5, ``1, 3-5`` for two blocks."""
    return ", ".join(str(b.line) if b.line == b.end_line else f"{b.line}-{b.end_line}" for b in blocks)


def score_blocks(
    sources: tuple[Block, ...], translations: tuple[Block, ...], locale: Locale
) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    """How plausible it is that ``translations`` translate ``sources``: the score, the
    reasons a plausible pair is still doubtful, and the evidence for it.

    The evidence is what survives translation: the relative length (against the
    language's usual ratio), the kind of block (a heading with a heading), and anchors
    both sides share: numbers in any script, URLs, e-mail addresses, Latin-script names.
    """
    source_text, translation_text = join_blocks(sources), join_blocks(translations)
    notes: list[str] = []
    source_anchors, translation_anchors = _anchors(source_text), _anchors(translation_text)
    shared = source_anchors & translation_anchors
    source_length, translation_length = _prose_length(source_text, shared), _prose_length(translation_text, shared)
    expected = max(1.0, source_length * locale.length_ratio)
    length = -abs(math.log(max(1, translation_length) / expected))
    value = 1.0 + length
    if len(sources) + len(translations) > 2:
        value += MERGE
    if _is_heading(sources[0]) != _looks_like_heading(translations[0]):
        value -= 0.8
    if translation_anchors:
        value += 0.5 * len(shared) / len(translation_anchors)
    source_numbers = {format(n, "f") for n in tokens.numbers(source_text)}
    target_numbers = {format(n, "f") for n in tokens.numbers(translation_text)}
    if source_numbers != target_numbers:
        notes.append(
            f"numbers differ ({', '.join(sorted(source_numbers)) or 'none'} vs "
            f"{', '.join(sorted(target_numbers)) or 'none'})"
        )
    if length < -0.7:
        notes.append(f"lengths differ ({source_length} vs {translation_length} characters)")
    evidence = [f"{translation_length} characters of prose for {source_length} (expected about {round(expected)})"]
    if shared:
        evidence.insert(0, "both have " + ", ".join(sorted(shared)))
    return value, tuple(notes), tuple(evidence)


_BEADS = ((1, 1), (1, 2), (2, 1))
"""How many source and translation blocks one aligned pair may take."""


def _mergeable(blocks: tuple[Block, ...]) -> bool:
    """Two blocks may stand together for one on the other side unless one is a heading
    (a heading is never half of a paragraph's translation)."""
    return len(blocks) == 1 or not any(_is_heading(b) or _looks_like_heading(b) for b in blocks)


def align(source: list[Block], translation: list[Block], locale: Locale) -> list[Pair]:
    """The best order-preserving alignment, one-to-one, two-to-one and one-to-two
    (Gale & Church's dynamic programming over the pair scores, with our scores)."""
    rows, cols = len(source), len(translation)
    best = [[-math.inf] * (cols + 1) for _ in range(rows + 1)]
    move: list[list[tuple[int, int]]] = [[(0, 0)] * (cols + 1) for _ in range(rows + 1)]
    scored: dict[tuple[int, int, int, int], tuple[float, tuple[str, ...], tuple[str, ...]]] = {}
    best[0][0] = 0.0
    for i in range(rows + 1):
        for j in range(cols + 1):
            if i == 0 and j == 0:
                continue
            options: list[tuple[float, tuple[int, int]]] = []
            for di, dj in _BEADS:
                if i < di or j < dj:
                    continue
                sources, translations = tuple(source[i - di : i]), tuple(translation[j - dj : j])
                if not (_mergeable(sources) and _mergeable(translations)):
                    continue
                scored[i, j, di, dj] = score_blocks(sources, translations, locale)
                if scored[i, j, di, dj][0] >= MIN_SCORE:
                    options.append((best[i - di][j - dj] + scored[i, j, di, dj][0], (di, dj)))
            if i:
                options.append((best[i - 1][j] + GAP, (1, 0)))
            if j:
                options.append((best[i][j - 1] + GAP, (0, 1)))
            best[i][j], move[i][j] = max(options)
    pairs: list[Pair] = []
    i, j = rows, cols
    while i or j:
        di, dj = move[i][j]
        if di and dj:
            value, notes, evidence = scored[i, j, di, dj]
            pairs.append(
                Pair(tuple(source[i - di : i]), tuple(translation[j - dj : j]), round(value, 3), notes, evidence)
            )
        i, j = i - di, j - dj
    return pairs[::-1]


def _why_unaligned(
    block: Block, others: list[Block], pairs: list[Pair], locale: Locale, is_source: bool, paths: tuple[str, str]
) -> str:
    """Why nothing was aligned with ``block``: its best candidate on the other side, and
    what spoke against it or which pair took it."""
    if not others:
        return "the other side has no block to pair it with"
    candidates = []
    for other in others:
        sources, translations = ((block,), (other,)) if is_source else ((other,), (block,))
        value, notes, evidence = score_blocks(sources, translations, locale)
        candidates.append((value, other.line, other, notes, evidence))
    value, _, other, notes, evidence = max(candidates, key=lambda c: (c[0], -c[1]))
    taken = next((p for p in pairs if other in (p.translations if is_source else p.sources)), None)
    other_path, own_path = paths if not is_source else paths[::-1]
    where = f"its best candidate, {other_path}:{_where((other,))} (score {value:.2f}: {'; '.join(evidence)})"
    if value < MIN_SCORE:
        return f"{where}, is not plausible: {'; '.join(notes)}"
    if taken is not None:
        partner = taken.sources if is_source else taken.translations
        return f"{where}, is aligned with {own_path}:{_where(partner)}: that alignment, kept in order, scores higher"
    return f"{where}, is left out too: pairing them scores lower than leaving both"


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
    problem = wrong_script(text, locale.script)
    if problem is not None:
        raise InputError(
            f"{path}: not a {locale.name} translation: {problem.describe(locale.name, locale.script)}; "
            f"nothing ingested (is --lang {locale.code} the language of this file?)"
        )
    translated = parse_document(text, path)
    source_blocks = list(source.blocks)
    translation_blocks = list(translated.blocks)
    # A translation with front matter aligns field by field; without, its blocks align
    # with the source's title and body (the summary is rarely in a plain-text version),
    # and its paragraphs are cut where the lines show a paragraph ended.
    for name, block in translated.front_blocks.items():
        counterpart = source.front_blocks.get(name)
        if counterpart is not None:
            value, notes, evidence = score_blocks((counterpart,), (block,), locale)
            report.pairs.append(Pair((counterpart,), (block,), round(value, 3), notes, ("the same field", *evidence)))
            source_blocks.remove(counterpart)
            translation_blocks.remove(block)
    if not translated.front_blocks:
        translation_blocks = [piece for block in translation_blocks for piece in split_paragraphs(block)]
        if "summary" in source.front_blocks:
            source_blocks.remove(source.front_blocks["summary"])
            report.unaligned_source.append(
                Unaligned(source.front_blocks["summary"], "a plain-text translation has no summary field")
            )
    report.pairs += align(source_blocks, translation_blocks, locale)
    paired_source = {id(block) for pair in report.pairs for block in pair.sources}
    paired_translation = {id(block) for pair in report.pairs for block in pair.translations}
    report.unaligned_source += [
        Unaligned(b, _why_unaligned(b, translation_blocks, report.pairs, locale, True, (source.path, path)))
        for b in source_blocks
        if id(b) not in paired_source
    ]
    report.unaligned_translation += [
        Unaligned(b, _why_unaligned(b, source_blocks, report.pairs, locale, False, (source.path, path)))
        for b in translation_blocks
        if id(b) not in paired_translation
    ]
    for pair in report.pairs:
        message = catalog.find(pair.source.text)
        if message is None:
            report.missing.append(pair.source.text)
            continue
        for other in pair.sources[1:]:
            report.covered.append((other, pair.source))
        if message.msgstr == pair.text:
            report.unchanged.append(pair.source.text)
            continue
        if message.msgstr and not force and not _unreviewed_ingest(message, path):
            report.kept.append(pair.source.text)
            continue
        note = f"{INGESTED}{path}:{_where(pair.translations)}; review before publishing"
        if len(pair.sources) > 1:
            note += f" (it translates {source.path}:{_where(pair.sources)} together)"
        comments = [c for c in message.translator_comments if not c.startswith(INGESTED)]
        updated = replace(message, msgstr=pair.text, translator_comments=[*comments, note])
        updated.fuzzy = not trusted
        catalog.messages[catalog.messages.index(message)] = updated
        report.filled.append(pair.source.text)
    return report
