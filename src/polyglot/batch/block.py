"""Blocks: input cut into blocks of lines, each normalized as a document of its own.

The blocks are ``BLOCK_LINES`` lines, and at most ``BLOCK_CHARS`` characters.
The trade-off: a block's context is the block. For any file shorter than one block
(every announcement, most posts) the output is exactly ``normalize_text``'s on the
file. In a longer file a short, unclear run is judged by the few thousand lines around
it rather than by the whole file, and a lost-letter repair needs its evidence within
one block. In exchange, memory stays bounded (a block, not a file) whatever the input's
size, and blocks can go to different processes.

**Long lines.** A block of whole lines is only bounded if its lines are, and one line
can hold megabytes (a dump written without line breaks, a paste out of a PDF). A line
longer than ``LINE_CHARS`` is therefore cut into **pieces** (``pieces``), read in
bounded fragments so that it is never held whole (``files.read_lines``), and each
piece ends its block: a piece is a document of its own, like a block, with the same
trade-off. Where a line is cut decides whether anything but the context changes
(``cuts``); a cut inside Burmese text is reported (``line-cut``, at its line and
column) because there the two sides may be normalized differently than the whole would
be.

Lines and columns in everything reported (diagnostics, ``--explain``, ``--format
json``) count in the whole input: a block that begins inside a line knows how many
characters of that line came before it (``NormalizedBlock.first_column``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from polyglot.batch.pool import worker_pool
from polyglot.burmese.changes import Change
from polyglot.burmese.cuts import clean_cut, cut_line
from polyglot.burmese.diagnose import Diagnostic
from polyglot.burmese.pipeline import Source, Target, normalize_text

if TYPE_CHECKING:
    from concurrent.futures import Future

    from polyglot.burmese.detect import Prior

BLOCK_LINES = 2000
"""Lines per block: enough context for detection (hundreds of Burmese runs), small
enough that a block's working memory is a few megabytes."""

BLOCK_CHARS = 1 << 20
"""A block also ends once it holds this many characters (files with very long lines)."""

LINE_CHARS = 1 << 16
"""A line longer than this many characters is cut into pieces of at most this many, each
a document of its own: tens of thousands of words of context, and working memory of a few
tens of megabytes, whatever the line's length."""


@dataclass(frozen=True)
class Options:
    """What to produce: the target encoding, and whether to repair PDF damage."""

    target: Target = "unicode"
    repair: bool = True
    source: Source = "auto"
    """``auto`` detects; ``zawgyi`` or ``unicode`` is the user's word for the input's encoding."""
    prior: Prior | None = None
    """Evidence about the document's encoding from outside its text (a document's fonts)."""


@dataclass(frozen=True)
class BlockResult:
    """A normalized block: its text, diagnostics and (when explained) changes; lines relative to the block."""

    text: str
    diagnostics: tuple[Diagnostic, ...] = ()
    changes: tuple[Change, ...] = ()


def normalize_block(text: str, options: Options = Options(), *, explain: bool = False) -> BlockResult:
    """``normalize_text`` on one block, as one document (picklable result, for worker processes)."""
    result = normalize_text(
        text, target=options.target, repair=options.repair, source=options.source, explain=explain, prior=options.prior
    )
    return BlockResult(result.text, tuple(result.diagnostics), tuple(result.changes))


def pieces(lines: Iterable[str], line_chars: int | None = None) -> Iterator[str]:
    """Lines as they are, and a line longer than ``line_chars`` in pieces (see the module).

    ``lines`` may come in fragments (``files.read_lines`` with a limit): text without a
    ``\n`` is continued by the next. A piece is at most ``line_chars`` characters and,
    but for a line's last, at least half that; only a line's last piece ends in ``\n``.
    ``line_chars`` defaults to ``LINE_CHARS``.
    """
    line_chars = LINE_CHARS if line_chars is None else line_chars
    held: list[str] = []
    size = 0
    for line in lines:
        if not held and len(line) <= line_chars and line.endswith("\n"):
            yield line  # a whole line that fits: as it was
            continue
        held.append(line)
        size += len(line)
        if size > line_chars:
            text = "".join(held)
            start = 0
            while len(text) - start > line_chars:
                cut = cut_line(text, start + line_chars // 2, start + line_chars)
                yield text[start:cut]
                start = cut
            held, size = [text[start:]], len(text) - start
        if line.endswith("\n"):
            yield "".join(held)
            held, size = [], 0
    if held:
        yield "".join(held)


def blocks(
    lines: Iterable[str],
    block_lines: int = BLOCK_LINES,
    block_chars: int = BLOCK_CHARS,
    line_chars: int | None = None,
) -> Iterator[str]:
    """Group lines (each with its own line ending, or in fragments) into blocks of whole lines.

    A line longer than ``line_chars`` is cut (``pieces``), and each of its pieces ends
    its block, so that no block holds more than ``block_chars + line_chars`` characters.
    """
    block: list[str] = []
    size = 0
    for piece in pieces(lines, line_chars):
        block.append(piece)
        size += len(piece)
        if len(block) >= block_lines or size >= block_chars or not piece.endswith("\n"):
            yield "".join(block)
            block, size = [], 0
    if block:
        yield "".join(block)


@dataclass(frozen=True)
class NormalizedBlock:
    """A block of the input and what normalizing it gave, lines counted in the whole input."""

    first_line: int
    """How many lines come before this block."""
    source: str
    text: str
    diagnostics: tuple[Diagnostic, ...]
    changes: tuple[Change, ...]
    first_column: int = 0
    """How many characters of its first line come before this block (a piece of a long line)."""

    @property
    def changed(self) -> bool:
        return self.text != self.source


def _placed(
    first: int, column: int, source: str, result: BlockResult, cut: Diagnostic | None = None
) -> NormalizedBlock:
    """A block's result with its lines (and, on its first line, columns) counted in the whole input."""
    if not first and not column and cut is None:
        return NormalizedBlock(0, source, result.text, result.diagnostics, result.changes)

    def shift(line: int, col: int) -> tuple[int, int]:
        return line + first, col + column if line == 1 else col

    diagnostics = tuple(
        Diagnostic(*shift(d.line, d.column), d.code, d.message, d.suggestion) for d in result.diagnostics
    )
    changes = tuple(
        Change(c.kind, c.rule, *shift(c.line, c.column), c.before, c.after, c.reason, c.evidence)
        for c in result.changes
    )
    if cut is not None:
        diagnostics = (cut, *diagnostics)
    return NormalizedBlock(first, source, result.text, diagnostics, changes, column)


def line_cut(line: int, column: int) -> Diagnostic:
    """The report of a long line cut where ``pieces`` found no clean place: inside Burmese text."""
    return Diagnostic(
        line,
        column,
        "line-cut",
        f"this line was cut here, inside Burmese text (no space or other clean place for {LINE_CHARS // 2:,} "
        "characters), to keep memory bounded; the text on either side was normalized on its own",
        "check the text around it; a line break between sentences avoids the cut",
    )


def _run_block(args: tuple[str, Options, bool]) -> BlockResult:
    text, options, explain = args
    return normalize_block(text, options, explain=explain)


def normalize_blocks(
    texts: Iterable[str], options: Options = Options(), *, jobs: int = 1, explain: bool = False
) -> Iterator[NormalizedBlock]:
    """Normalize blocks in order, each as a document of its own.

    With ``jobs`` > 1 the blocks go to worker processes, at most two per worker in
    flight, so memory stays bounded however long the input.
    """
    first_line = first_column = 0
    before = ""

    def numbered(results: Iterable[tuple[str, BlockResult]]) -> Iterator[NormalizedBlock]:
        nonlocal first_line, first_column, before
        for text, result in results:
            cut = None
            if first_column and not clean_cut(before, text):
                cut = line_cut(first_line + 1, first_column + 1)
            yield _placed(first_line, first_column, text, result, cut)
            newlines = text.count("\n")
            first_column = len(text) - text.rfind("\n") - 1 if newlines else first_column + len(text)
            first_line += newlines
            before = text[-1:]

    if jobs <= 1:
        yield from numbered((t, _run_block((t, options, explain))) for t in texts)
        return
    with worker_pool(jobs) as pool:
        pending: deque[tuple[str, Future[BlockResult]]] = deque()

        def drain(limit: int) -> Iterator[tuple[str, BlockResult]]:
            while len(pending) > limit:
                text, future = pending.popleft()
                yield text, future.result()

        for text in texts:
            pending.append((text, pool.submit(_run_block, (text, options, explain))))
            yield from numbered(drain(2 * jobs))
        yield from numbered(drain(0))
